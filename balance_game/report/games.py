"""The measures of Think and lean and Weight transfer in the report, beyond success and difficulty.

Both games store a row of measures with every trial (core/mechanics/dual.py and transfer.py);
this reads them from the gathered sessions (``SessionSummary.trials``) and lays out, for each
game the player played in the period: one row per session, the first weeks against the latest,
and for Think and lean the rule kinds, for Weight transfer the two sides apart (an asymmetry
between the standing legs is the clinical point). A figure no trial measured is written
"not measured", never as a zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, median
from typing import Any

from balance_game.core.mechanics.dual import (
    CHOOSE_S,
    MOVE_ONSET,
    NOGO_MOVE,
    RULE_KINDS,
)
from balance_game.core.mechanics.transfer import LIFTED_SHARE, STANCE_SHARE, TOUCH_SHARE
from balance_game.i18n import N_, _, number
from balance_game.report.content import DASH, Table, _date, game_name
from balance_game.report.data import ReportData

NOT_MEASURED = N_("not measured")
TREND_DAYS = 14  # "first weeks" and "latest weeks": the first and the last two weeks played
RULE_WORDS = {"colour": N_("colour"), "shape": N_("shape"), "number": N_("number"),
              "word": N_("word")}
# A rule kind "matters" when its error share or its median reaction time stands this far from
# another kind's, each with at least RULE_MIN_TRIES go tries (smaller groups say little).
RULE_ERROR_GAP_PCT = 15.0
RULE_RT_GAP_S = 0.2
RULE_MIN_TRIES = 10
SIDES = ("left", "right")
Trials = list[dict[str, Any]]


@dataclass(frozen=True)
class Played:
    """One session's trials of one game, on the day it was played."""

    day: date
    trials: Trials


def played(data: ReportData, mechanic: str) -> list[Played]:
    """The sessions in which ``mechanic`` was played, oldest first."""
    return [Played(s.day, s.trials[mechanic]) for s in data.sessions if s.trials.get(mechanic)]


def values(trials: Trials, key: str, keep: Callable[[dict[str, Any]], bool] = lambda m: True
           ) -> list[float]:
    """The finite numbers stored under ``key`` in the trials ``keep`` accepts."""
    out = []
    for m in trials:
        v = m.get(key)
        if keep(m) and isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
            out.append(float(v))
    return out


def _stat(numbers: list[float], how: Callable[[list[float]], float], digits: int) -> str:
    return number(how(numbers), digits) if numbers else _(NOT_MEASURED)


def _share(count: int, of: int) -> float | None:
    return 100.0 * count / of if of else None


def _value(value: float | None, digits: int) -> str:
    return _(NOT_MEASURED) if value is None else number(value, digits)


def trend_split(sessions: list[Played]) -> tuple[list[Played], list[Played]] | None:
    """The sessions of the first and of the latest TREND_DAYS the game was played; when it was
    played over less than twice that, the earlier and the later half of its sessions; None
    with a single session (no trend)."""
    if len(sessions) < 2:
        return None
    first, last = sessions[0].day, sessions[-1].day
    if (last - first).days + 1 >= 2 * TREND_DAYS:
        return ([p for p in sessions if p.day < first + timedelta(days=TREND_DAYS)],
                [p for p in sessions if p.day > last - timedelta(days=TREND_DAYS)])
    half = len(sessions) // 2
    return sessions[:half], sessions[half:]


def _span(sessions: list[Played]) -> str:
    first, last = _date(sessions[0].day), _date(sessions[-1].day)
    return first if first == last else f"{first} {DASH} {last}"


def _pool(sessions: list[Played]) -> Trials:
    return [m for p in sessions for m in p.trials]


def _change(first: float | None, last: float | None, digits: int) -> str:
    if first is None or last is None:
        return DASH
    delta = _difference(last, first, digits)
    return ("+" if delta > 0 else "") + number(delta, digits)


def _difference(a: float, b: float, digits: int) -> float:
    """a − b of the two figures as the table shows them (so 12 − 9 reads 3, not 2.4 rounded),
    never "-0"."""
    return round(round(a, digits) - round(b, digits), digits) + 0.0


# --- Think and lean ----------------------------------------------------------------------------
def _go(m: dict[str, Any]) -> bool:
    return bool(m.get("go", True))


def _correct_go(m: dict[str, Any]) -> bool:
    return _go(m) and m.get("error") == "none"


def _errors(trials: Trials, kind: str) -> int:
    return sum(m.get("error") == kind for m in trials)


@dataclass(frozen=True)
class DualFigures:
    """The figures of a set of Think-and-lean trials, None where nothing measured them."""

    go: int
    nogo: int
    wrong: int  # leaned into an item that did not fit the rule
    commission: int  # moved on a no-go try
    omission: int  # no item chosen in time on a go try
    reaction: list[float]  # go tries on which the player moved (s)
    response: list[float]  # correct go tries (s)
    sway: list[float]  # RMS while deciding (% LOS)

    @classmethod
    def of(cls, trials: Trials) -> DualFigures:
        go = [m for m in trials if _go(m)]
        return cls(go=len(go), nogo=len(trials) - len(go), wrong=_errors(go, "wrong_item"),
                   commission=_errors(trials, "no_go_moved"), omission=_errors(go, "no_response"),
                   reaction=values(go, "reaction_time_s"),
                   response=values(trials, "response_time_s", _correct_go),
                   sway=values(trials, "decision_sway_rms_pct"))

    def trend_rows(self) -> list[tuple[str, float | None, int]]:
        """(label, value, digits) of each figure the trend compares."""
        return [
            (_("Reaction time, median (s)"), median(self.reaction) if self.reaction else None, 2),
            (_("Response time of correct tries, median (s)"),
             median(self.response) if self.response else None, 2),
            (_("Wrong item (% of go tries)"), _share(self.wrong, self.go), 0),
            (_("Moved on a no-go try (% of no-go tries)"), _share(self.commission, self.nogo), 0),
            (_("No response (% of go tries)"), _share(self.omission, self.go), 0),
            (_("Sway while deciding, mean RMS (% LOS)"),
             fmean(self.sway) if self.sway else None, 1),
        ]


def dual_sessions_table(sessions: list[Played]) -> Table:
    rows = []
    for p in sessions:
        f = DualFigures.of(p.trials)
        rt = (f"{number(median(f.reaction), 2)} ({number(fmean(f.reaction), 2)})"
              if f.reaction else _(NOT_MEASURED))
        rows.append([_date(p.day), f"{f.go} / {f.nogo}", rt, _stat(f.response, median, 2),
                     str(f.wrong), str(f.commission) if f.nogo else DASH, str(f.omission),
                     _stat(f.sway, fmean, 1)])
    return Table(_("Think and lean by session"),
                 [_("Date"), _("Tries go / no-go (n)"), _("Reaction time, median (mean) (s)"),
                  _("Response time of correct tries, median (s)"), _("Wrong item (n)"),
                  _("Moved on a no-go try (n)"), _("No response (n)"),
                  _("Sway while deciding, mean RMS (% LOS)")], rows,
                 _("Go tries: one item fits the rule; no-go tries: none fits and the task is to "
                   "stand still (– a session without them)."), numeric=set(range(1, 8)))


def trend_table(title: str, split: tuple[list[Played], list[Played]],
                rows_of: Callable[[Trials], list[tuple[str, float | None, int]]]) -> Table:
    """First against latest weeks, one row per figure, with the change in the row's unit."""
    first, last = split
    header = [_("Measure"), _("First: {span}").format(span=_span(first)),
              _("Latest: {span}").format(span=_span(last)), _("Change")]
    rows = []
    for (label, a, digits), (_label, b, _digits) in zip(rows_of(_pool(first)),
                                                        rows_of(_pool(last)), strict=True):
        rows.append([label, _value(a, digits), _value(b, digits), _change(a, b, digits)])
    return Table(title, header, rows, _(
        "The sessions of the first and of the latest {days} days the game was played (the "
        "earlier and the later half of its sessions when it was played over less than {twice} "
        "days); a change of a share (%) is in percentage points.").format(
        days=TREND_DAYS, twice=2 * TREND_DAYS), numeric={1, 2, 3})


def rule_groups(trials: Trials) -> list[tuple[str, Trials]]:
    """The go tries under each rule kind played, then the first tries after a rule change
    and the no-go tries (last), each as (label, trials)."""
    groups = [(_(RULE_WORDS[k]), [m for m in trials if _go(m) and m.get("rule") == k])
              for k in RULE_KINDS]
    groups.append((_("first try after a rule change"),
                   [m for m in trials if _go(m) and m.get("switch")]))
    groups.append((_("no-go tries (stand still)"), [m for m in trials if not _go(m)]))
    return [(label, group) for label, group in groups if group]


def _error_share(group: Trials) -> float:
    return 100.0 * sum(m.get("error", "none") != "none" for m in group) / len(group)


def dual_rules_table(trials: Trials) -> Table:
    rows = []
    for label, group in rule_groups(trials):
        timed = _go(group[0])  # on no-go tries the right answer has no reaction to time
        rows.append([label, str(len(group)), number(_error_share(group), 0),
                     _stat(values(group, "reaction_time_s"), median, 2) if timed else DASH,
                     _stat(values(group, "response_time_s", _correct_go), median, 2)
                     if timed else DASH])
    return Table(_("Think and lean by rule, whole period"),
                 [_("Rule"), _("Tries (n)"), _("Errors (% of tries)"),
                  _("Reaction time, median (s)"), _("Response time of correct tries, median (s)")],
                 rows, rule_note(trials), numeric={1, 2, 3, 4})


def rule_note(trials: Trials) -> str:
    """Whether the kind of rule made a difference, in one sentence."""
    kinds = []
    for k in RULE_KINDS:
        group = [m for m in trials if _go(m) and m.get("rule") == k]
        if len(group) >= RULE_MIN_TRIES:
            rt = values(group, "reaction_time_s")
            kinds.append((_(RULE_WORDS[k]), _error_share(group), median(rt) if rt else None))
    if len(kinds) < 2:
        return _("Too few tries under different kinds of rule (at least {n} go tries each) to "
                 "compare them.").format(n=RULE_MIN_TRIES)
    worst = max(kinds, key=lambda k: k[1])
    best = min(kinds, key=lambda k: k[1])
    timed = [k for k in kinds if k[2] is not None]
    slow = max(timed, key=lambda k: k[2] or 0.0) if timed else None
    fast = min(timed, key=lambda k: k[2] or 0.0) if timed else None
    parts = []
    if worst[1] - best[1] >= RULE_ERROR_GAP_PCT:
        parts.append(_("The rule kind matters: errors were most frequent with {worst} rules "
                       "({high} % of tries against {low} % with {best} rules).").format(
            worst=worst[0], high=number(worst[1], 0), low=number(best[1], 0), best=best[0]))
    if slow and fast and (slow[2] or 0.0) - (fast[2] or 0.0) >= RULE_RT_GAP_S:
        parts.append(_("Reactions were slowest with {slow} rules (median {high} s against {low} s "
                       "with {fast} rules).").format(slow=slow[0], high=number(slow[2] or 0.0, 2),
                                                     low=number(fast[2] or 0.0, 2), fast=fast[0]))
    if not parts:
        parts.append(_("The rule kind made little difference: errors within {gap} percentage "
                       "points and median reaction times within {seconds} s of each other.")
                     .format(gap=number(RULE_ERROR_GAP_PCT, 0), seconds=number(RULE_RT_GAP_S, 1)))
    return " ".join(parts) + " " + _("Compared: the kinds with at least {n} go tries ({kinds}).")\
        .format(n=RULE_MIN_TRIES, kinds=", ".join(k[0] for k in kinds))


def dual_tables(data: ReportData) -> list[Table]:
    """Think and lean's tables; none when the player did not play it in the period."""
    sessions = played(data, "dual")
    if not sessions:
        return []
    split = trend_split(sessions)  # none with a single session: no trend yet
    trend = [trend_table(_("Think and lean: first against latest weeks"), split,
                         lambda trials: DualFigures.of(trials).trend_rows())] if split else []
    return [dual_sessions_table(sessions), *trend, dual_rules_table(_pool(sessions))]


# --- Weight transfer ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SideFigures:
    """One standing side's figures over a set of Weight-transfer trials."""

    tries: int
    load: list[float]  # peak % of the load on the standing side's cells (load cells only)
    on_one_leg: list[float]  # s per try
    touchdowns: list[float]  # per try
    reaction: list[float]  # cue to the foot coming up (s)

    @classmethod
    def of(cls, trials: Trials, side: str) -> SideFigures:
        mine = [m for m in trials if m.get("standing_foot") == side]
        return cls(tries=len(mine), load=values(mine, "load_transfer_pct"),
                   on_one_leg=values(mine, "time_on_one_leg_s"),
                   touchdowns=values(mine, "touchdowns"), reaction=values(mine, "reaction_time_s"))

    def figures(self) -> list[tuple[str, float | None, int]]:
        """(label, value, digits) of each figure, None where no try measured it."""
        return [
            (_("Load on the standing side, mean of peaks (%)"),
             fmean(self.load) if self.load else None, 0),
            (_("Time on one leg, mean per try (s)"),
             fmean(self.on_one_leg) if self.on_one_leg else None, 1),
            (_("Touch-downs, mean per try (n)"),
             fmean(self.touchdowns) if self.touchdowns else None, 1),
            (_("Reaction time from cue to lift, median (s)"),
             median(self.reaction) if self.reaction else None, 2),
        ]


def _pair(left: str, right: str) -> str:
    return f"{left} / {right}"


def transfer_sessions_table(sessions: list[Played]) -> Table:
    rows = []
    for p in sessions:
        sides = [SideFigures.of(p.trials, side) for side in SIDES]
        rows.append([
            _date(p.day), _pair(*(str(s.tries) for s in sides)),
            _pair(*(_stat(s.load, fmean, 0) for s in sides)),
            _pair(*(_stat(s.on_one_leg, fmean, 1) for s in sides)),
            _pair(*(str(int(sum(s.touchdowns))) for s in sides)),
            _pair(*(_stat(s.reaction, median, 2) for s in sides)),
        ])
    return Table(_("Weight transfer by session, standing on the left / right foot"),
                 [_("Date"), _("Tries (n)"), _("Load on the standing side, mean of peaks (%)"),
                  _("Time on one leg, mean per try (s)"), _("Touch-downs (n)"),
                  _("Reaction time from cue to lift, median (s)")], rows,
                 _("Each cell: standing on the left foot / on the right foot (the other foot "
                   "lifted)."), numeric=set(range(1, 6)))


def transfer_sides_table(sessions: list[Played]) -> Table:
    """Each side's figures, first against latest weeks, and the difference between the sides."""
    split = trend_split(sessions)
    first, last = split if split else ([], sessions)
    title = _("Weight transfer: left against right")
    header = [_("Measure")]
    if first:
        header += [_("Left, first"), _("Right, first")]
    header += [_("Left, latest"), _("Right, latest"), _("Left − right, latest")]
    spans = "; ".join([*([_("First: {span}").format(span=_span(first))] if first else []),
                       _("Latest: {span}").format(span=_span(last))]) + "."
    columns = [SideFigures.of(_pool(group), side).figures()
               for group in ([first, last] if first else [last]) for side in SIDES]
    rows = []
    for i, (label, _v, digits) in enumerate(columns[0]):
        cells = [_value(column[i][1], digits) for column in columns]
        left, right = columns[-2][i][1], columns[-1][i][1]
        gap = DASH if left is None or right is None else number(
            _difference(left, right, digits), digits)
        rows.append([label, *cells, gap])
    return Table(title, header, rows, spans + " " + _(
        "Left: standing on the left foot, right foot lifted; right: the other way round. First "
        "and latest: the sessions of the first and of the latest {days} days the game was "
        "played (the earlier and the later half of its sessions when it was played over less "
        "than {twice} days); a single session shows only the latest.").format(
        days=TREND_DAYS, twice=2 * TREND_DAYS),
                 numeric=set(range(1, len(header))))


def transfer_tables(data: ReportData) -> list[Table]:
    """Weight transfer's tables; none when the player did not play it in the period."""
    sessions = played(data, "transfer")
    if not sessions:
        return []
    return [transfer_sessions_table(sessions), transfer_sides_table(sessions)]


def sections(data: ReportData) -> list[tuple[str, list[Table]]]:
    """(heading, tables) of each game with its own measures that was played in the period."""
    out = []
    for mechanic, tables in (("dual", dual_tables(data)), ("transfer", transfer_tables(data))):
        if tables:
            out.append((_("{game}: measures").format(game=game_name(mechanic)), tables))
    return out


def methods_items(data: ReportData) -> list[tuple[str, str]]:
    """How each measure shown is defined (core/mechanics/dual.py and transfer.py), for the
    games played in the period."""
    items = []
    if played(data, "dual"):
        items.append((game_name("dual"), _(
            "Reaction time: from the items appearing to the start of the movement (the lean "
            "{onset} % of the limits of stability away from where the try began), over go tries "
            "on which the player moved. Response time: to choosing an item (staying inside it "
            "{choose} s), over correct go tries. Errors: a wrong item; moving on a no-go try "
            "(commission: choosing an item, or leaning {nogo} % of the way to the items); no "
            "item chosen in the time allowed on a go try (omission). Sway while deciding: RMS "
            "distance of the centre of pressure from its mean, in % of the player's limits of "
            "stability, from the items appearing to the start of the movement (dsp/sway.py). "
            "Medians, because a few very slow tries would pull a mean.").format(
            onset=number(100 * MOVE_ONSET, 0), choose=number(CHOOSE_S, 2),
            nogo=number(100 * NOGO_MOVE, 0))))
    if played(data, "transfer"):
        items.append((game_name("transfer"), _(
            "Sides are named by the standing foot. Load on the standing side: the highest share "
            "of the total load on the two load cells of the standing foot's side during a try "
            "(50 % is an even stance; with the feet about hip width apart, all the weight on "
            "one foot is about {full} %); read from the load cells only, so not measured with a "
            "keyboard or gamepad. Time on one leg: seconds the lifted foot carried at most "
            "{lifted} % of the weight. Touch-downs: times the lifted foot took {touch} % of the "
            "weight again during the hold. Reaction time: from the cue to the foot coming "
            "up.").format(full=number(50 + 50 * STANCE_SHARE, 0),
                          lifted=number(100 * LIFTED_SHARE, 0),
                          touch=number(100 * TOUCH_SHARE, 0))))
    return items


__all__ = ["NOT_MEASURED", "TREND_DAYS", "DualFigures", "Played", "SideFigures", "dual_tables",
           "methods_items", "played", "rule_groups", "sections", "transfer_tables", "trend_split",
           "values"]

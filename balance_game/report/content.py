"""The report's text and tables, laid out once for both the HTML and the PDF writers.

A table is a ``Table`` (title, header, rows of strings, an optional note); the writers only
decide how it looks. Every word is in the active language (``write_report`` chooses it) and
every date and number is written as that language writes them (``i18n.number``,
``i18n.date_text``): the report is read by people; files programs read are the exports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from balance_game.core.assessments import CONDITIONS, LOS_ORDER, LOS_WORDS
from balance_game.core.levels import load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.core.prescriptions import describe
from balance_game.core.rewards import MILESTONES
from balance_game.i18n import N_, _, active_language, date_text, ngettext, number, time_text
from balance_game.report.data import (
    NORM_GROUPS,
    PAUSE_REASONS,
    PIPELINE_TEXT,
    SWAY_MEASURES,
    ReportData,
    aware,
    los_polygon,
    normative_band,
    quiet_series,
)
from balance_game.storage.export.collect import result_fields, unit_of

DASH = "–"
NORM_GROUP_NAMES = {"Young": N_("younger adults"), "Old": N_("older adults")}
PAUSE_WORDS = {"step_off": N_("stepped off"), "balance_lost": N_("balance lost"),
               "device_lost": N_("board lost"), "user": N_("paused by the player")}
TEST_TITLES = {"quiet": N_("quiet stance"), "los": N_("limits of stability"),
               "symmetry": N_("weight-bearing symmetry"),
               "steadi": N_("STEADI 4-Stage Balance Test"),
               "single_leg": N_("single-leg stance"), "single-leg": N_("single-leg stance")}
DISPLAY_UNITS = {"mm2": "mm²", "deg": "°", "deg/s": "°/s", "1": ""}


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""
    numeric: set[int] = field(default_factory=set)  # columns to right-align


def _num(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else number(value, digits)


def _day(moment: datetime) -> str:
    """Weekday and date: "Mi., 2. Dez. 2026"."""
    return date_text(moment.date(), "yMMMEd")


def _date(moment: datetime | date) -> str:
    return date_text(moment.date() if isinstance(moment, datetime) else moment)


def weekday_names() -> list[str]:
    """Monday to Sunday, abbreviated in the active language (CLDR)."""
    from babel.dates import get_day_names

    names = get_day_names("abbreviated", locale=active_language())
    return [names[i] for i in range(7)]


def game_name(mechanic: str) -> str:
    """A game as the player knows it ("Think and lean"); the stored key when unknown."""
    return _(MECHANICS[mechanic].title) if mechanic in MECHANICS else mechanic


def test_title(kind: str) -> str:
    return _(TEST_TITLES[kind]) if kind in TEST_TITLES else kind.replace("_", " ")


def period_text(data: ReportData) -> str:
    if data.first_day is None or data.last_day is None:
        return _("no sessions recorded")
    return _("{first} to {last}").format(first=date_text(data.first_day, "long"),
                                         last=date_text(data.last_day, "long"))


def header_items(data: ReportData) -> list[tuple[str, str]]:
    recorded = ", ".join(data.recorded_versions) or DASH
    made = aware(data.generated_at)
    return [
        (_("Player"), _("{name} (pseudonymous id {id})").format(name=data.name, id=data.player_id)),
        (_("Age"), data.age_text),
        (_("Period covered"), period_text(data)),
        (_("Generated"), _("{date}, {time} (UTC{offset})").format(
            date=date_text(made.date(), "long"), time=time_text(made.time()),
            offset=made.isoformat(timespec="seconds")[19:] or "+00:00")),
        (_("Software"), _("balance_game {version} (sessions recorded with {versions})").format(
            version=data.software_version, versions=recorded)),
    ]


def _sessions_words(n: int) -> str:
    return ngettext("{n} session", "{n} sessions", n).format(n=n)


def _weeks_words(n: int) -> str:
    return ngettext("over {n} week", "over {n} weeks", n).format(n=n)


def summary_items(data: ReportData) -> list[tuple[str, str]]:
    sessions = data.sessions
    attended = sum(s.active_min for s in sessions if s.attended)
    independent = sum(s.active_min for s in sessions if not s.attended)
    n_weeks = len(data.weeks)
    items = [
        (_("Sessions"), _("{sessions} ({tests} with a clinical test) {weeks}").format(
            sessions=_sessions_words(len(sessions)),
            tests=sum(s.kind == "assessment" for s in sessions), weeks=_weeks_words(n_weeks))),
        (_("Active minutes"), _("{total} in total: {attended} therapist-attended, {independent} "
                                "independent (rests and pauses excluded)").format(
            total=number(data.total_minutes, 1), attended=number(attended, 1),
            independent=number(independent, 1))),
        (_("Days with sessions"), str(len({s.day for s in sessions}))),
    ]
    if n_weeks:
        items.append((_("Mean per week"), _("{sessions} sessions, {minutes} active minutes").format(
            sessions=number(len(sessions) / n_weeks, 1),
            minutes=number(data.total_minutes / n_weeks, 1))))
    if data.prescription:
        met = sum(w.adherence.met(data.target) for w in data.weeks)
        items.append((_("Prescription"), describe(data.prescription)))
        items.append((_("Weeks meeting the prescription"), _(
            "{met} of {weeks} (a week is met when it has {sessions} training sessions of at least "
            "{minutes} active minutes and {week_minutes} training minutes; tests count apart)")
            .format(met=met, weeks=n_weeks, sessions=data.target.sessions_per_week,
                    minutes=number(data.target.minutes_per_session),
                    week_minutes=number(data.target.minutes_per_week))))
        if data.prescription.note:
            items.append((_("Therapist's note to the player"), data.prescription.note))
    else:
        items.append((_("Prescription"), _("none recorded (the game's defaults applied)")))
    return items


def calendar_table(data: ReportData) -> Table:
    header = [_("Week of"), *(_("{day} (min)").format(day=d) for d in weekday_names()),
              _("Sessions (n)"), _("Active (min)")]
    target = data.target if data.prescription else None
    if target:
        header += [_("Training sessions ≥ {minutes} min (n)").format(
                       minutes=number(target.minutes_per_session)),
                   _("Training (min)"), _("Tests (n)"),
                   _("Target {sessions} × {minutes} min").format(
                       sessions=target.sessions_per_week,
                       minutes=number(target.minutes_per_session))]
    rows = []
    for week in data.weeks:
        cells = [_date(week.monday)]
        for i in range(7):
            cells.append(_num(week.minutes.get(week.monday + timedelta(days=i))))
        cells += [str(week.sessions), number(week.total_min, 1)]
        if target:
            a = week.adherence
            cells += [str(a.sessions), number(a.minutes, 1), str(a.tests),
                      _("met") if a.met(target) else _("not met")]
        rows.append(cells)
    return Table(_("Adherence calendar"), header, rows, _(
        "Each day shows the active minutes of the sessions started that day, in the time zone "
        "where they were played; – no session. A training session counts toward the "
        "prescription once it lasted the prescribed minutes; shorter ones add their minutes "
        "only; clinical test sessions are counted apart."),
                 numeric=set(range(1, len(header) - (1 if target else 0))))


def mechanic_table(data: ReportData) -> Table:
    rows = []
    for mechanic in data.mechanics():
        mine = [s for s in data.sessions if mechanic in s.mechanics]
        first, last = mine[0].mechanics[mechanic], mine[-1].mechanics[mechanic]
        n = sum(s.mechanics[mechanic]["n"] for s in mine)
        ok = sum(s.mechanics[mechanic]["n"] * s.mechanics[mechanic]["success_pct"] / 100 for s in mine)
        rows.append([game_name(mechanic), str(len(mine)), str(int(n)), number(100 * ok / n, 0),
                     f"{number(first['success_pct'], 0)} → {number(last['success_pct'], 0)}",
                     f"{number(first['difficulty'], 2)} → {number(last['difficulty'], 2)}"])
    return Table(_("Success and difficulty by game"),
                 [_("Game"), _("Sessions (n)"), _("Trials (n)"), _("Success, all (%)"),
                  _("Success first → latest (%)"), _("Difficulty first → latest (0–1)")], rows,
                 numeric={1, 2, 3})


def milestones_table(data: ReportData) -> Table:
    """The milestones the player reached, as stored when they were earned, oldest first."""
    earned = sorted(data.milestones.items(), key=lambda item: item[1])
    rows = [[_(MILESTONES[key]) if key in MILESTONES else key, _date(aware(when))]
            for key, when in earned]
    return Table(_("Milestones reached"), [_("Milestone"), _("Reached on")], rows, _(
        "{n} of {total} milestones reached. Milestones are the game's rewards, shown to the "
        "player on the title and results screens; they are not clinical measures.").format(
        n=len(rows), total=len(MILESTONES)))


def bests_table(data: ReportData) -> Table:
    """Each level's personal best (the best mean score of a finished play), game by game."""
    levels = {spec.id: spec for spec in load_levels()}
    order = {spec.id: i for i, spec in enumerate(levels.values())}
    rows = []
    for best in sorted(data.bests, key=lambda b: order.get(b.level_id, len(order))):
        spec = levels.get(best.level_id)
        rows.append([game_name(spec.mechanic) if spec else DASH,
                     _(spec.title) if spec else best.level_id,
                     _num(best.best_score, 1), str(best.best_stars), str(best.plays),
                     _date(aware(best.last_played_at))])
    return Table(_("Personal bests"),
                 [_("Game"), _("Level"), _("Best score (0–100)"), _("Best stars (0–3)"),
                  _("Plays (n)"), _("Last played")], rows,
                 _("The best score is the best mean trial score of a level played to the end; "
                   "stars and plays count every play of the level."), numeric={2, 3, 4})


def quiet_exclusions(data: ReportData) -> list[str]:
    """Conditions of quiet-stance tests left out of the trends, and why."""
    words = {key: f"{_(eyes)}, {_(surface)}" for key, eyes, surface in CONDITIONS}
    out = []
    for row in data.quiet:
        for key, entry in (row["results"].get("conditions") or {}).items():
            m = entry.get("measures") or {}
            why = (_("stopped ({reason})").format(reason=entry["stopped"]) if entry.get("stopped")
                   else None if m.get("valid") else (m.get("reason") or _("no data")))
            if why:
                out.append(f"{_date(aware(row['created_at']))} "
                           f"{words.get(key, key.replace('_', ' '))}: {why}")
    return out


def _band(norm, digits: int) -> str:
    if not norm:
        return DASH
    return (f"{number(norm.mean, digits)} ± {number(norm.sd, digits)} "
            f"({number(norm.q1, digits)}–{number(norm.q3, digits)})")


def norm_ages(group: str) -> str:
    """The ages of a BDS group: "60.5–86 y"."""
    low, high = NORM_GROUPS[group]
    return _("{low}–{high} y").format(low=number(low), high=number(high))


def norm_text(data: ReportData) -> str:
    if data.norm_group:
        return _("{group} ({ages}), chosen from the player's age ({age})").format(
            group=_(NORM_GROUP_NAMES[data.norm_group]), ages=norm_ages(data.norm_group),
            age=data.age_text)
    if data.age is None:
        return _("no group: the player's age is not recorded, so no band is shaded; both "
                 "groups are listed for reference")
    return _("no group: the norms start at 18 years ({age})").format(age=data.age_text)


def sway_tables(data: ReportData) -> list[Table]:
    """One table per pinned measure (so every column has its unit), rows by condition."""
    tables = []
    for measure, label, unit in SWAY_MEASURES:
        digits = 0 if unit == "mm²" else 1
        rows = []
        for key, eyes, surface in CONDITIONS:
            series = quiet_series(data, key, measure)
            if series:
                rows.append([f"{_(eyes)}, {_(surface)}", str(len(series)),
                             _num(series[0][1], digits), _num(series[-1][1], digits),
                             _band(normative_band("Old", key, measure), digits),
                             _band(normative_band("Young", key, measure), digits)])
        if rows:
            tables.append(Table(
                _("Quiet stance (modified CTSIB): {measure} ({unit})").format(
                    measure=_(label), unit=unit),
                [_("Condition"), _("Tests (n)"), _("First ({unit})").format(unit=unit),
                 _("Latest ({unit})").format(unit=unit),
                 _("Norm {ages}: mean ± SD (IQR) ({unit})").format(ages=norm_ages("Old"),
                                                                    unit=unit),
                 _("Norm {ages}: mean ± SD (IQR) ({unit})").format(ages=norm_ages("Young"),
                                                                    unit=unit)],
                rows, numeric={1, 2, 3}))
    if tables:
        tables[-1].note = sway_note(data)
    return tables


def sway_note(data: ReportData) -> str:
    parts = [_("Norms: docs/sway-measures.md §6 (BDS, Santos & Duarte 2016: lab force plate, "
               "60 s, raw signal), converted to mm. The charts shade {norm}. Board data after the "
               "standard pipeline over 30 s is not directly comparable with lab values, velocity "
               "least of all: compare the player with their own earlier tests first.")
             .format(norm=norm_text(data))]
    if data.quiet:
        parts.append(ngettext("{n} quiet-stance test in the period.",
                              "{n} quiet-stance tests in the period.",
                              len(data.quiet)).format(n=len(data.quiet)))
    excluded = quiet_exclusions(data)
    if excluded:
        parts.append(_("Not in the trends: {list}.").format(list="; ".join(excluded)))
    return " ".join(parts)


def _los_cell(row: dict, direction: str) -> str:
    entry = (row["results"].get("directions") or {}).get(direction) or {}
    mm, pct = entry.get("max_excursion_mm"), entry.get("max_excursion_pct")
    if entry.get("reason") and mm is None:
        return _("invalid ({reason})").format(reason=entry["reason"])
    if mm is None:
        return DASH
    return f"{number(mm, 0)} mm" + (f" ({number(pct, 0)} %)" if pct is not None else "")


def los_table(data: ReportData) -> Table:
    title = _("Limits of stability: maximal excursion, mm (% of the theoretical limit)")
    rows = [r for r in data.los if any(v for v in los_polygon(r).values())]
    if not rows:
        return Table(title, [], [])
    first, latest = rows[0], rows[-1]
    body = [[_(LOS_WORDS[d]), _los_cell(first, d), _los_cell(latest, d)] for d in LOS_ORDER]
    area_f, area_l = (r["results"].get("polygon_area_mm2") for r in (first, latest))
    body.append([_("Polygon area (cm²)"), _num(area_f / 100 if area_f else None),
                 _num(area_l / 100 if area_l else None)])
    return Table(title,
                 [_("Direction"),
                  _("First {date} (mm, %)").format(date=_date(aware(first["created_at"]))),
                  _("Latest {date} (mm, %)").format(date=_date(aware(latest["created_at"])))], body,
                 ngettext("{n} test in the period.", "{n} tests in the period.", len(rows))
                 .format(n=len(rows)) + " " + _(
                     "% is of the theoretical limit in that direction, as stored with the test "
                     "(see docs/sway-measures.md, limits of stability); a direction the player "
                     "never reached, or with an implausible reaction, is shown invalid with the "
                     "reason. The chart draws the polygon of the maximal excursions."),
                 numeric={1, 2})


def _result_text(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and math.isfinite(value):  # two decimals at most, none trailing
        return number(value, len(f"{value:.2f}".rstrip("0").split(".")[1]))
    if isinstance(value, str) and value:  # stored words the catalogs know are shown translated
        return _(value)
    return DASH if value is None or value == "" else str(value)


def other_tests_tables(data: ReportData) -> list[Table]:
    """One table per other kind of clinical test (symmetry, STEADI, single-leg stance, ...):
    every stored result field with its unit, latest test first. Fields named ``norm``,
    ``interpretation`` or ``steadi_text`` carry the norm and the STEADI wording, when the test
    stores them. Field names and stored words stay as stored: they are the exports' keys."""
    tables = []
    for kind, rows in data.tests.items():
        latest = rows[-1]
        fields = [(f, v) for f, v in result_fields(latest["results"]) if v not in (None, "")]
        body = [[f.replace(".", " › ").replace("_", " "), _result_text(v), _unit(f, v)]
                for f, v in fields]
        title = test_title(kind)
        tables.append(Table(
            _("{test}: latest result, {date}").format(test=title[:1].upper() + title[1:],
                                                      date=_date(aware(latest["created_at"]))),
            [_("Result"), _("Value"), _("Unit")], body,
            ngettext("{n} test of this kind in the period; every field as stored (also in the "
                     "exports).", "{n} tests of this kind in the period; every field as stored "
                     "(also in the exports).", len(rows)).format(n=len(rows)),
            numeric={1}))
    return tables


def _unit(field: str, value) -> str:
    """The field's unit as exported (storage.export.collect.unit_of), written for reading."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    unit = unit_of(field)
    return DISPLAY_UNITS.get(unit, unit)


def _pauses_text(counts: dict[str, int], keep_zero: bool) -> str:
    return ", ".join(f"{_(PAUSE_WORDS[r])} {counts.get(f'pauses_{r}', 0)}" for r in PAUSE_REASONS
                     if keep_zero or counts.get(f"pauses_{r}"))


def safety_items(data: ReportData) -> list[tuple[str, str]]:
    totals = data.safety_totals
    return [
        (_("Step-offs"), str(totals.get("step_offs", 0))),
        (_("Pauses"), f"{totals.get('pauses_total', 0)} ({_pauses_text(totals, True)})"),
        (_("Trials interrupted"), _("{n} ({at_end} of them when the session's time ran out)")
         .format(n=totals.get("aborted_trials", 0), at_end=totals.get("aborted_at_end", 0))),
    ]


def safety_table(data: ReportData) -> Table:
    rows = []
    for s in data.sessions:
        sf = s.safety
        if not (sf.get("pauses_total") or s.pain_before is not None or s.pain_after is not None
                or s.notes):
            continue
        rows.append([_date(s.started), str(sf.get("step_offs", 0)),
                     _pauses_text(sf, False) or DASH, str(sf.get("aborted_trials", 0)),
                     DASH if s.pain_before is None else str(s.pain_before),
                     DASH if s.pain_after is None else str(s.pain_after), s.notes or ""])
    return Table(_("Safety events, pain and notes by session"),
                 [_("Date"), _("Step-offs (n)"), _("Pauses by reason (n)"),
                  _("Interrupted trials (n)"), _("Pain before (0–10)"), _("Pain after (0–10)"),
                  _("Notes")], rows,
                 _("Only sessions with a pause, a pain rating or a note are listed. Pain: 0 none "
                   "to 10 worst imaginable. A trial counts as interrupted when a pause began, or "
                   "the session ended, during play (the same rule as the exports)."),
                 numeric={1, 3, 4, 5})


def _session_kind(tests: list[str]) -> str:
    if not tests:
        return _("training")
    return _("test: {tests}").format(tests=", ".join(test_title(k) for k in tests))


def sessions_table(data: ReportData) -> Table:
    rows = []
    for s in data.sessions:
        rows.append([_day(s.started), time_text(s.started.time()),
                     _session_kind(s.tests if s.kind == "assessment" else []),
                     ", ".join(s.levels) or DASH, number(s.active_min, 1),
                     _("attended") if s.attended else _("independent"), str(s.n_trials),
                     _num(s.success_pct, 0)])
    return Table(_("All sessions"), [_("Date"), _("Start (local time)"), _("Kind"), _("Levels"),
                                     _("Active (min)"), _("Attendance"), _("Trials (n)"),
                                     _("Success (%)")], rows,
                 numeric={4, 6, 7})


def signature_words() -> list[str]:
    """The captions of the reviewing therapist's signature block."""
    return [_("Reviewed by (name, credentials)"), _("Signature"), _("Date")]


def methods_items(data: ReportData) -> list[tuple[str, str]]:
    trace = data.trace
    scope = DASH
    if trace:
        scope = (_("centre-of-pressure samples of the latest quiet-stance test, {scope}").format(
            scope=_(trace["scope"]))
            + ("" if trace["delimited"] else " " + _(
                "(the test's start and end were not recorded, so the whole session is drawn)"))
            + "; " + _("raw samples as recorded, before the sway pipeline."))
    return [
        (_("Sway pipeline"), _(PIPELINE_TEXT) + ". " + _(
            "Measures as pinned in docs/sway-measures.md (dsp/sway.py); area is the 95 % "
            "prediction ellipse (F formula).")),
        (_("Active minutes"), _("Time in play, rests and pauses excluded; 'attended' marks "
                                "sessions the therapist recorded as attended.")),
        (_("Adherence"), _("A training session counts toward the prescription once it lasted "
                           "the prescribed minutes; every training minute counts; clinical test "
                           "sessions are counted apart; a week is met when both its sessions and "
                           "its minutes are (core/prescriptions.py, the same rule as `players "
                           "plan`).")),
        (_("Statokinesigram"), scope),
        (_("Normative bands"), _("§6 of docs/sway-measures.md; {norm}.").format(
            norm=norm_text(data))),
    ]

"""A therapist's prescription: what a player may play, how long, how often and how hard.

A prescription is a small YAML file (documented in docs/prescriptions.md), checked like a level
file: every problem reads ``FILE: key.path: what is wrong (what would be valid)``. It is stored
on the player as JSON (storage/prescriptions.py), and ``plan_for`` turns it and the sessions
recorded so far into what the player should do today. Adherence is honest: a training session
counts once it lasted the prescribed minutes, every training minute counts, tests count apart, and
a week is met only when its sessions and its minutes both are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from balance_game.core.levels import LevelSpec, load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.core.validation import Checker, DataFileError, checked, load_yaml
from balance_game.i18n import N_, _, number, phrase

REQUIRED_KEYS = ("minutes_per_session", "sessions_per_week", "max_lean_pct", "max_difficulty",
                 "eyes_closed", "foam", "target_success")
OPTIONAL_KEYS = ("levels", "mechanics", "note")
MAX_NOTE_LENGTH = 1000

# Without a prescription the game offers every level at these settings.
DEFAULT_MINUTES_PER_SESSION = 10.0
DEFAULT_SESSIONS_PER_WEEK = 3


@dataclass(frozen=True)
class Prescription:
    levels: tuple[str, ...]  # level ids allowed by name
    mechanics: tuple[str, ...]  # every level of these mechanics is allowed too
    minutes_per_session: float
    sessions_per_week: int
    max_lean_pct: float  # % of the player's limits of stability, 20..100
    max_difficulty: float  # 0..1, the cap for adaptive difficulty
    eyes_closed: bool  # may levels ask for eyes closed
    foam: bool  # may levels be played standing on foam
    target_success: float  # success rate adaptive difficulty aims for, 0.6..0.9
    note: str | None = None  # the therapist's note to the player

    def to_json(self) -> str:
        data = asdict(self)
        data["levels"], data["mechanics"] = list(self.levels), list(self.mechanics)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Prescription:
        data = json.loads(text)
        data["levels"], data["mechanics"] = tuple(data["levels"]), tuple(data["mechanics"])
        return cls(**data)

    def allows(self, level: LevelSpec) -> bool:
        return level.id in self.levels or level.mechanic in self.mechanics


def _flag(check: Checker, value: Any, path: str) -> bool | None:
    if isinstance(value, bool):
        return value
    check.problem(path, phrase("is {value}", value=repr(value)), phrase("true or false"))
    return None


def _names(check: Checker, value: Any, path: str, known: Sequence[str],
           unknown: str) -> tuple[str, ...]:
    """The known names listed at ``path``; ``unknown`` (``N_`` text with ``{value}``) says what
    an unknown one is not."""
    if value is None or value == []:
        return ()
    items = check.list_of(value, path)
    if items is None:
        return ()
    names = []
    for i, item in enumerate(items):
        if isinstance(item, str) and item in known:
            names.append(item)
        else:
            check.problem(f"{path}[{i}]", phrase(unknown, value=repr(item)),
                          phrase("one of: {choices}", choices=", ".join(known)))
    return tuple(dict.fromkeys(names))


def parse_prescription(path: Path, data: Any, known_levels: Sequence[str] | None = None) -> Prescription:
    """Validate a prescription's parsed YAML; raises DataFileError listing every problem."""
    if known_levels is None:
        known_levels = [spec.id for spec in load_levels()]
    check = Checker(Path(path))
    top = check.top(data)
    check.keys(top, "", REQUIRED_KEYS, OPTIONAL_KEYS)
    levels = _names(check, top.get("levels"), "levels", known_levels,
                    N_("is {value}, not a known level"))
    mechanics = _names(check, top.get("mechanics"), "mechanics", sorted(MECHANICS),
                       N_("is {value}, not a known mechanic"))
    if not top.get("levels") and not top.get("mechanics"):
        check.problem("levels", phrase("is missing or empty, and so is mechanics"),
                      phrase("allow some levels: [reach-01, ...] or mechanics: [reach], or both"))

    def number(key: str, low: float, high: float, integer: bool = False) -> Any:
        return check.number(top[key], key, low, high, integer) if key in top else None

    minutes = number("minutes_per_session", 1, 120)
    per_week = number("sessions_per_week", 1, 21, integer=True)
    max_lean = number("max_lean_pct", 20, 100)
    max_difficulty = number("max_difficulty", 0, 1)
    target = number("target_success", 0.6, 0.9)
    eyes_closed = _flag(check, top["eyes_closed"], "eyes_closed") if "eyes_closed" in top else None
    foam = _flag(check, top["foam"], "foam") if "foam" in top else None
    note = check.text(top["note"], "note", MAX_NOTE_LENGTH) if "note" in top else None
    check.raise_if_any()
    return Prescription(
        levels=levels, mechanics=mechanics, minutes_per_session=float(minutes),
        sessions_per_week=int(per_week), max_lean_pct=float(max_lean),
        max_difficulty=float(max_difficulty), eyes_closed=checked(eyes_closed, False),
        foam=checked(foam, False),
        target_success=float(target), note=note,
    )


def load_prescription(path: Path, known_levels: Sequence[str] | None = None) -> Prescription:
    """Read and validate a prescription YAML file (DataFileError on any problem)."""
    return parse_prescription(Path(path), load_yaml(Path(path)), known_levels)


@dataclass(frozen=True)
class SessionActivity:
    """What adherence needs of one recorded session: when, how long, and whether it was a test."""

    day: date  # the calendar day it started on, where it was played
    active_min: float  # time in play, rests and pauses excluded
    tests: tuple[str, ...] = ()  # kinds of clinical test taken in it; a test session if any

    @property
    def is_test(self) -> bool:
        return bool(self.tests)


@dataclass(frozen=True)
class Target:
    """What a prescription (or, without one, the defaults) asks for."""

    minutes_per_session: float
    sessions_per_week: int

    @classmethod
    def of(cls, prescription: Prescription | None) -> Target:
        if prescription is None:
            return cls(DEFAULT_MINUTES_PER_SESSION, DEFAULT_SESSIONS_PER_WEEK)
        return cls(prescription.minutes_per_session, prescription.sessions_per_week)

    @property
    def minutes_per_week(self) -> float:
        return self.minutes_per_session * self.sessions_per_week

    def counts(self, session: SessionActivity) -> bool:
        """A training session counts as a prescribed session once it lasted the prescribed
        minutes (to the nearest 0.1 min); tests never do."""
        return not session.is_test and round(session.active_min, 1) >= self.minutes_per_session


@dataclass(frozen=True)
class Adherence:
    """A span of days (a week, or a day) measured against the target."""

    sessions: int  # training sessions that lasted the prescribed minutes
    short_sessions: int  # training sessions that did not: their minutes count, they do not
    minutes: float  # active minutes of every training session
    tests: int  # test sessions, counted apart (neither sessions nor minutes)

    def met(self, target: Target) -> bool:
        """Met only when both the sessions and the minutes are."""
        return (self.sessions >= target.sessions_per_week
                and round(self.minutes, 1) >= target.minutes_per_week)


def adherence(target: Target, sessions: Sequence[SessionActivity]) -> Adherence:
    training = [s for s in sessions if not s.is_test]
    counted = sum(target.counts(s) for s in training)
    return Adherence(sessions=counted, short_sessions=len(training) - counted,
                     minutes=round(sum(s.active_min for s in training), 3),
                     tests=len(sessions) - len(training))


@dataclass(frozen=True)
class Plan:
    """What a player should do today, for a screen to show."""

    player: str
    day: date
    prescribed: bool  # False: no prescription, the defaults below apply
    levels: tuple[str, ...]  # level ids to offer today, in play order
    minutes_per_session: float
    sessions_per_week: int
    minutes_today: float  # active training minutes already played today (tests excluded)
    sessions_today: int  # training sessions today that lasted the prescribed minutes
    minutes_this_week: float  # active training minutes since Monday, today included
    sessions_this_week: int  # training sessions this week that lasted the prescribed minutes
    minutes_left_today: float  # of today's session; 0 once it is done
    max_lean_pct: float | None
    max_difficulty: float | None
    target_success: float | None
    note: str | None
    short_sessions_this_week: int = 0  # shorter training sessions: minutes count, they do not
    tests_this_week: int = 0  # clinical test sessions, counted apart
    minutes_per_week: float = 0.0  # the week's target: sessions_per_week x minutes_per_session

    @property
    def done_today(self) -> bool:
        return self.minutes_left_today <= 0

    @property
    def week_target_met(self) -> bool:
        return (self.sessions_this_week >= self.sessions_per_week
                and self.minutes_this_week >= self.minutes_per_week)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["levels"] = list(self.levels)
        data["done_today"], data["week_target_met"] = self.done_today, self.week_target_met
        return data


def plan_for(player: str, prescription: Prescription | None, sessions: Sequence[SessionActivity],
             today: date, levels: Sequence[LevelSpec]) -> Plan:
    """Today's levels and minutes from the prescription and the sessions recorded so far.

    A session counts toward today and this week (Monday to Sunday) on the day it started.
    """
    monday = today - timedelta(days=today.weekday())
    target = Target.of(prescription)
    week = adherence(target, [s for s in sessions if monday <= s.day <= today])
    day = adherence(target, [s for s in sessions if s.day == today])
    allowed = [s.id for s in levels if prescription is None or prescription.allows(s)]
    return Plan(
        player=player, day=today, prescribed=prescription is not None, levels=tuple(allowed),
        minutes_per_session=target.minutes_per_session, sessions_per_week=target.sessions_per_week,
        minutes_today=round(day.minutes, 2), sessions_today=day.sessions,
        minutes_this_week=round(week.minutes, 2), sessions_this_week=week.sessions,
        minutes_left_today=round(max(0.0, target.minutes_per_session - day.minutes), 2),
        max_lean_pct=prescription.max_lean_pct if prescription else None,
        max_difficulty=prescription.max_difficulty if prescription else None,
        target_success=prescription.target_success if prescription else None,
        note=prescription.note if prescription else None,
        short_sessions_this_week=week.short_sessions, tests_this_week=week.tests,
        minutes_per_week=round(target.minutes_per_week, 2),
    )


def describe(prescription: Prescription) -> str:
    """One line for the terminal and the report, in the active language."""
    allowed = ", ".join([*prescription.levels, *(
        _("all {game} levels").format(game=_(MECHANICS[m].title) if m in MECHANICS else m)
        for m in prescription.mechanics)])
    return _("{minutes} min x {sessions}/week; {allowed}; lean up to {lean}% LOS, difficulty up "
             "to {difficulty}, target success {success}%").format(
        minutes=number(prescription.minutes_per_session), sessions=prescription.sessions_per_week,
        allowed=allowed, lean=number(prescription.max_lean_pct),
        difficulty=number(prescription.max_difficulty),
        success=number(100 * prescription.target_success, 0))


__all__ = [
    "Adherence", "DataFileError", "Plan", "Prescription", "SessionActivity", "Target", "adherence",
    "describe", "load_prescription", "parse_prescription", "plan_for",
]

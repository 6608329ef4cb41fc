"""A therapist's prescription: what a player may play, how long, how often and how hard.

A prescription is a small YAML file (documented in docs/prescriptions.md), checked like a level
file: every problem reads ``FILE: key.path: what is wrong (what would be valid)``. It is stored
on the player as JSON, and ``todays_plan`` turns it and the sessions recorded so far into what
the player should do today.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from balance_game.core.levels import LevelSpec, load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.core.validation import Checker, DataFileError, checked, load_yaml
from balance_game.storage.db import Database
from balance_game.storage.players import (
    Player,
    get_player,
    get_prescription_json,
    set_prescription_json,
)

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
    check.problem(path, f"is {value!r}", "true or false")
    return None


def _names(check: Checker, value: Any, path: str, known: Sequence[str], what: str) -> tuple[str, ...]:
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
            check.problem(f"{path}[{i}]", f"is {item!r}, not a known {what}",
                          f"one of: {', '.join(known)}")
    return tuple(dict.fromkeys(names))


def parse_prescription(path: Path, data: Any, known_levels: Sequence[str] | None = None) -> Prescription:
    """Validate a prescription's parsed YAML; raises DataFileError listing every problem."""
    if known_levels is None:
        known_levels = [spec.id for spec in load_levels()]
    check = Checker(Path(path))
    top = check.top(data)
    check.keys(top, "", REQUIRED_KEYS, OPTIONAL_KEYS)
    levels = _names(check, top.get("levels"), "levels", known_levels, "level")
    mechanics = _names(check, top.get("mechanics"), "mechanics", sorted(MECHANICS), "mechanic")
    if not top.get("levels") and not top.get("mechanics"):
        check.problem("levels", "is missing or empty, and so is mechanics",
                      "allow some levels: [reach-01, ...] or mechanics: [reach], or both")

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


def prescribe(db: Database, player_name: str, path: Path) -> Prescription:
    """Validate a prescription file and store it on the player (replacing any earlier one)."""
    player = get_player(db, player_name)
    prescription = load_prescription(path)
    set_prescription_json(db, player.id, prescription.to_json())
    return prescription


def player_prescription(db: Database, player: Player) -> Prescription | None:
    text = get_prescription_json(db, player.id)
    return Prescription.from_json(text) if text else None


@dataclass(frozen=True)
class Plan:
    """What a player should do today, for a screen to show."""

    player: str
    day: date
    prescribed: bool  # False: no prescription, the defaults below apply
    levels: tuple[str, ...]  # level ids to offer today, in play order
    minutes_per_session: float
    sessions_per_week: int
    minutes_today: float  # active minutes already played today
    sessions_today: int
    minutes_this_week: float  # active minutes since Monday, today included
    sessions_this_week: int
    minutes_left_today: float  # of today's session; 0 once it is done
    max_lean_pct: float | None
    max_difficulty: float | None
    target_success: float | None
    note: str | None

    @property
    def done_today(self) -> bool:
        return self.minutes_left_today <= 0

    @property
    def week_target_met(self) -> bool:
        return self.sessions_this_week >= self.sessions_per_week

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["levels"] = list(self.levels)
        data["done_today"], data["week_target_met"] = self.done_today, self.week_target_met
        return data


def _local_day(started_at: str) -> date:
    """The calendar day a session started on, where it was played (its own UTC offset)."""
    return datetime.fromisoformat(started_at).date()


def todays_plan(db: Database, player: Player | str, today: date | None = None,
                levels: Sequence[LevelSpec] | None = None) -> Plan:
    """Today's levels and minutes for ``player`` from their prescription and sessions so far.

    A session counts toward today and this week (Monday to Sunday) on the day it started.
    """
    if isinstance(player, str):
        player = get_player(db, player)
    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    prescription = player_prescription(db, player)
    all_levels = list(levels) if levels is not None else load_levels()
    allowed = [s.id for s in all_levels if prescription is None or prescription.allows(s)]
    minutes_today = minutes_week = 0.0
    sessions_today = sessions_week = 0
    for row in db.query("SELECT started_at, active_s FROM sessions WHERE player_id = ?",
                        (player.id,)):
        day = _local_day(row["started_at"])
        if monday <= day <= today:
            minutes_week += row["active_s"] / 60.0
            sessions_week += 1
            if day == today:
                minutes_today += row["active_s"] / 60.0
                sessions_today += 1
    per_session = prescription.minutes_per_session if prescription else DEFAULT_MINUTES_PER_SESSION
    return Plan(
        player=player.name, day=today, prescribed=prescription is not None,
        levels=tuple(allowed), minutes_per_session=per_session,
        sessions_per_week=prescription.sessions_per_week if prescription else DEFAULT_SESSIONS_PER_WEEK,
        minutes_today=round(minutes_today, 2), sessions_today=sessions_today,
        minutes_this_week=round(minutes_week, 2), sessions_this_week=sessions_week,
        minutes_left_today=round(max(0.0, per_session - minutes_today), 2),
        max_lean_pct=prescription.max_lean_pct if prescription else None,
        max_difficulty=prescription.max_difficulty if prescription else None,
        target_success=prescription.target_success if prescription else None,
        note=prescription.note if prescription else None,
    )


def describe(prescription: Prescription) -> str:
    """One line for the terminal."""
    allowed = ", ".join([*prescription.levels, *(f"all {m} levels" for m in prescription.mechanics)])
    return (f"{prescription.minutes_per_session:g} min x {prescription.sessions_per_week}/week;"
            f" {allowed}; lean up to {prescription.max_lean_pct:g}% LOS,"
            f" difficulty up to {prescription.max_difficulty:g},"
            f" target success {prescription.target_success:.0%}")


__all__ = [
    "DataFileError", "Plan", "Prescription", "describe", "load_prescription", "parse_prescription",
    "player_prescription", "prescribe", "todays_plan",
]

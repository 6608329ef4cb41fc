"""Read models of a player's sessions for adherence and reports: length, day and tests taken.

A session is a test session when a clinical test was saved in it (the assessments table) or
began in it (an ``assessment_start`` event, whose reason is the test's kind). The quick
steadiness check of today's training is saved as a quiet-stance result marked ``routine_check``
and logged with ``check_start``: it belongs to a training session and does not make it a test.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from balance_game.core.prescriptions import SessionActivity
from balance_game.storage.db import Database

SESSION_FIELDS = ("id, started_at, ended_at, device, software_version, attended, active_s,"
                  " pain_before, pain_after, notes")


def aware(stamp: str) -> datetime:
    """A stored time as an aware datetime (old naive stamps are taken as local time)."""
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.astimezone()


def session_rows(db: Database, player_id: int) -> list[dict[str, Any]]:
    """The player's sessions in time order (text order is not, across UTC offsets)."""
    rows = db.query(f"SELECT {SESSION_FIELDS} FROM sessions WHERE player_id = ? ORDER BY id",
                    (player_id,))
    rows.sort(key=lambda r: (aware(r["started_at"]), r["id"]))
    return rows


def _grouped(rows: Iterator[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row.pop("session_id"), []).append(row)
    return out


def trials_by_session(db: Database, player_id: int) -> dict[int, list[dict[str, Any]]]:
    """Every trial of the player, grouped by session, in order, measures parsed."""
    grouped = _grouped(db.iterate(
        "SELECT t.session_id, t.level_id, t.mechanic, t.trial_index, t.t_start_s, t.t_end_s,"
        " t.success, t.score, t.difficulty, t.measures_json FROM trials t"
        " JOIN sessions s ON s.id = t.session_id WHERE s.player_id = ? ORDER BY t.id",
        (player_id,)))
    for trials in grouped.values():
        for t in trials:
            t["success"] = bool(t["success"])
            t["measures"] = json.loads(t.pop("measures_json"))
    return grouped


def events_by_session(db: Database, player_id: int) -> dict[int, list[dict[str, Any]]]:
    """Every event of the player (time, type, reason), grouped by session, in time order."""
    return _grouped(db.iterate(
        "SELECT e.session_id, e.t_s, e.type, e.reason FROM events e"
        " JOIN sessions s ON s.id = e.session_id WHERE s.player_id = ?"
        " ORDER BY e.session_id, e.t_s, e.id", (player_id,)))


def event_window(db: Database, session_id: int, reason: str,
                 types: tuple[str, str] = ("assessment_start", "assessment_end"),
                 ) -> tuple[float, float] | None:
    """(start, end) in session seconds of the last ``types[0]`` .. ``types[1]`` pair with this
    reason; the end is infinite when it was never recorded; None without a start."""
    rows = db.query("SELECT t_s, type FROM events WHERE session_id = ? AND reason = ? AND type IN"
                    " (?, ?) ORDER BY t_s, id", (session_id, reason, *types))
    starts = [r["t_s"] for r in rows if r["type"] == types[0]]
    ends = [r["t_s"] for r in rows if r["type"] == types[1]]
    if not starts:
        return None
    return starts[-1], max((e for e in ends if e >= starts[-1]), default=math.inf)


def session_tests(db: Database, player_id: int) -> dict[int, list[str]]:
    """Session id -> the kinds of test taken in it, in order, for the player's test sessions."""
    out: dict[int, list[str]] = {}
    rows = db.query("SELECT session_id AS sid, kind FROM assessments WHERE player_id = ?"
                    " AND session_id IS NOT NULL"
                    " AND json_extract(results_json, '$.routine_check') IS NULL"
                    " ORDER BY id", (player_id,))
    rows += db.query("SELECT e.session_id AS sid, e.reason AS kind FROM events e"
                     " JOIN sessions s ON s.id = e.session_id WHERE s.player_id = ?"
                     " AND e.type = 'assessment_start' ORDER BY e.t_s, e.id", (player_id,))
    for row in rows:
        kinds = out.setdefault(row["sid"], [])
        kind = row["kind"] or "test"
        if kind not in kinds:
            kinds.append(kind)
    return out


def session_activity(db: Database, player_id: int) -> list[SessionActivity]:
    """Every session of the player as adherence sees it (day where played, minutes, tests)."""
    tests = session_tests(db, player_id)
    return [SessionActivity(day=datetime.fromisoformat(row["started_at"]).date(),
                            active_min=row["active_s"] / 60.0,
                            tests=tuple(tests.get(row["id"], ())))
            for row in session_rows(db, player_id)]

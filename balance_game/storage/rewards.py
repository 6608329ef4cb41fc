"""A player's reasons to return, read from the store: days trained, bests, milestones, checks.

The rules live in core/rewards.py; this module reads what they need and stores the milestones
earned (once each, with the session that earned them), so they are kept per player.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from balance_game.core.levels import load_levels
from balance_game.core.prescriptions import DEFAULT_SESSIONS_PER_WEEK
from balance_game.core.rewards import (
    STEADINESS_MEASURE,
    Record,
    Steadiness,
    earned_milestones,
    encouragement,
    weekly_goal_line,
)
from balance_game.storage.activity import aware, session_activity
from balance_game.storage.assessments import list_assessments
from balance_game.storage.db import Database
from balance_game.storage.players import Player, list_players
from balance_game.storage.prescriptions import player_prescription
from balance_game.storage.progress import player_progress
from balance_game.timeutil import now_iso

CHECK_CONDITION = "eo_firm"  # the quick check and the full test's first condition alike


def days_trained(db: Database, player_id: int) -> frozenset[date]:
    """The calendar days with training (tests alone do not stamp a day)."""
    return frozenset(s.day for s in session_activity(db, player_id)
                     if not s.is_test and s.active_min > 0)


def steadiness_checks(db: Database, player_id: int) -> list[Steadiness]:
    """Every valid eyes-open quiet-stance sway velocity of the player, from the tests and the
    routine's quick checks."""
    out = []
    for row in list_assessments(db, player_id, "quiet"):
        condition = row["results"].get("conditions", {}).get(CHECK_CONDITION) or {}
        measures = condition.get("measures") or {}
        value = measures.get(STEADINESS_MEASURE)
        if measures.get("valid") and value is not None:
            out.append(Steadiness(datetime.fromisoformat(row["created_at"]).date(), float(value)))
    return out


def player_record(db: Database, player_id: int) -> Record:
    progress = player_progress(db, player_id)
    mechanics = {s.id: s.mechanic for s in load_levels()}
    activity = session_activity(db, player_id)
    return Record(
        days_trained=days_trained(db, player_id),
        total_minutes=sum(s.active_min for s in activity if not s.is_test),
        best_stars={k: p.best_stars for k, p in progress.items()},
        mechanics_played=frozenset(mechanics[k] for k in progress if k in mechanics),
        all_mechanics=frozenset(mechanics.values()),
    )


def stored_milestones(db: Database, player_id: int) -> dict[str, str]:
    """Milestone key -> when it was earned."""
    rows = db.query("SELECT key, earned_at FROM milestones WHERE player_id = ? ORDER BY earned_at",
                    (player_id,))
    return {r["key"]: r["earned_at"] for r in rows}


def milestone_rows(db: Database, player_id: int) -> list[dict[str, Any]]:
    """Every milestone the player earned, oldest first: key, when, and the session that did it."""
    rows = db.query("SELECT key, earned_at, session_id FROM milestones WHERE player_id = ?",
                    (player_id,))
    return sorted(rows, key=lambda r: (aware(r["earned_at"]), r["key"]))


# The personal bests a level keeps (level_progress), as exported: measure -> column.
BEST_MEASURES = (("mean_score", "best_score"), ("stars", "best_stars"))


def _level_ends(db: Database, player_id: int) -> list[dict[str, Any]]:
    """Every finished play of a level, oldest first: level, session, when, mean score, stars."""
    rows = db.query(
        "SELECT e.reason AS level_id, e.session_id, e.t_s, e.data_json, s.started_at"
        " FROM events e JOIN sessions s ON s.id = e.session_id"
        " WHERE s.player_id = ? AND e.type = 'level_end'", (player_id,))
    plays = []
    for row in rows:
        data = json.loads(row["data_json"]) if row["data_json"] else {}
        plays.append({"level_id": row["level_id"], "session_id": row["session_id"],
                      "at": aware(row["started_at"]) + timedelta(seconds=row["t_s"]),
                      "mean_score": data.get("mean_score"), "stars": data.get("stars")})
    return sorted(plays, key=lambda p: (p["at"], p["session_id"]))


def _matches(measure: str, played: Any, best: float) -> bool:
    if measure == "mean_score":  # stored to 0.1, as save_progress rounds it
        return isinstance(played, (int, float)) and round(played, 1) == best
    return played == best


def personal_best_rows(db: Database, player_id: int) -> list[dict[str, Any]]:
    """The player's standing personal bests, one row per level and measure (best mean score,
    most stars; a level never finished or never starred has none), with when and in which
    session each was set.

    The store keeps only the best itself; when it was set is read back from the level_end
    events, which carry each finished play's mean score and stars: a best only changes when
    beaten, so the first play that reached it set it. None when no play matches (a session
    deleted since).
    """
    mechanics = {s.id: s.mechanic for s in load_levels()}
    plays: dict[str, list[dict[str, Any]]] = {}
    for play in _level_ends(db, player_id):
        plays.setdefault(play["level_id"], []).append(play)
    out = []
    for level_id, progress in sorted(player_progress(db, player_id).items()):
        for measure, column in BEST_MEASURES:
            best = getattr(progress, column)
            if not best:
                continue
            first = next((p for p in plays.get(level_id, ())
                          if _matches(measure, p[measure], best)), None)
            out.append({"level_id": level_id, "mechanic": mechanics.get(level_id),
                        "measure": measure, "value": best,
                        "set_at": first["at"].isoformat(timespec="seconds") if first else None,
                        "session_id": first["session_id"] if first else None})
    return out


def award_milestones(db: Database, player_id: int, session_id: int | None = None) -> list[str]:
    """Store the milestones the record now shows that were not stored yet; returns those keys."""
    new = sorted(earned_milestones(player_record(db, player_id))
                 - set(stored_milestones(db, player_id)))
    with db.transaction():
        for key in new:
            db.execute("INSERT INTO milestones (player_id, key, earned_at, session_id)"
                       " VALUES (?, ?, ?, ?)", (player_id, key, now_iso(), session_id))
    return new


@dataclass(frozen=True)
class Rewards:
    """What the title, the results and the calendar show a player."""

    days: frozenset[date]
    goal_line: str
    encouragement: str
    milestones: dict[str, str]  # key -> when earned
    bests: dict[str, float]  # level id -> best mean score


def goal_days(db: Database, player: Player) -> int:
    """Days a week to aim for: the prescription's sessions a week (at most 7), else the default."""
    prescription = player_prescription(db, player)
    return min(7, prescription.sessions_per_week if prescription else DEFAULT_SESSIONS_PER_WEEK)


def player_rewards(db: Database, player: Player, today: date | None = None) -> Rewards:
    today = today or date.today()
    days = days_trained(db, player.id)
    progress = player_progress(db, player.id)
    return Rewards(
        days=days,
        goal_line=weekly_goal_line(days, goal_days(db, player), today),
        encouragement=encouragement(steadiness_checks(db, player.id), days, today),
        milestones=stored_milestones(db, player.id),
        bests={k: p.best_score for k, p in progress.items() if p.best_score is not None},
    )


def last_trained_player(db: Database) -> Player | None:
    """Who trained last on this machine (for the title's word of welcome back)."""
    player_id = db.scalar("SELECT player_id FROM sessions ORDER BY id DESC LIMIT 1")
    return next((p for p in list_players(db) if p.id == player_id), None)

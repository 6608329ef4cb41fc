"""A player's stored prescription, today's plan and today's routine: the SQL side of
core/prescriptions.py and core/routine.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from balance_game.core.levels import LevelSpec, load_levels
from balance_game.core.prescriptions import Plan, Prescription, load_prescription, plan_for
from balance_game.core.routine import LevelRecord, Routine, build_routine, routine_minutes
from balance_game.storage.activity import session_activity
from balance_game.storage.db import Database
from balance_game.storage.players import (
    Player,
    get_player,
    get_prescription_json,
    set_prescription_json,
)
from balance_game.storage.progress import is_unlocked, player_progress


def prescribe(db: Database, player_name: str, path: Path) -> Prescription:
    """Validate a prescription file and store it on the player (replacing any earlier one)."""
    player = get_player(db, player_name)
    prescription = load_prescription(path)
    set_prescription_json(db, player.id, prescription.to_json())
    return prescription


def player_prescription(db: Database, player: Player) -> Prescription | None:
    text = get_prescription_json(db, player.id)
    return Prescription.from_json(text) if text else None


def todays_plan(db: Database, player: Player | str, today: date | None = None,
                levels: Sequence[LevelSpec] | None = None) -> Plan:
    """Today's plan for ``player`` from their stored prescription and recorded sessions."""
    if isinstance(player, str):
        player = get_player(db, player)
    return plan_for(player.name, player_prescription(db, player), session_activity(db, player.id),
                    today or date.today(), list(levels) if levels is not None else load_levels())


def todays_routine(db: Database, player: Player, seed: int, today: date | None = None) -> Routine:
    """Today's training for ``player``: from the levels their prescription allows and they have
    unlocked, their record on each, and the minutes they have trained this week."""
    today = today or date.today()
    prescription = player_prescription(db, player)
    plan = todays_plan(db, player, today)
    progress = player_progress(db, player.id)
    allowed = set(plan.levels)
    offered = [s for s in load_levels() if s.id in allowed]
    # a prescribed level not unlocked yet is still played: the therapist chose it
    levels = [s for s in offered if is_unlocked(s.requires, progress)] or offered
    record = {k: LevelRecord(p.best_stars, p.plays) for k, p in progress.items()}
    minutes = routine_minutes(plan.minutes_this_week, plan.minutes_per_week, today,
                              prescription.minutes_per_session if prescription else None)
    preferred = prescription.mechanics if prescription else ()
    preferred += tuple(s.mechanic for s in levels if prescription and s.id in prescription.levels)
    return build_routine(levels, record, minutes, seed, preferred, prescription is not None)

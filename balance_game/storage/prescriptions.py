"""A player's stored prescription and today's plan: the SQL side of core/prescriptions.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from balance_game.core.levels import LevelSpec, load_levels
from balance_game.core.prescriptions import Plan, Prescription, load_prescription, plan_for
from balance_game.storage.activity import session_activity
from balance_game.storage.db import Database
from balance_game.storage.players import (
    Player,
    get_player,
    get_prescription_json,
    set_prescription_json,
)


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

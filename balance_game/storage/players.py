"""Players: a pseudonymous id for exports, an optional display name, height and weight."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from balance_game.errors import UserError
from balance_game.storage.db import Database
from balance_game.timeutil import now_iso

MAX_NAME_LENGTH = 40
COLUMNS = "id, name, pseudonym, height_cm, weight_kg, created_at"


@dataclass(frozen=True)
class Player:
    id: int
    name: str
    pseudonym: str
    height_cm: float | None
    weight_kg: float | None
    created_at: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "pseudonym": self.pseudonym,
            "height_cm": self.height_cm,
            "weight_kg": self.weight_kg,
            "created_at": self.created_at,
        }


def _check(name: str, height_cm: float | None, weight_kg: float | None) -> str:
    name = name.strip()
    if not name:
        raise UserError("a player's name cannot be empty")
    if len(name) > MAX_NAME_LENGTH or any(ord(c) < 32 for c in name):
        raise UserError(f"player name {name[:50]!r}: use up to {MAX_NAME_LENGTH} printable characters")
    if height_cm is not None and not 80 <= height_cm <= 250:
        raise UserError(f"height {height_cm} cm is out of range (80 to 250)")
    if weight_kg is not None and not 20 <= weight_kg <= 250:
        raise UserError(f"weight {weight_kg} kg is out of range (20 to 250)")
    return name


def add_player(
    db: Database, name: str, height_cm: float | None = None, weight_kg: float | None = None
) -> Player:
    name = _check(name, height_cm, weight_kg)
    if find_player(db, name) is not None:
        raise UserError(f"a player named {name!r} already exists")
    pseudonym = "P-" + secrets.token_hex(4).upper()
    created = now_iso()
    with db.transaction():
        player_id = db.execute(
            "INSERT INTO players (name, pseudonym, height_cm, weight_kg, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (name, pseudonym, height_cm, weight_kg, created),
        )
    return Player(player_id, name, pseudonym, height_cm, weight_kg, created)


def find_player(db: Database, name: str) -> Player | None:
    rows = db.query(f"SELECT {COLUMNS} FROM players WHERE name = ?", (name.strip(),))
    return Player(**rows[0]) if rows else None


def get_player(db: Database, name: str) -> Player:
    player = find_player(db, name)
    if player is None:
        raise UserError(f"no player named {name!r}; add one with `balance-game players add NAME`")
    return player


def get_or_create_player(db: Database, name: str) -> Player:
    return find_player(db, name) or add_player(db, name)


def list_players(db: Database) -> list[Player]:
    return [
        Player(**row)
        for row in db.query(f"SELECT {COLUMNS} FROM players ORDER BY name COLLATE NOCASE")
    ]


def set_prescription_json(db: Database, player_id: int, prescription_json: str | None) -> None:
    """Store a player's validated prescription (JSON text), or clear it with None."""
    with db.transaction():
        db.execute("UPDATE players SET prescription_json = ? WHERE id = ?",
                   (prescription_json, player_id))


def get_prescription_json(db: Database, player_id: int) -> str | None:
    return db.scalar("SELECT prescription_json FROM players WHERE id = ?", (player_id,))

"""Players: a pseudonymous id for exports, an optional display name, height and weight."""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from balance_game.core.difficulty import TARGET_SUCCESS_RANGE, Caps
from balance_game.core.validation import one_line, unsafe_character
from balance_game.errors import UserError
from balance_game.i18n import LANGUAGES
from balance_game.storage.db import Database
from balance_game.timeutil import now_iso

MAX_NAME_LENGTH = 40
KG_PER_LB = 0.45359237
PLAYER_COLUMNS = "id, name, pseudonym, height_cm, weight_kg, created_at, birth_year"
BIRTH_YEARS = (1900, 2100)  # what the schema accepts; a real one is also not in the future


@dataclass(frozen=True)
class PlayerSettings:
    """What a player can change for themselves; kept with the player, not the machine."""

    volume: float = 0.7  # sound effects
    text_scale: float = 1.0
    units: str = "kg"  # or "lb"
    orientation: str = "normal"  # "reversed" when the board's power button faces the player
    speech: bool = True
    language: str = ""  # "" = the computer's language; else a code of i18n.LANGUAGES
    music_volume: float = 0.4  # the background music, quieter than the cues by default
    calm: bool = False  # no motion that is not part of the task (clouds, spray, confetti)


@dataclass(frozen=True)
class Player:
    id: int
    name: str
    pseudonym: str
    height_cm: float | None
    weight_kg: float | None
    created_at: str
    birth_year: int | None = None  # chooses the age norms; None: age unknown, and reports say so

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "pseudonym": self.pseudonym,
            "height_cm": self.height_cm,
            "weight_kg": self.weight_kg,
            "created_at": self.created_at,
            "birth_year": self.birth_year,
        }


def _check(name: str, height_cm: float | None, weight_kg: float | None) -> str:
    name = name.strip()
    if not name:
        raise UserError("a player's name cannot be empty")
    bad = unsafe_character(name)
    if len(name) > MAX_NAME_LENGTH or bad:
        why = f"holds {bad}" if bad else f"is {len(name)} characters long"
        raise UserError(f"player name {one_line(name[:50])}: {why}; use up to {MAX_NAME_LENGTH} "
                        "printable characters")
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
    rows = db.query(f"SELECT {PLAYER_COLUMNS} FROM players WHERE name = ?", (name.strip(),))
    return Player(**rows[0]) if rows else None


def get_player(db: Database, name: str) -> Player:
    player = find_player(db, name)
    if player is None:
        raise UserError(f"no player named {name!r}; add one with `balance-game players add NAME`")
    return player


def get_or_create_player(db: Database, name: str) -> Player:
    return find_player(db, name) or add_player(db, name)


def list_players(db: Database) -> list[Player]:
    rows = db.query(f"SELECT {PLAYER_COLUMNS} FROM players ORDER BY name COLLATE NOCASE")
    return [Player(**row) for row in rows]


def _load_json(db: Database, column: str, player: Player) -> dict[str, Any]:
    text = db.scalar(f"SELECT {column} FROM players WHERE id = ?", (player.id,))
    return json.loads(text) if text else {}


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def get_settings(db: Database, player: Player) -> PlayerSettings:
    return PlayerSettings(**_known(PlayerSettings, _load_json(db, "settings_json", player)))


def get_caps(db: Database, player: Player) -> Caps:
    return Caps(**_known(Caps, _load_json(db, "caps_json", player)))


def _check_settings(s: PlayerSettings) -> None:
    if not 0.0 <= s.volume <= 1.0:
        raise UserError(f"volume {s.volume} is out of range (0 to 1)")
    if not 0.0 <= s.music_volume <= 1.0:
        raise UserError(f"music volume {s.music_volume} is out of range (0 to 1)")
    if not 0.75 <= s.text_scale <= 2.0:
        raise UserError(f"text size {s.text_scale} is out of range (0.75 to 2)")
    if s.units not in ("kg", "lb"):
        raise UserError(f"units {s.units!r}: use kg or lb")
    if s.orientation not in ("normal", "reversed"):
        raise UserError(f"orientation {s.orientation!r}: use normal or reversed")
    if s.language and s.language not in LANGUAGES:
        raise UserError(f"language {s.language!r}: use one of {', '.join(LANGUAGES)}, or auto")


def _check_caps(c: Caps) -> None:
    if not 20.0 <= c.max_lean_pct <= 100.0:
        raise UserError(f"max lean {c.max_lean_pct} % is out of range (20 to 100)")
    if not 0.0 <= c.max_difficulty <= 1.0:
        raise UserError(f"max difficulty {c.max_difficulty} is out of range (0 to 1)")
    low, high = TARGET_SUCCESS_RANGE
    if not low <= c.target_success <= high:
        raise UserError(f"target success {c.target_success} is out of range ({low} to {high})")


def update_settings(db: Database, player: Player, **changes: Any) -> PlayerSettings:
    settings = replace(get_settings(db, player), **changes)
    _check_settings(settings)
    with db.transaction():
        db.execute("UPDATE players SET settings_json = ? WHERE id = ?",
                   (json.dumps(asdict(settings)), player.id))
    return settings


def update_caps(db: Database, player: Player, **changes: Any) -> Caps:
    caps = replace(get_caps(db, player), **changes)
    _check_caps(caps)
    with db.transaction():
        db.execute("UPDATE players SET caps_json = ? WHERE id = ?",
                   (json.dumps(asdict(caps)), player.id))
    return caps


def set_prescription_json(db: Database, player_id: int, prescription_json: str | None) -> None:
    """Store a player's validated prescription (JSON text), or clear it with None."""
    with db.transaction():
        db.execute("UPDATE players SET prescription_json = ? WHERE id = ?",
                   (prescription_json, player_id))


def get_prescription_json(db: Database, player_id: int) -> str | None:
    return db.scalar("SELECT prescription_json FROM players WHERE id = ?", (player_id,))


def set_birth_year(db: Database, player: Player, birth_year: int | None) -> Player:
    """Record (or clear, with None) the player's year of birth; UserError if implausible."""
    this_year = int(now_iso()[:4])
    if birth_year is not None and not BIRTH_YEARS[0] <= birth_year <= this_year:
        raise UserError(f"birth year {birth_year} is out of range ({BIRTH_YEARS[0]} to {this_year})")
    with db.transaction():
        db.execute("UPDATE players SET birth_year = ? WHERE id = ?", (birth_year, player.id))
    return replace(player, birth_year=birth_year)


def format_weight(weight_kg: float | None, units: str) -> str:
    """A body weight in the player's own units (kg or lb)."""
    if weight_kg is None:
        return "not measured"
    if units == "lb":
        return f"{weight_kg / KG_PER_LB:.0f} lb"
    return f"{weight_kg:.1f} kg"

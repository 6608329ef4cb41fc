"""Clinical test results and the player's calibration (neutral point, limits, orientation)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from balance_game.core.control import ControlMap, Limits
from balance_game.storage.db import Database
from balance_game.timeutil import now_iso


@dataclass(frozen=True)
class Calibration:
    """What calibration measured for a player on a board; the control mapping is built on it."""

    neutral_x_mm: float
    neutral_y_mm: float
    limits: dict[str, float] | None  # left_mm, right_mm, forward_mm, back_mm (measured LOS)
    orientation: str  # "normal" or "reversed"
    body_weight_kg: float | None
    device: str
    measured_at: str

    def control(self, fallback: Limits) -> ControlMap:
        limits = Limits(**self.limits) if self.limits else fallback
        return ControlMap(limits, self.neutral_x_mm, self.neutral_y_mm)


def save_assessment(db: Database, player_id: int, session_id: int | None, kind: str,
                    results: dict[str, Any]) -> int:
    with db.transaction():
        return db.execute(
            "INSERT INTO assessments (player_id, session_id, kind, created_at, results_json)"
            " VALUES (?, ?, ?, ?, ?)",
            (player_id, session_id, kind, now_iso(), json.dumps(results, allow_nan=False)),
        )


def update_assessment_results(db: Database, assessment_id: int, results: dict[str, Any]) -> None:
    """Replace a stored result (a test's answers given after it was saved)."""
    with db.transaction():
        db.execute("UPDATE assessments SET results_json = ? WHERE id = ?",
                   (json.dumps(results, allow_nan=False), assessment_id))


def list_assessments(db: Database, player_id: int, kind: str | None = None) -> list[dict[str, Any]]:
    where, params = ("AND kind = ?", (player_id, kind)) if kind else ("", (player_id,))
    rows = db.query(f"SELECT id, session_id, kind, created_at, results_json FROM assessments"
                    f" WHERE player_id = ? {where} ORDER BY created_at, id", params)
    for row in rows:
        row["results"] = json.loads(row.pop("results_json"))
    return rows


def get_calibration(db: Database, player_id: int) -> Calibration | None:
    text = db.scalar("SELECT calibration_json FROM players WHERE id = ?", (player_id,))
    return Calibration(**json.loads(text)) if text else None


def save_calibration(db: Database, player_id: int, calibration: Calibration) -> None:
    with db.transaction():
        db.execute("UPDATE players SET calibration_json = ? WHERE id = ?",
                   (json.dumps(asdict(calibration)), player_id))
        if calibration.body_weight_kg:
            db.execute("UPDATE players SET weight_kg = ? WHERE id = ?",
                       (round(calibration.body_weight_kg, 1), player_id))


def update_limits(db: Database, player_id: int, limits: dict[str, float], device: str) -> None:
    """New limits from a LOS test, keeping the neutral point of the last calibration."""
    current = get_calibration(db, player_id)
    neutral = (current.neutral_x_mm, current.neutral_y_mm) if current else (0.0, 0.0)
    orientation = current.orientation if current else "normal"
    weight = current.body_weight_kg if current else None
    save_calibration(db, player_id, Calibration(neutral[0], neutral[1], limits, orientation,
                                                weight, device, now_iso()))

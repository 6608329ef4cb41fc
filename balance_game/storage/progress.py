"""Where each player stands on each level: the difficulty they reached, stars, when last played.

So a level starts where the player left off (eased back after days away), and later levels
unlock when the levels they require have been passed with at least one star.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from balance_game.core.difficulty import resume_difficulty
from balance_game.storage.db import Database
from balance_game.timeutil import now_iso


@dataclass(frozen=True)
class LevelProgress:
    level_id: str
    difficulty: float
    best_stars: int
    plays: int
    last_played_at: str
    best_score: float | None = None  # the best mean score of a finished play (personal best)

    def days_since(self, now: datetime | None = None) -> float:
        last = datetime.fromisoformat(self.last_played_at)
        now = now or datetime.now().astimezone()
        return max(0.0, (now - last).total_seconds() / 86400)


def player_progress(db: Database, player_id: int) -> dict[str, LevelProgress]:
    rows = db.query(
        "SELECT level_id, difficulty, best_stars, plays, last_played_at, best_score"
        " FROM level_progress"
        " WHERE player_id = ?", (player_id,))
    return {row["level_id"]: LevelProgress(**row) for row in rows}


def save_progress(db: Database, player_id: int, level_id: str, difficulty: float,
                  stars: int, score: float | None = None) -> bool:
    """Record a play of a level; ``score`` is its mean score when it was finished. True when
    that beat an earlier finished play: a new personal best (a first play is not one)."""
    with db.transaction():
        before = db.scalar("SELECT best_score FROM level_progress WHERE player_id = ? AND"
                           " level_id = ?", (player_id, level_id))
        db.execute(
            "INSERT INTO level_progress (player_id, level_id, difficulty, best_stars, plays,"
            " last_played_at, best_score) VALUES (?, ?, ?, ?, 1, ?, ?)"
            " ON CONFLICT (player_id, level_id) DO UPDATE SET difficulty = excluded.difficulty,"
            " best_stars = MAX(best_stars, excluded.best_stars), plays = plays + 1,"
            " last_played_at = excluded.last_played_at,"
            " best_score = COALESCE(MAX(best_score, excluded.best_score), best_score,"
            " excluded.best_score)",
            (player_id, level_id, round(difficulty, 4), stars, now_iso(),
             None if score is None else round(score, 1)),
        )
    return score is not None and before is not None and round(score, 1) > before


def is_unlocked(requires: tuple[str, ...], progress: dict[str, LevelProgress]) -> bool:
    return all(req in progress and progress[req].best_stars >= 1 for req in requires)


class ProgressBook:
    """One player's progress, read when a level starts and written when it ends."""

    def __init__(self, db: Database, player_id: int) -> None:
        self.db = db
        self.player_id = player_id

    def start_difficulty(self, level_id: str, default: float) -> float:
        progress = player_progress(self.db, self.player_id).get(level_id)
        if progress is None:
            return default
        return resume_difficulty(progress.difficulty, progress.days_since())

    def record(self, level_id: str, difficulty: float, stars: int,
               score: float | None = None) -> bool:
        """True when ``score`` is a new personal best on the level."""
        return save_progress(self.db, self.player_id, level_id, difficulty, stars, score)

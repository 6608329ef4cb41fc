"""One play-through of a level: its mechanic's world, its trials and their records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from balance_game.control import Axes
from balance_game.devices.base import Goal
from balance_game.game.mechanics import MECHANICS
from balance_game.levels import LevelSpec
from balance_game.storage.sessions import TrialRecord


@dataclass(frozen=True)
class LevelResult:
    level_id: str
    title: str
    n_trials: int
    n_success: int
    mean_score: float
    stars: int
    difficulty: float


class LevelRun:
    def __init__(self, spec: LevelSpec, seed: int, difficulty: float | None = None) -> None:
        self.spec = spec
        self.mechanic = MECHANICS[spec.mechanic]
        self.difficulty = spec.start_difficulty if difficulty is None else difficulty
        self.world: Any = self.mechanic.new_world(spec.params_at(self.difficulty), spec.trials, seed)
        self.trials: list[TrialRecord] = []

    def step(self, axes: Axes, dt_s: float, t_s: float) -> list[TrialRecord]:
        records = []
        for outcome in self.mechanic.step(self.world, axes, dt_s, t_s):
            record = TrialRecord(
                level_id=self.spec.id, mechanic=self.spec.mechanic, trial_index=outcome.index,
                t_start_s=round(outcome.t_start_s, 4), t_end_s=round(outcome.t_end_s, 4),
                success=outcome.success, score=outcome.score, difficulty=round(self.difficulty, 4),
                measures=outcome.measures,
            )
            self.trials.append(record)
            records.append(record)
        return records

    def abort_trial(self) -> None:
        self.mechanic.abort_trial(self.world)

    def goal(self) -> Goal | None:
        return self.mechanic.goal(self.world)

    @property
    def finished(self) -> bool:
        return self.mechanic.finished(self.world)

    def result(self) -> LevelResult:
        n = len(self.trials)
        mean = sum(t.score for t in self.trials) / n if n else 0.0
        return LevelResult(
            level_id=self.spec.id, title=self.spec.title, n_trials=n,
            n_success=sum(t.success for t in self.trials), mean_score=round(mean, 1),
            stars=self.spec.stars_for(mean) if n else 0, difficulty=self.difficulty,
        )

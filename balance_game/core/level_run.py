"""One play-through of a level: its mechanic's world, its trials and their records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from balance_game.core.control import Axes
from balance_game.core.difficulty import Caps, Staircase, capped_params
from balance_game.core.levels import LevelSpec
from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.base import TrialOutcome, World
from balance_game.core.records import Goal, TrialRecord

Judge = Callable[[TrialOutcome], tuple[bool, dict[str, Any]]]


@dataclass(frozen=True)
class LevelResult:
    level_id: str
    title: str
    n_trials: int
    n_success: int
    mean_score: float
    stars: int
    difficulty: float  # where the level ended (0 easiest, 1 hardest)
    start_difficulty: float  # where it began


class LevelRun:
    """Plays a level's trials, moving its difficulty with a staircase between trials."""

    def __init__(self, spec: LevelSpec, seed: int, difficulty: float | None = None,
                 caps: Caps | None = None) -> None:
        self.spec = spec
        self.caps = caps or Caps()
        self.mechanic = MECHANICS[spec.mechanic]
        self.lean_params = {p.name for p in self.mechanic.params if p.lean_extent}
        start = spec.start_difficulty if difficulty is None else difficulty
        self.start_difficulty = start
        self.staircase = Staircase(start, self.caps.target_success, self.caps.max_difficulty)
        self.world: World = self.mechanic.new_world(self.params(), spec.trials, seed)
        self.trials: list[TrialRecord] = []

    @property
    def difficulty(self) -> float:
        return self.staircase.difficulty

    def params(self) -> dict[str, Any]:
        """The level's parameters at the current difficulty, within the therapist's caps."""
        return capped_params(self.spec.params_at(self.difficulty), self.lean_params, self.caps)

    def step(self, axes: Axes, dt_s: float, t_s: float,
             judge: Judge | None = None) -> list[TrialRecord]:
        """Advance the level; ``judge(outcome) -> (success, extra measures)`` gates quality."""
        records = []
        for outcome in self.mechanic.step(self.world, axes, dt_s, t_s):
            success, extra = judge(outcome) if judge else (outcome.success, {})
            record = TrialRecord(
                level_id=self.spec.id, mechanic=self.spec.mechanic, trial_index=outcome.index,
                t_start_s=round(outcome.t_start_s, 4), t_end_s=round(outcome.t_end_s, 4),
                success=success,
                score=min(outcome.score, 30.0) if outcome.success and not success else outcome.score,
                difficulty=round(self.difficulty, 4), measures={**outcome.measures, **extra},
            )
            self.trials.append(record)
            records.append(record)
            self.staircase.update(success)
            self.mechanic.set_params(self.world, self.params())
        return records

    def abort_trial(self) -> bool:
        """Drop the trial in progress unscored; True if there was one."""
        before = self.world.phase
        self.mechanic.abort_trial(self.world)
        return self.world.phase != before

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
            start_difficulty=self.start_difficulty,
        )

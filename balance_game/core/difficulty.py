"""Adaptive difficulty: a weighted up-down staircase on a level's 0..1 difficulty.

Kaernbach's weighted up-down rule: every success makes the next trial harder by
``step * (1 - p)``, every failure easier by ``step * p``. The expected drift is zero exactly
where the success rate is ``p``, so the staircase settles where the player succeeds about as
often as the therapist asked (75 % by default, the middle of the 60-80 % "optimal challenge"
band, product.md §3.1). The step starts large to find the level quickly and halves at each
reversal down to a floor (PEST style), so it then stays put instead of zig-zagging. A cap
from the therapist is a hard ceiling the staircase never crosses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_TARGET_SUCCESS = 0.75
TARGET_SUCCESS_RANGE = (0.6, 0.9)
START_STEP = 0.16
MIN_STEP = 0.04
MAX_EASE_BACK = 0.3
EASE_BACK_PER_DAY = 0.05
GRACE_DAYS = 2


@dataclass
class Staircase:
    difficulty: float
    target_success: float = DEFAULT_TARGET_SUCCESS
    ceiling: float = 1.0
    step: float = START_STEP
    history: list[float] = field(default_factory=list)
    _last_direction: int = 0

    def __post_init__(self) -> None:
        low, high = TARGET_SUCCESS_RANGE
        if not low <= self.target_success <= high:
            raise ValueError(f"target success {self.target_success} outside {low}..{high}")
        self.difficulty = self._clamp(self.difficulty)

    def _clamp(self, value: float) -> float:
        return min(max(value, 0.0), self.ceiling)

    def update(self, success: bool) -> float:
        """Record one trial's outcome; returns the difficulty for the next trial."""
        self.history.append(self.difficulty)
        direction = 1 if success else -1
        if self._last_direction and direction != self._last_direction:
            self.step = max(MIN_STEP, self.step / 2)
        self._last_direction = direction
        delta = self.step * (1 - self.target_success) if success else -self.step * self.target_success
        self.difficulty = self._clamp(self.difficulty + delta)
        return self.difficulty


def resume_difficulty(last: float, days_away: float) -> float:
    """Where a returning player starts: where they left off, eased back after days away."""
    ease = min(MAX_EASE_BACK, max(0.0, days_away - GRACE_DAYS) * EASE_BACK_PER_DAY)
    return max(0.0, last - ease)


@dataclass(frozen=True)
class Caps:
    """A therapist's hard limits: the adaptation and the level files never go past them."""

    max_difficulty: float = 1.0
    max_lean_pct: float = 100.0
    target_success: float = DEFAULT_TARGET_SUCCESS


def capped_params(params: dict, lean_params: set[str], caps: Caps) -> dict:
    """``params`` with every lean-extent parameter (in % of the player's limits) held to the cap."""
    return {name: (min(value, caps.max_lean_pct) if name in lean_params else value)
            for name, value in params.items()}

"""Safety checks on the live stream: has the player stepped off, or lost their balance?

Pure and per-sample, so the same rules run in the game, in tests and in the simulator. The
thresholds follow product.md §6: a pause when the load on the board falls below half the body
weight, and when the centre of pressure goes well past the player's limits of stability.
"""

from __future__ import annotations

from dataclasses import dataclass

STEP_OFF_FRACTION = 0.5  # below this share of body weight the player has stepped off
BACK_ON_FRACTION = 0.8  # above this share (for BACK_ON_HOLD_S) they are back on the board
BACK_ON_HOLD_S = 1.0
UNKNOWN_WEIGHT_STEP_OFF_KG = 15.0  # until the body weight is known, below this is "off"
LEARN_WEIGHT_S = 1.0  # standing this long (above 20 kg) teaches an unknown body weight
LEARN_MIN_KG = 20.0
BALANCE_LOST_LEAN = 1.25  # lean beyond 125 % of the player's limits ...
BALANCE_LOST_HOLD_S = 0.25  # ... for this long is a loss of balance, not a reach


@dataclass
class SafetyMonitor:
    """Feed it every sample; it answers with "step_off", "balance_lost", "back_on" or None."""

    body_weight_kg: float | None  # None: learnt from the first second of standing
    off_board: bool = False
    _learning: tuple[float, list[float]] | None = None  # (since when, weights) while learning
    _back_on_since: float | None = None
    _beyond_since: float | None = None
    _balance_lost: bool = False

    def _learn(self, t_s: float, total_kg: float) -> None:
        if total_kg < LEARN_MIN_KG:
            self._learning = None
            return
        if self._learning is None:
            self._learning = (t_s, [])
        since, weights = self._learning
        weights.append(total_kg)
        if t_s - since >= LEARN_WEIGHT_S:
            self.body_weight_kg = sum(weights) / len(weights)

    def _threshold_kg(self, fraction: float) -> float:
        if self.body_weight_kg is None:
            return UNKNOWN_WEIGHT_STEP_OFF_KG
        return fraction * self.body_weight_kg

    def check_load(self, t_s: float, total_kg: float | None) -> str | None:
        if total_kg is None:
            return None
        if self.body_weight_kg is None:
            self._learn(t_s, total_kg)
        if not self.off_board:
            if total_kg < self._threshold_kg(STEP_OFF_FRACTION):
                self.off_board = True
                self._back_on_since = None
                return "step_off"
            return None
        if total_kg >= self._threshold_kg(BACK_ON_FRACTION):
            if self._back_on_since is None:
                self._back_on_since = t_s
            if t_s - self._back_on_since >= BACK_ON_HOLD_S:
                self.off_board = False
                return "back_on"
        else:
            self._back_on_since = None
        return None

    def check_lean(self, t_s: float, lean_ratio: float) -> str | None:
        """``lean_ratio`` is the distance from neutral as a fraction of the player's limits."""
        if lean_ratio <= 1.0:
            self._beyond_since = None
            self._balance_lost = False
            return None
        if lean_ratio < BALANCE_LOST_LEAN:
            return None
        if self._beyond_since is None:
            self._beyond_since = t_s
        if not self._balance_lost and t_s - self._beyond_since >= BALANCE_LOST_HOLD_S:
            self._balance_lost = True
            return "balance_lost"
        return None

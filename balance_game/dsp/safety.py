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
BALANCE_LOST_LEAN = 1.25  # lean beyond 125 % of the player's limits ...
BALANCE_LOST_HOLD_S = 0.25  # ... for this long is a loss of balance, not a reach


@dataclass
class SafetyMonitor:
    """Feed it every sample; it answers with "step_off", "balance_lost", "back_on" or None."""

    body_weight_kg: float
    off_board: bool = False
    _back_on_since: float | None = None
    _beyond_since: float | None = None
    _balance_lost: bool = False

    def check_load(self, t_s: float, total_kg: float | None) -> str | None:
        if total_kg is None:
            return None
        if not self.off_board:
            if total_kg < STEP_OFF_FRACTION * self.body_weight_kg:
                self.off_board = True
                self._back_on_since = None
                return "step_off"
            return None
        if total_kg >= BACK_ON_FRACTION * self.body_weight_kg:
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

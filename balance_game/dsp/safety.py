"""Safety checks on the live stream: has the player stepped off, or lost their balance?

Pure and per-sample, so the same rules run in the game, in tests and in the simulator. The
thresholds follow product.md §6: a pause when the load on the board falls below half the body
weight, and when the centre of pressure goes well past the player's limits of stability.

Where the task is to stand on one foot (the weight-transfer levels) the limits of stability
measured on two feet say nothing: the centre of pressure must go out over the standing foot,
often past them. There the support is the standing foot itself (``OneLegWatch``): balance is
lost when the centre of pressure stays past the outer edge of that foot's sole, or far toward
its toes or heel, for half a second, or when the load on the board collapses suddenly (a knee
giving way, a grab at a support). A foot put down, quickly or not, is the player's own
recovery and never pauses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

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


# --- single-leg stance (docs/clinical-measures.md §5) ------------------------------------------
# A sole is about 90 mm wide and the centre of pressure of one-leg sway stays within a few cm
# of its middle. 45 mm outward of where the foot's load usually acts is the outer edge: no
# ankle torque is left there to bring the body back; the hip or a step must, or the body falls
# sideways. Held for half a second (a quick brush of the edge, braking a brisk weight shift,
# lasts under 0.2 s; the simulated player's longest is 0.19 s) it is a loss of balance.
ONE_LEG_OUTWARD_MM = 45.0
ONE_LEG_AP_MM = 70.0  # toward the toes or the heel from where the foot's load usually acts
ONE_LEG_HOLD_S = 0.5
# Where each foot's load acts is learnt while that foot carries the weight alone (its side's
# cells carry this share or more), slowly, so a fall (a fraction of a second) does not move it.
FOOT_LEARN_SHARE = 0.7
FOOT_LEARN_TAU_S = 2.0
FOOT_RANGE_MM = (60.0, 170.0)  # a foot's centre on the board, however the player stands
# A sudden collapse of the load: from at least 85 % of the body weight to under 65 % within
# 0.3 s. Lifting and putting down a leg moves the total by a tenth of the weight at most.
COLLAPSE_FROM = 0.85
COLLAPSE_TO = 0.65
COLLAPSE_WITHIN_S = 0.3


@dataclass
class OneLegWatch:
    """Balance on one foot, judged against that foot's support, from the four load cells.

    ``foot_mm`` is how far each foot's centre starts out from the board's middle, ``neutral_y_mm``
    where the weight rests front to back; both are then learnt from the player's own stance.
    """

    foot_mm: float
    neutral_y_mm: float = 0.0
    feet: dict[str, list[float]] = field(default_factory=dict)  # side -> [x, y] learnt
    _beyond_since: float | None = None
    _lost: bool = False
    _full_load_at: float | None = None
    _last_t: float | None = None

    def foot(self, side: str) -> list[float]:
        sign = 1.0 if side == "right" else -1.0
        return self.feet.setdefault(side, [sign * self.foot_mm, self.neutral_y_mm])

    def _learn(self, side: str, x: float, y: float, dt: float) -> None:
        foot = self.foot(side)
        w = 1.0 - math.exp(-dt / FOOT_LEARN_TAU_S)
        low, high = FOOT_RANGE_MM
        sign = 1.0 if side == "right" else -1.0
        foot[0] = sign * min(high, max(low, sign * (foot[0] + (x - foot[0]) * w)))
        foot[1] += (y - foot[1]) * w

    def beyond(self, x: float, y: float) -> bool:
        """The centre of pressure at the outer edge of the foot it is over, or far toward its
        toes or heel."""
        side = "right" if x >= 0 else "left"
        foot_x, foot_y = self.foot(side)
        outward = (x - foot_x) if side == "right" else (foot_x - x)
        return outward > ONE_LEG_OUTWARD_MM or abs(y - foot_y) > ONE_LEG_AP_MM

    def check(self, t_s: float, x: float, y: float,
              corners_kg: tuple[float, float, float, float],
              body_weight_kg: float | None) -> str | None:
        """"balance_lost" once per loss of balance, else None."""
        tl, tr, bl, br = corners_kg
        total = tl + tr + bl + br
        dt = 0.0 if self._last_t is None else max(0.0, t_s - self._last_t)
        self._last_t = t_s
        collapsed = False
        if body_weight_kg:
            if total >= COLLAPSE_FROM * body_weight_kg:
                self._full_load_at = t_s
            collapsed = (total < COLLAPSE_TO * body_weight_kg and self._full_load_at is not None
                         and t_s - self._full_load_at <= COLLAPSE_WITHIN_S)
        beyond = total > 0 and self.beyond(x, y)
        if total > 0 and not beyond:
            right = (tr + br) / total
            if max(right, 1.0 - right) >= FOOT_LEARN_SHARE:
                self._learn("right" if right >= 0.5 else "left", x, y, dt)
        if not beyond and not collapsed:
            self._beyond_since = None
            if total > 0 and (not body_weight_kg or total >= COLLAPSE_FROM * body_weight_kg):
                self._lost = False
            return None
        if self._beyond_since is None:
            self._beyond_since = t_s
        if self._lost:
            return None
        if collapsed or t_s - self._beyond_since >= ONE_LEG_HOLD_S:
            self._lost = True
            return "balance_lost"
        return None

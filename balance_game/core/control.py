"""From centre of pressure to game controls.

Every game reads two axes, ``lean_x`` and ``lean_y``, in -1..1 of the player's *own* limits of
stability, measured from their neutral stance. So a target at 0.5 asks the same effort of a
frail 85-year-old and of an athlete, and no game ever deals in millimetres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Theoretical limits of stability (NeuroCom): 8 degrees forward and sideways, 4.5 back, about
# the ankle, with the centre of gravity at 55.27 % of body height. Used until a player's own
# limits are measured.
COG_HEIGHT_FRACTION = 0.5527
LOS_SIDE_DEG = 8.0
LOS_FORWARD_DEG = 8.0
LOS_BACK_DEG = 4.5
DEFAULT_HEIGHT_CM = 170.0
# The Wii board's load cells sit 433 x 238 mm apart: a centre of pressure cannot be measured
# beyond them, so limits are kept inside 90 % of those half-spans.
BOARD_HALF_SPAN_ML_MM = 216.5
BOARD_HALF_SPAN_AP_MM = 119.0
REACHABLE_FRACTION = 0.9
MIN_SHARE_LOAD_KG = 5.0  # below this nobody stands on the board: no side share to speak of


@dataclass(frozen=True)
class Limits:
    """How far the player can lean from neutral in each direction, in mm."""

    left_mm: float
    right_mm: float
    forward_mm: float
    back_mm: float

    @classmethod
    def theoretical(cls, height_cm: float | None) -> Limits:
        cog_mm = COG_HEIGHT_FRACTION * (height_cm or DEFAULT_HEIGHT_CM) * 10.0
        side = min(cog_mm * math.tan(math.radians(LOS_SIDE_DEG)),
                   BOARD_HALF_SPAN_ML_MM * REACHABLE_FRACTION)
        forward = min(cog_mm * math.tan(math.radians(LOS_FORWARD_DEG)),
                      BOARD_HALF_SPAN_AP_MM * REACHABLE_FRACTION)
        back = min(cog_mm * math.tan(math.radians(LOS_BACK_DEG)),
                   BOARD_HALF_SPAN_AP_MM * REACHABLE_FRACTION)
        return cls(side, side, forward, back)

    def to_mm(self, lean_x: float, lean_y: float) -> tuple[float, float]:
        """Lean units to an offset from neutral in mm (the inverse of the control mapping)."""
        x = lean_x * (self.right_mm if lean_x >= 0 else self.left_mm)
        y = lean_y * (self.forward_mm if lean_y >= 0 else self.back_mm)
        return x, y


@dataclass(frozen=True, slots=True)
class Axes:
    lean_x: float = 0.0
    lean_y: float = 0.0
    # share of the load on the right-hand load cells (tr + br) / total, 0..1; None for sources
    # without load cells (keyboard, mouse, gamepad). Games about feet read it (weight transfer).
    right_share: float | None = None

    @property
    def magnitude(self) -> float:
        return math.hypot(self.lean_x, self.lean_y)


def right_share(corners_kg: tuple[float, float, float, float] | None) -> float | None:
    """(tr + br) / total of (tl, tr, bl, br) load-cell readings; None without a real load."""
    if corners_kg is None:
        return None
    tl, tr, bl, br = corners_kg
    total = tl + tr + bl + br
    if total < MIN_SHARE_LOAD_KG:
        return None
    return min(1.0, max(0.0, (tr + br) / total))


@dataclass(frozen=True)
class ControlMap:
    """Neutral point, limits, dead zone and gain: the player's personal calibration."""

    limits: Limits
    neutral_x_mm: float = 0.0
    neutral_y_mm: float = 0.0
    dead_zone: float = 0.03
    gain: float = 1.0

    def _relative(self, cop_x_mm: float, cop_y_mm: float) -> tuple[float, float]:
        dx = cop_x_mm - self.neutral_x_mm
        dy = cop_y_mm - self.neutral_y_mm
        x = dx / (self.limits.right_mm if dx >= 0 else self.limits.left_mm)
        y = dy / (self.limits.forward_mm if dy >= 0 else self.limits.back_mm)
        return x, y

    def axes(self, cop_x_mm: float, cop_y_mm: float,
             corners_kg: tuple[float, float, float, float] | None = None) -> Axes:
        x, y = self._relative(cop_x_mm, cop_y_mm)
        return Axes(self._shape(x), self._shape(y), right_share(corners_kg))

    def lean_ratio(self, cop_x_mm: float, cop_y_mm: float) -> float:
        """Distance from neutral in units of the player's limits, before any clamping."""
        return math.hypot(*self._relative(cop_x_mm, cop_y_mm))

    def _shape(self, value: float) -> float:
        """Dead zone around neutral (quiet sway must not move things), then gain, then clamp."""
        magnitude = abs(value)
        if magnitude <= self.dead_zone:
            return 0.0
        scaled = (magnitude - self.dead_zone) / (1.0 - self.dead_zone) * self.gain
        return math.copysign(min(scaled, 1.0), value)

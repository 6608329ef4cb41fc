"""Easing curves: motion that starts and stops the way things in the world do.

Each maps progress 0..1 to 0..1 (``back`` curves overshoot a little past 1 before settling,
``anticipate`` dips below 0 first, like a jumper crouching before the jump). Formulas after
Robert Penner's easing equations.
"""

from __future__ import annotations

import math

BACK = 1.70158  # Penner's overshoot: about 10 %


def clamp01(u: float) -> float:
    return 0.0 if u <= 0 else 1.0 if u >= 1 else u


def out_cubic(u: float) -> float:
    u = clamp01(u)
    return 1.0 - (1.0 - u) ** 3


def in_out_sine(u: float) -> float:
    return (1.0 - math.cos(math.pi * clamp01(u))) / 2.0


def out_back(u: float) -> float:
    """Arrive quickly, overshoot slightly, settle: for things that land (stars)."""
    u = clamp01(u) - 1.0
    return 1.0 + (BACK + 1.0) * u ** 3 + BACK * u ** 2


def anticipate(u: float) -> float:
    """Pull back a little before moving off (Penner's in-back)."""
    u = clamp01(u)
    return (BACK + 1.0) * u ** 3 - BACK * u ** 2

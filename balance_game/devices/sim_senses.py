"""What the simulated player's senses and feet do to its sway: eyes closed, foam, narrow stances.

Kept apart from the body's mechanics (devices/simulated.py) so the two can change separately.

Vision and surface (literature). The ratios are those of the young adults of the reference data
set (Santos & Duarte 2016, PeerJ 4:e2648; 87 subjects 18-59 y, 60 s, means in
docs/sway-measures.md §5.1 [V]): mean COP velocity 0.87 / 0.96 / 2.38 / 3.14 cm/s and 95 %
ellipse area 2.49 / 2.86 / 12.89 / 14.93 cm² for eyes open firm / eyes closed firm / eyes open
foam / eyes closed foam. Area grows with the square of the sway amplitude and velocity with
amplitude × pace, so each condition scales the sway disturbance's amplitude by √(area ratio)
and speeds its time course by (velocity ratio) / amplitude. Closing the eyes thus raises
velocity 10 % on firm ground and 32 % on foam (the Romberg quotients of that cohort, 1.10 and
1.31 as per-subject medians), foam raises it 2.7-fold.

Stances and holding them (model choices, not measurements). Narrower bases of support sway
more and are held for less time: the time until the player steps or puts a foot down is drawn
from an exponential distribution whose mean grows with ability, chosen so that an able player
(0.9) holds every STEADI stage and usually 30 s on one leg with eyes open, and a frail one
(0.2) often fails the tandem stance and holds one leg for a few seconds, as the 80+ group of
Springer et al. 2007 does (9.4 s eyes open, ~2 s closed, best of 3). Eyes closed shorten the
single-leg hold 3.5-fold (Springer 2007, 18-39 y: 44.7 s open against 13-17 s closed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# (velocity cm/s, area cm²), BDS young adults, keyed by (eyes_closed, foam)
REFERENCE_YOUNG = {
    (False, False): (0.87, 2.49),
    (True, False): (0.96, 2.86),
    (False, True): (2.38, 12.89),
    (True, True): (3.14, 14.93),
}
FOOT_APART_MM = 100.0  # half the distance between the feet's centres in the usual stance
STEP_S = 0.35  # how long a stepping foot is off the board
SHIFT_TAU_S = 0.12  # how quickly weight moves onto one foot (or back onto both)
LIFT_S = 0.3  # after the reaction time, the weight shift before a foot leaves the board


@dataclass(frozen=True)
class SwayScale:
    """Multiplies the sway disturbance's amplitude, divides its time constants (pace) and
    multiplies the body's smoothing of it."""

    amplitude: float = 1.0
    pace: float = 1.0
    smoothing: float = 1.0

    def __mul__(self, other: SwayScale) -> SwayScale:
        return SwayScale(self.amplitude * other.amplitude, self.pace * other.pace,
                         self.smoothing * other.smoothing)


@dataclass(frozen=True)
class StanceModel:
    """Where the weight sits in a stance, how much more it sways, how long an able body holds."""

    offset_mm: tuple[float, float]  # where the COP centres (the standing foot, for one leg)
    sway: SwayScale
    hold_at_best_s: float  # mean hold time at ability 1 (exponential hazard)
    on_one_leg: bool = False


# A player asked to stand still in a given stance (a test) sways slowly, as people do when they
# try to stand still; playing a game (no stance asked) keeps the quicker, movement-ready sway the
# games' difficulty was tuned on. Standing still, the body smooths the disturbance ~4x longer:
# that brings the quiet-stance velocity at ability 0.9 to the BDS young adults' (~9 mm/s).
STILL = 4.3
STANCES = {
    "": StanceModel((0.0, 0.0), SwayScale(), math.inf),
    "together": StanceModel((0.0, 0.0), SwayScale(1.0, 1.0, STILL), 4000.0),
    "semi_tandem": StanceModel((0.0, 0.0), SwayScale(1.2, 1.1, STILL), 800.0),
    "tandem": StanceModel((0.0, 0.0), SwayScale(1.5, 1.2, STILL), 200.0),
    "single_leg": StanceModel((FOOT_APART_MM, 0.0), SwayScale(1.8, 1.4, STILL), 60.0,
                              on_one_leg=True),
}
EYES_CLOSED_HOLD_DIVISOR = 3.5
# Holding on to a support (while getting into position) steadies the body a great deal.
SUPPORTED = SwayScale(0.3, 1.0, STILL)


def sensory_scale(eyes_closed: bool, foam: bool) -> SwayScale:
    """The sway scale of a vision/surface condition relative to eyes open on firm ground."""
    velocity, area = REFERENCE_YOUNG[(eyes_closed, foam)]
    velocity0, area0 = REFERENCE_YOUNG[(False, False)]
    amplitude = math.sqrt(area / area0)
    return SwayScale(amplitude, (velocity / velocity0) / amplitude)


def mean_hold_s(stance: str, ability: float, eyes_closed: bool) -> float:
    """Mean time the player holds ``stance`` before stepping or touching down."""
    model = STANCES[stance]
    if math.isinf(model.hold_at_best_s):
        return math.inf
    a = min(1.0, max(0.0, ability))
    hold = 1.0 + model.hold_at_best_s * a * a
    return hold / EYES_CLOSED_HOLD_DIVISOR if eyes_closed else hold

"""Small pieces the mechanics share: waiting at the centre, sway statistics.

Pure Python, no pygame: these run inside the rules.
"""

from __future__ import annotations

import itertools
import math

SETTLE_S = 0.5  # still inside the centre zone this long before a trial starts
CENTRE_RADIUS = 0.12  # the centre zone, in lean units
STILL_SPEED = 0.6  # lean units per second: faster than this is not "standing still"
SPEED_TAU_S = 0.25  # smoothing of the lean's speed (prompts, views and "standing still")
MAX_CUES = 32  # if nobody drains the cue list, keep only the newest


def settle(settle_s: float, position: tuple[float, float], speed: float, dt_s: float,
           radius: float = CENTRE_RADIUS) -> float:
    """Time spent still in the centre zone so far: grows while still inside, resets otherwise."""
    if math.hypot(*position) <= radius and speed <= STILL_SPEED:
        return settle_s + dt_s
    return 0.0


def add_cue(cues: list[str], name: str) -> None:
    cues.append(name)
    if len(cues) > MAX_CUES:
        del cues[: len(cues) - MAX_CUES]


def path_length(points: list[tuple[float, float]]) -> float:
    return math.fsum(math.dist(a, b) for a, b in itertools.pairwise(points))


def clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))


def rnd(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)

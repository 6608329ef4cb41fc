"""The shared words of the whole program: samples, device status, goals and trial records.

A board, a gamepad, the keyboard, the mouse, the simulated player and a replayed file all produce
the same ``Sample`` stream, so every game runs with any of them and tests need no hardware.
Coordinates are in the board frame: +x toward the player's right, +y forward, in millimetres.

This module imports nothing of the project, so every layer can speak these words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

CORNERS = ("tl", "tr", "bl", "br")

# Storage resolution (see storage/sessions.py): 10 g per corner, 0.1 mm of COP, 1 µs of time.
KG_STEP = 0.01
MM_STEP = 0.1
INT16_MAX = 32767


@dataclass(frozen=True, slots=True)
class Sample:
    """One reading, timestamped in session seconds (host time of arrival for real devices).

    ``corners_kg`` is (top-left, top-right, bottom-left, bottom-right) for sources that measure
    load; sources that only point (keyboard, mouse, gamepad) leave it ``None``.
    """

    t_s: float
    cop_x_mm: float
    cop_y_mm: float
    corners_kg: tuple[float, float, float, float] | None = None

    @property
    def total_kg(self) -> float | None:
        return None if self.corners_kg is None else math.fsum(self.corners_kg)


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """Something happened to the device itself rather than to the person on it."""

    t_s: float
    state: str  # "connected", "lost", "stalled", "battery_low", "ended" (a replay ran out)
    message: str


@dataclass(frozen=True, slots=True)
class Goal:
    """What the game currently asks of the player, in lean units (-1..1 of their limits).

    Only the simulated player reads it; a person reads the screen instead.
    """

    lean_x: float
    lean_y: float
    precision: float = 0.1  # how close is close enough, in lean units
    on_board: bool = True  # False: the game asks the player to step off (to zero the board)
    eyes_closed: bool = False  # a test asks the player to close their eyes
    foam: bool = False  # ... to stand on a foam pad
    stance: str = ""  # ... to stand in a foot position ("tandem", "single_leg"...); "" as usual
    supported: bool = False  # ... to hold on to a support (while getting into position)
    lift: str | None = None  # "left" or "right": stand on the other foot and lift this one
    # other places on screen that are NOT the goal (a dual task's wrong items, in lean units):
    # a simulated player takes time to decide and sometimes picks one of them by mistake
    decoys: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class TrialRecord:
    """One scored attempt at a level's task, with the measures its mechanic defines."""

    level_id: str
    mechanic: str
    trial_index: int
    t_start_s: float
    t_end_s: float
    success: bool
    score: float
    difficulty: float
    measures: dict[str, Any] = field(default_factory=dict)


def trial_summary(trial: TrialRecord) -> dict[str, Any]:
    """A trial as `sessions --json` and `replay --json` both print it, so the two compare
    directly (``index`` counts from 0, as stored and exported)."""
    return {"level": trial.level_id, "index": trial.trial_index, "success": trial.success,
            "score": trial.score, "difficulty": trial.difficulty}


def storage_steps(value: float, step: float) -> int:
    """``value`` in whole storage steps, clipped to what a signed 16-bit field holds."""
    steps = round(value / step)  # the comparison below is cheaper than max(min()) per sample
    return steps if -INT16_MAX <= steps <= INT16_MAX else (INT16_MAX if steps > 0 else -INT16_MAX)


# Two times closer than this are the same instant (float steps of 1/60 s never land exactly on
# a sample's microsecond): a sample stamped at a step's time belongs to that step, live and in
# a replay alike, so a replay feeds every step the very samples the live game had.
SAME_TIME_S = 1e-9


def quantize(sample: Sample) -> Sample:
    """The sample exactly as it will be stored and read back (the game plays on this value)."""
    corners = None
    if sample.corners_kg is not None:
        c = sample.corners_kg
        corners = (storage_steps(c[0], KG_STEP) / 100, storage_steps(c[1], KG_STEP) / 100,
                   storage_steps(c[2], KG_STEP) / 100, storage_steps(c[3], KG_STEP) / 100)
    return Sample(round(sample.t_s * 1e6) / 1e6, storage_steps(sample.cop_x_mm, MM_STEP) / 10,
                  storage_steps(sample.cop_y_mm, MM_STEP) / 10, corners)

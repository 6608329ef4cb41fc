"""Calibrating a player on a board: zero, weight, neutral stance, orientation, then LOS.

The flow product.md §6 recommends: tare the empty board, step on, measure the body weight,
stand still for the neutral point, lean forward once to confirm which way the board faces,
then the limits-of-stability test, whose measured limits scale every game from then on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from balance_game.core.assessments import los_steps
from balance_game.core.control import Limits
from balance_game.core.protocols import Capture, Step
from balance_game.i18n import N_

FORWARD_LEAN = 0.5  # how far the orientation check asks the player to lean, in lean units
ORIENTATION_MIN_MM = 8.0  # a forward lean must move the centre of pressure at least this much


def calibration_steps(limits: Limits, has_load_cells: bool,
                      height_cm: float | None = None) -> list[Step]:
    steps: list[Step] = []
    if has_load_cells:
        steps.append(Step("tare", N_("Step off the board"),
                          N_("Stand beside the board and hold your support. Do not touch the board "
                          "while it is zeroed."), 2.0, goal=None, record=True, wait_load="empty",
                          off_board=True, phase="tare"))
        steps.append(Step("weigh", N_("Step onto the board"),
                          N_("Hold your support and step on, one foot on each side of the middle."),
                          1.0, wait_load="loaded"))
    steps.append(Step("weigh", N_("Stand still"),
                      N_("Feet apart, arms by your sides, look straight ahead."), 5.0, record=True,
                      phase="record"))
    steps.append(Step("forward", N_("Lean gently forward"),
                      N_("Lean a little forward from the ankles and hold it."), 3.0,
                      goal=(0.0, FORWARD_LEAN), record=True, phase="record"))
    steps.append(Step("rest", N_("Come back to the middle"), N_("Relax for a moment."), 2.0))
    return steps + los_steps(limits, height_cm)


@dataclass(frozen=True)
class Stance:
    neutral_x_mm: float
    neutral_y_mm: float
    body_weight_kg: float | None


def stance_from(capture: Capture | None) -> Stance | None:
    """Neutral point and body weight from the still-standing recording (its last 4 s)."""
    if capture is None or not capture.samples:
        return None
    last = [s for s in capture.samples if s.t_s >= capture.samples[-1].t_s - 4.0]
    x = float(np.mean([s.cop_x_mm for s in last]))
    y = float(np.mean([s.cop_y_mm for s in last]))
    totals = [s.total_kg for s in last if s.total_kg is not None]
    return Stance(round(x, 1), round(y, 1), round(float(np.mean(totals)), 1) if totals else None)


def orientation_from(capture: Capture | None, stance: Stance) -> str | None:
    """"normal" if a forward lean moved the COP toward +y, "reversed" if toward -y, else None."""
    if capture is None or not capture.samples:
        return None
    tail = capture.samples[len(capture.samples) // 2:]
    shift = float(np.mean([s.cop_y_mm for s in tail])) - stance.neutral_y_mm
    if abs(shift) < ORIENTATION_MIN_MM:
        return None
    return "normal" if shift > 0 else "reversed"

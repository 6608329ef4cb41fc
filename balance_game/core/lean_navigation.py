"""Choosing on a screen by leaning and standing still: the pure rules behind every menu.

A lean in the direction the items are laid out moves the highlight one step (the player returns
to the middle before the next step); standing still in the middle for ``DWELL_S`` then chooses.
A vertical list listens only to forward/back leans, a row only to sideways leans, so a lean that
wanders sideways in a list does nothing. Standing still alone chooses nothing unless the screen
says its highlighted item is safe to take at once (``armed``): nobody is rushed and nothing
happens by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from balance_game.core.control import Axes

DWELL_S = 1.5
MOVE_LEAN = 0.45
STILL_LEAN = 0.15

Layout = Literal["vertical", "horizontal", "grid"]


def lean_direction(axes: Axes, layout: Layout) -> str | None:
    """The step a lean asks for in this layout, or None while the lean is not far enough."""
    forward_back = "up" if axes.lean_y > 0 else "down"
    sideways = "right" if axes.lean_x > 0 else "left"
    if layout == "vertical":
        return forward_back if abs(axes.lean_y) >= MOVE_LEAN else None
    if layout == "horizontal":
        return sideways if abs(axes.lean_x) >= MOVE_LEAN else None
    if max(abs(axes.lean_x), abs(axes.lean_y)) < MOVE_LEAN:
        return None
    return forward_back if abs(axes.lean_y) >= abs(axes.lean_x) else sideways


@dataclass
class LeanNavigator:
    """Returns "up", "down", "left", "right", "confirm" or None for each fixed step."""

    layout: Layout = "vertical"
    armed: bool = False
    latched: bool = False
    dwell_s: float = 0.0

    @property
    def dwell_fraction(self) -> float:
        """How far the stand-still choice has come (0..1), for the ring drawn on the item."""
        return min(1.0, self.dwell_s / DWELL_S) if self.armed else 0.0

    def update(self, axes: Axes, dt_s: float) -> str | None:
        lean = max(abs(axes.lean_x), abs(axes.lean_y))
        direction = lean_direction(axes, self.layout)
        if direction is not None:
            self.dwell_s = 0.0
            if self.latched:
                return None
            self.latched = self.armed = True
            return direction
        if lean > STILL_LEAN:
            self.dwell_s = 0.0
            return None
        self.latched = False
        if not self.armed:
            return None
        self.dwell_s += dt_s
        if self.dwell_s >= DWELL_S:
            self.armed = False
            self.dwell_s = 0.0
            return "confirm"
        return None

"""The vocabulary every input source speaks: samples, device status and the source protocol.

A board, a gamepad, the keyboard, the mouse, the simulated player and a replayed file all produce
the same ``Sample`` stream, so every game runs with any of them and tests need no hardware.
Coordinates are in the board frame: +x toward the player's right, +y forward, in millimetres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

CORNERS = ("tl", "tr", "bl", "br")


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


@runtime_checkable
class InputSource(Protocol):
    """A source of samples. ``poll`` never blocks: the game loop calls it every step."""

    kind: str  # "board", "gamepad", "keyboard", "mouse", "sim", "replay"
    name: str

    def start(self, origin_monotonic_s: float) -> None:
        """Begin producing; session time 0 is ``origin_monotonic_s`` on the monotonic clock."""

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        """Everything produced up to session time ``t_s`` that was not returned before."""

    def handle_event(self, event: Any) -> None:
        """A pygame event (keys, mouse, joystick) for sources that are driven by them."""

    def set_goal(self, goal: Goal | None) -> None:
        """What the current game asks for (the simulated player acts on it)."""

    def close(self) -> None:
        """Release the device (and power a board off where it can)."""

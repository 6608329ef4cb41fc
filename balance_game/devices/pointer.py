"""Keyboard and mouse as stand-ins for a board: they steer a centre of pressure directly.

Both produce a steady 100 Hz sample stream in session time (like a board), with the pointed-at
position approached through a short lag so movement looks like a person's, not a teleport.
Full deflection is 100 % of the player's limits. The keyboard is rate-controlled: a held arrow
keeps leaning further, and the lean stays where it is when the key is let go, so a player can
hold a target part-way out (as on a board) and comes back with the opposite arrow.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pygame

from balance_game.core.control import Limits
from balance_game.core.records import SAME_TIME_S, DeviceStatus, Goal, Sample

SAMPLE_DT_S = 0.01
LAG_S = 0.12  # time constant of the approach to the pointed-at position
KEY_SPEED = 0.8  # lean units per second while an arrow is held

_KEY_DIRECTIONS = {
    pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0),
    pygame.K_RIGHT: (1, 0), pygame.K_d: (1, 0),
    pygame.K_UP: (0, 1), pygame.K_w: (0, 1),
    pygame.K_DOWN: (0, -1), pygame.K_s: (0, -1),
}


class _Steered:
    """Shared part: a lean target in -1..1, approached with a first-order lag at 100 Hz."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.target = (0.0, 0.0)
        self.position = (0.0, 0.0)
        self.t_s = 0.0

    def start(self, origin_monotonic_s: float) -> None:
        del origin_monotonic_s

    def set_goal(self, goal: Goal | None) -> None:
        del goal  # a person is steering

    def close(self) -> None:
        """Nothing to release: no device is held open."""

    def poll(self, t_s: float) -> list[Sample | DeviceStatus]:
        out: list[Sample | DeviceStatus] = []
        k = 1.0 - math.exp(-SAMPLE_DT_S / LAG_S)
        while self.t_s + SAMPLE_DT_S <= t_s + SAME_TIME_S:
            self.t_s = round(self.t_s + SAMPLE_DT_S, 6)
            self._move_target(SAMPLE_DT_S)
            px, py = self.position
            tx, ty = self.target
            self.position = (px + (tx - px) * k, py + (ty - py) * k)
            x_mm, y_mm = self.limits.to_mm(*self.position)
            out.append(Sample(self.t_s, x_mm, y_mm))
        return out

    def _move_target(self, dt_s: float) -> None:
        """For rate-controlled inputs; pointing inputs set the target directly."""


RECENTRE_KEYS = (pygame.K_c, pygame.K_HOME)


class KeyboardSource(_Steered):
    """Arrows or WASD lean the player; holding two keys leans diagonally; C or Home re-centres.

    The lean stays where the keys left it (it is a position, not a spring), so a player who has
    lost track of the middle gets it back with one key instead of nudging toward it.
    """

    kind = "keyboard"
    name = "keyboard (arrows / WASD)"

    def __init__(self, limits: Limits) -> None:
        super().__init__(limits)
        self.held: set[int] = set()

    def handle_event(self, event: Any) -> None:
        if event.type == pygame.KEYDOWN and event.key in RECENTRE_KEYS:
            self.target = (0.0, 0.0)
        elif event.type == pygame.KEYDOWN and event.key in _KEY_DIRECTIONS:
            self.held.add(event.key)
        elif event.type == pygame.KEYUP:
            self.held.discard(event.key)

    def _move_target(self, dt_s: float) -> None:
        dx = max(-1, min(1, sum(_KEY_DIRECTIONS[k][0] for k in self.held)))
        dy = max(-1, min(1, sum(_KEY_DIRECTIONS[k][1] for k in self.held)))
        if not (dx or dy):
            return
        norm = math.hypot(dx, dy)
        x = self.target[0] + KEY_SPEED * dt_s * dx / norm
        y = self.target[1] + KEY_SPEED * dt_s * dy / norm
        reach = math.hypot(x, y)
        self.target = (x / reach, y / reach) if reach > 1.0 else (x, y)


class MouseSource(_Steered):
    """The pointer's offset from the middle of the window, as a fraction of its half-height."""

    kind = "mouse"
    name = "mouse"

    def __init__(self, limits: Limits, viewport: Callable[[], tuple[int, int]]) -> None:
        super().__init__(limits)
        self.viewport = viewport

    def handle_event(self, event: Any) -> None:
        if event.type != pygame.MOUSEMOTION:
            return
        width, height = self.viewport()
        reach = max(1.0, min(width, height) / 2.0)
        x = (event.pos[0] - width / 2.0) / reach
        y = (height / 2.0 - event.pos[1]) / reach
        self.target = (max(-1.0, min(1.0, x)), max(-1.0, min(1.0, y)))

"""Drawing the reach game: the player's limits as an ellipse, the centre, the target, the marker."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.reach import ReachWorld
from balance_game.render.theme import ACCENT, GOOD, OUTLINE, PANEL, PLAYER, TEXT, Theme


class ReachView:
    """Maps lean units (-1..1) onto a square arena in the middle of the screen."""

    def __init__(self, surface: pygame.Surface, theme: Theme) -> None:
        width, height = surface.get_size()
        self.theme = theme
        self.radius = int(min(width * 0.42, height * 0.36))
        self.centre = (width // 2, int(height * 0.56))

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        return (round(self.centre[0] + x * self.radius), round(self.centre[1] - y * self.radius))

    def draw(self, surface: pygame.Surface, world: ReachWorld, axes: Axes,
             trail: list[tuple[float, float]]) -> None:
        arena = pygame.Rect(0, 0, 2 * self.radius, 2 * self.radius)
        arena.center = self.centre
        pygame.draw.ellipse(surface, PANEL, arena)
        pygame.draw.ellipse(surface, OUTLINE, arena, max(2, self.theme.px(0.004)))
        self._centre_zone(surface, world)
        if world.phase in ("reach", "hold"):
            self._target(surface, world)
        if len(trail) > 1:
            pygame.draw.lines(surface, PLAYER, False, [self.to_screen(*p) for p in trail],
                              max(2, self.theme.px(0.004)))
        self._marker(surface, axes)

    def _centre_zone(self, surface: pygame.Surface, world: ReachWorld) -> None:
        r = max(4, round(world.centre_radius * self.radius))
        width = max(2, self.theme.px(0.005))
        pygame.draw.circle(surface, OUTLINE, self.centre, r, width)
        if world.phase == "centre" and world.settle_s > 0:
            share = min(1.0, world.settle_s / 0.5)
            rect = pygame.Rect(0, 0, 2 * r, 2 * r)
            rect.center = self.centre
            pygame.draw.arc(surface, GOOD, rect, math.pi / 2, math.pi / 2 + share * 2 * math.pi,
                            width * 2)

    def _target(self, surface: pygame.Surface, world: ReachWorld) -> None:
        pos = self.to_screen(*world.target)
        r = max(6, round(world.target_radius * self.radius))
        pygame.draw.circle(surface, ACCENT, pos, r, max(3, self.theme.px(0.008)))
        if world.phase == "hold":
            pygame.draw.circle(surface, ACCENT, pos, max(2, round(r * world.hold_fraction)))
        # a cross marks the target's middle so it never depends on colour alone
        arm = max(4, r // 3)
        pygame.draw.line(surface, TEXT, (pos[0] - arm, pos[1]), (pos[0] + arm, pos[1]), 2)
        pygame.draw.line(surface, TEXT, (pos[0], pos[1] - arm), (pos[0], pos[1] + arm), 2)

    def _marker(self, surface: pygame.Surface, axes: Axes) -> None:
        pos = self.to_screen(axes.lean_x, axes.lean_y)
        r = max(8, self.theme.px(0.028))
        pygame.draw.circle(surface, PLAYER, pos, r)
        pygame.draw.circle(surface, TEXT, pos, r, max(2, self.theme.px(0.004)))

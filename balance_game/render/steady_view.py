"""Drawing the steady game: a calm round arena, the shrinking zone, its hold ring, the marker."""

from __future__ import annotations

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS, SETTLE_S
from balance_game.core.mechanics.steady import SteadyWorld
from balance_game.render import shapes
from balance_game.render.theme import ACCENT, BACKGROUND, GOOD, OUTLINE, PANEL, TEXT, WARN, Theme

VIEW_RANGE = 0.75  # the arena's edge is this far out (lean units): zoomed in, so sway shows


class SteadyView:
    """Lean units onto a round arena below the HUD, zoomed so the arena's edge is VIEW_RANGE."""

    def __init__(self, surface: pygame.Surface, theme: Theme) -> None:
        width, height = surface.get_size()
        self.theme = theme
        self.radius = int(min(width * 0.42, height * 0.38))
        self.centre = (width // 2, int(height * 0.585))
        self.scale = self.radius / VIEW_RANGE  # pixels per lean unit

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        distance = (x * x + y * y) ** 0.5
        if distance > VIEW_RANGE:  # beyond the arena: pinned to its edge
            x, y = x * VIEW_RANGE / distance, y * VIEW_RANGE / distance
        return (round(self.centre[0] + x * self.scale), round(self.centre[1] - y * self.scale))

    def length(self, lean: float) -> int:
        return max(4, round(lean * self.scale))

    def draw(self, surface: pygame.Surface, world: SteadyWorld, axes: Axes,
             trail: list[tuple[float, float]]) -> None:
        t = self.theme
        pygame.draw.circle(surface, PANEL, self.centre, self.radius)
        pygame.draw.circle(surface, OUTLINE, self.centre, self.radius, max(2, t.px(0.004)))
        # faint rings at a quarter and a half of the limits: a calm sense of scale
        for share in (0.25, 0.5):
            pygame.draw.circle(surface, OUTLINE, self.centre, self.length(share), 1)
        if world.phase == "centre":
            self._centre_zone(surface, world)
        elif world.phase in ("move", "hold"):
            self._zone(surface, world)
        shapes.trail(surface, t, [self.to_screen(*p) for p in trail])
        shapes.marker(surface, t, self.to_screen(axes.lean_x, axes.lean_y))

    def _centre_zone(self, surface: pygame.Surface, world: SteadyWorld) -> None:
        t = self.theme
        r = self.length(CENTRE_RADIUS)
        pygame.draw.circle(surface, OUTLINE, self.centre, r, max(2, t.px(0.005)))
        shapes.progress_ring(surface, GOOD, self.centre, r + t.px(0.012), t.px(0.012),
                             world.settle_s / SETTLE_S)

    def _zone(self, surface: pygame.Surface, world: SteadyWorld) -> None:
        t = self.theme
        pos = self.to_screen(*world.zone_centre)
        start = self.length(world.start_radius)
        now = self.length(world.zone_radius)
        # where the zone started, and where it will end: the shrink is visible before it happens
        shapes.dashed_circle(surface, OUTLINE, pos, start, max(1, t.px(0.003)), dashes=36)
        ring = max(3, t.px(0.01))
        pygame.draw.circle(surface, BACKGROUND, pos, now)  # the bubble: darker than the arena
        if world.inside or world.phase == "move":
            pygame.draw.circle(surface, ACCENT, pos, now, ring)
        else:  # outside: the zone's ring breaks into dashes and turns orange
            shapes.dashed_circle(surface, WARN, pos, now, ring, dashes=16)
        shapes.crosshair(surface, TEXT, pos, max(6, now // 4), max(2, t.px(0.004)))
        shapes.progress_ring(surface, GOOD, pos, now + ring + t.px(0.012), t.px(0.016),
                             world.hold_fraction)
        if world.out_s > 0:  # time used outside, as a thin inner arc that fills toward failure
            shapes.progress_ring(surface, WARN, pos, max(4, now - ring - t.px(0.008)),
                                 max(2, t.px(0.006)), world.out_fraction)

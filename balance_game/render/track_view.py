"""Drawing the tracking game: the path ahead, the moving circle, the marker, an on-target bar."""

from __future__ import annotations

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS, SETTLE_S
from balance_game.core.mechanics.track import Segment, TrackWorld
from balance_game.i18n import _
from balance_game.render import shapes
from balance_game.render.theme import ACCENT, GOOD, OUTLINE, PANEL, TEXT, TEXT_DIM, Theme

AHEAD_S = 1.5  # how much of the path ahead is drawn brighter
PATH_STEP_S = 0.05
VIEW_RANGE = 0.75  # the arena's edge is this far out (lean units): zoomed in, like steady


class TrackView:
    """Lean units onto a round arena (edge at VIEW_RANGE); a bar underneath shows time on target."""

    def __init__(self, surface: pygame.Surface, theme: Theme) -> None:
        width, height = surface.get_size()
        self.theme = theme
        self.width = width
        self.radius = int(min(width * 0.42, height * 0.345))
        self.centre = (width // 2, int(height * 0.545))
        self.bar_y = int(height * 0.935)
        self.scale = self.radius / VIEW_RANGE  # pixels per lean unit

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        distance = (x * x + y * y) ** 0.5
        if distance > VIEW_RANGE:  # beyond the arena: pinned to its edge
            x, y = x * VIEW_RANGE / distance, y * VIEW_RANGE / distance
        return (round(self.centre[0] + x * self.scale), round(self.centre[1] - y * self.scale))

    def draw(self, surface: pygame.Surface, world: TrackWorld, axes: Axes,
             trail: list[tuple[float, float]]) -> None:
        t = self.theme
        pygame.draw.circle(surface, PANEL, self.centre, self.radius)
        pygame.draw.circle(surface, OUTLINE, self.centre, self.radius, max(2, t.px(0.004)))
        segment = world.segment if world.phase == "track" else None
        if world.phase == "centre":
            self._centre(surface, world)
        elif segment is not None:
            self._path(surface, world, segment)
            self._target(surface, world)
        shapes.trail(surface, t, [self.to_screen(*p) for p in trail])
        shapes.marker(surface, t, self.to_screen(axes.lean_x, axes.lean_y))
        if segment is not None:
            self._bar(surface, world, segment)

    def _centre(self, surface: pygame.Surface, world: TrackWorld) -> None:
        t = self.theme
        r = max(4, round(CENTRE_RADIUS * self.scale))
        pygame.draw.circle(surface, OUTLINE, self.centre, r, max(2, t.px(0.005)))
        shapes.progress_ring(surface, GOOD, self.centre, r + t.px(0.012), t.px(0.012),
                             world.settle_s / SETTLE_S)

    def _path(self, surface: pygame.Surface, world: TrackWorld, segment: Segment) -> None:
        now = world.elapsed_s
        steps = int(segment.duration_s / PATH_STEP_S) + 1
        whole = [self.to_screen(*segment.at(i * PATH_STEP_S)) for i in range(steps)]
        pygame.draw.lines(surface, OUTLINE, False, whole, max(2, self.theme.px(0.003)))
        ahead = [self.to_screen(*segment.at(now + i * PATH_STEP_S))
                 for i in range(int(AHEAD_S / PATH_STEP_S) + 1)]
        # the path ahead as dots: where the circle is about to go
        for point in ahead[2::3]:
            pygame.draw.circle(surface, TEXT_DIM, point, max(2, self.theme.px(0.005)))

    def _target(self, surface: pygame.Surface, world: TrackWorld) -> None:
        t = self.theme
        pos = self.to_screen(*world.target)
        r = max(8, round(world.target_radius * self.scale))
        if world.inside:  # on target: a solid, thick ring
            pygame.draw.circle(surface, ACCENT, pos, r, max(4, t.px(0.014)))
        else:  # off target: a thin dashed ring, so the change is seen without colour
            shapes.dashed_circle(surface, ACCENT, pos, r, max(3, t.px(0.008)), dashes=16)
        shapes.crosshair(surface, TEXT, pos, max(5, r // 4), max(2, t.px(0.004)))

    def _bar(self, surface: pygame.Surface, world: TrackWorld, segment: Segment) -> None:
        """On-target share so far (filled) against the share needed (a white tick)."""
        t = self.theme
        width = int(self.width * 0.36)
        height = t.px(0.028)
        bar = pygame.Rect(0, 0, width, height)
        bar.center = (self.width // 2, self.bar_y)
        pygame.draw.rect(surface, PANEL, bar)
        filled = bar.copy()
        filled.width = round(width * world.on_target_share)
        pygame.draw.rect(surface, GOOD, filled)
        pygame.draw.rect(surface, OUTLINE, bar, 2)
        need_x = bar.left + round(width * world.params["on_target_pct"] / 100.0)
        pygame.draw.line(surface, TEXT, (need_x, bar.top - t.px(0.012)),
                         (need_x, bar.bottom + t.px(0.012)), max(3, t.px(0.006)))
        # time left in this segment, as a thin line under the bar
        left = 1.0 - min(1.0, world.elapsed_s / segment.duration_s)
        pygame.draw.line(surface, TEXT_DIM, (bar.left, bar.bottom + t.px(0.02)),
                         (bar.left + round(width * left), bar.bottom + t.px(0.02)), 2)
        font = t.font("small")
        label = font.render(_("On target"), True, TEXT_DIM)
        surface.blit(label, label.get_rect(midright=(bar.left - t.px(0.02), bar.centery)))

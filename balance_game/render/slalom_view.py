"""Drawing the slalom: a slope scrolling toward the player, flagged gates, the skier on a line."""

from __future__ import annotations

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS, SETTLE_S
from balance_game.core.mechanics.slalom import Gate, SlalomWorld
from balance_game.render import shapes
from balance_game.render.theme import (
    ACCENT,
    BAD,
    GOOD,
    OUTLINE,
    PANEL,
    PLAYER,
    TEXT,
    TEXT_DIM,
    Theme,
)

FIXED_STEP_S = 1 / 60  # the trail holds one point per fixed step
MARK_SPACING = 0.12  # snow marks along the slope edges, as a share of the slope's height


class SlalomView:
    """Lateral lean (-1..1) across the slope; time to each gate down the slope."""

    def __init__(self, surface: pygame.Surface, theme: Theme) -> None:
        width, height = surface.get_size()
        self.theme = theme
        self.width, self.height = width, height
        self.half = int(min(width * 0.40, height * 0.75))
        self.mid_x = width // 2
        self.slope_top = int(height * 0.19)  # just below the HUD and prompt
        self.top = int(height * 0.28)  # where gates appear: their flags then clear the prompt
        self.skier_y = int(height * 0.84)

    def x(self, lean: float) -> int:
        return round(self.mid_x + lean * self.half)

    def y_for(self, seconds_ahead: float, preview_s: float) -> int:
        """Height of something ``seconds_ahead`` of the skier on a slope showing ``preview_s``."""
        return round(self.skier_y - seconds_ahead / preview_s * (self.skier_y - self.top))

    def draw(self, surface: pygame.Surface, world: SlalomWorld, axes: Axes,
             trail: list[tuple[float, float]]) -> None:
        t = self.theme
        preview = world.params["preview_s"]
        slope = pygame.Rect(0, self.slope_top, 2 * self.half + 2 * t.px(0.06),
                            self.height - self.slope_top)
        slope.centerx = self.mid_x
        pygame.draw.rect(surface, PANEL, slope)
        self._snow_marks(surface, world, slope, preview)
        pygame.draw.line(surface, OUTLINE, (slope.left, self.skier_y), (slope.right, self.skier_y), 1)
        # a faint dotted line down the middle: where "weight centred" is
        for y in range(self.slope_top, self.height, max(8, t.px(0.03))):
            pygame.draw.line(surface, OUTLINE, (self.mid_x, y), (self.mid_x, y + t.px(0.008)), 1)
        if world.phase == "centre":
            self._centre(surface, world)
        for gate, passed in world.results:
            self._gate(surface, world, gate, passed)
        for gate in reversed(world.gates):
            self._gate(surface, world, gate, None)
        self._wake(surface, trail, preview)
        skier = (self.x(axes.lean_x), self.skier_y)
        coming = world.next_gate
        if world.phase == "ski" and coming is not None:
            self._guide(surface, coming, skier)
        shapes.marker(surface, t, skier)

    def _snow_marks(self, surface: pygame.Surface, world: SlalomWorld, slope: pygame.Rect,
                    preview: float) -> None:
        """Short marks along both edges that scroll with the course, so the slope feels moving."""
        span = self.skier_y - self.top
        spacing = MARK_SPACING * span
        speed = span / preview if world.phase == "ski" else 0.0
        offset = (world.t_s * speed) % spacing
        y = self.slope_top + offset
        length = self.theme.px(0.03)
        while y < self.height:
            for x in (slope.left + self.theme.px(0.025), slope.right - self.theme.px(0.025)):
                pygame.draw.line(surface, OUTLINE, (x, round(y)), (x, round(y + length)), 2)
            y += spacing

    def _centre(self, surface: pygame.Surface, world: SlalomWorld) -> None:
        t = self.theme
        r = max(6, round(CENTRE_RADIUS * self.half))
        pos = (self.mid_x, self.skier_y)
        pygame.draw.circle(surface, OUTLINE, pos, r, max(2, t.px(0.005)))
        shapes.progress_ring(surface, GOOD, pos, r + t.px(0.012), t.px(0.012),
                             world.settle_s / SETTLE_S)

    def _gate(self, surface: pygame.Surface, world: SlalomWorld, gate: Gate,
              passed: bool | None) -> None:
        t = self.theme
        y = self.y_for(gate.t_cross_s - world.t_s, gate.preview_s)
        if y < self.top - t.px(0.02) or y > self.height + t.px(0.1):
            return
        left, right = self.x(gate.x - gate.half_width), self.x(gate.x + gate.half_width)
        cloth = ACCENT if passed is None else (GOOD if passed else BAD)
        height = t.px(0.075)
        # a dashed line across the opening marks where the skier must be
        for x in range(left, right, max(6, t.px(0.03))):
            pygame.draw.line(surface, TEXT_DIM if passed is None else cloth,
                             (x, y), (min(x + t.px(0.015), right), y), 2)
        shapes.flag(surface, TEXT, cloth, (left, y), height, facing=-1)
        shapes.flag(surface, TEXT, cloth, (right, y), height, facing=1)
        mid = ((left + right) // 2, y - height // 2)
        if passed is True:
            shapes.tick(surface, GOOD, mid, t.px(0.025), max(3, t.px(0.008)))
        elif passed is False:
            shapes.cross(surface, BAD, mid, t.px(0.02), max(3, t.px(0.008)))

    def _wake(self, surface: pygame.Surface, trail: list[tuple[float, float]],
              preview: float) -> None:
        """The skier's recent track, drawn behind them down the slope."""
        if len(trail) < 2:
            return
        speed = (self.skier_y - self.top) / preview
        n = len(trail)
        points = [(self.x(x), round(self.skier_y + (n - 1 - i) * FIXED_STEP_S * speed))
                  for i, (x, _y) in enumerate(trail)]
        pygame.draw.lines(surface, PLAYER, False, points, max(2, self.theme.px(0.006)))

    def _guide(self, surface: pygame.Surface, gate: Gate, skier: tuple[int, int]) -> None:
        """A chevron beside the skier pointing toward the next gate when they are not lined up."""
        t = self.theme
        offset = gate.x - (skier[0] - self.mid_x) / self.half
        if abs(offset) <= gate.half_width * 0.6:
            return
        direction = 1 if offset > 0 else -1
        gap = t.px(0.06)
        for k in range(2):
            tip = (skier[0] + direction * (gap + k * t.px(0.035)), skier[1])
            shapes.chevron(surface, ACCENT, tip, t.px(0.022), max(3, t.px(0.008)), direction)

"""Drawing the catch game: water with a floe, the basket that follows the player's sideways
lean, and one falling object: a yellow fish (rounded body and tail) or a spiky red rock."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.catch import OBJECT_RADIUS, CatchWorld
from balance_game.i18n import _
from balance_game.render.lean_widgets import centre_zone, marker, play_area
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    BAD,
    OUTLINE,
    PANEL,
    PLAYER,
    TEXT,
    TEXT_DIM,
    Theme,
)


class CatchView:
    def __init__(self, surface: pygame.Surface, theme: Theme) -> None:
        self.theme = theme
        self.area = play_area(surface)
        self.scale = self.area.width * 0.44
        self.ground_y = self.area.bottom - round(self.area.height * 0.14)
        self.top_y = self.area.top + theme.px(0.04)

    def x_screen(self, x: float) -> int:
        return round(self.area.centerx + x * self.scale)

    def draw(self, surface: pygame.Surface, world: CatchWorld, axes: Axes,
             trail: list[tuple[float, float]]) -> None:
        del trail
        t = self.theme
        water = pygame.Rect(self.area.left, self.ground_y, self.area.width,
                            self.area.bottom - self.ground_y)
        pygame.draw.rect(surface, PANEL, water, border_radius=t.px(0.01))
        wave = t.px(0.012)
        for row, y in enumerate(range(water.top + t.px(0.035), water.bottom - wave, t.px(0.035))):
            for x in range(water.left + t.px(0.05) + row * t.px(0.04), water.right - t.px(0.08),
                           t.px(0.16)):
                arc = pygame.Rect(x, y - wave, t.px(0.06), 2 * wave)
                pygame.draw.arc(surface, OUTLINE, arc, 0.3, 2.8, max(1, t.px(0.002)))
        spread = world.params["spread_pct"] / 100.0
        for side in (-1, 1):  # how far the fish may fall: small posts on the floe
            x = self.x_screen(side * spread)
            pygame.draw.line(surface, OUTLINE, (x, self.ground_y - t.px(0.03)),
                             (x, self.ground_y + t.px(0.03)), max(2, t.px(0.004)))
        if world.phase == "centre":
            centre_zone(surface, t, (self.area.centerx, self.ground_y - t.px(0.05)),
                        round(world.centre_radius * self.scale), world.settle_s, True)
        obj = world.current
        if obj is not None and world.phase == "fall":
            lx = self.x_screen(obj.x)
            shadow = pygame.Rect(0, 0, round(OBJECT_RADIUS * self.scale * 2.4), t.px(0.025))
            shadow.center = (lx, self.ground_y + t.px(0.005))
            pygame.draw.ellipse(surface, OUTLINE, shadow, max(2, t.px(0.003)))
            y = round(self.top_y + (self.ground_y - t.px(0.08) - self.top_y) * world.fall_fraction)
            size = max(10, round(OBJECT_RADIUS * self.scale * 1.4))
            for dash in range(y + size + t.px(0.02), self.ground_y - t.px(0.02), t.px(0.04)):
                pygame.draw.line(surface, OUTLINE, (lx, dash), (lx, dash + t.px(0.015)),
                                 max(1, t.px(0.003)))
            if obj.kind == "fish":
                self._fish(surface, (lx, y), size)
            else:
                self._rock(surface, (lx, y), size)
        self._basket(surface, world, axes)
        self._legend(surface)

    def _basket(self, surface: pygame.Surface, world: CatchWorld, axes: Axes) -> None:
        t = self.theme
        cx = self.x_screen(max(-1.0, min(1.0, axes.lean_x)))
        half = round(world.basket_half * self.scale)
        depth = t.px(0.07)
        top = self.ground_y - depth
        shape = [(cx - half, top), (cx + half, top), (cx + round(half * 0.75), self.ground_y),
                 (cx - round(half * 0.75), self.ground_y)]
        pygame.draw.polygon(surface, PLAYER, shape)
        pygame.draw.polygon(surface, TEXT, shape, max(2, t.px(0.004)))
        marker(surface, t, (cx, top - t.px(0.02)), max(8, t.px(0.025)))

    def _fish(self, surface: pygame.Surface, pos: tuple[int, int], size: int) -> None:
        body = pygame.Rect(0, 0, round(size * 2.2), round(size * 1.3))
        body.center = pos
        tail = [(body.right - size // 4, pos[1]), (body.right + size // 2, pos[1] - size // 2),
                (body.right + size // 2, pos[1] + size // 2)]
        pygame.draw.polygon(surface, ACCENT, tail)
        pygame.draw.ellipse(surface, ACCENT, body)
        pygame.draw.ellipse(surface, BACKGROUND, body, max(2, self.theme.px(0.003)))
        pygame.draw.circle(surface, BACKGROUND, (body.left + size // 2, pos[1] - size // 6),
                           max(2, size // 6))

    def _rock(self, surface: pygame.Surface, pos: tuple[int, int], size: int) -> None:
        points = []
        for k in range(16):  # a spiky, jagged outline: nothing like the smooth fish
            r = size * (1.25 if k % 2 == 0 else 0.8)
            a = 2 * math.pi * k / 16
            points.append((round(pos[0] + r * math.cos(a)), round(pos[1] + r * math.sin(a))))
        pygame.draw.polygon(surface, BAD, points)
        pygame.draw.polygon(surface, TEXT, points, max(2, self.theme.px(0.003)))

    def _legend(self, surface: pygame.Surface) -> None:
        """A small key in the corner: fish = catch, rock = dodge."""
        t = self.theme
        font = t.font("small")
        size = t.px(0.03)
        x = self.area.left + t.px(0.03)
        y = self.area.top + t.px(0.05)
        self._fish(surface, (x + size, y), size)
        label = font.render(_("catch"), True, TEXT_DIM)
        surface.blit(label, label.get_rect(midleft=(x + 3 * size, y)))
        y += t.px(0.09)
        self._rock(surface, (x + size, y), size)
        label = font.render(_("dodge"), True, TEXT_DIM)
        surface.blit(label, label.get_rect(midleft=(x + 3 * size, y)))

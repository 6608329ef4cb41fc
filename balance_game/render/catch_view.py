"""Drawing the catch game on a lake: the boat that follows the player's sideways lean, and one
object flying toward it: a yellow fish (rounded body and tail) to catch or a spiky red rock to
dodge. The far shore and the sky show the world's time of day."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.catch import OBJECT_RADIUS, CatchWorld
from balance_game.i18n import _
from balance_game.render import easing, scenery
from balance_game.render.lean_widgets import centre_zone, marker, play_area
from balance_game.render.text import blit_text, fitting_font
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    BAD,
    OUTLINE,
    PLAYER,
    TEXT,
    TEXT_DIM,
)
from balance_game.render.worlds import mix

RIPPLE_SPEED = 0.02  # screen widths per second


class CatchView(scenery.SceneView[CatchWorld]):
    material = "water"

    def layout(self, surface: pygame.Surface) -> None:
        theme = self.theme
        self.area = play_area(surface, self.hud_bottom)
        self.scale = self.area.width * 0.44
        # the key to the objects in a row along the bottom, below the boat and its wake
        self.legend_y = self.area.bottom - theme.font("small").get_linesize() // 2
        self.ground_y = min(self.area.bottom - round(self.area.height * 0.14),
                            self.legend_y - theme.font("small").get_linesize() // 2
                            - theme.px(0.05))
        # a falling object's size, and where it starts: its spikes just below the HUD
        self.size = max(10, round(OBJECT_RADIUS * self.scale * 1.4))
        self.top_y = self.area.top + round(1.25 * self.size) + theme.px(0.01)
        self.shore = self.area.top + theme.px(0.06)
        self.sky = pygame.Rect(0, 0, self.width, self.shore - theme.px(0.04))

    def paint_static(self, surface: pygame.Surface) -> None:
        """Sky and a wooded far shore, then the lake down to the bottom with its ripples."""
        t, look = self.theme, self.look
        scenery.landscape(surface, look, self.shore - t.px(0.03))
        for k in range(0, self.width, t.px(0.05)):
            scenery.pine(surface, (k + (k * 7) % t.px(0.03), self.shore), t.px(0.06 + 0.02 * (
                (k // t.px(0.05)) % 3)), look.foliage)
        scenery.gradient(surface, pygame.Rect(0, self.shore, self.width, self.height - self.shore),
                         self.far_field, self.field)
        self._glitter(surface)
        self._ripples(surface, 0.0)

    def _glitter(self, surface: pygame.Surface) -> None:
        """The sun's (or moon's) path on the water: dashes under it that thin out toward the
        viewer, in the colour of the world's light."""
        t = self.theme
        x = round(self.width * 0.82)
        glint = mix(self.far_field, self.look.sun, 0.45)
        for k, y in enumerate(range(self.shore + t.px(0.01), self.shore + t.px(0.3), t.px(0.018))):
            w = round(t.px(0.12) * (1 - k / 18) * (0.6 + 0.4 * ((k * 7) % 3) / 2))
            if w > 2:
                pygame.draw.line(surface, glint, (x - w // 2 + (k % 3 - 1) * t.px(0.01), y),
                                 (x + w // 2, y), max(2, t.px(0.004)))

    def ambient(self, surface: pygame.Surface, now_s: float) -> None:
        super().ambient(surface, now_s)
        self._ripples(surface, now_s, moving=True)

    def _ripples(self, surface: pygame.Surface, now_s: float, moving: bool = False) -> None:
        """Small arcs on the water; a second set drifts slowly when the player is not calm."""
        t = self.theme
        wave = t.px(0.01)
        drift = round(now_s * RIPPLE_SPEED * self.width) if moving else 0
        step_y = t.px(0.07)
        for row, y in enumerate(range(self.shore + t.px(0.05), self.height - wave, step_y)):
            if moving and row % 2:
                continue
            offset = (row * t.px(0.09) + drift + (t.px(0.05) if moving else 0)) % t.px(0.22)
            for x in range(-t.px(0.22) + offset, self.width, t.px(0.22)):
                arc = pygame.Rect(x, y - wave, t.px(0.06), 2 * wave)
                pygame.draw.arc(surface, self.texture, arc, 0.3, 2.8, max(2, t.px(0.005)))

    def x_screen(self, x: float) -> int:
        return round(self.area.centerx + x * self.scale)

    def draw_task(self, surface: pygame.Surface, world: CatchWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        del trail
        t = self.theme
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
            size = self.size
            for dash in range(y + size + t.px(0.02), self.ground_y - t.px(0.02), t.px(0.04)):
                pygame.draw.line(surface, OUTLINE, (lx, dash), (lx, dash + t.px(0.015)),
                                 max(1, t.px(0.003)))
            self._leap(surface, lx, size, world.fall_fraction)
            if obj.kind == "fish":
                self._fish(surface, (lx, y), size)
            else:
                self._rock(surface, (lx, y), size)
        self._basket(surface, world, axes)
        self._legend(surface)
        reach = round(1.25 * self.size)  # a rock's spikes above where it starts
        t.note_picture(surface, pygame.Rect(self.area.left, self.top_y - reach, self.area.width,
                                            self.ground_y + t.px(0.03) - self.top_y + reach),
                       "lake with the boat")

    def _leap(self, surface: pygame.Surface, x: int, size: int, fraction: float) -> None:
        """Where the object leapt from: a ring on the water that spreads and fades as it
        falls (decoration: none for calm players; the object itself is drawn true)."""
        if self.theme.calm or fraction >= 0.25:
            return
        u = easing.out_cubic(fraction / 0.25)
        ring = pygame.Rect(0, 0, round(size * (1.5 + 3 * u)), round(size * (0.5 + u)))
        ring.center = (x, self.top_y + size)
        pygame.draw.ellipse(surface, mix(self.far_field, TEXT, 0.6 * (1 - u)), ring,
                            max(1, self.theme.px(0.004)))

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
        # the boat's planks and its wake on the water
        pygame.draw.line(surface, TEXT, (cx - round(half * 0.87), top + depth // 2),
                         (cx + round(half * 0.87), top + depth // 2), max(1, t.px(0.003)))
        for side in (-1, 1):
            pygame.draw.arc(surface, TEXT_DIM, pygame.Rect(cx + side * half - t.px(0.04),
                                                           self.ground_y - t.px(0.01),
                                                           t.px(0.08), t.px(0.03)),
                            3.3, 6.1, max(1, t.px(0.003)))
        self.focus = (cx, top - t.px(0.02))
        marker(surface, t, self.focus, max(8, t.px(0.025)))

    def _fish(self, surface: pygame.Surface, pos: tuple[int, int], size: int) -> None:
        body = pygame.Rect(0, 0, round(size * 2.2), round(size * 1.3))
        body.center = pos
        tail = [(body.right - size // 4, pos[1]), (body.right + size // 2, pos[1] - size // 2),
                (body.right + size // 2, pos[1] + size // 2)]
        pygame.draw.polygon(surface, ACCENT, tail)
        pygame.draw.polygon(surface, BACKGROUND, tail, max(2, self.theme.px(0.005)))
        pygame.draw.ellipse(surface, ACCENT, body)
        pygame.draw.ellipse(surface, BACKGROUND, body, max(2, self.theme.px(0.005)))
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
        """A key along the bottom, under the boat: fish = catch, rock = dodge."""
        t = self.theme
        size = t.px(0.03)
        words = (_("catch"), _("dodge"))
        font = fitting_font(t, "   ".join(words), self.area.width - 8 * size)
        gap = 2 * size
        widths = [3 * size + font.size(word)[0] for word in words]
        x = self.area.centerx - (sum(widths) + gap) // 2
        y = self.legend_y
        for word, width, icon in zip(words, widths, (self._fish, self._rock), strict=True):
            icon(surface, (x + size, y), size)
            t.note_picture(surface, pygame.Rect(x - size // 4, y - round(size * 1.25),
                                                round(2.75 * size), round(2.5 * size)), word)
            blit_text(surface, t, word, font, TEXT_DIM, midleft=(x + 3 * size, y))
            x += width + gap

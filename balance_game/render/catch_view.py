"""Drawing the catch game on a lake: the boat that follows the player's sideways lean, and one
object flying toward it: a yellow fish (rounded body and tail) to catch or a spiky red rock to
dodge. The far shore and the sky show the world's time of day."""

from __future__ import annotations

import math
import random

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
    Colour,
)
from balance_game.render.worlds import (
    FIELD_LUMINANCE,
    MATERIALS,
    TEXTURE_LUMINANCE,
    at_luminance,
    mix,
)

RIPPLE_SPEED = 0.02  # screen widths per second


def vivid(colour: Colour, share: float) -> Colour:
    """``colour`` with its difference from grey scaled by ``share``: a dark lake keeps the
    sky's hue only when the hue is strengthened first."""
    grey = sum(colour) / 3
    return (max(0, min(255, round(grey + (colour[0] - grey) * share))),
            max(0, min(255, round(grey + (colour[1] - grey) * share))),
            max(0, min(255, round(grey + (colour[2] - grey) * share))))


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
        # a tall band of sky and wooded shore: the rocks start over the dark trees
        self.shore = self.area.top + theme.px(0.10)
        self.sky = pygame.Rect(0, 0, self.width, self.shore - theme.px(0.06))
        # the lake mirrors the sky: the far water the horizon, the near water the sky overhead
        # in the world's light; held as dark as any field, so only its hue tells the world
        self.far_field = at_luminance(vivid(mix(MATERIALS["water"], self.look.sky_bottom, 0.9),
                                            2.6), FIELD_LUMINANCE)
        self.field = at_luminance(vivid(mix(MATERIALS["water"], mix(
            self.look.sky_top, self.look.light, 0.5), 0.9), 2.8), FIELD_LUMINANCE)
        self.texture = at_luminance(mix(self.field, self.look.light, 0.3), TEXTURE_LUMINANCE)

    def paint_static(self, surface: pygame.Surface) -> None:
        """Sky and a wooded far shore with the world's own landmark, the lake mirroring them,
        the sun's or moon's path on it, and the world's own things along the near bank."""
        t, look = self.theme, self.look
        horizon = self.shore - t.px(0.05)
        scenery.landscape(surface, look, horizon)
        trees = [(k + (k * 7) % t.px(0.03), t.px(0.07 + 0.025 * ((k // t.px(0.05)) % 3)))
                 for k in range(0, self.width, t.px(0.05))]
        for x, h in trees:
            scenery.pine(surface, (x, self.shore), h, look.foliage)
        self._landmark(surface)
        scenery.gradient(surface, pygame.Rect(0, self.shore, self.width, self.height - self.shore),
                         self.far_field, self.field)
        shade = at_luminance(mix(self.far_field, look.foliage, 0.5), FIELD_LUMINANCE / 2)
        for x, h in trees:  # the shore upside down in the still water, darker than the lake
            tip = self.shore + round(h * 0.45)
            pygame.draw.polygon(surface, shade, [(x - round(h * 0.3), self.shore),
                                                 (x + round(h * 0.3), self.shore), (x, tip)])
        if look.night:
            scenery.stars(surface, pygame.Rect(0, self.shore + t.px(0.02), self.width,
                                               self.ground_y - self.shore), 11, count=25)
        if look.time_of_day == "dawn":
            self._mist(surface)
        elif look.time_of_day == "midday":
            self._sparkles(surface)
        self._glitter(surface)
        self._ripples(surface, 0.0)
        self._near_bank(surface)

    def _sparkles(self, surface: pygame.Surface) -> None:
        """The high noon sun glinting all over the lake: small scattered crosses (few and
        small, so the water behind the fish stays dark)."""
        t = self.theme
        rng = random.Random(self.look.number)
        glint = mix(self.field, self.look.sun, 0.7)
        arm, width = t.px(0.008), max(1, t.px(0.002))
        for _glint in range(45):
            x = rng.randrange(self.width)
            y = self.shore + t.px(0.03) + round((self.ground_y - self.shore) * rng.random() ** 1.4)
            pygame.draw.line(surface, glint, (x - arm, y), (x + arm, y), width)
            pygame.draw.line(surface, glint, (x, y - arm // 2), (x, y + arm // 2), width)

    def _mist(self, surface: pygame.Surface) -> None:
        """Dawn mist lying in thin bands on the far water (thin: the fish stay clear on it)."""
        t = self.theme
        haze = mix(self.far_field, self.look.sky_bottom, 0.25)
        for k in range(4):
            y = self.shore + t.px(0.02 + 0.045 * k)
            x = round(self.width * (0.1 + 0.23 * k)) % self.width
            length = round(self.width * (0.45 - 0.06 * k))
            for dx in (x - self.width, x):
                pygame.draw.line(surface, haze, (dx, y), (dx + length, y), max(2, t.px(0.004)))

    def _landmark(self, surface: pygame.Surface) -> None:
        """A boathouse on the far shore, in a different place in each world, its door lit at
        sunset and at night; with its reflection in the water below."""
        t, look = self.theme, self.look
        x = round(self.width * (0.08, 0.62, 0.3, 0.18, 0.4)[(look.number - 1) % 5])
        base = self.shore
        w, h = t.px(0.11), t.px(0.055)
        wall = mix(look.far_hills, (120, 70, 40), 0.6)
        roof = mix(look.near_hills, (150, 40, 30), 0.5)
        body = pygame.Rect(x - w // 2, base - h, w, h)
        pygame.draw.rect(surface, wall, body)
        pygame.draw.polygon(surface, roof, [(body.left - t.px(0.01), body.top),
                                            (body.centerx, body.top - t.px(0.04)),
                                            (body.right + t.px(0.01), body.top)])
        door = pygame.Rect(0, 0, w // 3, round(h * 0.7))
        door.midbottom = body.midbottom
        lit = look.night or look.time_of_day == "sunset"
        pygame.draw.rect(surface, look.sun if lit else mix(wall, (0, 0, 0), 0.5), door)
        if lit:  # the lit doorway's glow on the water: a thin line, so the fish stay clear
            pygame.draw.line(surface, mix(look.sun, self.far_field, 0.5),
                             (door.centerx, base + t.px(0.01)),
                             (door.centerx, base + t.px(0.05)), max(2, t.px(0.004)))

    def _near_bank(self, surface: pygame.Surface) -> None:
        """The world's own things on the near water, below the boat and outside the lane the
        fish fall in: lily pads at dawn, a jetty at noon, reeds in the afternoon..."""
        t, look = self.theme, self.look
        low = self.ground_y + t.px(0.05)
        left, right = self.x_screen(-1.0) - t.px(0.04), self.x_screen(1.0) + t.px(0.04)
        pad = at_luminance(mix(look.foliage, (60, 160, 60), 0.5), 0.09)
        if look.time_of_day == "dawn":  # lily pads, some in flower
            for k in range(9):
                centre = (round(self.width * (0.05 + 0.11 * k + 0.02 * (k % 2))),
                          low + t.px(0.02 + 0.025 * (k % 3)))
                if abs(centre[0] - self.area.centerx) < self.width * 0.22:
                    continue  # the key to the fish and the rock is there
                r = t.px(0.022 + 0.006 * (k % 2))
                pygame.draw.ellipse(surface, pad, (centre[0] - r, centre[1] - r // 2, 2 * r, r))
                if k % 3 == 0:
                    pygame.draw.circle(surface, (240, 170, 200), (centre[0], centre[1] - r // 4),
                                       max(3, r // 2))
        elif look.time_of_day in ("midday", "night"):  # a wooden jetty out from the near bank
            deck = mix((150, 100, 60), look.light, 0.2) if not look.night else (70, 60, 70)
            pier = [(self.width, low - t.px(0.02)), (right + t.px(0.02), low - t.px(0.02)),
                    (right - t.px(0.04), self.height), (self.width, self.height)]
            pygame.draw.polygon(surface, deck, pier)
            for k in range(6):
                y = low - t.px(0.02) + k * (self.height - low + t.px(0.02)) // 6
                pygame.draw.line(surface, mix(deck, (0, 0, 0), 0.4), (right, y),
                                 (self.width, y), max(1, t.px(0.003)))
            if look.night:  # a lantern at the end of the jetty
                lamp = (right + t.px(0.04), low - t.px(0.06))
                pygame.draw.line(surface, deck, lamp, (lamp[0], low - t.px(0.02)), t.px(0.006))
                pygame.draw.circle(surface, mix(look.sun, (255, 190, 90), 0.6), lamp,
                                   t.px(0.014))
        # reeds and cattails at both corners, in every world's light
        stem = at_luminance(mix(look.foliage, look.light, 0.2), 0.06)
        for side, edge in ((-1, left), (1, right)):
            for k in range(7 if look.time_of_day == "afternoon" else 4):
                x = edge + side * (k * t.px(0.014) - t.px(0.05))
                top = low - t.px(0.12 + 0.03 * (k % 3))
                pygame.draw.line(surface, stem, (x, self.height), (x + side * t.px(0.01), top),
                                 max(2, t.px(0.005)))
                if k % 2 == 0:
                    pygame.draw.ellipse(surface, mix(look.far_hills, (110, 70, 40), 0.7),
                                        (x + side * t.px(0.01) - t.px(0.006), top,
                                         t.px(0.012), t.px(0.035)))

    def _glitter(self, surface: pygame.Surface) -> None:
        """The sun's (or moon's) path on the water: dashes under it that thin out toward the
        viewer, in the colour of the world's light; long and wide when the sun is low."""
        t = self.theme
        x = round(self.width * 0.82)
        glint = mix(self.far_field, self.look.sun, 0.45)
        low_sun = 1.0 - self.look.sun_height
        rows = round(8 + 12 * low_sun)
        for k, y in enumerate(range(self.shore + t.px(0.01),
                                    self.shore + rows * t.px(0.018), t.px(0.018))):
            w = round(t.px(0.06 + 0.08 * low_sun) * (1 - k / (rows + 2))
                      * (0.6 + 0.4 * ((k * 7) % 3) / 2))
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

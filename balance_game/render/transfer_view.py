"""Drawing the weight-transfer game as stepping stones across a stream: the player stands with
one foot on each of two flat stones, each foot showing how much of the weight it carries; the
foot to lift has an arrow and a yellow outline, then rises off its stone (its shadow stays on
the stone) inside the ring that fills as it is held. Below, a track from one foot to the other
shows where the weight is, with each foot's share; the touch-downs are counted at the bottom.

A lifted foot is a shape change (raised, a shadow below, a solid outline above), not only a
colour change. The stream flows and a foot put back down splashes (decoration: none when calm).
The stones are dark, so the feet, the rings and the numbers keep WCAG AA contrast on them.
"""

from __future__ import annotations

import math
import random

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import SETTLE_S
from balance_game.core.mechanics.transfer import (
    LIFTED_SHARE,
    STANCE_SHARE,
    TOUCH_SHARE,
    TransferWorld,
    foot_load,
)
from balance_game.i18n import _
from balance_game.render import easing, scenery, shapes
from balance_game.render.lean_widgets import marker, play_area, time_bar
from balance_game.render.particles import Particles
from balance_game.render.text import blit_text
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    OUTLINE,
    PANEL,
    PLAYER,
    TEXT,
    TEXT_DIM,
    WARN,
)
from balance_game.render.worlds import TEXTURE_LUMINANCE, at_luminance, mix

Point = tuple[int, int]
FLOW_SPEED = 0.03  # screen heights per second: the stream's ripples (decoration)
SPLASH_S = 0.7  # how long the rings spread round a foot put back down


class TransferView(scenery.SceneView[TransferWorld]):
    material = "water"

    def layout(self, surface: pygame.Surface) -> None:
        theme = self.theme
        area = play_area(surface, self.hud_bottom)
        self.area = area
        self.bar = pygame.Rect(area.left + area.width // 4, area.top, area.width // 2,
                               theme.px(0.018))
        # the board, the weight track with its % words below it, then the footer's line
        line = theme.font("small", bold=True).get_linesize()
        board_h = min(round(area.height * 0.5), area.height - theme.px(0.11) - theme.px(0.06)
                      - line // 2 - line - theme.px(0.03))
        board_w = min(round(area.width * 0.8), round(board_h * 1.62))  # a Wii board's shape
        self.board = pygame.Rect(0, 0, board_w, board_h)  # where the feet stand (not drawn)
        self.board.midtop = (area.centerx, area.top + theme.px(0.11))
        self.half_span = board_w * 0.42  # the load cells' half-span across the board
        self.foot_dx = round(self.half_span * STANCE_SHARE)
        self.foot_size = (round(board_h * 0.3), round(board_h * 0.62))
        self.track_y = self.board.bottom + theme.px(0.06)
        self.horizon = area.top + theme.px(0.01)  # the stream comes from between the hills
        self.sky = pygame.Rect(0, 0, self.width, self.horizon - theme.px(0.02))
        # the stream's half-width where the feet are: the feet, the hold ring and a margin
        self.need = self.foot_dx + max(self.foot_size) // 2 + theme.px(0.06)
        self.stones = self._stepping_stones()
        self.stone_boxes = [pygame.Rect(c[0] - r[0], c[1] - r[1], 2 * r[0], 2 * r[1]).inflate(
            theme.px(0.02), theme.px(0.02)) for c, r in self.stones]
        self.splash = Particles(self.height, seed=5)
        self.down = {"left": True, "right": True}  # each foot's state at the last frame
        self.landed_s: dict[str, float] = {}

    def _stepping_stones(self) -> list[tuple[Point, Point]]:
        """Centre and radii of each stone: one under each foot, and one on toward each bank."""
        w, h = self.foot_size
        stones = []
        for foot in ("left", "right"):
            fx, fy = self.foot_centre(foot)
            stones.append(((fx, fy - round(h * 0.04)), (w, round(h * 0.68))))
            side = -1 if foot == "left" else 1
            y = fy + h // 4
            stones.append(((self.area.centerx + side * round(self.half_width(y) - w * 0.2), y),
                           (round(w * 0.55), round(h * 0.3))))
        return stones

    def foot_centre(self, foot: str) -> Point:
        side = -1 if foot == "left" else 1
        return (self.board.centerx + side * self.foot_dx, self.board.centery)

    # --- scenery: painted once ---

    def half_width(self, y: float) -> float:
        """The stream's half-width at height ``y``: wider toward the viewer, with gently
        wavy banks, and always wide enough for everything the game draws on the water."""
        u = (y - self.horizon) / max(1, self.height - self.horizon)
        wave = 0.04 * math.sin(7.0 * u + 1.0)
        return self.need * (0.97 + 0.5 * max(0.0, u) + wave)

    def paint_static(self, surface: pygame.Surface) -> None:
        """Sky and hills, meadow banks with trees and reeds on both sides of a stream that
        comes toward the player, and the stepping stones across it."""
        t, look = self.theme, self.look
        scenery.landscape(surface, look, self.horizon)
        meadow = pygame.Rect(0, self.horizon, self.width, self.height - self.horizon)
        scenery.gradient(surface, meadow, mix(look.near_hills, look.far_hills, 0.4),
                         mix(look.near_hills, look.light, 0.12))
        for side in (-1, 1):  # trees on the banks, smaller toward the hills
            for k in range(4):
                y = self.horizon + round((self.height - self.horizon) * (0.12 + 0.27 * k))
                x = self.area.centerx + side * round(self.half_width(y) + t.px(0.1 + 0.06 * (
                    k % 2)) + (self.width / 2 - self.half_width(y)) * 0.3)
                size = t.px(0.1 + 0.045 * k)
                if k % 2:
                    scenery.round_tree(surface, (x, y), size, look.foliage)
                else:
                    scenery.pine(surface, (x, y), size, look.foliage)
        cx = self.area.centerx
        rows = range(self.horizon, self.height + 8, 8)
        left = [(round(cx - self.half_width(y)), y) for y in rows]
        right = [(round(cx + self.half_width(y)), y) for y in reversed(rows)]
        water = pygame.Surface((self.width, self.height))
        scenery.gradient(water, pygame.Rect(0, self.horizon, self.width,
                                            self.height - self.horizon), self.far_field,
                         self.field)
        self._flow(water, 0.0, self.texture)
        self._lily_pads(water)
        mask = pygame.Surface((self.width, self.height))  # the stream's outline cut from it
        mask.fill((255, 0, 255))
        pygame.draw.polygon(mask, (0, 0, 0), left + right)
        mask.set_colorkey((0, 0, 0))
        water.blit(mask, (0, 0))
        water.set_colorkey((255, 0, 255))
        surface.blit(water, (0, 0))
        bank = mix(look.near_hills, look.light, 0.35)
        for edge in (left, right):  # the wet edge of each bank, and reeds along it
            pygame.draw.lines(surface, bank, False, edge, max(2, t.px(0.008)))
            for x, y in edge[3::6]:
                self._reed(surface, (x + (t.px(0.015) if x > cx else -t.px(0.015)), y),
                           t.px(0.04 + 0.04 * (y - self.horizon) / self.height))
        for seed, (centre, radii) in enumerate(self.stones):
            self._stone(surface, centre, radii, seed)

    def _stone(self, surface: pygame.Surface, centre: Point, radii: Point, seed: int) -> None:
        """A flat stepping stone: an uneven rounded outline, its wet shadow below and a light
        rim where the sky catches its edge; dark, so what stands on it stays legible."""
        t = self.theme
        rng = random.Random(seed)
        points = []
        for k in range(14):
            a = 2 * math.pi * k / 14
            r = rng.uniform(0.9, 1.05)
            points.append((round(centre[0] + radii[0] * r * math.cos(a)),
                           round(centre[1] + radii[1] * r * math.sin(a))))
        drop = max(2, t.px(0.012))
        pygame.draw.polygon(surface, mix(self.field, BACKGROUND, 0.6),
                            [(x + drop // 2, y + drop) for x, y in points])
        pygame.draw.polygon(surface, self.stone, points)
        pygame.draw.lines(surface, self.stone_rim, False, points[7:] + points[:1],
                          max(2, t.px(0.004)))
        foam = mix(self.texture, self.look.light, 0.3)
        for k in range(2):  # the stream parting round the stone's upstream (left) side
            rect = pygame.Rect(0, 0, 2 * radii[0] + (k + 1) * t.px(0.025),
                               2 * radii[1] + (k + 1) * t.px(0.02))
            rect.center = centre
            pygame.draw.arc(surface, foam, rect, math.pi * 0.75, math.pi * 1.25,
                            max(1, t.px(0.003)))

    @property
    def stone(self) -> tuple[int, int, int]:
        return at_luminance(mix((120, 110, 95), self.look.light, 0.15), TEXTURE_LUMINANCE)

    @property
    def stone_rim(self) -> tuple[int, int, int]:
        return mix(self.stone, self.look.light, 0.3)

    def _reed(self, surface: pygame.Surface, base: Point, height: int) -> None:
        x, y = base
        green = mix(self.look.foliage, self.look.far_hills, 0.3)
        pygame.draw.line(surface, green, (x, y), (x - height // 8, y - height), max(2, height // 14))
        head = pygame.Rect(0, 0, max(3, height // 7), height // 3)
        head.midbottom = (x - height // 10, y - height * 2 // 3)
        pygame.draw.ellipse(surface, mix((110, 70, 40), self.look.light, 0.15), head)

    def _lily_pads(self, surface: pygame.Surface) -> None:
        """Lily pads near the banks, held as dark as the ripples."""
        t = self.theme
        pad = at_luminance(mix(self.look.foliage, self.field, 0.3), TEXTURE_LUMINANCE)
        rng = random.Random(self.look.number)
        for side in (-1, 1):
            for k in range(3):
                y = self.horizon + round((self.height - self.horizon) * (0.2 + 0.3 * k))
                r = t.px(rng.uniform(0.02, 0.035))
                x = self.area.centerx + side * round(self.half_width(y) - 2 * r - t.px(0.01))
                rect = pygame.Rect(0, 0, 2 * r, round(1.3 * r))
                rect.center = (x, y)
                pygame.draw.ellipse(surface, pad, rect)
                pygame.draw.line(surface, self.field, rect.center, rect.midright,
                                 max(2, t.px(0.004)))

    def _flow(self, surface: pygame.Surface, now_s: float, colour: tuple[int, int, int]) -> None:
        """Short ripples across the stream, drifting down it toward the player."""
        t = self.theme
        gap = t.px(0.065)
        drift = round(now_s * FLOW_SPEED * self.height) % gap
        dash = t.px(0.05)
        for row, y in enumerate(range(self.horizon + drift, self.height, gap)):
            half = round(self.half_width(y)) - dash
            step = t.px(0.2)
            for x in range(-half + (row * t.px(0.07)) % step, half - dash, step):
                x0 = self.area.centerx + x
                if any(box.clipline(x0, y, x0 + dash, y) for box in self.stone_boxes):
                    continue  # the water flows round the stones, not over them
                pygame.draw.line(surface, colour, (x0, y), (x0 + dash, y), max(1, t.px(0.003)))

    def ambient(self, surface: pygame.Surface, now_s: float) -> None:
        super().ambient(surface, now_s)
        self._flow(surface, now_s + 0.5, mix(self.texture, self.field, 0.5))

    # --- the task: drawn every frame ---

    def draw_task(self, surface: pygame.Surface, world: TransferWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        del trail
        t = self.theme
        asking = world.phase in ("shift", "up")
        for foot in ("left", "right"):
            lifted = asking and world.foot == foot and world.phase == "up"
            self._foot(surface, world, foot, lifted)
        if asking:
            self._lift_cue(surface, world)
        if world.phase == "shift" and world.reaction_time_s is None:
            time_bar(surface, t, self.bar, world.pace_left_share, ACCENT, self.look.plate())
        if world.phase == "centre":
            shapes.progress_ring(surface, GOOD, self.board.center, t.px(0.05), t.px(0.012),
                                 world.settle_s / SETTLE_S)
        self._splashes(surface, world, now_s)
        self._weight_dot(surface, world)
        self._footer(surface, world)
        self.focus = self.foot_centre(world.foot) if asking else self.board.center

    def _foot(self, surface: pygame.Surface, world: TransferWorld, foot: str,
              lifted: bool) -> None:
        t = self.theme
        cx, cy = self.foot_centre(foot)
        w, h = self.foot_size
        sole = pygame.Rect(0, 0, w, h)
        sole.center = (cx, cy)
        load = foot_load(world.transfer, foot)
        width = max(2, t.px(0.005))
        if lifted:  # raised: its shadow stays on the stone, the foot floats above it
            pygame.draw.ellipse(surface, BACKGROUND, sole)
            sole = sole.move(-t.px(0.015), -t.px(0.03))
            pygame.draw.ellipse(surface, PANEL, sole)
            pygame.draw.ellipse(surface, ACCENT, sole, width)
            shapes.progress_ring(surface, GOOD, sole.center, max(w, h) // 2 + t.px(0.02),
                                 t.px(0.016), world.lift_fraction)
        else:  # on the stone: filled from the heel up by the share of the weight it carries
            pygame.draw.ellipse(surface, BACKGROUND, sole)
            fill = sole.copy()
            fill.height = round(h * load)
            fill.bottom = sole.bottom
            clip = surface.get_clip()
            surface.set_clip(fill)
            pygame.draw.ellipse(surface, PLAYER, sole)
            surface.set_clip(clip)
            pygame.draw.ellipse(surface, TEXT, sole, width)
        reach = max(w, h) // 2 + t.px(0.03)  # the sole, its toes and its hold ring
        t.note_picture(surface, pygame.Rect(sole.centerx - reach, sole.centery - reach,
                                            2 * reach, 2 * reach), f"{foot} foot")
        for k in range(5):  # toes: it reads as a foot, whatever its colour
            toe = (sole.left + round(w * (0.2 + 0.15 * k if foot == "right" else 0.8 - 0.15 * k)),
                   sole.top - t.px(0.012) + abs(2 - k) * t.px(0.004))
            pygame.draw.circle(surface, TEXT_DIM, toe, max(2, round(w * (0.09 - 0.012 * k))))
        # beside its end of the weight track, clear of the words below
        gap = t.px(0.03)
        side = -1 if foot == "left" else 1
        anchor = (cx + side * gap, self.track_y)
        blit_text(surface, t, f"{round(100 * load)} %", t.font("small", bold=True), TEXT,
                  **({"midright": anchor} if side < 0 else {"midleft": anchor}))

    def _lift_cue(self, surface: pygame.Surface, world: TransferWorld) -> None:
        t = self.theme
        cx, _ = self.foot_centre(world.foot)
        top = self.board.top - t.px(0.005)
        size = t.px(0.035)
        pygame.draw.polygon(surface, ACCENT, [(cx, top - 2 * size), (cx - size, top - size),
                                              (cx + size, top - size)])
        t.note_picture(surface, pygame.Rect(cx - size, top - 2 * size, 2 * size, size), "lift cue")
        if world.phase == "shift":  # the foot to lift is outlined in yellow as well
            sole = pygame.Rect(0, 0, *self.foot_size)
            sole.center = self.foot_centre(world.foot)
            pygame.draw.ellipse(surface, ACCENT, sole, max(3, t.px(0.008)))

    def _splashes(self, surface: pygame.Surface, world: TransferWorld, now_s: float) -> None:
        """A foot put back down on its stone splashes: droplets and a ring spreading on the
        water (decoration: none for calm players)."""
        for foot in ("left", "right"):
            load = foot_load(world.transfer, foot)
            if self.down[foot] and load <= LIFTED_SHARE:
                self.down[foot] = False
            elif not self.down[foot] and load >= TOUCH_SHARE:
                self.down[foot] = True
                if not self.theme.calm:
                    self.landed_s[foot] = now_s
                    cx, cy = self.foot_centre(foot)
                    self.splash.burst((cx, cy + self.foot_size[1] // 3),
                                      (PLAYER, TEXT, mix(self.field, TEXT, 0.6)), count=24,
                                      speed=260, life_s=0.6, size=4.0, spread=1.2)
        if self.theme.calm:
            return
        for foot, start in self.landed_s.items():
            u = (now_s - start) / SPLASH_S
            if 0 <= u < 1:
                cx, cy = self.foot_centre(foot)
                grow = easing.out_cubic(u)
                ring = pygame.Rect(0, 0, round(self.foot_size[0] * (2.2 + 1.2 * grow)),
                                   round(self.foot_size[1] * (1.45 + 0.5 * grow)))
                ring.center = (cx, cy)
                pygame.draw.ellipse(surface, mix(self.field, TEXT, 0.5 * (1 - u)), ring,
                                    max(1, self.theme.px(0.004)))
        self.splash.step(now_s)
        self.splash.draw(surface)

    def _weight_dot(self, surface: pygame.Surface, world: TransferWorld) -> None:
        """Where the weight is, on a track from the left foot to the right foot below the
        stones, with a notch at each end (all the weight on that foot) and in the middle."""
        t = self.theme
        left = self.board.centerx - self.foot_dx
        right = self.board.centerx + self.foot_dx
        y = self.track_y
        pygame.draw.line(surface, OUTLINE, (left, y), (right, y), max(2, t.px(0.006)))
        for x in (left, self.board.centerx, right):
            pygame.draw.line(surface, OUTLINE, (x, y - t.px(0.02)), (x, y + t.px(0.02)),
                             max(2, t.px(0.004)))
        marker(surface, t, (self.board.centerx + round(world.transfer * self.foot_dx), y))

    def _footer(self, surface: pygame.Surface, world: TransferWorld) -> None:
        t = self.theme
        words = []
        if world.phase in ("shift", "up"):
            allowed = round(world.params["max_touchdowns"])
            words.append(_("Touch-downs {n} of {allowed}").format(n=world.touchdowns, allowed=allowed))
        if not world.from_cells:
            words.append(_("No load cells: lean far to the side"))
        if not words:
            return
        colour = WARN if world.touchdowns else TEXT_DIM
        text, font = "   ".join(words), t.font("small")
        where = t.texts.image(font, text, colour).get_rect(
            midbottom=(self.area.centerx, self.area.bottom))
        plate = where.inflate(t.px(0.03), t.px(0.008))  # it may reach the banks
        scenery.plate(surface, plate, self.look.plate(), plate.height // 2)
        blit_text(surface, t, text, font, colour, midbottom=where.midbottom)

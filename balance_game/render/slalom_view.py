"""Drawing the slalom: a snowy piste between fir trees scrolling toward the player, flagged
gates, the skier on a line throwing up snow spray as they carve."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS, SETTLE_S
from balance_game.core.mechanics.slalom import Gate, SlalomWorld
from balance_game.render import scenery, shapes
from balance_game.render.particles import Particles
from balance_game.render.theme import (
    ACCENT,
    BAD,
    GOOD,
    OUTLINE,
    PLAYER,
    TEXT,
    TEXT_DIM,
)
from balance_game.render.worlds import mix

FIXED_STEP_S = 1 / 60  # the trail holds one point per fixed step
MARK_SPACING = 0.12  # snow marks along the slope edges, as a share of the slope's height


class SlalomView(scenery.SceneView[SlalomWorld]):
    """Lateral lean (-1..1) across the slope; time to each gate down the slope."""

    material = "snow"

    def layout(self, surface: pygame.Surface) -> None:
        width, height = surface.get_size()
        self.half = int(min(width * 0.36, height * 0.75))
        self.mid_x = width // 2
        self.slope_top = max(int(height * 0.19), self.hud_bottom)  # just below the HUD
        # where gates appear: their flags then clear the prompt
        self.top = self.slope_top + int(height * 0.09)
        self.skier_y = int(height * 0.84)
        self.slope = pygame.Rect(0, self.slope_top, 2 * self.half + 2 * self.theme.px(0.06),
                                 height - self.slope_top)
        self.slope.centerx = self.mid_x
        self.sky = pygame.Rect(0, 0, width, self.slope_top)
        self.spray = Particles(height)
        self.last_x = self.mid_x

    def paint_static(self, surface: pygame.Surface) -> None:
        """Mountains behind, snow banks with fir trees on both sides, the groomed piste."""
        look, t = self.look, self.theme
        scenery.landscape(surface, look, round(self.height * 0.16))
        snow = look.snow_light
        pygame.draw.rect(surface, mix(snow, look.far_hills, 0.25),
                         (0, self.slope_top - t.px(0.02), self.width, self.height))
        self._peaks(surface)
        scenery.gradient(surface, self.slope, self.far_field, self.field)
        for x in (self.slope.left, self.slope.right):  # soft banks along the piste
            pygame.draw.line(surface, snow, (x, self.slope_top), (x, self.height), t.px(0.012))
        step = t.px(0.09)
        for i, y in enumerate(range(self.slope_top + t.px(0.08), self.height + step, step)):
            for side in (-1, 1):
                edge = self.slope.left if side < 0 else self.slope.right
                room = edge if side < 0 else self.width - edge
                x = edge + side * (room // 2 + (i % 2) * room // 5 - room // 10)
                scenery.pine(surface, (x, y), t.px(0.13), look.foliage, snow)
        self._tracks(surface)
        # a faint dotted line down the middle: where "weight centred" is
        for y in range(self.slope_top, self.height, max(8, t.px(0.03))):
            pygame.draw.line(surface, OUTLINE, (self.mid_x, y), (self.mid_x, y + t.px(0.008)), 1)
        pygame.draw.line(surface, OUTLINE, (self.slope.left, self.skier_y),
                         (self.slope.right, self.skier_y), 1)

    def _tracks(self, surface: pygame.Surface) -> None:
        """Old ski tracks winding down the piste: texture, too faint to be mistaken for a gate."""
        width = max(2, self.theme.px(0.004))
        for k in range(5):
            x0 = self.slope.left + self.slope.width * (k + 0.5) / 5
            points = [(round(x0 + self.half * 0.12 * math.sin(y / self.height * 7 + k * 1.7)), y)
                      for y in range(self.slope_top, self.height + 8, 8)]
            pygame.draw.lines(surface, self.texture, False, points, width)

    def _peaks(self, surface: pygame.Surface) -> None:
        """Snow-capped mountains on the horizon, above the piste's top."""
        base = self.slope_top
        for k, share in enumerate((0.12, 0.3, 0.55, 0.78, 0.93)):
            x = round(self.width * share)
            h = round(self.height * (0.1 + 0.03 * (k % 2)))
            w = round(h * 1.5)
            pygame.draw.polygon(surface, self.look.far_hills, [(x - w, base), (x, base - h),
                                                                (x + w, base)])
            cap = h // 3
            pygame.draw.polygon(surface, self.look.snow_light, [
                (x - cap * w // h, base - h + cap), (x, base - h), (x + cap * w // h,
                                                                     base - h + cap)])

    def x(self, lean: float) -> int:
        return round(self.mid_x + lean * self.half)

    def y_for(self, seconds_ahead: float, preview_s: float) -> int:
        """Height of something ``seconds_ahead`` of the skier on a slope showing ``preview_s``."""
        return round(self.skier_y - seconds_ahead / preview_s * (self.skier_y - self.top))

    def draw_task(self, surface: pygame.Surface, world: SlalomWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        t = self.theme
        preview = world.params["preview_s"]
        self._snow_marks(surface, world, self.slope, preview)
        if world.phase == "centre":
            self._centre(surface, world)
        for gate, passed in world.results:
            self._gate(surface, world, gate, passed)
        for gate in reversed(world.gates):
            self._gate(surface, world, gate, None)
        self._wake(surface, trail, preview)
        skier = (self.x(axes.lean_x), self.skier_y)
        self._spray(surface, world, skier, now_s)
        coming = world.next_gate
        if world.phase == "ski" and coming is not None:
            self._guide(surface, coming, skier)
        self._skis(surface, skier, axes.lean_x)
        shapes.marker(surface, t, skier)
        self.focus = skier
        t.note_picture(surface, pygame.Rect(self.slope.left, self.slope_top, self.slope.width,
                                            self.height - self.slope_top), "piste")

    def _skis(self, surface: pygame.Surface, skier: tuple[int, int], lean: float) -> None:
        """Two skis under the marker, angled into the turn."""
        t = self.theme
        length, gap = t.px(0.05), t.px(0.014)
        tilt = round(max(-1.0, min(1.0, lean)) * length * 0.35)
        for side in (-1, 1):
            x = skier[0] + side * gap
            pygame.draw.line(surface, TEXT, (x - tilt, skier[1] - length),
                             (x + tilt, skier[1] + length), max(3, t.px(0.007)))

    def _spray(self, surface: pygame.Surface, world: SlalomWorld, skier: tuple[int, int],
               now_s: float) -> None:
        """Snow thrown up by the skis when they carve sideways (none for calm players)."""
        moved = skier[0] - self.last_x
        self.last_x = skier[0]
        if self.theme.calm:
            return
        if world.phase == "ski" and abs(moved) >= 2:
            side = 1 if moved > 0 else -1
            count = min(8, abs(moved) // 2 + 1)
            self.spray.burst((skier[0] + side * self.theme.px(0.02), skier[1] + self.theme.px(
                0.03)), (self.look.snow_light, TEXT), count, speed=300, life_s=0.6, size=7,
                spread=0.9, gravity=0.8)
        self.spray.step(now_s)
        self.spray.draw(surface)

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
                pygame.draw.line(surface, self.texture, (x, round(y)), (x, round(y + length)),
                                 max(2, self.theme.px(0.006)))
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

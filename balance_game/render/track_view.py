"""Drawing the tracking game: fly the kite after a bird. The bird (the moving circle) flies a
drawn path across a round patch of sky; the player's kite (the marker, its tail the recent
path) follows it on a string from the ground; a bar shows the time on target."""

from __future__ import annotations

import itertools
import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS, SETTLE_S
from balance_game.core.mechanics.track import Segment, TrackWorld
from balance_game.i18n import _
from balance_game.render import scenery, shapes
from balance_game.render.text import blit_label, fitting_font
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    GOOD,
    OUTLINE,
    PANEL,
    PLAYER,
    TEXT,
    TEXT_DIM,
)
from balance_game.render.worlds import mix

AHEAD_S = 1.5  # how much of the path ahead is drawn brighter
PATH_STEP_S = 0.05
VIEW_RANGE = 0.75  # the arena's edge is this far out (lean units): zoomed in, like steady


class TrackView(scenery.SceneView[TrackWorld]):
    """Lean units onto a round arena (edge at VIEW_RANGE); a bar underneath shows time on target."""

    def layout(self, surface: pygame.Surface) -> None:
        width, height = surface.get_size()
        self.bar_y = int(height * 0.935)
        # measured here, not when painting: the scenery may be painted on a worker thread,
        # and a font is not safe to share between threads
        self.bar_plate = self._bar_plate()
        # the window of sky fills the height between the HUD and the on-target bar's plate
        bottom = min(int(height * 0.89), self.bar_plate.top - self.theme.px(0.015))
        self.radius = int(min(width * 0.42, (bottom - self.hud_bottom - self.theme.px(0.03)) / 2))
        self.centre = (width // 2, bottom - self.radius)
        self.scale = self.radius / VIEW_RANGE  # pixels per lean unit
        self.anchor = (width // 2 - self.radius - (width // 2 - self.radius) // 2,
                       int(height * 0.86))  # where the kite's flyer stands

    def paint_static(self, surface: pygame.Surface) -> None:
        """Open hills under a wide sky, a flyer holding the string, the round window of sky."""
        t, look = self.theme, self.look
        scenery.landscape(surface, look, round(self.height * 0.68))
        self._flyer(surface)
        self._bunting(surface)
        right = self.width - self.anchor[0]
        scenery.round_tree(surface, (right, round(self.height * 0.88)), t.px(0.22), look.foliage)
        pygame.draw.circle(surface, mix(look.sky_bottom, look.light, 0.5), self.centre,
                           self.radius + max(3, t.px(0.012)))
        scenery.gradient_disc(surface, self.centre, self.radius, self.far_field, self.field)
        pygame.draw.circle(surface, OUTLINE, self.centre, self.radius, max(2, t.px(0.004)))
        pygame.draw.rect(surface, self.look.plate(), self.bar_plate, border_radius=t.px(0.02))

    def _bunting(self, surface: pygame.Surface) -> None:
        """Strings of festival pennants on both sides of the sky: it is a kite festival."""
        t = self.theme
        colours = ((240, 228, 66), (86, 180, 233), (230, 159, 0), (204, 121, 167), (0, 158, 115))
        y0 = round(self.height * 0.16)
        for side in (-1, 1):
            x0 = 0 if side < 0 else self.width
            x1 = self.width // 2 + side * (self.radius + t.px(0.04))
            n = 8
            points = [(round(x0 + (x1 - x0) * k / n), round(y0 + t.px(0.06) * math.sin(
                math.pi * k / n))) for k in range(n + 1)]
            pygame.draw.lines(surface, BACKGROUND, False, points, max(1, t.px(0.003)))
            for k, (a, b) in enumerate(itertools.pairwise(points)):
                tip = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2 + t.px(0.045))
                pygame.draw.polygon(surface, colours[k % len(colours)], [a, b, tip])

    def _flyer(self, surface: pygame.Surface) -> None:
        """A small stick figure with raised arms: the one flying the kite."""
        t = self.theme
        x, y = self.anchor
        ink, w = BACKGROUND, max(3, t.px(0.011))
        head = t.px(0.02)
        pygame.draw.line(surface, ink, (x, y), (x, y - t.px(0.07)), w)
        pygame.draw.circle(surface, ink, (x, y - t.px(0.07) - head), head)
        for dx in (-1, 1):
            pygame.draw.line(surface, ink, (x, y), (x + dx * t.px(0.025), y + t.px(0.06)), w)
        pygame.draw.line(surface, ink, (x, y - t.px(0.05)), (x + t.px(0.03), y - t.px(0.09)), w)

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        distance = (x * x + y * y) ** 0.5
        if distance > VIEW_RANGE:  # beyond the arena: pinned to its edge
            x, y = x * VIEW_RANGE / distance, y * VIEW_RANGE / distance
        return (round(self.centre[0] + x * self.scale), round(self.centre[1] - y * self.scale))

    def draw_task(self, surface: pygame.Surface, world: TrackWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        t = self.theme
        kite = self.to_screen(axes.lean_x, axes.lean_y)
        hand = (self.anchor[0] + t.px(0.03), self.anchor[1] - t.px(0.09))
        pygame.draw.line(surface, TEXT_DIM, hand, kite, 1)
        segment = world.segment if world.phase == "track" else None
        if world.phase == "centre":
            self._centre(surface, world)
        elif segment is not None:
            self._path(surface, world, segment)
            self._target(surface, world, now_s)
        self._tail(surface, [self.to_screen(*p) for p in trail])
        self._kite(surface, kite)
        self.focus = kite
        window = pygame.Rect(0, 0, 2 * self.radius, 2 * self.radius)
        window.center = self.centre
        t.note_picture(surface, window, "window of sky")
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

    def _target(self, surface: pygame.Surface, world: TrackWorld, now_s: float) -> None:
        t = self.theme
        pos = self.to_screen(*world.target)
        r = max(8, round(world.target_radius * self.scale))
        if world.inside:  # on target: a solid, thick ring
            pygame.draw.circle(surface, ACCENT, pos, r, max(4, t.px(0.014)))
        else:  # off target: a thin dashed ring, so the change is seen without colour
            shapes.dashed_circle(surface, ACCENT, pos, r, max(3, t.px(0.008)), dashes=16)
        self._bird(surface, pos, max(6, r // 2), 0.0 if t.calm else math.sin(now_s * 9))

    def _bird(self, surface: pygame.Surface, pos: tuple[int, int], size: int,
              flap: float) -> None:
        """A bird seen from below: a body and two wings that beat (still when calm)."""
        x, y = pos
        lift = round(size * 0.5 * flap)
        w = max(2, self.theme.px(0.006))
        for side in (-1, 1):
            pygame.draw.lines(surface, ACCENT, False, [(x, y), (x + side * size // 2, y - size // 3
                                                               - lift),
                                                        (x + side * size, y + lift // 2)], w)
        pygame.draw.circle(surface, ACCENT, pos, max(3, size // 4))

    def _kite(self, surface: pygame.Surface, pos: tuple[int, int]) -> None:
        """The player's marker as a diamond kite: sky-blue with a white edge and cross spars."""
        t = self.theme
        r = max(10, t.px(0.034))
        x, y = pos
        points = [(x, y - r), (x + round(r * 0.75), y), (x, y + round(r * 1.15)),
                  (x - round(r * 0.75), y)]
        pygame.draw.polygon(surface, PLAYER, points)
        pygame.draw.line(surface, TEXT, points[0], points[2], max(1, t.px(0.003)))
        pygame.draw.line(surface, TEXT, points[1], points[3], max(1, t.px(0.003)))
        pygame.draw.polygon(surface, TEXT, points, max(2, t.px(0.005)))

    def _tail(self, surface: pygame.Surface, points: list[tuple[int, int]]) -> None:
        """The kite's tail is its recent path, with a bow every few points."""
        if len(points) < 2:
            return
        t = self.theme
        shapes.trail(surface, t, points)
        bow = max(3, t.px(0.01))
        for x, y in points[-6::-8]:
            pygame.draw.polygon(surface, PLAYER, [(x - bow, y - bow), (x + bow, y + bow),
                                                  (x + bow, y - bow), (x - bow, y + bow)])

    def _bar_rect(self) -> pygame.Rect:
        bar = pygame.Rect(0, 0, int(self.width * 0.36), self.theme.px(0.028))
        bar.center = (self.width // 2, self.bar_y)
        return bar

    def _bar_label(self) -> tuple[str, pygame.font.Font]:
        """The bar's caption and its font: it fits between the window's edge and the bar."""
        words = _("On target")
        t = self.theme
        return words, fitting_font(t, words, max(1, self._bar_rect().left - t.px(0.06)))

    def _bar_plate(self) -> pygame.Rect:
        """The plate behind the bar and its caption, as tall and wide as both need."""
        t = self.theme
        bar = self._bar_rect()
        words, font = self._bar_label()
        left = min(bar.left - t.px(0.15), bar.left - font.size(words)[0] - t.px(0.04))
        height = max(bar.height + t.px(0.04), font.get_linesize() + t.px(0.01))
        plate = pygame.Rect(left, 0, bar.right + t.px(0.15) - left, height)
        plate.centery = bar.centery
        return plate

    def _bar(self, surface: pygame.Surface, world: TrackWorld, segment: Segment) -> None:
        """On-target share so far (filled) against the share needed (a white tick)."""
        t = self.theme
        bar = self._bar_rect()
        width = bar.width
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
        t.note_picture(surface, self.bar_plate, "on-target bar")
        words, font = self._bar_label()
        blit_label(surface, t, words, font, TEXT_DIM, "on-target bar",
                   midright=(bar.left - t.px(0.02), bar.centery))

"""Drawing the steady game: a window of sky with the shrinking zone, its hold ring and the
marker, and a hot-air balloon beside it that tips as the player sways: keep it from wobbling."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import CENTRE_RADIUS, SETTLE_S
from balance_game.core.mechanics.steady import SteadyWorld
from balance_game.render import scenery, shapes
from balance_game.render.theme import ACCENT, BACKGROUND, GOOD, OUTLINE, TEXT, WARN
from balance_game.render.worlds import mix

VIEW_RANGE = 0.75  # the arena's edge is this far out (lean units): zoomed in, so sway shows


class SteadyView(scenery.SceneView[SteadyWorld]):
    """Lean units onto a round arena below the HUD, zoomed so the arena's edge is VIEW_RANGE."""

    def layout(self, surface: pygame.Surface) -> None:
        width, height = surface.get_size()
        # the window of sky fills the height between the HUD and the bottom
        bottom = int(height * 0.965)
        self.radius = int(min(width * 0.42, (bottom - self.hud_bottom - self.theme.px(0.03)) / 2))
        self.centre = (width // 2, bottom - self.radius)
        self.scale = self.radius / VIEW_RANGE  # pixels per lean unit
        side = (width // 2 - self.radius) // 2
        self.balloon_at = (side, int(height * 0.5))
        self.balloon_r = max(10, min(side - self.theme.px(0.02), round(height * 0.11)))

    def paint_static(self, surface: pygame.Surface) -> None:
        scenery.landscape(surface, self.look, round(self.height * 0.72))
        right = self.width - self.balloon_at[0]
        for k in range(3):
            scenery.round_tree(surface, (right + (k - 1) * self.theme.px(0.07),
                                         round(self.height * (0.8 + 0.04 * (k % 2)))),
                               self.theme.px(0.16), self.look.foliage)
        rim = max(3, self.theme.px(0.012))
        pygame.draw.circle(surface, mix(self.look.sky_bottom, self.look.light, 0.5), self.centre,
                           self.radius + rim)
        scenery.gradient_disc(surface, self.centre, self.radius, self.far_field, self.field)
        pygame.draw.circle(surface, OUTLINE, self.centre, self.radius, max(2, self.theme.px(0.004)))
        # faint rings at a quarter and a half of the limits: a calm sense of scale
        for share in (0.25, 0.5):
            pygame.draw.circle(surface, OUTLINE, self.centre, self.length(share), 1)

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        distance = (x * x + y * y) ** 0.5
        if distance > VIEW_RANGE:  # beyond the arena: pinned to its edge
            x, y = x * VIEW_RANGE / distance, y * VIEW_RANGE / distance
        return (round(self.centre[0] + x * self.scale), round(self.centre[1] - y * self.scale))

    def length(self, lean: float) -> int:
        return max(4, round(lean * self.scale))

    def draw_task(self, surface: pygame.Surface, world: SteadyWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        t = self.theme
        self._balloon(surface, axes, now_s)
        if world.phase == "centre":
            self._centre_zone(surface, world)
        elif world.phase in ("move", "hold"):
            self._zone(surface, world)
        shapes.trail(surface, t, [self.to_screen(*p) for p in trail])
        self.focus = self.to_screen(axes.lean_x, axes.lean_y)
        shapes.marker(surface, t, self.focus)
        window = pygame.Rect(0, 0, 2 * self.radius, 2 * self.radius)
        window.center = self.centre
        t.note_picture(surface, window, "window of sky")

    def _balloon(self, surface: pygame.Surface, axes: Axes, now_s: float) -> None:
        """A striped balloon whose basket swings with the player's lean (the task made
        visible), bobbing gently in the breeze unless the player is calm."""
        t, r = self.theme, self.balloon_r
        bob = 0 if t.calm else round(math.sin(now_s * 0.8) * r * 0.05)
        cx, cy = self.balloon_at[0], self.balloon_at[1] + bob
        tip = max(-0.5, min(0.5, axes.lean_x * 0.6))
        envelope = pygame.Rect(0, 0, 2 * r, round(2.3 * r))
        envelope.center = (cx, cy)
        colours = (self.look.sun, mix(self.look.sky_top, (255, 255, 255), 0.3))
        pygame.draw.ellipse(surface, colours[0], envelope)
        for k, share in enumerate((0.55, 0.2)):
            stripe = envelope.inflate(-round(2 * r * (1 - share)), 0)
            pygame.draw.ellipse(surface, colours[(k + 1) % 2], stripe)
        pygame.draw.ellipse(surface, BACKGROUND, envelope, max(2, t.px(0.004)))
        neck = (cx, envelope.bottom - r // 8)
        hang = round(r * 0.75)
        basket = (round(cx + math.sin(tip) * hang), round(neck[1] + math.cos(tip) * hang))
        for dx in (-r // 3, r // 3):
            pygame.draw.line(surface, BACKGROUND, (cx + dx // 2, neck[1]),
                             (basket[0] + dx // 2, basket[1]), max(1, t.px(0.003)))
        box = pygame.Rect(0, 0, round(r * 0.5), round(r * 0.35))
        box.midtop = basket
        pygame.draw.rect(surface, (140, 90, 50), box, border_radius=max(1, r // 12))
        pygame.draw.rect(surface, BACKGROUND, box, max(1, t.px(0.003)), border_radius=max(1, r // 12))

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

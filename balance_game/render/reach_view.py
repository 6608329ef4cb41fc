"""Drawing the reach game: lanterns to light. The player's limits are a round evening garden
under strings of lanterns; the target is a lantern that lights up as the player holds it."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.reach import ReachWorld
from balance_game.render import scenery
from balance_game.render.theme import ACCENT, BACKGROUND, GOOD, OUTLINE, PLAYER, TEXT
from balance_game.render.worlds import mix

LANTERN_COLOURS = ((230, 90, 70), (240, 170, 60), (120, 170, 230), (200, 110, 200))


class ReachView(scenery.SceneView[ReachWorld]):
    """Maps lean units (-1..1) onto a square arena in the middle of the screen."""

    material = "grass"

    def layout(self, surface: pygame.Surface) -> None:
        width, height = surface.get_size()
        # the arena fills the height between the HUD and the garden's edge
        bottom = int(height * 0.92)
        self.radius = int(min(width * 0.42, (bottom - self.hud_bottom - self.theme.px(0.02)) / 2))
        self.centre = (width // 2, bottom - self.radius)
        # the garland's lanterns (where, colour), left to right: filled when it is painted
        self.garland: list[tuple[tuple[int, int], tuple[int, int, int]]] = []

    def paint_static(self, surface: pygame.Surface) -> None:
        """A garden at the world's hour with garlands of lanterns strung across the sky."""
        t, look = self.theme, self.look
        scenery.landscape(surface, look, round(self.height * 0.5))
        for side in (-1, 1):
            x = self.width // 2 + side * (self.radius + (self.width // 2 - self.radius) // 2)
            for k in range(2):
                scenery.round_tree(surface, (x + (k * 2 - 1) * t.px(0.06), round(
                    self.height * (0.9 - 0.05 * k))), t.px(0.2 - 0.03 * k), look.foliage)
        self._garland(surface, round(self.height * 0.2), 0)
        arena = pygame.Rect(0, 0, 2 * self.radius, 2 * self.radius)
        arena.center = self.centre
        pygame.draw.ellipse(surface, mix(look.near_hills, look.light, 0.3), arena.inflate(
            t.px(0.025), t.px(0.025)))
        scenery.gradient_ellipse(surface, arena, self.far_field, self.field)
        pygame.draw.ellipse(surface, OUTLINE, arena, max(2, t.px(0.004)))

    def _garland(self, surface: pygame.Surface, y: int, seed: int) -> None:
        """A sagging string of small unlit lanterns on each side of the sky; they light one by
        one as the player's tries are done (``_lit_garland``)."""
        t = self.theme
        self.garland.clear()
        for side in (-1, 1):
            x0 = 0 if side < 0 else self.width
            x1 = self.width // 2 + side * (self.radius + t.px(0.02))
            points = [(round(x0 + (x1 - x0) * u / 10), round(y + t.px(0.05) * math.sin(
                math.pi * u / 10))) for u in range(11)]
            pygame.draw.lines(surface, BACKGROUND, False, points, max(1, t.px(0.003)))
            for k, p in enumerate(points[1:-1:2]):
                colour = LANTERN_COLOURS[(k + seed) % len(LANTERN_COLOURS)]
                self.garland.append((p, colour))
                scenery.lantern(surface, p, t.px(0.04), mix(colour, BACKGROUND, 0.4), 0.0,
                                (255, 236, 170), BACKGROUND)
        self.garland.sort(key=lambda item: item[0][0])

    def _lit_garland(self, surface: pygame.Surface, done: int) -> None:
        """One garland lantern lit for each try done, left to right: progress you can see."""
        for p, colour in self.garland[:done]:
            scenery.lantern(surface, p, self.theme.px(0.04), colour, 1.0, (255, 236, 170),
                            BACKGROUND)

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        return (round(self.centre[0] + x * self.radius), round(self.centre[1] - y * self.radius))

    def draw_task(self, surface: pygame.Surface, world: ReachWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        self._lit_garland(surface, world.trial_index)
        self._centre_zone(surface, world)
        if world.phase in ("reach", "hold"):
            self._target(surface, world)
        if len(trail) > 1:
            pygame.draw.lines(surface, PLAYER, False, [self.to_screen(*p) for p in trail],
                              max(2, self.theme.px(0.004)))
        self._marker(surface, axes)
        arena = pygame.Rect(0, 0, 2 * self.radius, 2 * self.radius)
        arena.center = self.centre
        self.theme.note_picture(surface, arena, "arena")

    def _centre_zone(self, surface: pygame.Surface, world: ReachWorld) -> None:
        r = max(4, round(world.centre_radius * self.radius))
        width = max(2, self.theme.px(0.005))
        pygame.draw.circle(surface, OUTLINE, self.centre, r, width)
        if world.phase == "centre" and world.settle_s > 0:
            share = min(1.0, world.settle_s / 0.5)
            rect = pygame.Rect(0, 0, 2 * r, 2 * r)
            rect.center = self.centre
            pygame.draw.arc(surface, GOOD, rect, math.pi / 2, math.pi / 2 + share * 2 * math.pi,
                            width * 2)

    def _target(self, surface: pygame.Surface, world: ReachWorld) -> None:
        pos = self.to_screen(*world.target)
        r = max(6, round(world.target_radius * self.radius))
        pygame.draw.circle(surface, ACCENT, pos, r, max(3, self.theme.px(0.008)))
        lit = world.hold_fraction if world.phase == "hold" else 0.0
        # the target is a lantern that fills with light as the player holds it: a shape as
        # well as a colour
        size = max(8, round(r * 0.95))
        colour = LANTERN_COLOURS[world.trial_index % len(LANTERN_COLOURS)]
        scenery.lantern(surface, (pos[0], pos[1] - round(size * 0.85)), size,
                        mix(colour, BACKGROUND, 0.55), lit, ACCENT, TEXT)

    def _marker(self, surface: pygame.Surface, axes: Axes) -> None:
        pos = self.to_screen(axes.lean_x, axes.lean_y)
        self.focus = pos
        r = max(8, self.theme.px(0.028))
        pygame.draw.circle(surface, PLAYER, pos, r)
        pygame.draw.circle(surface, TEXT, pos, r, max(2, self.theme.px(0.004)))

"""Drawing the tilt game: a wooden maze on a table by a window, maple rails, the hole with a
flag, a rolling glass marble, and a small gauge of the player's lean beside the board."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.tilt import (
    BALL_RADIUS,
    COLS,
    ROWS,
    START_CELL,
    TiltWorld,
    cell_centre,
)
from balance_game.i18n import _
from balance_game.render import scenery
from balance_game.render.layers import StaticLayer
from balance_game.render.lean_widgets import centre_zone, marker, play_area, time_bar
from balance_game.render.text import blit_label, fitting_font
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    OUTLINE,
    PLAYER,
    TEXT,
    TEXT_DIM,
    WARN,
)
from balance_game.render.worlds import mix

MAPLE = (236, 204, 150)  # the rails: light wood, far brighter than the dark board
TABLE = (168, 118, 72)


class TiltView(scenery.SceneView[TiltWorld]):
    material = "wood"

    def layout(self, surface: pygame.Surface) -> None:
        """The board with its time bar, and the gauge on its plate beside it, or below it on
        an upright window."""
        theme = self.theme
        area = play_area(surface, self.hud_bottom)
        upright = area.height > area.width
        label_h = theme.font("small").get_linesize() + theme.px(0.012)  # a caption of the gauge
        gauge_w = 0 if upright else round(area.height * 0.36)
        usable_w = area.width - gauge_w - (0 if upright else theme.px(0.04))
        usable_h = round(area.height * 0.6) if upright else area.height
        self.cell = int(min(usable_w / COLS, (usable_h - theme.px(0.085)) / ROWS))
        self.board = pygame.Rect(0, 0, self.cell * COLS, self.cell * ROWS)
        self.board.topleft = (area.left + (usable_w - self.board.width) // 2 + theme.px(0.01),
                              area.top + theme.px(0.025))  # its maple frame clears the HUD
        self.bar = pygame.Rect(self.board.left, self.board.bottom + theme.px(0.032),
                               self.board.width, theme.px(0.018))
        if upright:  # the gauge in the space below the time bar
            below = pygame.Rect(area.left, self.bar.bottom + theme.px(0.02), area.width,
                                area.bottom - self.bar.bottom - theme.px(0.02))
            self.gauge_r = max(8, min(round(area.width * 0.22),
                                      (below.height - 2 * label_h - theme.px(0.03)) // 2))
            self.gauge_c = below.center
        else:
            self.gauge_r = max(8, min(round(gauge_w * 0.4),
                                      (area.height - 2 * label_h) // 2 - theme.px(0.03)))
            self.gauge_c = (self.board.right + (area.right - self.board.right) // 2,
                            self.board.centery)
        # the gauge on its plate: the circle with a caption above and below, all inside
        self.gauge_plate = pygame.Rect(0, 0, 2 * self.gauge_r + theme.px(0.05),
                                       2 * (self.gauge_r + label_h) + theme.px(0.03))
        self.gauge_plate.center = self.gauge_c
        right = self.board.right + theme.px(0.03)
        self.sky = pygame.Rect(right, 0, self.width - right, round(self.height * 0.3))
        self.maze = StaticLayer()  # route, start, hole and walls: fixed for a whole try

    def paint_static(self, surface: pygame.Surface) -> None:
        """A window on the world's landscape above a planked table, the board on the table."""
        t, look = self.theme, self.look
        scenery.landscape(surface, look, round(self.height * 0.32))
        window_frame = mix(TABLE, (255, 255, 255), 0.45)
        for x in range(0, self.width, self.width // 4):
            pygame.draw.line(surface, window_frame, (x, 0), (x, round(self.height * 0.42)),
                             t.px(0.012))
        table_top = round(self.height * 0.42)
        table = mix(TABLE, look.sky_bottom, 0.3)  # the table in the world's light
        pygame.draw.rect(surface, table, (0, table_top, self.width, self.height - table_top))
        pygame.draw.rect(surface, window_frame, (0, table_top - t.px(0.012), self.width,
                                                 t.px(0.012)))
        plank = t.px(0.09)
        for y in range(table_top + plank, self.height, plank):
            pygame.draw.line(surface, mix(table, (0, 0, 0), 0.2), (0, y), (self.width, y), 2)
        frame = self.board.inflate(t.px(0.045), t.px(0.045))
        pygame.draw.rect(surface, mix(TABLE, (0, 0, 0), 0.35), frame.move(t.px(0.008),
                                                                          t.px(0.012)),
                         border_radius=t.px(0.02))  # the shadow the board casts
        pygame.draw.rect(surface, MAPLE, frame, border_radius=t.px(0.02))
        scenery.gradient(surface, self.board.inflate(t.px(0.01), t.px(0.01)), self.far_field,
                         self.field)
        self._grain(surface)
        scenery.plate(surface, self.gauge_plate, look.plate(), t.px(0.02))

    def _grain(self, surface: pygame.Surface) -> None:
        """Wood grain across the board: wavy lines a shade lighter than the board."""
        step = max(6, self.cell // 5)
        for k, y in enumerate(range(self.board.top + step // 2, self.board.bottom, step)):
            points = [(x, round(y + step * 0.3 * math.sin(x / self.cell * 2.1 + k * 0.9)))
                      for x in range(self.board.left, self.board.right + 8, 8)]
            pygame.draw.lines(surface, self.texture, False, points, max(1, self.cell // 40))

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        return (round(self.board.left + x * self.cell), round(self.board.bottom - y * self.cell))

    def draw_task(self, surface: pygame.Surface, world: TiltWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        del trail
        t = self.theme
        shown = world.phase in ("ready", "roll")
        key = (tuple(world.walls), tuple(world.route) if shown else (),
               (world.hole, world.hole_radius) if shown else None)
        self.maze.blit(surface, self.board.inflate(t.px(0.02), t.px(0.02)), key,
                       lambda layer: self._maze(layer, world))
        if world.phase in ("ready", "roll"):
            self._ball(surface, world)
        if world.phase == "roll":
            left = world.time_left_share
            time_bar(surface, t, self.bar, left, WARN if left < 0.3 else TEXT_DIM)
        self._gauge(surface, world, axes)
        t.note_picture(surface, self.board.inflate(t.px(0.045), t.px(0.045)), "maze")

    def _maze(self, surface: pygame.Surface, world: TiltWorld) -> None:
        """Route, start, hole and walls over the wooden board: fixed for a whole try."""
        self._route(surface, world)
        self._start_pad(surface)
        if world.phase in ("ready", "roll"):
            self._hole(surface, world)
        self._walls(surface, world)

    def _route(self, surface: pygame.Surface, world: TiltWorld) -> None:
        if world.phase not in ("ready", "roll") or len(world.route) < 2:
            return
        r = max(2, round(self.cell * 0.04))
        for a, b in zip(world.route, world.route[1:], strict=False):
            ax, ay = cell_centre(a)
            bx, by = cell_centre(b)
            for k in range(4):
                f = k / 4
                pygame.draw.circle(surface, OUTLINE, self.to_screen(ax + (bx - ax) * f,
                                                                    ay + (by - ay) * f), r)

    def _start_pad(self, surface: pygame.Surface) -> None:
        pos = self.to_screen(*cell_centre(START_CELL))
        r = round(self.cell * 0.3)
        pygame.draw.circle(surface, OUTLINE, pos, r, max(2, self.theme.px(0.004)))

    def _hole(self, surface: pygame.Surface, world: TiltWorld) -> None:
        pos = self.to_screen(*world.hole)
        r = max(6, round(world.hole_radius * self.cell))
        pygame.draw.circle(surface, BACKGROUND, pos, r)
        pygame.draw.circle(surface, ACCENT, pos, r, max(3, self.theme.px(0.008)))
        # a flag on the hole: a shape, not only a colour, says "this is where the ball goes"
        pole_top = (pos[0], pos[1] - round(self.cell * 0.55))
        pygame.draw.line(surface, TEXT, pos, pole_top, max(2, self.theme.px(0.005)))
        flag = [pole_top, (pole_top[0] + round(self.cell * 0.3), pole_top[1] + round(self.cell * 0.1)),
                (pole_top[0], pole_top[1] + round(self.cell * 0.2))]
        pygame.draw.polygon(surface, ACCENT, flag)

    def _walls(self, surface: pygame.Surface, world: TiltWorld) -> None:
        width = max(4, round(self.cell * 0.1))
        for a, b in world.walls:  # maple rails
            pa, pb = self.to_screen(*a), self.to_screen(*b)
            pygame.draw.line(surface, MAPLE, pa, pb, width)
            for p in (pa, pb):
                pygame.draw.circle(surface, MAPLE, p, width // 2)

    def _ball(self, surface: pygame.Surface, world: TiltWorld) -> None:
        pos = self.to_screen(*world.ball)
        r = max(6, round(BALL_RADIUS * self.cell))
        pygame.draw.circle(surface, BACKGROUND, (pos[0] + r // 4, pos[1] + r // 3), r)  # shadow
        marker(surface, self.theme, pos, r)
        # a glint that turns with the distance rolled: the marble is seen to roll
        turn = world.distance_rolled / max(0.05, BALL_RADIUS) * 0.5
        glint = (round(pos[0] + r * 0.45 * math.cos(turn)), round(pos[1] - r * 0.45 * abs(
            math.sin(turn)) - r * 0.1))
        pygame.draw.circle(surface, TEXT, glint, max(2, r // 4))
        self.focus = pos
        if world.too_fast_near_hole:
            r = round(BALL_RADIUS * self.cell * 1.6)
            pygame.draw.circle(surface, WARN, pos, r, max(2, self.theme.px(0.004)))

    def _gauge(self, surface: pygame.Surface, world: TiltWorld, axes: Axes) -> None:
        """The player's lean in a circle of their full-tilt lean, with the centre zone."""
        t = self.theme
        c, r = self.gauge_c, self.gauge_r
        pygame.draw.circle(surface, self.field, c, r)
        pygame.draw.circle(surface, OUTLINE, c, r, max(2, t.px(0.004)))
        zone = max(4, round(r * world.centre_radius / world.full_tilt))
        centre_zone(surface, t, c, min(zone, r), world.settle_s, world.phase == "centre")
        x = max(-1.0, min(1.0, axes.lean_x / world.full_tilt))
        y = max(-1.0, min(1.0, axes.lean_y / world.full_tilt))
        marker(surface, t, (round(c[0] + x * r), round(c[1] - y * r)), max(6, t.px(0.02)))
        t.note_picture(surface, self.gauge_plate, "gauge")
        width = self.gauge_plate.width - t.px(0.02)
        blit_label(surface, t, _("Your lean"), fitting_font(t, _("Your lean"), width), TEXT_DIM,
                   "gauge", midtop=(c[0], c[1] + r + t.px(0.012)))
        if world.phase == "roll":
            blit_label(surface, t, _("Tilt"), fitting_font(t, _("Tilt"), width), PLAYER,
                       "gauge", midbottom=(c[0], c[1] - r - t.px(0.012)))

"""Drawing the weight-transfer game: the board from above with two footprints, how much weight
each foot carries, the foot to lift (an arrow, and a yellow outline), the hold ring, the time left
to lift it, the touch-downs, and a dot showing where the weight is.

A lifted foot is drawn raised off the board (a shadow below, a solid outline above): a shape
change, not only a colour change.
"""

from __future__ import annotations

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.common import SETTLE_S
from balance_game.core.mechanics.transfer import STANCE_SHARE, TransferWorld, foot_load
from balance_game.i18n import _
from balance_game.render import shapes
from balance_game.render.lean_widgets import marker, play_area, time_bar
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
    Theme,
)

Point = tuple[int, int]


class TransferView:
    def __init__(self, surface: pygame.Surface, theme: Theme) -> None:
        self.theme = theme
        area = play_area(surface)
        self.area = area
        self.bar = pygame.Rect(area.left + area.width // 4, area.top, area.width // 2,
                               theme.px(0.018))
        board_h = round(area.height * 0.5)
        board_w = min(round(area.width * 0.8), round(board_h * 1.62))  # a Wii board's shape
        self.board = pygame.Rect(0, 0, board_w, board_h)
        self.board.midtop = (area.centerx, area.top + theme.px(0.11))
        self.half_span = board_w * 0.42  # the load cells' half-span across the board
        self.foot_dx = round(self.half_span * STANCE_SHARE)
        self.foot_size = (round(board_h * 0.3), round(board_h * 0.62))
        self.track_y = self.board.bottom + theme.px(0.06)

    def foot_centre(self, foot: str) -> Point:
        side = -1 if foot == "left" else 1
        return (self.board.centerx + side * self.foot_dx, self.board.centery)

    def draw(self, surface: pygame.Surface, world: TransferWorld, axes: Axes,
             trail: list[tuple[float, float]]) -> None:
        del trail
        t = self.theme
        pygame.draw.rect(surface, PANEL, self.board, border_radius=self.board.height // 5)
        pygame.draw.rect(surface, OUTLINE, self.board, max(2, t.px(0.004)),
                         border_radius=self.board.height // 5)
        asking = world.phase in ("shift", "up")
        for foot in ("left", "right"):
            lifted = asking and world.foot == foot and world.phase == "up"
            self._foot(surface, world, foot, lifted)
        if asking:
            self._lift_cue(surface, world)
        if world.phase == "shift" and world.reaction_time_s is None:
            time_bar(surface, t, self.bar, world.pace_left_share, ACCENT)
        if world.phase == "centre":
            shapes.progress_ring(surface, GOOD, self.board.center, t.px(0.05), t.px(0.012),
                                 world.settle_s / SETTLE_S)
        self._weight_dot(surface, world, axes)
        self._footer(surface, world)

    def _foot(self, surface: pygame.Surface, world: TransferWorld, foot: str,
              lifted: bool) -> None:
        t = self.theme
        cx, cy = self.foot_centre(foot)
        w, h = self.foot_size
        sole = pygame.Rect(0, 0, w, h)
        sole.center = (cx, cy)
        load = foot_load(world.transfer, foot)
        width = max(2, t.px(0.005))
        if lifted:  # raised: its shadow stays on the board, the foot floats above it
            pygame.draw.ellipse(surface, BACKGROUND, sole)
            sole = sole.move(-t.px(0.015), -t.px(0.03))
            pygame.draw.ellipse(surface, PANEL, sole)
            pygame.draw.ellipse(surface, ACCENT, sole, width)
            shapes.progress_ring(surface, GOOD, sole.center, max(w, h) // 2 + t.px(0.02),
                                 t.px(0.016), world.lift_fraction)
        else:  # on the board: filled from the heel up by the share of the weight it carries
            pygame.draw.ellipse(surface, BACKGROUND, sole)
            fill = sole.copy()
            fill.height = round(h * load)
            fill.bottom = sole.bottom
            clip = surface.get_clip()
            surface.set_clip(fill)
            pygame.draw.ellipse(surface, PLAYER, sole)
            surface.set_clip(clip)
            pygame.draw.ellipse(surface, TEXT, sole, width)
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
        if world.phase == "shift":  # the foot to lift is outlined in yellow as well
            sole = pygame.Rect(0, 0, *self.foot_size)
            sole.center = self.foot_centre(world.foot)
            pygame.draw.ellipse(surface, ACCENT, sole, max(3, t.px(0.008)))

    def _weight_dot(self, surface: pygame.Surface, world: TransferWorld, axes: Axes) -> None:
        """Where the weight is, on a track from the left foot to the right foot below the
        board, with a notch at each end (all the weight on that foot) and in the middle."""
        del axes
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
        blit_text(surface, t, "   ".join(words), t.font("small"), colour,
                  midbottom=(self.area.centerx, self.area.bottom))

"""Pictures of the foot positions of the stance tests, drawn by the program (no image files).

Seen from above, the player facing up the screen: the board as a rounded outline, each foot as
a sole with its toes, a foot that must stay lifted as a dashed outline with the word "up". The
heel-to-toe positions do not fit across a Wii board (31 cm deep, two feet ~50 cm long), so for
them the board is drawn turned, along the player's line, as they are asked to stand on it.
Shapes and words carry the meaning; colour only repeats it (theme.py).
"""

from __future__ import annotations

import math

import pygame

from balance_game.i18n import _
from balance_game.render.text import blit_label
from balance_game.render.theme import ACCENT, OUTLINE, PANEL, TEXT, Theme

# Foot centres in foot lengths (x right, y forward), and whether the board is turned.
FOOT_LENGTH_CM = 24.0
LAYOUTS: dict[str, tuple[tuple[float, float], tuple[float, float], bool]] = {
    "apart": ((-0.4, 0.0), (0.4, 0.0), False),
    "together": ((-0.19, 0.0), (0.19, 0.0), False),
    "semi_tandem": ((-0.19, -0.25), (0.19, 0.25), True),
    "tandem": ((0.0, -0.5), (0.0, 0.5), True),
    "single_leg": ((-0.4, 0.0), (0.4, 0.0), False),
}
BOARD_CM = (51.0, 31.0)  # the Wii board's top, width x depth


def draw_stance(surface: pygame.Surface, theme: Theme, stance: str, centre: tuple[int, int],
                size_px: int) -> None:
    """Draw ``stance`` in a square of ``size_px`` around ``centre``."""
    left, right, turned = LAYOUTS.get(stance, LAYOUTS["apart"])
    scale = size_px / 60.0  # px per cm: the turned board (51 cm) fits with a margin
    board_w, board_h = (BOARD_CM[1], BOARD_CM[0]) if turned else BOARD_CM
    board = pygame.Rect(0, 0, round(board_w * scale), round(board_h * scale))
    board.center = centre
    pygame.draw.rect(surface, PANEL, board, border_radius=round(4 * scale))
    theme.note_picture(surface, pygame.Rect(centre[0] - size_px // 2, centre[1] - size_px // 2,
                                            size_px, size_px), "feet")
    pygame.draw.rect(surface, OUTLINE, board, width=max(2, round(0.5 * scale)),
                     border_radius=round(4 * scale))
    for (fx, fy), side in ((left, "left"), (right, "right")):
        lifted = stance == "single_leg" and side == "left"
        cx = centre[0] + fx * FOOT_LENGTH_CM * scale
        cy = centre[1] - fy * FOOT_LENGTH_CM * scale
        _draw_foot(surface, theme, (cx, cy), scale, side, lifted)


def _draw_foot(surface: pygame.Surface, theme: Theme, centre: tuple[float, float], scale: float,
               side: str, lifted: bool) -> None:
    """A sole (heel narrower than the ball) with five toes, big toe on the inside."""
    length, width = FOOT_LENGTH_CM * scale, 9.5 * scale
    cx, cy = centre
    sole = pygame.Rect(0, 0, round(width), round(length * 0.82))
    sole.midbottom = (round(cx), round(cy + length / 2))
    inward = 1 if side == "left" else -1
    toes = [(inward * (0.28 - 0.14 * i), 0.11 - 0.015 * i, 0.17 - 0.025 * i) for i in range(5)]
    colour = ACCENT
    if lifted:
        _dashed_ellipse(surface, OUTLINE, sole, max(2, round(0.4 * scale)))
        blit_label(surface, theme, _("up"), theme.font("small", bold=True), TEXT, "feet",
                   center=sole.center)
        return
    pygame.draw.ellipse(surface, colour, sole)
    for dx, r_frac, up in toes:
        radius = max(2, round(width * r_frac))
        toe = (round(cx + dx * width * 1.6), round(sole.top + length * 0.04 - up * width * 0.8))
        pygame.draw.circle(surface, colour, toe, radius)


def _dashed_ellipse(surface: pygame.Surface, colour: tuple[int, int, int], rect: pygame.Rect,
                    width: int) -> None:
    """An ellipse outline in dashes: the foot that is not on the board."""
    a, b = rect.width / 2, rect.height / 2
    for k in range(0, 24, 2):
        t0, t1 = 2 * math.pi * k / 24, 2 * math.pi * (k + 1) / 24
        p0 = (rect.centerx + a * math.cos(t0), rect.centery + b * math.sin(t0))
        p1 = (rect.centerx + a * math.cos(t1), rect.centery + b * math.sin(t1))
        pygame.draw.line(surface, colour, p0, p1, width)

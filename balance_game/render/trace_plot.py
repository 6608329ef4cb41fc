"""A small statokinesigram: the path of the player's lean over a level, inside their limits."""

from __future__ import annotations

import pygame

from balance_game.i18n import _
from balance_game.render.text import blit_text
from balance_game.render.theme import OUTLINE, PANEL, PLAYER, TEXT_DIM, Theme


def draw_trace(surface: pygame.Surface, theme: Theme, rect: pygame.Rect,
               trace: list[tuple[float, float]]) -> None:
    """The caption sits above the plot, never on it; the plot takes the square below."""
    font = theme.font("small")
    caption = blit_text(surface, theme, _("Your path"), font, TEXT_DIM,
                        midtop=(rect.centerx, rect.top))
    side = min(rect.width, rect.bottom - caption.bottom)
    rect = pygame.Rect(0, 0, side, side)
    rect.midtop = (caption.centerx, caption.bottom)
    pygame.draw.rect(surface, PANEL, rect, border_radius=theme.px(0.015))
    theme.note_picture(surface, rect, "path plot")
    radius = min(rect.width, rect.height) // 2 - theme.px(0.02)
    centre = rect.center
    arena = pygame.Rect(0, 0, 2 * radius, 2 * radius)
    arena.center = centre
    pygame.draw.ellipse(surface, OUTLINE, arena, 2)
    pygame.draw.line(surface, OUTLINE, (centre[0] - radius, centre[1]),
                     (centre[0] + radius, centre[1]), 1)
    pygame.draw.line(surface, OUTLINE, (centre[0], centre[1] - radius),
                     (centre[0], centre[1] + radius), 1)
    step = max(1, len(trace) // 2000)
    points = [(round(centre[0] + x * radius), round(centre[1] - y * radius))
              for x, y in trace[::step]]
    if len(points) > 1:
        pygame.draw.lines(surface, PLAYER, False, points, 2)

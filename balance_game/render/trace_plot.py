"""A small statokinesigram: the path of the player's lean over a level, inside their limits."""

from __future__ import annotations

import pygame

from balance_game.render.theme import OUTLINE, PANEL, PLAYER, TEXT_DIM, Theme


def draw_trace(surface: pygame.Surface, theme: Theme, rect: pygame.Rect,
               trace: list[tuple[float, float]]) -> None:
    pygame.draw.rect(surface, PANEL, rect, border_radius=theme.px(0.015))
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
    label = theme.font("small").render("Your path", True, TEXT_DIM)
    surface.blit(label, label.get_rect(midtop=(centre[0], rect.top + theme.px(0.01))))

"""The strip of facts above a game: level, trial count, score, time, and the prompt of the moment.

Games draw their scenery right up to the top of the screen, so the prompt sits on a dark plate
(the world's plate colour) that keeps its text at WCAG AA contrast over any sky.
"""

from __future__ import annotations

import pygame

from balance_game.render.text import draw_text, wrap
from balance_game.render.theme import PANEL, TEXT, TEXT_DIM, Colour, Theme


def draw_hud(surface: pygame.Surface, theme: Theme, title: str, facts: list[str],
             prompt: str, plate: Colour | None = None) -> None:
    width = surface.get_width()
    bar = pygame.Rect(0, 0, width, theme.px(0.09))
    pygame.draw.rect(surface, PANEL, bar)
    font = theme.font("small")
    left = font.render(title, True, TEXT)
    surface.blit(left, left.get_rect(midleft=(theme.px(0.03), bar.centery)))
    right = font.render("   ".join(facts), True, TEXT_DIM)
    surface.blit(right, right.get_rect(midright=(width - theme.px(0.03), bar.centery)))
    top = bar.bottom + theme.px(0.015)
    if plate is not None and prompt:
        _prompt_plate(surface, theme, prompt, top, plate)
    draw_text(surface, theme, prompt, width // 2, top, "body", TEXT, bold=True)


def _prompt_plate(surface: pygame.Surface, theme: Theme, prompt: str, top: int,
                  colour: Colour) -> None:
    """A rounded plate just larger than the wrapped prompt."""
    font = theme.font("body", True)
    lines = wrap(font, prompt, int(surface.get_width() * 0.85))
    text_w = max(font.size(line)[0] for line in lines)
    pad = theme.px(0.015)
    rect = pygame.Rect(0, 0, text_w + 4 * pad, len(lines) * font.get_linesize() + pad)
    rect.midtop = (surface.get_width() // 2, top - pad // 2)
    pygame.draw.rect(surface, colour, rect, border_radius=theme.px(0.02))

"""The strip of facts above a game: level, trial count, score, time, and the prompt of the moment."""

from __future__ import annotations

import pygame

from balance_game.render.text import blit_text, draw_text, fitting_font
from balance_game.render.theme import PANEL, TEXT, TEXT_DIM, Theme


def draw_hud(surface: pygame.Surface, theme: Theme, title: str, facts: list[str],
             prompt: str) -> None:
    width = surface.get_width()
    font = theme.font("small")
    bar = pygame.Rect(0, 0, width, max(theme.px(0.09), font.get_height() + theme.px(0.01)))
    pygame.draw.rect(surface, PANEL, bar)
    right = blit_text(surface, theme, "   ".join(facts), font, TEXT_DIM,
                      midright=(width - theme.px(0.03), bar.centery))
    # the level's name gets what the facts leave (names run longer in some languages)
    room = width - right.width - 3 * theme.px(0.03)
    blit_text(surface, theme, title, fitting_font(theme, title, room, "small"), TEXT,
              midleft=(theme.px(0.03), bar.centery))
    # one line whatever the language: the game's picture starts right below it
    font = fitting_font(theme, prompt, int(width * 0.94), "body", bold=True)
    draw_text(surface, theme, prompt, width // 2, bar.bottom + theme.px(0.015), "body", TEXT,
              bold=True, width_px=int(width * 0.94), font=font)

"""The strip of facts above a game: level, trial count, score, time, and the prompt of the moment.

Games draw their scenery right up to the top of the screen, so the prompt sits on a dark plate
(the world's plate colour) that keeps its text at WCAG AA contrast over any sky.

The title sits left and the facts right on one line where they fit; on a narrow window or at a
large text size the title gets a line of its own above the facts, and shrinks (never below the
normal small size) only if even that line is too narrow, so nothing leaves the window.
"""

from __future__ import annotations

import pygame

from balance_game.render.text import blit_text, draw_text, fitting_font, wrap
from balance_game.render.theme import PANEL, TEXT, TEXT_DIM, Colour, Theme


def draw_hud(surface: pygame.Surface, theme: Theme, title: str, facts: list[str],
             prompt: str, plate: Colour | None = None) -> int:
    """Draw the strip and the prompt below it (on ``plate`` if given); returns the y just
    below the prompt."""
    width = surface.get_width()
    pad = theme.px(0.03)
    font = theme.font("small")
    line = font.get_linesize()
    fact_text = "   ".join(facts)
    fact_font = fitting_font(theme, fact_text, width - 2 * pad)
    one_line, bar_h = _bar(theme, width, title, facts)
    bar = pygame.Rect(0, 0, width, bar_h)
    pygame.draw.rect(surface, PANEL, bar)
    if one_line:
        blit_text(surface, theme, title, font, TEXT, midleft=(pad, bar.centery))
        blit_text(surface, theme, fact_text, fact_font, TEXT_DIM,
                  midright=(width - pad, bar.centery))
    else:
        title_font = fitting_font(theme, title, width - 2 * pad)
        blit_text(surface, theme, title, title_font, TEXT,
                  midleft=(pad, bar.top + theme.px(0.015) + line // 2))
        blit_text(surface, theme, fact_text, fact_font, TEXT_DIM,
                  midright=(width - pad, bar.bottom - theme.px(0.015) - line // 2))
    top = bar.bottom + theme.px(0.015)
    # one line in every language: the game's picture starts right below it
    font = fitting_font(theme, prompt, int(width * 0.85), "body", bold=True)
    if plate is not None and prompt:
        _prompt_plate(surface, theme, prompt, top, plate, font)
    return draw_text(surface, theme, prompt, width // 2, top, "body", TEXT, bold=True, font=font)


def _bar(theme: Theme, width: int, title: str, facts: list[str]) -> tuple[bool, int]:
    """Whether the title and the facts share one line, and the strip's height."""
    pad = theme.px(0.03)
    font = theme.font("small")
    line = font.get_linesize()
    fact_text = "   ".join(facts)
    fact_w = fitting_font(theme, fact_text, width - 2 * pad).size(fact_text)[0]
    one_line = font.size(title)[0] + fact_w + 3 * pad <= width
    return one_line, (line if one_line else 2 * line) + theme.px(0.03)


def hud_bottom(theme: Theme, width: int, title: str, facts: list[str]) -> int:
    """The y below which a game may draw its pictures: under the strip with these facts (the
    longest the game will show) and its one-line prompt on its plate, at this text size."""
    top = _bar(theme, width, title, facts)[1] + theme.px(0.015)
    return top + theme.font("body", bold=True).get_linesize() + theme.px(0.015)


def _prompt_plate(surface: pygame.Surface, theme: Theme, prompt: str, top: int,
                  colour: Colour, font: pygame.font.Font) -> None:
    """A rounded plate just larger than the wrapped prompt."""
    lines = wrap(font, prompt, int(surface.get_width() * 0.85))
    text_w = max(font.size(line)[0] for line in lines)
    pad = theme.px(0.015)
    rect = pygame.Rect(0, 0, text_w + 4 * pad, len(lines) * font.get_linesize() + pad)
    rect.midtop = (surface.get_width() // 2, top - pad // 2)
    pygame.draw.rect(surface, colour, rect, border_radius=theme.px(0.02))

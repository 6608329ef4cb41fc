"""Text on screen: wrapping and placing, with the theme's fonts."""

from __future__ import annotations

import pygame

from balance_game.render.theme import TEXT, Colour, Theme


def wrap(font: pygame.font.Font, text: str, width_px: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if font.size(candidate)[0] <= width_px or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def draw_text(surface: pygame.Surface, theme: Theme, text: str, centre_x: int, top: int,
              role: str = "body", colour: Colour = TEXT, bold: bool = False,
              width_px: int | None = None) -> int:
    """Draw centred, wrapped text; returns the y just below it."""
    font = theme.font(role, bold)
    width_px = width_px or int(surface.get_width() * 0.85)
    y = top
    for line in theme.texts.lines(font, text, width_px):
        image = theme.texts.image(font, line, colour)
        surface.blit(image, image.get_rect(midtop=(centre_x, y)))
        y += font.get_linesize()
    return y

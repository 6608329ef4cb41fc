"""Text on screen: wrapping and placing, with the theme's fonts."""

from __future__ import annotations

from typing import Any

import pygame

from balance_game.render.theme import SIZES, TEXT, Colour, Theme


def _pieces(font: pygame.font.Font, word: str, width_px: int) -> list[str]:
    """A word too long for a line (a German compound at the largest text size) in pieces that
    fit, each but the last ending in a hyphen."""
    pieces: list[str] = []
    while font.size(word)[0] > width_px and len(word) > 1:
        cut = len(word) - 1
        while cut > 1 and font.size(word[:cut] + "-")[0] > width_px:
            cut -= 1
        pieces.append(word[:cut] + "-")
        word = word[cut:]
    return [*pieces, word]


def wrap(font: pygame.font.Font, text: str, width_px: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in (p for w in paragraph.split() for p in _pieces(font, w, width_px)):
            candidate = f"{line} {word}".strip()
            if font.size(candidate)[0] <= width_px or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def blit_text(surface: pygame.Surface, theme: Theme, text: str, font: pygame.font.Font,
              colour: Colour, **anchor: Any) -> pygame.Rect:
    """Draw one line of text placed by a pygame.Rect anchor (``midleft=(x, y)``...); every line
    of text on screen goes through here (or blit_label), so a layout test can see where each
    one landed."""
    return _blit(surface, theme, text, font, colour, None, anchor)


def blit_label(surface: pygame.Surface, theme: Theme, text: str, font: pygame.font.Font,
               colour: Colour, on: str, **anchor: Any) -> pygame.Rect:
    """blit_text for a label drawn deliberately on the picture named ``on`` (a caption inside
    a gauge's plate): the layout test lets it lie on that picture and no other."""
    return _blit(surface, theme, text, font, colour, on, anchor)


def _blit(surface: pygame.Surface, theme: Theme, text: str, font: pygame.font.Font,
          colour: Colour, on: str | None, anchor: dict[str, Any]) -> pygame.Rect:
    image = theme.texts.image(font, text, colour)
    rect = image.get_rect(**anchor)
    surface.blit(image, rect)
    theme.note_text(surface, rect, text, on)
    return rect


def lines_height(theme: Theme, text: str, width_px: int, role: str = "body",
                 bold: bool = False) -> int:
    """How tall ``draw_text`` will make ``text`` when wrapped to ``width_px``."""
    font = theme.font(role, bold)
    return len(wrap(font, text, width_px)) * font.get_linesize()


def draw_text(surface: pygame.Surface, theme: Theme, text: str, centre_x: int, top: int,
              role: str = "body", colour: Colour = TEXT, bold: bool = False,
              width_px: int | None = None, font: pygame.font.Font | None = None,
              max_height: int | None = None) -> int:
    """Draw centred, wrapped text (in ``font``, else the role's); returns the y just below it.

    With ``max_height`` the lines that do not fit are left out and the last shown ends in "…"
    (screens that cut text also speak it whole).
    """
    font = font or theme.font(role, bold)
    width_px = width_px or int(surface.get_width() * 0.85)
    lines = list(theme.texts.lines(font, text, width_px))  # a copy: the last line may be cut
    if max_height is not None and len(lines) * font.get_linesize() > max_height:
        lines = lines[: max(1, max_height // font.get_linesize())]
        lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    y = top
    for line in lines:
        blit_text(surface, theme, line, font, colour, midtop=(centre_x, y))
        y += font.get_linesize()
    return y


def font_for_height(theme: Theme, text: str, width_px: int, height_px: int,
                    role: str = "small") -> pygame.font.Font:
    """The role's font, or a smaller size of it (never below the normal text size's "small"),
    so that ``text`` wrapped to ``width_px`` fits in ``height_px`` where it can: the last resort
    of a layout at the largest text size on a small window."""
    font = theme.font(role)
    size, floor = font.get_height(), round(theme.base_px * SIZES["small"])
    while len(wrap(font, text, width_px)) * font.get_linesize() > height_px and size > floor:
        size = max(floor, int(size * 0.9))
        font = theme.sized(size, bold=False)
    return font


def fitting_font(theme: Theme, text: str, width_px: int, role: str = "small",
                 bold: bool = False) -> pygame.font.Font:
    """The role's font, or a smaller size of the same face when ``text`` would not fit."""
    font = theme.font(role, bold)
    size = font.get_height()
    while font.size(text)[0] > width_px and size > 10:
        size = int(size * 0.85)
        font = theme.sized(size, bold)
    return font

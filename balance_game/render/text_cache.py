"""Rendered text kept between frames: most of a screen's words are the same every frame.

Rendering a line of anti-aliased text and wrapping a paragraph (a width measurement per word)
cost more than the rest of the heads-up strip, and the title, facts and prompt change only a few
times a minute. The cache is bounded (least recently used lines go first) and keyed by the font
object itself, so a new text size can never be served an old image.
"""

from __future__ import annotations

from typing import Any

import pygame

LIMIT = 256  # lines and paragraphs kept; a screen shows a few dozen at most


class TextCache:
    def __init__(self) -> None:
        self._images: dict[tuple[Any, ...], pygame.Surface] = {}
        self._lines: dict[tuple[Any, ...], list[str]] = {}

    def image(self, font: pygame.font.Font, text: str, colour: tuple[int, int, int]) -> pygame.Surface:
        """``font.render(text, True, colour)``, rendered once while it keeps being asked for."""
        return _kept(self._images, (font, text, colour), lambda: font.render(text, True, colour))

    def lines(self, font: pygame.font.Font, text: str, width_px: int) -> list[str]:
        """``text`` wrapped to ``width_px`` (see ``render.text.wrap``), wrapped once."""
        from balance_game.render.text import wrap

        return _kept(self._lines, (font, text, width_px), lambda: wrap(font, text, width_px))

    def clear(self) -> None:
        self._images.clear()
        self._lines.clear()


def _kept(store: dict, key: tuple[Any, ...], make):
    value = store.pop(key, None)
    if value is None:
        value = make()
        if len(store) >= LIMIT:
            del store[next(iter(store))]  # the least recently used
    store[key] = value  # (re)inserted last: the most recently used
    return value

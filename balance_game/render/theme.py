"""Colours and type: high contrast, colour-blind safe, sized from the screen height.

Text uses Atkinson Hyperlegible (Braille Institute, SIL OFL, shipped in assets/fonts), designed
for low vision. Sizes are fractions of the screen height so every resolution reads the same;
body text is 5 % of the height. Colours come from the Okabe-Ito palette, which stays distinct
for the common colour-vision deficiencies, and nothing is told by colour alone (shapes and
words carry the same meaning).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pygame

from balance_game.render.text_cache import TextCache
from balance_game.resources import assets_dir

Colour = tuple[int, int, int]

BACKGROUND: Colour = (16, 20, 24)
PANEL: Colour = (34, 40, 48)
TEXT: Colour = (255, 255, 255)
TEXT_DIM: Colour = (214, 220, 226)
ACCENT: Colour = (240, 228, 66)  # Okabe-Ito yellow: targets, highlights
PLAYER: Colour = (86, 180, 233)  # sky blue: the player's marker
GOOD: Colour = (0, 158, 115)  # bluish green
WARN: Colour = (230, 159, 0)  # orange
BAD: Colour = (213, 94, 0)  # vermillion
OUTLINE: Colour = (150, 160, 170)

TEXT_PAIRS: tuple[tuple[Colour, Colour], ...] = (
    (TEXT, BACKGROUND), (TEXT_DIM, BACKGROUND), (TEXT, PANEL), (TEXT_DIM, PANEL),
    (ACCENT, BACKGROUND), (ACCENT, PANEL), (BACKGROUND, ACCENT),
)

SIZES = {"title": 0.11, "heading": 0.075, "body": 0.05, "small": 0.04}


@dataclass
class Theme:
    height_px: int
    text_scale: float = 1.0
    _fonts: dict[tuple[str, bool], pygame.font.Font] = field(default_factory=dict)
    texts: TextCache = field(default_factory=TextCache)  # rendered lines, reused across frames

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        key = (role, bold)
        if key not in self._fonts:
            size = max(12, round(self.height_px * SIZES[role] * self.text_scale))
            self._fonts[key] = pygame.font.Font(_font_file(bold), size)
        return self._fonts[key]

    def set_scale(self, text_scale: float) -> None:
        self.text_scale = text_scale
        self._fonts.clear()
        self.texts.clear()

    def px(self, fraction: float) -> int:
        """A length as a fraction of the screen height."""
        return max(1, round(self.height_px * fraction))


def _font_file(bold: bool) -> Path:
    name = "AtkinsonHyperlegible-Bold.ttf" if bold else "AtkinsonHyperlegible-Regular.ttf"
    return assets_dir() / "fonts" / name

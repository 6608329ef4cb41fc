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
# The think-and-lean game's colour items, Okabe-Ito, by the names its rules use. Each is also
# labelled with its name, so a colour rule can be played without telling the colours apart.
ITEM_COLOURS: dict[str, Colour] = {
    "blue": (0, 114, 178),
    "orange": WARN,
    "green": GOOD,
    "yellow": ACCENT,
    "purple": (204, 121, 167),  # reddish purple
}

TEXT_PAIRS: tuple[tuple[Colour, Colour], ...] = (
    (TEXT, BACKGROUND), (TEXT_DIM, BACKGROUND), (TEXT, PANEL), (TEXT_DIM, PANEL),
    (ACCENT, BACKGROUND), (ACCENT, PANEL), (BACKGROUND, ACCENT),
)

SIZES = {"title": 0.11, "heading": 0.075, "body": 0.05, "small": 0.04}
# The largest share of the screen a role may take at any text size: titles are large already,
# so the text-size setting enlarges what is read (body, small) more than what is glanced at.
MAX_SIZES = {"title": 0.14, "heading": 0.1, "body": 0.1, "small": 0.08}


@dataclass(frozen=True)
class TextBox:
    """Where a piece of text was drawn, kept when the theme keeps a layout log (layout tests).

    ``on`` names the picture the text is drawn on deliberately (a gauge's caption inside its
    plate, a word inside a target): only that picture may lie under it.
    """

    surface: pygame.Surface
    rect: pygame.Rect
    text: str
    on: str | None = None


@dataclass(frozen=True)
class PictureBox:
    """Where one of the task's pictures was drawn (a maze, a plot, the feet, a gauge): text
    that does not belong to it must stay off it. Scenery behind everything is not a picture."""

    surface: pygame.Surface
    rect: pygame.Rect
    name: str


LayoutBox = TextBox | PictureBox


@dataclass
class Theme:
    """Fonts and lengths for one window.

    Lengths are fractions of the window's height, or of three quarters of its width when that is
    smaller (a portrait or narrow window), so text keeps its proportions on any shape of screen.
    """

    height_px: int
    text_scale: float = 1.0
    width_px: int | None = None
    layout_log: list[LayoutBox] | None = None  # records every text and picture box (tests)
    calm: bool = False  # the player's "calm" setting: no motion that is not part of the task
    _fonts: dict[tuple[str, bool], pygame.font.Font] = field(default_factory=dict)
    texts: TextCache = field(default_factory=TextCache)  # rendered lines, reused across frames

    @classmethod
    def for_window(cls, size: tuple[int, int], text_scale: float = 1.0) -> Theme:
        return cls(size[1], text_scale, size[0])

    @property
    def base_px(self) -> int:
        if self.width_px is None:
            return self.height_px
        return min(self.height_px, self.width_px * 3 // 4)

    def font(self, role: str = "body", bold: bool = False) -> pygame.font.Font:
        key = (role, bold)
        if key not in self._fonts:
            share = min(SIZES[role] * self.text_scale, MAX_SIZES[role])
            size = max(12, round(self.base_px * share))
            self._fonts[key] = pygame.font.Font(_font_file(bold), size)
        return self._fonts[key]

    def sized(self, size_px: int, bold: bool = True) -> pygame.font.Font:
        """The theme's typeface at a pixel size a layout computed (keys of an on-screen keyboard)."""
        key = (f"px{size_px}", bold)
        if key not in self._fonts:
            self._fonts[key] = pygame.font.Font(_font_file(bold), max(8, size_px))
        return self._fonts[key]

    def set_scale(self, text_scale: float) -> None:
        self.text_scale = text_scale
        self._fonts.clear()
        self.texts.clear()

    def px(self, fraction: float) -> int:
        """A length as a fraction of the screen's base length (its height, on a wide screen)."""
        return max(1, round(self.base_px * fraction))

    def note_text(self, surface: pygame.Surface, rect: pygame.Rect, text: str,
                  on: str | None = None) -> None:
        if self.layout_log is not None:
            self.layout_log.append(TextBox(surface, rect.copy(), text, on))

    def note_picture(self, surface: pygame.Surface, rect: pygame.Rect, name: str) -> None:
        """One of the task's pictures now covers ``rect`` (see PictureBox)."""
        if self.layout_log is not None:
            self.layout_log.append(PictureBox(surface, rect.copy(), name))

    def note_cover(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """An opaque layer now hides ``rect``: text drawn under it no longer counts as shown."""
        if self.layout_log is not None:
            self.layout_log[:] = [b for b in self.layout_log
                                  if b.surface is not surface or not b.rect.colliderect(rect)]


def _font_file(bold: bool) -> Path:
    name = "AtkinsonHyperlegible-Bold.ttf" if bold else "AtkinsonHyperlegible-Regular.ttf"
    return assets_dir() / "fonts" / name

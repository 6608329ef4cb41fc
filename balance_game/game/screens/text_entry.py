"""Typing a name with whatever is at hand: an on-screen keyboard for the board, pad and mouse.

Leaning moves the highlight over the keys (forward/back between rows, sideways along a row) and
standing still presses the highlighted key; a gamepad's pad and A, the arrow keys and Enter, or a
mouse click do the same. A physical keyboard simply types: while this screen is up every letter
is text (the loop never turns "h" into Help), and after typing the highlight waits on "Done" so
Enter finishes. Letters start a word in capitals by themselves; "Shift" changes the next letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from balance_game.core.lean_navigation import LeanNavigator
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.game.screens.menu import choose_hint, draw_dwell_ring
from balance_game.i18n import N_, _
from balance_game.render.text import draw_text
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    OUTLINE,
    PANEL,
    TEXT,
    TEXT_DIM,
    Colour,
    Theme,
)

if TYPE_CHECKING:
    import pygame

LETTER_ROWS = ("abcdefg", "hijklmn", "opqrstu", "vwxyz-'", "äöüßñéá")
SHIFT, SPACE, DELETE, DONE, CANCEL = (N_("Shift"), N_("Space"), N_("Delete"), N_("Done"),
                                      N_("Back"))
COMMAND_ROW = (SHIFT, SPACE, DELETE, DONE, CANCEL)
ROWS: tuple[tuple[str, ...], ...] = (*(tuple(r) for r in LETTER_ROWS), COMMAND_ROW)
WORD_BREAKS = " -'"

Finish = Callable[[GameContext, SceneStack, str], None]


def allowed(text: str) -> str:
    """``text`` without control, formatting (bidi overrides) or separator-line characters."""
    return "".join(c for c in text if unicodedata.category(c)[0] not in "CZ" or c == " ")


class TextEntryScene(Scene):
    takes_text = True  # the loop hands every typed letter to this screen, never to a shortcut

    def __init__(self, prompt: str, finish: Finish, max_length: int = 40) -> None:
        self.prompt = prompt
        self.finish = finish
        self.max_length = max_length
        self.text = ""
        self.shift = False
        self.row, self.col = 0, 0
        self.nav = LeanNavigator("grid")
        self._key_rects: list[tuple[pygame.Rect, int, int]] = []

    def enter(self, ctx: GameContext) -> None:
        self.nav = LeanNavigator("grid")
        ctx.say(self.prompt)

    # --- input ---------------------------------------------------------------------------
    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("up", "down"):
            self._move_row(-1 if action == "up" else 1)
        elif action in ("left", "right"):
            step = -1 if action == "left" else 1
            self.col = max(0, min(len(ROWS[self.row]) - 1, self.col + step))
        elif action == "confirm":
            self.press(ROWS[self.row][self.col], ctx, stack)
        elif action == "back":
            self.press(DELETE if self.text else CANCEL, ctx, stack)

    def handle_event(self, ctx: GameContext, event: Any, stack: SceneStack) -> None:
        import pygame

        if event.type == pygame.TEXTINPUT:
            self.type_text(event.text)
        elif event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            for rect, row, col in self._key_rects:
                if rect.collidepoint(event.pos):
                    self.row, self.col = row, col
                    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                        self.press(ROWS[row][col], ctx, stack)
                    return

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        if ctx.leaning_input:
            action = self.nav.update(ctx.frame.axes, dt_s)
            if action:
                self.handle_action(ctx, action, stack)

    def _move_row(self, step: int) -> None:
        """Up and down keep the same place across rows of different lengths."""
        new_row = max(0, min(len(ROWS) - 1, self.row + step))
        if new_row != self.row:
            share = (self.col + 0.5) / len(ROWS[self.row])
            self.col = min(len(ROWS[new_row]) - 1, int(share * len(ROWS[new_row])))
            self.row = new_row

    # --- editing -------------------------------------------------------------------------
    def type_text(self, typed: str) -> None:
        """Text from a physical keyboard, as typed (its own capitals); then wait on "Done"."""
        self.text = (self.text + allowed(typed))[: self.max_length]
        self.row, self.col = len(ROWS) - 1, COMMAND_ROW.index(DONE)

    def press(self, key: str, ctx: GameContext, stack: SceneStack) -> None:
        if key == SHIFT:
            self.shift = not self.shift
        elif key == SPACE:
            self._add(" ")
        elif key == DELETE:
            self.text = self.text[:-1]
        elif key == DONE:
            if self.text.strip():
                stack.pop()
                self.finish(ctx, stack, self.text.strip())
        elif key == CANCEL:
            stack.pop()
        else:
            self._add(self._letter(key))
            self.shift = False

    def _letter(self, key: str) -> str:
        capital = not self.text or self.text[-1] in WORD_BREAKS
        return key.upper() if capital != self.shift else key

    def _add(self, text: str) -> None:
        self.text = (self.text + text)[: self.max_length]

    # --- drawing -------------------------------------------------------------------------
    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        import pygame

        theme = ctx.theme
        width, height = surface.get_size()
        surface.fill(BACKGROUND)
        y = draw_text(surface, theme, self.prompt, width // 2, theme.px(0.03), "heading", ACCENT,
                      bold=True)
        font = theme.font("body", bold=True)
        field = pygame.Rect(0, 0, int(width * 0.8), font.get_linesize() + theme.px(0.02))
        field.midtop = (width // 2, y + theme.px(0.01))
        pygame.draw.rect(surface, PANEL, field, border_radius=theme.px(0.01))
        pygame.draw.rect(surface, OUTLINE, field, 2, border_radius=theme.px(0.01))
        shown = self.text + "|"
        while font.size(shown)[0] > field.width - theme.px(0.04) and len(shown) > 1:
            shown = shown[1:]  # keep the end (where the typing is) in view
        image = font.render(shown, True, TEXT)
        surface.blit(image, image.get_rect(midleft=(field.left + theme.px(0.02), field.centery)))
        hint_h = theme.font("small").get_linesize() * 2
        self._draw_keys(surface, ctx, pygame.Rect(int(width * 0.05), field.bottom + theme.px(0.02),
                                                  int(width * 0.9),
                                                  height - field.bottom - theme.px(0.03) - hint_h))
        draw_text(surface, theme, choose_hint(ctx.source.kind), width // 2,
                  height - hint_h, "small", TEXT_DIM)

    def _draw_keys(self, surface: pygame.Surface, ctx: GameContext, area: pygame.Rect) -> None:
        import pygame

        gap = max(2, area.height // 60)
        row_h = (area.height - gap * (len(ROWS) - 1)) // len(ROWS)
        self._key_rects = []
        for r, keys in enumerate(ROWS):
            key_w = (area.width - gap * (len(keys) - 1)) // len(keys)
            for c, key in enumerate(keys):
                rect = pygame.Rect(area.left + c * (key_w + gap), area.top + r * (row_h + gap),
                                   key_w, row_h)
                self._key_rects.append((rect, r, c))
                chosen = (r, c) == (self.row, self.col)
                on = chosen or (key == SHIFT and self.shift)
                pygame.draw.rect(surface, ACCENT if on else PANEL, rect, border_radius=gap * 2)
                colour = BACKGROUND if on else TEXT
                label = _(key) if r == len(ROWS) - 1 else self._letter(key)
                _draw_label(surface, ctx.theme, label, rect, colour)
                if chosen and ctx.leaning_input:
                    radius = min(rect.height, rect.width) // 5
                    draw_dwell_ring(surface, (rect.right - radius - gap, rect.top + radius + gap),
                                    radius, self.nav.dwell_fraction, colour)


def _draw_label(surface: pygame.Surface, theme: Theme, label: str, rect: pygame.Rect,
                colour: Colour) -> None:
    """The key's label as large as the key allows (long command words shrink to fit)."""
    size = int(rect.height * 0.6)
    font = theme.sized(size)
    while font.size(label)[0] > rect.width * 0.9 and size > 10:
        size = int(size * 0.85)
        font = theme.sized(size)
    image = font.render(label, True, colour)
    surface.blit(image, image.get_rect(center=rect.center))

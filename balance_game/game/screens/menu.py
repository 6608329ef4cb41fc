"""Menus that work with keys, a gamepad, the mouse, or by leaning and holding still.

The lean rules are pure (``core/lean_navigation.py``); here they meet the screen: the highlight
never wraps around (so a lean past the last item cannot land on a different one), a large ring on
the highlighted item fills while the player stands still, every screen that can be left has a
"Back" item, and the line at the bottom says how to choose with the device in use.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from balance_game.core.lean_navigation import Layout, LeanNavigator
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.i18n import _, ngettext
from balance_game.render.text import (
    blit_text,
    draw_text,
    fitting_font,
    font_for_height,
    lines_height,
)
from balance_game.render.theme import ACCENT, BACKGROUND, PANEL, TEXT, TEXT_DIM

if TYPE_CHECKING:
    import pygame


def choose_hint(kind: str, layout: Layout = "vertical") -> str:
    """How to move and choose with this kind of input, in words."""
    if kind in ("board", "sim", "replay"):
        if layout == "horizontal":
            return _("Lean left or right to move  ·  stand still to choose")
        if layout == "grid":
            return _("Lean to move  ·  stand still to choose")
        return _("Lean forward or back to move  ·  stand still to choose")
    if kind == "gamepad":
        return _("Stick or pad to move  ·  A to choose  ·  B to go back")
    if kind == "mouse":
        return _("Point at an item and click to choose  ·  Esc to go back")
    return _("Arrow keys to move  ·  Enter to choose  ·  Esc to go back")


@dataclass(frozen=True)
class MenuItem:
    label: str
    choose: Callable[[GameContext, SceneStack], None]
    detail: str = ""


class MenuScene(Scene):
    """A titled vertical list of items."""

    title = ""
    subtitle = ""
    arm_on_enter = False  # the first item is safe to take by standing still, without a lean first
    layout: Layout = "vertical"
    extra_beside = False  # on a wide screen, draw the screen's own picture beside the list
    back_item = True  # offer "Back" as the last item (screens that cannot be left say False)

    def __init__(self) -> None:
        self.items: list[MenuItem] = []
        self.index = 0
        self.nav = LeanNavigator(self.layout)
        self._item_rects: list[Any] = []

    def build(self, ctx: GameContext) -> list[MenuItem]:
        """The items of this menu; every menu screen says what it offers."""
        raise NotImplementedError(f"{type(self).__name__} must build its items")

    def enter(self, ctx: GameContext) -> None:
        self.items = self.build(ctx)
        if self.back_item:
            self.items.append(MenuItem(_("Back"), self.on_back))
        self.index = min(self.index, len(self.items) - 1)
        self.nav = LeanNavigator(self.layout, armed=self.arm_on_enter)

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        stack.pop()

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("up", "left"):
            self.index = max(0, self.index - 1)  # no wrap-around: the ends stay put
        elif action in ("down", "right"):
            self.index = min(len(self.items) - 1, self.index + 1)
        elif action == "confirm":
            self.items[self.index].choose(ctx, stack)
        elif action == "back":
            self.on_back(ctx, stack)

    def handle_event(self, ctx: GameContext, event: Any, stack: SceneStack) -> None:
        import pygame

        if event.type not in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            return
        for i, rect in enumerate(self._item_rects):
            if rect.collidepoint(event.pos):
                self.index = i
                if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                    self.items[i].choose(ctx, stack)
                return

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        if not ctx.leaning_input:
            return
        action = self.nav.update(ctx.frame.axes, dt_s)
        if action:
            self.handle_action(ctx, action, stack)

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        """Room a screen wants below its list for a picture of its own (0: none)."""
        return 0

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Draw that picture inside ``area`` (only called when there was room for it)."""

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """Title, choices, the screen's own picture and the hint, placed so none covers another:
        the hint sits at the bottom, the list shows as many rows as fit (with markers when it
        scrolls), and the picture goes beside the list on a wide screen (``extra_beside``) or
        below it, getting what is left, or left out when too little is."""
        import pygame

        theme = ctx.theme
        width, height = surface.get_size()
        surface.fill(BACKGROUND)
        margin = theme.px(0.02)
        hint = choose_hint(ctx.source.kind, self.layout)
        hint_top = height - margin - lines_height(theme, hint, int(width * 0.9), "small")
        draw_text(surface, theme, hint, width // 2, hint_top, "small", TEXT_DIM,
                  width_px=int(width * 0.9))
        y = draw_text(surface, theme, self.title, width // 2, margin, "title", ACCENT, bold=True,
                      width_px=int(width * 0.9))
        column = pygame.Rect(int(width * 0.05), y, int(width * 0.9), hint_top - margin - y)
        wanted = self.extra_height(ctx, (width, height))
        if wanted and self.extra_beside and width >= 1.25 * height:
            column.width = int(width * 0.52)
            self.draw_extra(ctx, surface, pygame.Rect(column.right + margin, y, int(width * 0.95)
                                                      - column.right - margin, column.height))
            wanted = 0
        self._draw_choices(surface, ctx, column, wanted)

    def _draw_choices(self, surface: pygame.Surface, ctx: GameContext, column: pygame.Rect,
                      wanted: int) -> None:
        import pygame

        theme = ctx.theme
        margin = theme.px(0.02)
        row_h = int(theme.font("body", bold=True).get_linesize() * 1.25)
        marker_h = theme.font("small").get_linesize()
        y = column.top
        # keep room for two rows, or for one row and the "more" markers of a scrolling list
        keep = max(2 * row_h, row_h + 2 * marker_h) if len(self.items) > 2 else 2 * row_h
        room = column.height - keep - 2 * margin
        if self.subtitle and room >= marker_h:  # no room for the words: the choices come first
            font = font_for_height(theme, self.subtitle, column.width, room)
            y = draw_text(surface, theme, self.subtitle, column.centerx, y, colour=TEXT_DIM,
                          width_px=column.width, font=font, max_height=max(room, 1))
        room = column.bottom - y - margin
        if self.layout == "horizontal":
            used = self._draw_row(surface, ctx, pygame.Rect(column.left, y + margin, column.width,
                                                           room))
        else:
            rows = min(len(self.items), max(1, room // row_h))
            if rows < len(self.items):  # it scrolls: keep a line above and below for markers
                rows = max(1, min(rows, (room - 2 * marker_h) // row_h))
            used = rows * row_h + (2 * marker_h if rows < len(self.items) else 0)
            self._draw_list(surface, ctx, pygame.Rect(column.left, y + margin, column.width,
                                                      used), rows, row_h)
        spare = room - used - margin
        if wanted and spare >= wanted // 2:
            self.draw_extra(ctx, surface, pygame.Rect(column.left, column.bottom - min(wanted, spare),
                                                      column.width, min(wanted, spare)))

    def _draw_row(self, surface: pygame.Surface, ctx: GameContext, area: pygame.Rect) -> int:
        """Items side by side (a scale such as 0 to 10), the chosen one's words large below."""
        import pygame

        theme = ctx.theme
        gap = theme.px(0.01)
        box_w = (area.width - gap * (len(self.items) - 1)) // len(self.items)
        box_h = int(theme.font("body", bold=True).get_linesize() * 1.6)
        self._item_rects = []
        for i, item in enumerate(self.items):
            rect = pygame.Rect(area.left + i * (box_w + gap), area.top, box_w, box_h)
            self._item_rects.append(rect)
            chosen = i == self.index
            pygame.draw.rect(surface, ACCENT if chosen else PANEL, rect, border_radius=gap)
            colour = BACKGROUND if chosen else TEXT
            font = fitting_font(theme, item.label, box_w - gap, "body", bold=True)
            blit_text(surface, theme, item.label, font, colour, center=rect.center)
            if chosen and self.nav.dwell_fraction > 0:
                draw_dwell_ring(surface, (rect.centerx, rect.bottom + box_h // 3), box_h // 4,
                                self.nav.dwell_fraction, ACCENT)
        current = self.items[self.index]
        words_top = area.top + box_h + box_h * 2 // 3
        if area.bottom - words_top < theme.font("heading", bold=True).get_linesize():
            return words_top - area.top  # no room for the words: the number alone is shown
        bottom = draw_text(surface, theme, current.detail or current.label, area.centerx, words_top,
                           "heading", ACCENT, bold=True, width_px=area.width,
                           max_height=area.bottom - words_top)
        return bottom - area.top

    def _draw_list(self, surface: pygame.Surface, ctx: GameContext, area: pygame.Rect, rows: int,
                   row_h: int) -> None:
        import pygame

        theme = ctx.theme
        scrolling = rows < len(self.items)
        first = max(0, min(self.index - rows // 2, len(self.items) - rows))
        marker_h = theme.font("small").get_linesize() if scrolling else 0
        self._item_rects = [pygame.Rect(0, 0, 0, 0)] * len(self.items)
        for i in range(first, first + rows):
            rect = pygame.Rect(0, 0, int(area.width * 0.8), row_h - theme.px(0.012))
            rect.midtop = (area.centerx, area.top + marker_h + (i - first) * row_h)
            self._item_rects[i] = rect
            self._draw_item(surface, ctx, self.items[i], rect, i == self.index)
        if scrolling:
            _draw_more(surface, ctx, (area.centerx, area.top), first, up=True)
            _draw_more(surface, ctx, (area.centerx, area.bottom - marker_h),
                       len(self.items) - first - rows, up=False)

    def _draw_item(self, surface: pygame.Surface, ctx: GameContext, item: MenuItem,
                   rect: pygame.Rect, selected: bool) -> None:
        import pygame

        theme = ctx.theme
        pygame.draw.rect(surface, ACCENT if selected else PANEL, rect,
                         border_radius=theme.px(0.015))
        colour = BACKGROUND if selected else TEXT
        ring_r = rect.height * 3 // 8
        label_x = rect.left + theme.px(0.02)
        if selected:
            draw_dwell_ring(surface, (label_x + ring_r, rect.centery), ring_r,
                            self.nav.dwell_fraction, colour)
            label_x += 2 * ring_r + theme.px(0.02)
        font = fitting_font(theme, item.label, rect.right - label_x - theme.px(0.02), "body", True)
        label = blit_text(surface, theme, item.label, font, colour, midleft=(label_x, rect.centery))
        if item.detail:
            small = theme.font("small")
            if small.size(item.detail)[0] < rect.right - label.right - theme.px(0.06):
                blit_text(surface, theme, item.detail, small, colour,
                          midright=(rect.right - theme.px(0.03), rect.centery))


def _draw_more(surface: pygame.Surface, ctx: GameContext, midtop: tuple[int, int], count: int,
               up: bool) -> None:
    """"▲ 3 more" above a scrolled list (or ▼ below), so a person sees that the list goes on."""
    import pygame

    if count <= 0:
        return
    theme = ctx.theme
    font = theme.font("small")
    text = ngettext("{n} more", "{n} more", count).format(n=count)
    rect = blit_text(surface, theme, text, font, TEXT_DIM,
                     midtop=(midtop[0] + font.get_linesize() // 2, midtop[1]))
    size = font.get_linesize() // 3
    x, y = rect.left - size * 2, rect.centery
    tip, base = (y - size, y + size) if up else (y + size, y - size)
    pygame.draw.polygon(surface, TEXT_DIM, [(x, tip), (x - size, base), (x + size, base)])


def draw_dwell_ring(surface: pygame.Surface, centre: tuple[int, int], radius: int,
                    fraction: float, colour: tuple[int, int, int]) -> None:
    """The highlighted item's marker: an open ring that fills clockwise while the player stands
    still, so "hold still to choose" is seen, not only read."""
    import pygame

    width = max(3, radius // 3)
    pygame.draw.circle(surface, colour, centre, radius, max(2, width // 3))
    if fraction <= 0:
        return
    box = pygame.Rect(0, 0, 2 * radius, 2 * radius)
    box.center = centre
    start = math.pi / 2 - 2 * math.pi * fraction  # from twelve o'clock, clockwise
    pygame.draw.arc(surface, colour, box, start, math.pi / 2, width)
    if fraction >= 1:
        pygame.draw.circle(surface, colour, centre, radius - width)

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
from balance_game.i18n import _
from balance_game.render.text import draw_text
from balance_game.render.theme import ACCENT, BACKGROUND, PANEL, TEXT, TEXT_DIM

if TYPE_CHECKING:
    import pygame


def choose_hint(kind: str) -> str:
    """How to move and choose with this kind of input, in words."""
    if kind in ("board", "sim", "replay"):
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
    bottom_reserve = 0.16  # share of the screen height kept free below the list
    layout: Layout = "vertical"
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

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        import pygame

        theme = ctx.theme
        width, height = surface.get_size()
        surface.fill(BACKGROUND)
        y = draw_text(surface, theme, self.title, width // 2, theme.px(0.06), "title", ACCENT,
                      bold=True)
        if self.subtitle:
            y = draw_text(surface, theme, self.subtitle, width // 2, y, "small", TEXT_DIM)
        font = theme.font("body", bold=True)
        row_h = int(font.get_linesize() * 1.5)
        visible = max(1, (height - y - theme.px(self.bottom_reserve)) // row_h)
        first = max(0, min(self.index - visible // 2, len(self.items) - visible))
        self._item_rects = [pygame.Rect(0, 0, 0, 0)] * len(self.items)
        top = y + theme.px(0.03)
        for i in range(first, min(len(self.items), first + visible)):
            rect = pygame.Rect(0, 0, int(width * 0.7), row_h - theme.px(0.012))
            rect.midtop = (width // 2, top + (i - first) * row_h)
            self._item_rects[i] = rect
            self._draw_item(surface, ctx, self.items[i], rect, i == self.index)
        self._draw_hint(surface, ctx)

    def _draw_item(self, surface: pygame.Surface, ctx: GameContext, item: MenuItem,
                   rect: pygame.Rect, selected: bool) -> None:
        import pygame

        theme = ctx.theme
        pygame.draw.rect(surface, ACCENT if selected else PANEL, rect,
                         border_radius=theme.px(0.015))
        colour = BACKGROUND if selected else TEXT
        font = theme.font("body", bold=True)
        ring_r = rect.height * 3 // 8
        label_x = rect.left + theme.px(0.03)
        if selected:
            draw_dwell_ring(surface, (label_x + ring_r, rect.centery), ring_r,
                            self.nav.dwell_fraction, colour)
            label_x += 2 * ring_r + theme.px(0.02)
        image = font.render(item.label, True, colour)
        surface.blit(image, image.get_rect(midleft=(label_x, rect.centery)))
        if item.detail:
            small = theme.font("small").render(item.detail, True, colour)
            surface.blit(small, small.get_rect(midright=(rect.right - theme.px(0.03),
                                                          rect.centery)))

    def _draw_hint(self, surface: pygame.Surface, ctx: GameContext) -> None:
        width, height = surface.get_size()
        draw_text(surface, ctx.theme, choose_hint(ctx.source.kind), width // 2,
                  height - ctx.theme.px(0.09), "small", TEXT_DIM)


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

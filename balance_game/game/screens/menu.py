"""Menus that work with keys, a gamepad, the mouse, or by leaning and holding still.

Leaning forward or back moves the highlight one item (return to the middle before the next
move); holding still in the middle for DWELL_S then chooses it. Standing still alone never
chooses anything: the menu arms only after the player has leaned at least once, so nobody
is rushed and nothing happens by accident. There is no time pressure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from balance_game.core.control import Axes
from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.render.text import draw_text
from balance_game.render.theme import ACCENT, BACKGROUND, PANEL, TEXT, TEXT_DIM

if TYPE_CHECKING:
    import pygame

DWELL_S = 1.5
MOVE_LEAN = 0.45
STILL_LEAN = 0.15


@dataclass
class LeanNavigator:
    """Pure lean-to-menu logic: returns "up", "down", "confirm" or None for each step."""

    armed: bool = False
    latched: bool = False
    dwell_s: float = 0.0

    @property
    def dwell_fraction(self) -> float:
        return min(1.0, self.dwell_s / DWELL_S) if self.armed else 0.0

    def update(self, axes: Axes, dt_s: float) -> str | None:
        lean = max(abs(axes.lean_x), abs(axes.lean_y))
        if lean >= MOVE_LEAN:
            self.dwell_s = 0.0
            if self.latched:
                return None
            self.latched = self.armed = True
            forward = axes.lean_y if abs(axes.lean_y) >= abs(axes.lean_x) else -axes.lean_x
            return "up" if forward > 0 else "down"
        if lean > STILL_LEAN:
            self.dwell_s = 0.0
            return None
        self.latched = False
        if not self.armed:
            return None
        self.dwell_s += dt_s
        if self.dwell_s >= DWELL_S:
            self.armed = False
            self.dwell_s = 0.0
            return "confirm"
        return None


@dataclass(frozen=True)
class MenuItem:
    label: str
    choose: Callable[[GameContext, SceneStack], None]
    detail: str = ""


class MenuScene(Scene):
    """A titled vertical list of items."""

    title = ""
    subtitle = ""
    arm_on_enter = False  # choose by standing still without a lean first (a single "Start")
    bottom_reserve = 0.16  # share of the screen height kept free below the list

    def __init__(self) -> None:
        self.items: list[MenuItem] = []
        self.index = 0
        self.nav = LeanNavigator()
        self._item_rects: list[Any] = []

    def build(self, ctx: GameContext) -> list[MenuItem]:
        """The items of this menu; every menu screen says what it offers."""
        raise NotImplementedError(f"{type(self).__name__} must build its items")

    def enter(self, ctx: GameContext) -> None:
        self.items = self.build(ctx)
        self.index = min(self.index, len(self.items) - 1)
        self.nav = LeanNavigator(armed=self.arm_on_enter)

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        stack.pop()

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("up", "left"):
            self.index = (self.index - 1) % len(self.items)
        elif action in ("down", "right"):
            self.index = (self.index + 1) % len(self.items)
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
        label = ("> " if selected else "") + item.label
        font = theme.font("body", bold=True)
        image = font.render(label, True, colour)
        surface.blit(image, image.get_rect(midleft=(rect.left + theme.px(0.03), rect.centery)))
        if item.detail:
            small = theme.font("small").render(item.detail, True, colour)
            surface.blit(small, small.get_rect(midright=(rect.right - theme.px(0.03),
                                                          rect.centery)))
        if selected and self.nav.dwell_fraction > 0:
            bar = rect.copy()
            bar.height = theme.px(0.01)
            bar.width = int(rect.width * self.nav.dwell_fraction)
            bar.bottom = rect.bottom
            pygame.draw.rect(surface, BACKGROUND, bar)

    def _draw_hint(self, surface: pygame.Surface, ctx: GameContext) -> None:
        width, height = surface.get_size()
        if ctx.leaning_input:
            hint = "Lean forward or back to move  ·  hold still to choose"
        else:
            hint = "Arrows to move  ·  Enter to choose  ·  Esc to go back"
        draw_text(surface, ctx.theme, hint, width // 2, height - ctx.theme.px(0.09), "small",
                  TEXT_DIM)

"""The help screen: the same four actions everywhere, and how to stay safe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.render.text import draw_text
from balance_game.render.theme import ACCENT, BACKGROUND, TEXT, TEXT_DIM

if TYPE_CHECKING:
    import pygame

LINES = (
    ("Choose", "Enter  ·  A on a gamepad  ·  the board's front button  ·  "
               "or stand still in the middle"),
    ("Move", "Arrow keys  ·  the stick  ·  lean forward or back"),
    ("Back", "Esc  ·  B on a gamepad"),
    ("Pause", "P  ·  Start on a gamepad  ·  step off the board"),
    ("Help", "F1 or H: this page"),
)
SAFETY = ("Keep a sturdy chair or counter within reach. Stop at once if anything hurts. "
          "The game pauses by itself when you step off or lose your balance.")


class HelpOverlay(Scene):
    overlay = True

    def enter(self, ctx: GameContext) -> None:
        ctx.say("Help. " + SAFETY)

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("confirm", "back", "help"):
            stack.pop()

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        theme = ctx.theme
        width, height = surface.get_size()
        surface.fill(BACKGROUND)
        y = draw_text(surface, theme, "Help", width // 2, theme.px(0.02), "heading", ACCENT,
                      bold=True)
        for name, how in LINES:
            y = draw_text(surface, theme, name, width // 2, y + theme.px(0.01), "small", TEXT,
                          bold=True)
            y = draw_text(surface, theme, how, width // 2, y, "small", TEXT_DIM)
        y = draw_text(surface, theme, SAFETY, width // 2, y + theme.px(0.025), "small", ACCENT,
                      width_px=int(width * 0.85))
        draw_text(surface, theme, "Press Enter or Esc to go back", width // 2,
                  max(y + theme.px(0.01), height - theme.px(0.07)), "small", TEXT_DIM)

"""The help screen: the same four actions everywhere, and how to stay safe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.i18n import N_, _
from balance_game.render.text import draw_text, font_for_height, lines_height
from balance_game.render.theme import ACCENT, BACKGROUND, TEXT, TEXT_DIM

if TYPE_CHECKING:
    import pygame

LINES = (
    (N_("Choose"), N_("Enter  ·  A on a gamepad  ·  the board's front button  ·  "
                      "or stand still in the middle")),
    (N_("Move"), N_("Arrow keys  ·  the stick  ·  lean forward or back")),
    (N_("Back"), N_("Esc  ·  B on a gamepad")),
    (N_("Pause"), N_("P  ·  Start on a gamepad  ·  step off the board")),
    (N_("Help"), N_("F1 or H: this page")),
)
SAFETY = N_("Keep a sturdy chair or counter within reach. Stop at once if anything hurts. "
            "The game pauses by itself when you step off or lose your balance.")


class HelpOverlay(Scene):
    overlay = True

    def enter(self, ctx: GameContext) -> None:
        ctx.say(_("Help") + ". " + _(SAFETY))

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if action in ("confirm", "back", "help"):
            stack.pop()

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """One line per action ("Choose: ..."), the safety words, and how to leave; at the
        largest text on a small window the block shrinks (never below normal small text) and
        what still does not fit is cut with "…" (all of it is spoken when the page opens)."""
        theme = ctx.theme
        width, height = surface.get_size()
        surface.fill(BACKGROUND)
        theme.note_cover(surface, surface.get_rect())
        text_w = int(width * 0.9)
        leave = _("Press Enter or Esc to go back")
        bottom = height - theme.px(0.02) - lines_height(theme, leave, text_w, "small")
        draw_text(surface, theme, leave, width // 2, bottom, "small", TEXT_DIM, width_px=text_w)
        y = draw_text(surface, theme, _("Help"), width // 2, theme.px(0.02), "heading", ACCENT,
                      bold=True, width_px=text_w)
        block = "\n".join(_("{action}: {how}").format(action=_(name), how=_(how))
                          for name, how in LINES)
        room = bottom - y - theme.px(0.04)
        font = font_for_height(theme, f"{block}\n{_(SAFETY)}", text_w, room)
        y = draw_text(surface, theme, block, width // 2, y + theme.px(0.01), colour=TEXT,
                      width_px=text_w, font=font, max_height=room)
        if bottom - y - theme.px(0.03) >= font.get_linesize():
            draw_text(surface, theme, _(SAFETY), width // 2, y + theme.px(0.02), colour=ACCENT,
                      width_px=text_w, font=font, max_height=bottom - y - theme.px(0.03))

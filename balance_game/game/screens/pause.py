"""The pause screen: calm words, what happened, and how to carry on.

Safety pauses (stepped off, lost balance, board lost) end by themselves when the cause is gone
(the player back on the board for a second, the board reconnected); a pause the player asked
for, or a loss of balance, needs a deliberate "continue".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.game.scenes import GameContext, Scene, SceneStack
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _
from balance_game.render.text import draw_text
from balance_game.render.theme import ACCENT, TEXT, TEXT_DIM

if TYPE_CHECKING:
    import pygame

MESSAGES = {
    "step_off": (N_("You stepped off the board"),
                 N_("Hold on to your chair or counter. Step back on when you are ready: "
                 "the game carries on by itself.")),
    "balance_lost": (N_("Let's take a moment"),
                     N_("Hold on to your support and stand evenly on both feet. The game carries "
                     "on when you have stood still in the middle for a few seconds.")),
    "device_lost": (N_("The board is not answering"),
                    N_("Stay where you are and hold your support. Check the board's batteries; "
                    "it reconnects by itself.")),
    "user": (N_("Paused"), N_("Take a rest. Continue when you are ready.")),
}
GAMEPAD_LOST = (N_("Connect your gamepad"),
                N_("Plug in or switch on your gamepad. The game carries on when it is connected."))
CONFIRM_REASONS = ("user", "balance_lost")


def _message(ctx: GameContext) -> tuple[str, str]:
    """The words for the main reason; a gamepad that is missing is asked for by name."""
    reasons = ctx.current_session.pause.reasons if ctx.current_session is not None else set()
    reason = _main_reason(reasons)
    if reason == "device_lost" and ctx.source.kind == "gamepad":
        title, body = GAMEPAD_LOST
    else:
        title, body = MESSAGES[reason]
    return _(title), _(body)


class PauseOverlay(Scene):
    overlay = True

    def enter(self, ctx: GameContext) -> None:
        title, body = _message(ctx)
        ctx.say(f"{title}. {body}")

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        session = ctx.session
        if action == "confirm":
            for reason in CONFIRM_REASONS:
                session.resume_from(reason, ctx.t_s)
        elif action == "back" and session.pause.reasons <= set(CONFIRM_REASONS):
            stack.pop()
            stack.replace(screen("results", None, session.results, [], final=True))

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        session = ctx.session
        session.step(dt_s, ctx.t_s)  # the game loop ends a session whose limit is reached
        if not session.pause.paused:
            stack.pop()

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        import pygame

        width, height = surface.get_size()
        veil = pygame.Surface((width, height), pygame.SRCALPHA)
        veil.fill((16, 20, 24, 235))
        surface.blit(veil, (0, 0))
        ctx.theme.note_cover(surface, surface.get_rect())  # the game beneath is all but hidden
        reasons = ctx.session.pause.reasons
        title, body = _message(ctx)
        y = draw_text(surface, ctx.theme, title, width // 2, int(height * 0.18), "title",
                      ACCENT, bold=True)
        y = draw_text(surface, ctx.theme, body, width // 2, y + ctx.theme.px(0.04), "body", TEXT,
                      width_px=int(width * 0.75))
        if reasons & set(CONFIRM_REASONS):
            hint = _("Press Enter or A to continue  ·  Esc or B to finish")
            draw_text(surface, ctx.theme, hint, width // 2, y + ctx.theme.px(0.06), "small",
                      TEXT_DIM)


def _main_reason(reasons: set[str]) -> str:
    """The most pressing reason, when several apply at once."""
    return next((r for r in ("device_lost", "step_off", "balance_lost", "user") if r in reasons),
                "user")

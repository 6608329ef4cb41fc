""""Stop for today?" — asked before the game closes, whatever asked for it, with No chosen.

The highlight starts on "No, keep training" and the player must lean to reach "Yes", then stand
still: a single lean or an unsteady moment can never close the game.
"""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.i18n import _


class ConfirmStopScene(MenuScene):
    back_item = False  # "No" is the way back, and Esc or B means No

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Stop for today?")
        self.subtitle = _("Your training so far is saved.")
        ctx.say(self.title)
        return [MenuItem(_("No, keep training"), _keep_going), MenuItem(_("Yes, stop"), _stop)]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        _keep_going(ctx, stack)


def _keep_going(ctx: GameContext, stack: SceneStack) -> None:
    stack.pop()


def _stop(ctx: GameContext, stack: SceneStack) -> None:
    ctx.quit_requested = True  # the runner ends and saves the session on the way out

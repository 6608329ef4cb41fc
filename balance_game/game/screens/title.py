"""The title screen: start, or stop for today (always asked, never at once)."""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _


class TitleScene(MenuScene):
    arm_on_enter = True  # "Start" is highlighted and harmless: standing still on the board starts
    back_item = False  # leaving is "Stop for today", which asks first

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Balance Game")
        self.subtitle = _("Training for steady feet. Keep a sturdy chair or counter within reach.")
        return [MenuItem(_("Start"), _start), MenuItem(_("Check the board"), _sensor_check),
                MenuItem(_("Stop for today"), ask_to_stop)]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        ask_to_stop(ctx, stack)


def _start(ctx: GameContext, stack: SceneStack) -> None:
    """The first time (nobody has trained here yet) goes through the first-run wizard."""
    from balance_game.storage.players import list_players

    stack.push(screen("player_select") if list_players(ctx.db) else screen("safety"))


def _sensor_check(ctx: GameContext, stack: SceneStack) -> None:
    stack.push(screen("sensor_check"))


def ask_to_stop(ctx: GameContext, stack: SceneStack) -> None:
    stack.push(screen("confirm_stop"))

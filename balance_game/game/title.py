"""The title screen."""

from __future__ import annotations

from balance_game.game.menu import MenuItem, MenuScene
from balance_game.game.scenes import GameContext, SceneStack


class TitleScene(MenuScene):
    title = "Balance Game"
    subtitle = "Training for steady feet. Keep a sturdy chair or counter within reach."

    def build(self, ctx: GameContext) -> list[MenuItem]:
        from balance_game.game.player_select import PlayerSelectScene

        return [
            MenuItem("Start", lambda ctx, stack: stack.push(PlayerSelectScene())),
            MenuItem("Quit", _quit),
        ]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        _quit(ctx, stack)


def _quit(ctx: GameContext, stack: SceneStack) -> None:
    ctx.quit_requested = True

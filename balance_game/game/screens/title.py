"""The title screen."""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene


class TitleScene(MenuScene):
    title = "Balance Game"
    subtitle = "Training for steady feet. Keep a sturdy chair or counter within reach."

    def build(self, ctx: GameContext) -> list[MenuItem]:
        return [MenuItem("Start", _start), MenuItem("Check the board", _sensor_check),
                MenuItem("Quit", _quit)]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        _quit(ctx, stack)


def _start(ctx: GameContext, stack: SceneStack) -> None:
    """The first time (nobody has trained here yet) goes through the first-run wizard."""
    from balance_game.game.screens.first_run import SafetyScene
    from balance_game.game.screens.player_select import PlayerSelectScene
    from balance_game.storage.players import list_players

    stack.push(PlayerSelectScene() if list_players(ctx.db) else SafetyScene())


def _sensor_check(ctx: GameContext, stack: SceneStack) -> None:
    from balance_game.game.screens.sensor_check import SensorCheckScene

    stack.push(SensorCheckScene())


def _quit(ctx: GameContext, stack: SceneStack) -> None:
    ctx.quit_requested = True

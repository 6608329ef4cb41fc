"""The first-run wizard: safety first, then connecting the board, then who is training.

After that, choosing a new player leads to calibration (on a board) and the first game. Each
screen says one thing in plain words, and nothing moves on by itself except by standing still.
"""

from __future__ import annotations

from balance_game.devices.pairing_help import pairing_help
from balance_game.errors import UserError
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen


class SafetyScene(MenuScene):
    title = "Before you start"
    subtitle = ("Put a sturdy chair or kitchen counter within reach. Wear socks or go barefoot. "
                "Clear the floor around the board. If you have fallen in the last year, "
                "train with someone nearby.")

    def build(self, ctx: GameContext) -> list[MenuItem]:
        ctx.say(f"{self.title}. {self.subtitle}")
        return [MenuItem("I am ready", lambda ctx, stack: stack.replace(screen("connect")))]


def _sensor_check(ctx: GameContext, stack: SceneStack) -> None:
    stack.push(screen("sensor_check"))


class ConnectScene(MenuScene):
    title = "Connect your board"

    def build(self, ctx: GameContext) -> list[MenuItem]:
        def go_on(ctx: GameContext, stack: SceneStack) -> None:
            stack.replace(screen("player_select", first_run=True))

        if ctx.source.kind in ("board", "sim"):
            self.subtitle = f"Connected: {ctx.source.name}. Step on it when the game asks."
            if getattr(ctx.source, "battery_low", False):
                self.subtitle += " Its batteries are low: replace them soon."
            return [MenuItem("Continue", go_on), MenuItem("Check the board", _sensor_check)]
        self.subtitle = pairing_help()
        return [MenuItem("Check again", self._check),
                MenuItem(f"Continue with the {ctx.source.kind}", go_on)]

    def _check(self, ctx: GameContext, stack: SceneStack) -> None:
        """Look for a board now; if one answers, play with it from here on."""
        from balance_game.devices.board_source import open_auto_board

        try:
            board = open_auto_board()
        except UserError as exc:
            self.subtitle = str(exc)
            return
        if board is None:
            self.subtitle = "No board answered yet. " + pairing_help()
            return
        ctx.source.close()
        board.start(ctx.origin_monotonic_s)
        ctx.source = board
        self.enter(ctx)

"""The first-run wizard: safety first, then connecting the board, then who is training.

After that, choosing a new player leads to calibration (on a board) and the first game. Each
screen says one thing in plain words, and nothing moves on by itself except by standing still.
"""

from __future__ import annotations

import sys

from balance_game.errors import UserError
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen

PAIRING_HELP = {
    "linux": "Open a terminal and run: bluetoothctl, then: scan on. Press the red SYNC button "
             "under the board's battery cover. When 'Nintendo RVL-WBC-01' appears, type: pair, "
             "then: connect, with its address. If the game cannot open it, run: "
             "balance-game devices udev-rules, and follow what it prints.",
    "win32": "Open Settings, Bluetooth, Add a device. Press the red SYNC button under the "
             "board's battery cover. Choose 'Nintendo RVL-WBC-01'; if it asks for a PIN, skip "
             "it. If pairing fails, remove the board and try again: it often takes two or "
             "three tries.",
    "darwin": "Open System Settings, Bluetooth. Press the red SYNC button under the board's "
              "battery cover and choose 'Nintendo RVL-WBC-01'. Recent macOS versions may need "
              "a pairing helper; a gamepad or the keyboard works meanwhile.",
}


def pairing_help(platform: str = sys.platform) -> str:
    key = "linux" if platform.startswith("linux") else platform
    return PAIRING_HELP.get(key, PAIRING_HELP["linux"])


class SafetyScene(MenuScene):
    title = "Before you start"
    subtitle = ("Put a sturdy chair or kitchen counter within reach. Wear socks or go barefoot. "
                "Clear the floor around the board. If you have fallen in the last year, "
                "train with someone nearby.")

    def build(self, ctx: GameContext) -> list[MenuItem]:
        ctx.say(f"{self.title}. {self.subtitle}")
        return [MenuItem("I am ready", lambda ctx, stack: stack.replace(screen("connect")))]


class ConnectScene(MenuScene):
    title = "Connect your board"

    def build(self, ctx: GameContext) -> list[MenuItem]:
        def go_on(ctx: GameContext, stack: SceneStack) -> None:
            stack.replace(screen("player_select", first_run=True))

        if ctx.source.kind in ("board", "sim"):
            self.subtitle = f"Connected: {ctx.source.name}. Step on it when the game asks."
            return [MenuItem("Continue", go_on)]
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

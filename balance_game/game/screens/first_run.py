"""The first-run wizard: safety first, then connecting the board, then who is training.

After that, choosing a new player leads to calibration (on a board) and the first game. Each
screen says one thing in plain words, and nothing moves on by itself except by standing still.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from balance_game.devices.base import ReportsBattery
from balance_game.game.board_finder import BoardFinder, Pairer
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _

if TYPE_CHECKING:
    import pygame

PAIRING_STEPS = (
    N_("1. Turn the board over and open the battery cover."),
    N_("2. Press the small red SYNC button once. The blue light on the front blinks."),
    N_("3. Turn the board back over. The game finds it by itself."),
)
SYSTEM_HINT = {
    "win32": N_("Windows asks once: Settings, Bluetooth, Add a device, then choose "
                "'Nintendo RVL-WBC-01' and skip the PIN."),
    "darwin": N_("macOS asks once: System Settings, Bluetooth, then choose "
                 "'Nintendo RVL-WBC-01'."),
}


def pairing_help(platform: str = sys.platform) -> str:
    """What to do, in the order a person does it (a terminal recipe is in docs/pairing.md)."""
    steps = " ".join(_(step) for step in PAIRING_STEPS)
    system = SYSTEM_HINT.get(platform)
    return f"{steps} {_(system)}" if system else steps


class SafetyScene(MenuScene):
    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Before you start")
        self.subtitle = _("Put a sturdy chair or kitchen counter within reach. Wear socks or go "
                          "barefoot. Clear the floor around the board. If you have fallen in the "
                          "last year, train with someone nearby.")
        ctx.say(f"{self.title}. {self.subtitle}")
        return [MenuItem(_("I am ready"), lambda ctx, stack: stack.replace(screen("connect")))]


def _pairer(ctx: GameContext) -> Pairer | None:
    """On Linux with real hardware, the BlueZ assistant pairs an unpaired board while we look."""
    if ctx.hid_backend is not None or not sys.platform.startswith("linux"):
        return None  # the demo's fake board needs no pairing; elsewhere the system pairs
    from balance_game.devices.bluez_pairing import pair_in_background

    return pair_in_background


# Whole sentences per device (the article changes with the noun in German and Spanish).
CONTINUE_WITH = {"gamepad": N_("Continue with the gamepad"),
                 "keyboard": N_("Continue with the keyboard"),
                 "mouse": N_("Continue with the mouse")}


class ConnectScene(MenuScene):
    """A picture of where to press, the steps in words, and a search for the board that runs by
    itself in the background: the moment the board answers, the game plays with it."""

    extra_beside = True

    def __init__(self) -> None:
        super().__init__()
        self.finder: BoardFinder | None = None

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Connect your board")

        def go_on(ctx: GameContext, stack: SceneStack) -> None:
            self._stop_looking()
            stack.replace(screen("player_select", first_run=True))

        if ctx.source.kind in ("board", "sim"):
            self.subtitle = _("Connected: {name}. Step on it when the game asks.").format(
                name=ctx.source.name)
            if (isinstance(ctx.source, ReportsBattery) and ctx.source.battery_low):
                self.subtitle += " " + _("Its batteries are low: replace them soon.")
            return [MenuItem(_("Continue"), go_on),
                    MenuItem(_("Check the board"), lambda ctx, stack: stack.push(
                        screen("sensor_check")))]
        if self.finder is None:
            self.finder = BoardFinder(ctx.hid_backend, _pairer(ctx))
            ctx.say(pairing_help())
        self.subtitle = pairing_help() + " " + self.finder.status()
        words = CONTINUE_WITH.get(ctx.source.kind)
        label = _(words) if words else _("Continue with the {device}").format(device=ctx.source.name)
        return [MenuItem(label, go_on)]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        self._stop_looking()
        stack.pop()

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        board = self.finder.take() if self.finder is not None else None
        if board is not None:
            ctx.source.close()
            board.start(ctx.origin_monotonic_s)
            ctx.source = board
            ctx.cue("success")
            self._stop_looking()
            self.enter(ctx)
        elif self.finder is not None:
            self.subtitle = pairing_help() + " " + self.finder.status()
        super().fixed_update(ctx, dt_s, stack)

    def _stop_looking(self) -> None:
        if self.finder is not None:
            self.finder.stop()
            self.finder = None

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        return 0 if ctx.source.kind in ("board", "sim") else int(min(size) * 0.4)

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        from balance_game.render.board_picture import draw_board_underside

        draw_board_underside(surface, ctx.theme, area, blink=int(ctx.t_s * 2) % 2 == 0)

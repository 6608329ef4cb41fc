"""Before a level: what to do, in a few plain words."""

from __future__ import annotations

from balance_game.core.levels import LevelSpec
from balance_game.devices.base import ReportsBattery
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _


class IntroScene(MenuScene):
    arm_on_enter = True  # standing still in the middle is exactly how a level should start

    def __init__(self, spec: LevelSpec, part: bool = False) -> None:
        super().__init__()
        self.spec = spec
        self.part = part  # one part of a routine or a family turn (see PlayScene)
        self.title = _(spec.title)
        self.subtitle = _(spec.instructions)

    def build(self, ctx: GameContext) -> list[MenuItem]:
        if isinstance(ctx.source, ReportsBattery) and ctx.source.battery_low:  # warn before play
            self.subtitle = _(self.spec.instructions) + " " + _(
                "The board's batteries are low: replace them soon.")
        ctx.say(f"{self.title}. {self.subtitle}")
        return [MenuItem(_("Start"), self._start)]

    def _start(self, ctx: GameContext, stack: SceneStack) -> None:
        stack.replace(screen("play", self.spec, part=self.part))

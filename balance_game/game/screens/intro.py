"""Before a level: what to do, in a few plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from balance_game.core.levels import LevelSpec
from balance_game.devices.base import ReportsBattery
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _
from balance_game.render.transition import FADE_S

if TYPE_CHECKING:
    import pygame


class IntroScene(MenuScene):
    arm_on_enter = True  # standing still in the middle is exactly how a level should start

    def __init__(self, spec: LevelSpec, part: bool = False) -> None:
        super().__init__()
        self.spec = spec
        self.part = part  # one part of a routine or a family turn (see PlayScene)
        self.title = _(spec.title)
        self.subtitle = _(spec.instructions)
        self.play = screen("play", spec, part=part)  # made now: its scenery is painted ahead
        self.entered_s = 0.0

    def enter(self, ctx: GameContext) -> None:
        super().enter(ctx)
        self.entered_s = ctx.t_s

    def build(self, ctx: GameContext) -> list[MenuItem]:
        if isinstance(ctx.source, ReportsBattery) and ctx.source.battery_low:  # warn before play
            self.subtitle = _(self.spec.instructions) + " " + _(
                "The board's batteries are low: replace them soon.")
        ctx.say(f"{self.title}. {self.subtitle}")
        return [MenuItem(_("Start"), self._start)]

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        super().draw(ctx, surface)
        # While the player reads, the level's scenery is painted beside; not during the fade
        # into this screen, whose frames it would slow (and once per window and text size: the
        # level keeps its view).
        if ctx.t_s >= self.entered_s + FADE_S:
            self.play.prepare(ctx, surface)

    def _start(self, ctx: GameContext, stack: SceneStack) -> None:
        stack.replace(self.play)

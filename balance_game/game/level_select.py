"""Choosing a level."""

from __future__ import annotations

from balance_game.game.menu import MenuItem, MenuScene
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.levels import LevelSpec, load_levels


class LevelSelectScene(MenuScene):
    title = "Choose a game"

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.subtitle = f"Training: {ctx.player.name}" if ctx.player else ""
        return [
            MenuItem(spec.title, _starter(spec), f"World {spec.world}  ·  {spec.mechanic}")
            for spec in load_levels()
        ]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        if ctx.session is not None:
            ctx.session.end()
            ctx.session = None
        stack.pop()


def _starter(spec: LevelSpec):
    def start(ctx: GameContext, stack: SceneStack) -> None:
        from balance_game.game.intro import IntroScene

        stack.push(IntroScene(spec))

    return start

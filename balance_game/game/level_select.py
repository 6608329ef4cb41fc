"""Choosing a level."""

from __future__ import annotations

from balance_game.game.menu import MenuItem, MenuScene
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.levels import LevelSpec, load_levels
from balance_game.storage.progress import is_unlocked, player_progress


class LevelSelectScene(MenuScene):
    title = "Choose a game"

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.subtitle = f"Training: {ctx.player.name}" if ctx.player else ""
        progress = player_progress(ctx.db, ctx.player.id) if ctx.player else {}
        items = []
        for spec in load_levels():
            if not is_unlocked(spec.requires, progress):
                items.append(MenuItem(f"{spec.title} (locked)", _locked,
                                      "earn a star on the game before"))
                continue
            stars = progress[spec.id].best_stars if spec.id in progress else 0
            detail = f"World {spec.world}  ·  {'*' * stars or 'new'}"
            items.append(MenuItem(spec.title, _starter(spec), detail))
        return items

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        if ctx.session is not None:
            ctx.session.end()
            ctx.session = None
        stack.pop()


def _locked(ctx: GameContext, stack: SceneStack) -> None:
    """Locked levels stay in the list (so players see what is ahead) but cannot start."""


def _starter(spec: LevelSpec):
    def start(ctx: GameContext, stack: SceneStack) -> None:
        from balance_game.game.intro import IntroScene

        stack.push(IntroScene(spec))

    return start

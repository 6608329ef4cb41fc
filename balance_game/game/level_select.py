"""Choosing a level."""

from __future__ import annotations

from balance_game.game.menu import MenuItem, MenuScene
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.levels import LevelSpec, load_levels
from balance_game.storage.progress import is_unlocked, player_progress


class LevelSelectScene(MenuScene):
    title = "Choose a game"

    def build(self, ctx: GameContext) -> list[MenuItem]:
        progress = player_progress(ctx.db, ctx.player.id) if ctx.player else {}
        prescription = ctx.session.prescription if ctx.session else None
        self.subtitle = self._plan_line(ctx)
        items = []
        for spec in load_levels():
            if prescription is not None and not prescription.allows(spec):
                continue
            if not is_unlocked(spec.requires, progress):
                items.append(MenuItem(f"{spec.title} (locked)", _locked,
                                      "earn a star on the game before"))
                continue
            stars = progress[spec.id].best_stars if spec.id in progress else 0
            detail = f"World {spec.world}  ·  {'*' * stars or 'new'}"
            items.append(MenuItem(spec.title, _starter(spec), detail))
        return items

    @staticmethod
    def _plan_line(ctx: GameContext) -> str:
        name = ctx.player.name if ctx.player else ""
        left = ctx.session.minutes_left if ctx.session else None
        if left is None:
            return f"Training: {name}"
        total = ctx.session.prescription.minutes_per_session
        return f"Training: {name}  ·  {left:.0f} of {total:g} minutes left today"

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

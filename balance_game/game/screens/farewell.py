"""A last calm word before going back to the title screen (or leaving)."""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _


class FarewellScene(MenuScene):
    back_item = False  # "OK" is the only way on
    arm_on_enter = True  # one button: standing still is enough to go on

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.title = title
        self.subtitle = subtitle

    def build(self, ctx: GameContext) -> list[MenuItem]:
        ctx.say(f"{self.title}. {self.subtitle}")
        return [MenuItem(_("OK"), _home)]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        _home(ctx, stack)


def _home(ctx: GameContext, stack: SceneStack) -> None:
    ctx.end_session()
    if ctx.options.level_id is not None:
        ctx.quit_requested = True  # started straight into a level: leave when done
    else:
        stack.clear_to(screen("title"))

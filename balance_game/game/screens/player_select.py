"""Choosing who is training (or adding someone), which starts their session."""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _
from balance_game.storage.players import Player, add_player, find_player, list_players

MAX_PLAYERS_SHOWN = 50


class PlayerSelectScene(MenuScene):
    def __init__(self, first_run: bool = False) -> None:
        super().__init__()
        self.first_run = first_run

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Who is training?")
        players = list_players(ctx.db)[:MAX_PLAYERS_SHOWN]
        items = [MenuItem(p.name, _chooser(p)) for p in players]
        items.append(MenuItem(_("New player"), _new_player))
        return items


def _new_player(ctx: GameContext, stack: SceneStack) -> None:
    """The name is typed on the on-screen keyboard (or a real one); the same for every device."""
    stack.push(screen("text_entry", _("Your name"), _named))


def _named(ctx: GameContext, stack: SceneStack, name: str) -> None:
    existing = find_player(ctx.db, name)
    _choose(ctx, stack, existing or add_player(ctx.db, name), new=existing is None)


def _chooser(player: Player):
    return lambda ctx, stack: _choose(ctx, stack, player)


def _choose(ctx: GameContext, stack: SceneStack, player: Player, new: bool = False) -> None:
    """Start the player's session; a new player on a board is calibrated first."""
    from balance_game.game.start import start_session

    start_session(ctx, player)
    if new and ctx.source.kind in ("board", "sim"):
        stack.push(screen("pain", "before", then="calibrate"))
    else:
        stack.push(screen("pain", "before"))

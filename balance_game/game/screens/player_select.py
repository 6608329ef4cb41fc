"""Choosing who is training (or adding someone), which starts their session; or, from the
title's "Settings" on a computer with several players, whose settings to change (no session)."""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _
from balance_game.storage.players import Player, add_player, find_player, list_players

MAX_PLAYERS_SHOWN = 50


class PlayerSelectScene(MenuScene):
    def __init__(self, first_run: bool = False, for_settings: bool = False) -> None:
        super().__init__()
        self.first_run = first_run
        self.for_settings = for_settings

    def build(self, ctx: GameContext) -> list[MenuItem]:
        players = list_players(ctx.db)[:MAX_PLAYERS_SHOWN]
        if self.for_settings:  # a new player is added by training (safety first, calibration)
            self.title = _("Whose settings?")
            if not players:
                self.subtitle = _("Settings belong to a player. Nobody has trained here yet: "
                                  "choose a game first to add your name.")
            return [MenuItem(p.name, _settings_of(p)) for p in players]
        self.title = _("Who is training?")
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


def _settings_of(player: Player):
    return lambda ctx, stack: stack.replace(screen("settings", player))


def _choose(ctx: GameContext, stack: SceneStack, player: Player, new: bool = False) -> None:
    """Start the player's session; a new player on a board is calibrated first."""
    from balance_game.game.start import start_session

    start_session(ctx, player)
    if new and ctx.source.kind in ("board", "sim"):
        stack.push(screen("pain", "before", then="calibrate"))
    else:
        stack.push(screen("pain", "before"))

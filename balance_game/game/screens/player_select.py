"""Choosing who is training (or adding someone), which starts their session."""

from __future__ import annotations

from typing import Any

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.storage.players import Player, add_player, find_player, list_players

MAX_PLAYERS_SHOWN = 50


class PlayerSelectScene(MenuScene):
    title = "Who is training?"

    def __init__(self, first_run: bool = False) -> None:
        super().__init__()
        self.typing: str | None = None  # the name being typed for a new player
        self.first_run = first_run

    def build(self, ctx: GameContext) -> list[MenuItem]:
        players = list_players(ctx.db)[:MAX_PLAYERS_SHOWN]
        items = [MenuItem(p.name, _chooser(p)) for p in players]
        items.append(MenuItem("New player", self._new_player))
        return items

    def _new_player(self, ctx: GameContext, stack: SceneStack) -> None:
        if ctx.leaning_input:
            _choose(ctx, stack, add_player(ctx.db, _next_free_name(ctx)), new=True)
        else:
            self.typing = ""
            self.subtitle = "Type a name, then press Enter"

    def handle_event(self, ctx: GameContext, event: Any, stack: SceneStack) -> None:
        import pygame

        if self.typing is not None and event.type == pygame.TEXTINPUT:
            self.typing = (self.typing + event.text)[:40]
            self.items[-1] = MenuItem(f"Name: {self.typing}_", self._new_player)
            return
        super().handle_event(ctx, event, stack)

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        if self.typing is None:
            super().handle_action(ctx, action, stack)
            return
        if action == "confirm" and self.typing.strip():
            name = self.typing.strip()
            self.typing = None
            existing = find_player(ctx.db, name)
            _choose(ctx, stack, existing or add_player(ctx.db, name), new=existing is None)
        elif action == "back" and self.typing:
            self.typing = self.typing[:-1]
            self.items[-1] = MenuItem(f"Name: {self.typing}_", self._new_player)
        elif action == "back":
            self.typing = None
            self.subtitle = ""
            self.enter(ctx)


def _next_free_name(ctx: GameContext) -> str:
    n = 1
    while find_player(ctx.db, f"Player {n}") is not None:
        n += 1
    return f"Player {n}"


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

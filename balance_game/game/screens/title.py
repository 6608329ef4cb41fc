"""The title screen: today's training first, a game of one's choice, family play, checking the
board, the player's settings, or stop for today (always asked, never at once). Under the welcome,
the reasons to come back of whoever trained last: the week's goal and real progress."""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import _
from balance_game.storage.players import list_players
from balance_game.storage.rewards import last_trained_player, player_rewards


class TitleScene(MenuScene):
    arm_on_enter = True  # today's training is highlighted and harmless: standing still starts it
    back_item = False  # leaving is "Stop for today", which asks first

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Balance Game")
        self.subtitle = _("Training for steady feet. Keep a sturdy chair or counter within reach.")
        player = ctx.current_player or last_trained_player(ctx.db)
        if player is not None:
            rewards = player_rewards(ctx.db, player)
            self.subtitle += " " + _("{name}: {goal} {encouragement}").format(
                name=player.name, goal=rewards.goal_line, encouragement=rewards.encouragement)
        return [MenuItem(_("Start today's training"), _start_routine),
                MenuItem(_("Choose a game"), _start), MenuItem(_("Family play"), _family),
                MenuItem(_("Check the board"), _sensor_check), MenuItem(_("Settings"), _settings),
                MenuItem(_("Stop for today"), ask_to_stop)]

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        ask_to_stop(ctx, stack)


def _start_routine(ctx: GameContext, stack: SceneStack) -> None:
    ctx.training_screen = "routine"
    _choose_player(ctx, stack)


def _start(ctx: GameContext, stack: SceneStack) -> None:
    ctx.training_screen = "level_select"
    _choose_player(ctx, stack)


def _choose_player(ctx: GameContext, stack: SceneStack) -> None:
    """The first time (nobody has trained here yet) goes through the first-run wizard."""
    stack.push(screen("player_select") if list_players(ctx.db) else screen("safety"))


def _family(ctx: GameContext, stack: SceneStack) -> None:
    stack.push(screen("family"))


def _sensor_check(ctx: GameContext, stack: SceneStack) -> None:
    stack.push(screen("sensor_check"))


def _settings(ctx: GameContext, stack: SceneStack) -> None:
    """The settings of whoever is training (or the only player); with several, asked whose."""
    players = list_players(ctx.db)
    player = ctx.current_player or (players[0] if len(players) == 1 else None)
    stack.push(screen("settings", player) if player else screen("player_select",
                                                                for_settings=True))


def ask_to_stop(ctx: GameContext, stack: SceneStack) -> None:
    stack.push(screen("confirm_stop"))

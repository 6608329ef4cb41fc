"""`balance-game play`: play a level with any input, in a window or headless."""

from __future__ import annotations

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import (
    ABILITY,
    DAY_S,
    SEED,
    Number,
    db_option,
    db_path,
    device_option,
    window_option,
)
from balance_game.demo import demo_backend
from balance_game.devices.simulated import parse_sim_events
from balance_game.game.runner import RunRequest, run_game
from balance_game.game.scenes import GameOptions
from balance_game.i18n import N_, _, ngettext
from balance_game.settings import load_settings


def run_menu_game(db_path_value: str | None, windowed: bool) -> None:
    """The bare `balance-game`: the window at the title screen."""
    from balance_game.app import resolve_db_path

    run_game(RunRequest(db_path=resolve_db_path(db_path_value), options=GameOptions(),
                        windowed=windowed, hid_backend=demo_backend()))


@command()
@click.option("--level", "level_id", default=None, help=N_("Level id to play (see `balance-game levels`)."))
@device_option
@click.option("--player", default=None, help=N_("Player name (created if new; default Guest)."))
@click.option("--seconds", type=Number(0.1, DAY_S), default=None,
              help=N_("End the session after this many seconds of play."))
@click.option("--seed", type=SEED, default=0, show_default=True,
              help=N_("Seed for the level's randomness and the simulated player."))
@click.option("--ability", type=ABILITY, default=0.6, show_default=True,
              help=N_("Simulated player's ability, 0 (very unsteady) to 1 (athlete)."))
@click.option("--sim-events", default="", metavar="EVENTS",
              help=N_('Scripted happenings for --device sim, e.g. "stepoff@5,return@9,lost@15,back@18".'))
@click.option("--attended", is_flag=True,
              help=N_("A therapist is present and cueing (recorded; not independent practice)."))
@click.option("--headless", is_flag=True, help=N_("No window; with --device sim it plays by itself."))
@click.option("--fast", is_flag=True, help=N_("With --headless: run as fast as possible."))
@window_option
@db_option
@click.pass_context
def play(ctx: click.Context, level_id: str | None, device: str | None, player: str | None,
         seconds: float | None, seed: int, ability: float, sim_events: str, attended: bool,
         headless: bool, fast: bool, window: bool | None, db: str | None) -> None:
    """Play a level. Without --level, opens the game at the title screen."""
    if fast and not headless:
        raise click.UsageError(_("--fast needs --headless (a person cannot play faster than time)"))
    if device is None or window is None:
        settings = load_settings()
        device = settings.device if device is None else device
        window = settings.windowed if window is None else window
    if headless and level_id is None:
        level_id = "reach-01"
    options = GameOptions(headless=headless, fast=fast, seconds=seconds, seed=seed,
                          attended=attended,
                          level_id=level_id, device=device)
    summary = run_game(RunRequest(
        db_path=db_path(ctx, db), options=options, windowed=window, player=player,
        ability=ability, sim_events=parse_sim_events(sim_events), hid_backend=demo_backend(),
    ))
    if headless and summary.session_id is not None:
        trials = ngettext("{n} trial", "{n} trials", summary.n_trials).format(n=summary.n_trials)
        click.echo(_("session {id}: {trials}, {seconds} s active").format(
            id=summary.session_id, trials=trials, seconds=f"{summary.active_s:.1f}"))


COMMANDS = [play]

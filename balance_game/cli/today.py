"""`balance-game today` (today's training) and `balance-game family` (players take turns)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import db_option, db_path, device_option, window_option, windowed
from balance_game.demo import demo_backend
from balance_game.errors import UserError
from balance_game.game.runner import RunRequest, run_game
from balance_game.game.scenes import GameOptions
from balance_game.i18n import N_, _, ngettext

MAX_FAMILY = 4


def _common(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options both commands share: input, randomness, headless play, a short demo."""
    for option in reversed((
        device_option,
        click.option("--seed", type=int, default=0, show_default=True,
                     help=N_("Seed for the routine's choices, the levels and the simulated player.")),
        click.option("--ability", type=click.FloatRange(0.0, 1.0), default=0.6, show_default=True,
                     help=N_("Simulated player's ability, 0 (very unsteady) to 1 (athlete).")),
        click.option("--trials", type=click.IntRange(1, 100), default=None,
                     help=N_("Play at most this many trials in each game (a short demonstration).")),
        click.option("--headless", is_flag=True, help=N_("No window; with --device sim it plays by"
                     " itself.")),
        click.option("--fast", is_flag=True, help=N_("With --headless: run as fast as possible.")),
        window_option, db_option,
    )):
        command = option(command)
    return command


def _options(device: str | None, headless: bool, fast: bool, **kwargs: Any) -> GameOptions:
    if fast and not headless:
        raise click.UsageError(_("--fast needs --headless (a person cannot play faster than time)"))
    if device is None:
        from balance_game.settings import load_settings

        device = load_settings().device
    return GameOptions(headless=headless, fast=fast, device=device, **kwargs)


@command()
@click.option("--player", default=None, help=N_("Player name (created if new; default Guest)."))
@click.option("--check-seconds", type=click.FloatRange(15, 120), default=None,
              help=N_("Length of the steadiness check (default 30 s)."))
@_common
@click.pass_context
def today(ctx: click.Context, player: str | None, check_seconds: float | None, device: str | None,
          seed: int, ability: float, trials: int | None, headless: bool, fast: bool,
          window: bool | None, db: str | None) -> None:
    """Today's training: a warm-up, three or four games and a steadiness check, with rests."""
    options = _options(device, headless, fast, seed=seed, trials=trials, routine=True,
                       check_s=check_seconds)
    summary = run_game(RunRequest(db_path=db_path(ctx, db), options=options,
                                  windowed=windowed(window), player=player, ability=ability,
                                  hid_backend=demo_backend()))
    if headless and summary.session_id is not None:
        played = ngettext("{n} trial", "{n} trials", summary.n_trials).format(n=summary.n_trials)
        click.echo(_("session {id}: {trials}, {seconds} s active").format(
            id=summary.session_id, trials=played, seconds=f"{summary.active_s:.1f}"))


def family_names(text: str) -> tuple[str, ...]:
    """"Ann,Bo,Cy" as names; 2 to 4 different players."""
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    if not 2 <= len(names) <= MAX_FAMILY:
        raise UserError(_("--players needs 2 to {most} different names separated by commas, got "
                          "{n}").format(most=MAX_FAMILY, n=len(names)))
    return names


@command()
@click.option("--players", "players_text", required=True, metavar="NAMES",
              help=N_("2 to 4 players taking turns, e.g. \"Ann,Bo,Cy\" (created if new)."))
@click.option("--level", "level_id", required=True,
              help=N_("The level everyone plays (see `balance-game levels`)."))
@_common
@click.pass_context
def family(ctx: click.Context, players_text: str, level_id: str, device: str | None, seed: int,
           ability: float, trials: int | None, headless: bool, fast: bool, window: bool | None,
           db: str | None) -> None:
    """Family play: each player plays the same level in turn, then the scoreboard."""
    names = family_names(players_text)
    options = _options(device, headless, fast, seed=seed, trials=trials, family=names,
                       level_id=level_id)
    run_game(RunRequest(db_path=db_path(ctx, db), options=options, windowed=windowed(window),
                        ability=ability, hid_backend=demo_backend()))


COMMANDS = [today, family]

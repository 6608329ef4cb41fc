"""`balance-game replay`: watch a recorded session as it happened."""

from __future__ import annotations

import json

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import SESSION_ID, db_option, db_path
from balance_game.core.records import trial_summary
from balance_game.game.clock import ReplayClock
from balance_game.game.replay_runner import replay_session
from balance_game.i18n import N_, _


@command()
@click.argument("session_id", type=SESSION_ID)
@click.option("--speed", type=click.Choice([f"{s:g}" for s in ReplayClock.SPEEDS]), default="1",
              show_default=True, help=N_("Playback speed (change it with the arrow keys)."))
@click.option("--headless", is_flag=True,
              help=N_("No window: re-run the session as fast as possible and list its trials."))
@click.option("--json", "as_json", is_flag=True,
              help=N_("With --headless: print the replayed trials as JSON (as `sessions --json`)."))
@db_option
@click.pass_context
def replay(ctx: click.Context, session_id: int, speed: str, headless: bool, as_json: bool,
           db: str | None) -> None:
    """Watch a recorded session: the real game re-run on the stored samples.

    Space pauses, the arrow keys change speed, Esc leaves.
    """
    if as_json and not headless:
        raise click.UsageError(_("--json needs --headless"))
    trials = replay_session(db_path(ctx, db), session_id, headless=headless, speed=float(speed))
    if as_json:
        click.echo(json.dumps({"session": session_id,
                               "trials": [trial_summary(t) for t in trials]}, indent=2))
    elif headless:
        for t in trials:
            outcome = _("success") if t.success else _("miss")
            click.echo(_("{level} trial {n}: {outcome}, score {score}, difficulty {difficulty}")
                       .format(level=t.level_id, n=t.trial_index + 1, outcome=outcome,
                               score=f"{t.score:g}", difficulty=f"{t.difficulty:g}"))


COMMANDS = [replay]

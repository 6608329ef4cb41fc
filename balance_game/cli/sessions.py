"""`balance-game sessions` and `balance-game samples`: what was recorded."""

from __future__ import annotations

import json
from pathlib import Path

import click

from balance_game.cli.options import db_option, db_path
from balance_game.storage.db import Database
from balance_game.storage.players import get_player
from balance_game.storage.samples_csv import write_samples_file
from balance_game.storage.sessions import iter_session_samples, list_sessions


@click.command()
@click.option("--player", default=None, help="Only this player's sessions.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
@click.pass_context
def sessions(ctx: click.Context, player: str | None, as_json: bool, db: str | None) -> None:
    """List recorded sessions, oldest first."""
    with Database(db_path(ctx, db)) as store:
        if player:
            get_player(store, player)
        found = list_sessions(store, player)
    if as_json:
        click.echo(json.dumps(found, indent=2))
        return
    if not found:
        click.echo("No sessions recorded yet.")
    for s in found:
        levels = ", ".join(s["levels"]) or "no levels"
        click.echo(f"#{s['id']}  {s['started_at']}  {s['player']}  {s['active_s'] / 60:.1f} min"
                   f"  {s['n_trials']} trials  {s['n_samples']} samples  ({levels})")


@click.command()
@click.argument("session_id", type=int)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="CSV file to write.")
@db_option
@click.pass_context
def samples(ctx: click.Context, session_id: int, out: Path, db: str | None) -> None:
    """Write a session's samples to a CSV (the format `play --device replay:FILE` reads)."""
    with Database(db_path(ctx, db)) as store:
        n = write_samples_file(out, iter_session_samples(store, session_id))
    click.echo(f"wrote {n} samples to {out}")


COMMANDS = [sessions, samples]

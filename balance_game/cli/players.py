"""`balance-game players`: list and add players."""

from __future__ import annotations

import json

import click

from balance_game.cli.options import db_option, db_path
from balance_game.storage.db import Database
from balance_game.storage.players import add_player, list_players


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
@click.pass_context
def players(ctx: click.Context, as_json: bool, db: str | None) -> None:
    """List players (or add one with `players add`)."""
    if ctx.invoked_subcommand is not None:
        return
    with Database(db_path(ctx, db)) as store:
        found = list_players(store)
    if as_json:
        click.echo(json.dumps([p.to_dict() for p in found], indent=2))
        return
    if not found:
        click.echo("No players yet. Add one with: balance-game players add NAME")
    for p in found:
        height = f"{p.height_cm:g} cm" if p.height_cm else "height not set"
        weight = f"{p.weight_kg:g} kg" if p.weight_kg else "weight not set"
        click.echo(f"{p.name}  ({p.pseudonym}, {height}, {weight})")


@players.command("add")
@click.argument("name")
@click.option("--height-cm", type=float, default=None, help="Body height (sets starting limits).")
@click.option("--weight-kg", type=float, default=None, help="Body weight (for step-off detection).")
@db_option
@click.pass_context
def players_add(ctx: click.Context, name: str, height_cm: float | None, weight_kg: float | None,
                db: str | None) -> None:
    """Add a player called NAME."""
    with Database(db_path(ctx, db)) as store:
        player = add_player(store, name, height_cm, weight_kg)
    click.echo(f"added {player.name} ({player.pseudonym})")


COMMANDS = [players]

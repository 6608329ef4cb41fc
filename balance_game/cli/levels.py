"""`balance-game levels`: list levels, and check level files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from balance_game.errors import UserError
from balance_game.levels import check_files, level_files, load_levels


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_context
def levels(ctx: click.Context, as_json: bool) -> None:
    """List the levels in play order (or check level files with `levels check`)."""
    if ctx.invoked_subcommand is not None:
        return
    specs = load_levels()
    if as_json:
        click.echo(json.dumps([
            {"id": s.id, "mechanic": s.mechanic, "world": s.world, "title": s.title,
             "order": s.order, "trials": s.trials, "requires": list(s.requires)}
            for s in specs
        ], indent=2))
        return
    for s in specs:
        click.echo(f"{s.id:<12} world {s.world}  {s.mechanic:<8} {s.title}")


@levels.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def levels_check(paths: tuple[Path, ...]) -> None:
    """Validate level files (default: every file in levels/). One line per problem."""
    files: list[Path] = []
    for path in paths or (None,):
        if path is None:
            files.extend(level_files())
        elif path.is_dir():
            files.extend(level_files(path))
        elif path.exists():
            files.append(path)
        else:
            raise UserError(f"{path}: no such file or folder")
    problems = check_files(files)
    for line in problems:
        click.echo(line, err=True)
    if problems:
        raise SystemExit(2)
    click.echo(f"{len(files)} level files OK")


COMMANDS = [levels]

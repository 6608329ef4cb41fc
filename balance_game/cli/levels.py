"""`balance-game levels`: list levels, and check level files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from balance_game.cli.help_text import group
from balance_game.cli.options import db_option, db_path, echo_safe
from balance_game.core.levels import check_files, level_files, load_levels, readable_level_ids
from balance_game.errors import UserError
from balance_game.i18n import N_, _, ngettext
from balance_game.storage.db import Database
from balance_game.storage.players import get_player
from balance_game.storage.progress import is_unlocked, player_progress


@group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON list."))
@click.option("--player", default=None, help=N_("Show unlock state and stars for this player."))
@db_option
@click.pass_context
def levels(ctx: click.Context, as_json: bool, player: str | None, db: str | None) -> None:
    """List the levels in play order (or check level files with `levels check`).

    A level unlocks once every level it requires has earned at least one star.
    """
    if ctx.invoked_subcommand is not None:
        return
    specs = load_levels()
    progress = {}
    if player:
        with Database(db_path(ctx, db)) as store:
            progress = player_progress(store, get_player(store, player).id)
    rows = [
        {"id": s.id, "mechanic": s.mechanic, "world": s.world, "title": s.title,
         "order": s.order, "trials": s.trials, "requires": list(s.requires),
         "unlocked": is_unlocked(s.requires, progress),
         "stars": progress[s.id].best_stars if s.id in progress else 0,
         "difficulty": progress[s.id].difficulty if s.id in progress else s.start_difficulty}
        for s in specs
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rows:
        state = f"{r['stars']}*" if r["unlocked"] else _("locked")
        world = _("world {n}").format(n=r["world"])
        echo_safe(f"{r['id']:<12} {world}  {r['mechanic']:<8} {state:<7} {_(str(r['title']))}")


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
            raise UserError(_("{path}: no such file or folder").format(path=path))
    shipped = readable_level_ids() if paths else []  # what `requires` may name besides these
    problems = check_files(files, also_known=shipped)
    for line in problems:
        echo_safe(line, err=True)
    if problems:
        raise SystemExit(2)
    click.echo(ngettext("{n} level file OK", "{n} level files OK", len(files)).format(n=len(files)))


COMMANDS = [levels]

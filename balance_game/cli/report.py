"""`balance-game report`: a printable progress report for a player's therapist (HTML or PDF)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import db_option, db_path
from balance_game.i18n import LANGUAGES, N_, _, choose_for_run, ngettext, number, prefer
from balance_game.report import STEPS, check_output, report_format, write_report
from balance_game.storage.db import Database
from balance_game.storage.players import get_player, get_settings


@command()
@click.option("--player", required=True, help=N_("Player name (see `balance-game players`)."))
@click.option("--out", "out", type=click.Path(dir_okay=True, path_type=Path), required=True,
              help=N_("File to write: FILE.html (one self-contained page) or FILE.pdf (A4)."))
@click.option("--language", type=click.Choice(list(LANGUAGES)), default=None,
              help=N_("Language of the report and of this command's messages (default: the run's "
                      "--language, else the player's setting, else the computer's language)."))
@db_option
@click.pass_context
def report(ctx: click.Context, player: str, out: Path, language: str | None,
           db: str | None) -> None:
    """Write a player's progress report: adherence, minutes, success, sway, LOS, safety."""
    if language:
        choose_for_run(language)
    report_format(out)  # a wrong extension fails before the database is opened
    with Database(db_path(ctx, db)) as store:
        check_output(out)  # errors come as one line, before the progress bar starts
        prefer(get_settings(store, get_player(store, player)).language)
        with click.progressbar(length=STEPS, label=_("building report"), file=sys.stderr) as bar:
            result = write_report(store, player, out, tick=lambda: bar.update(1))
    sessions = ngettext("{n} session", "{n} sessions", result.n_sessions).format(
        n=result.n_sessions)
    weeks = ngettext("over {n} week", "over {n} weeks", result.n_weeks).format(n=result.n_weeks)
    click.echo(_("wrote {path} ({format}): {sessions} {weeks}, {minutes} active minutes").format(
        path=result.path, format=result.fmt, sessions=sessions, weeks=weeks,
        minutes=number(result.total_minutes)))


COMMANDS = [report]

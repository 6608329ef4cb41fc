"""`balance-game export`: a player's records for their therapist as CSV, JSON or FHIR."""

from __future__ import annotations

from pathlib import Path

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import db_option, db_path
from balance_game.i18n import N_, _, ngettext
from balance_game.storage.db import Database
from balance_game.storage.export import FORMATS, export_player, parse_since


@command()
@click.option("--player", required=True, help=N_("Player name (see `balance-game players`)."))
@click.option("--since", default=None, metavar="DATE",
              help=N_("Only sessions started on or after this day (YYYY-MM-DD)."))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help=N_("csv: sessions/trials/samples/events/assessments.csv; json: export.json;"
                   " fhir: bundle.json."))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help=N_("Folder to write into (created if missing; files of the same name are replaced)."))
@click.option("--anonymize", is_flag=True,
              help=N_("Leave out names and free-text notes; move all dates back by a random number "
                   "of whole weeks."))
@db_option
@click.pass_context
def export(ctx: click.Context, player: str, since: str | None, fmt: str, out: Path,
           anonymize: bool, db: str | None) -> None:
    """Export a player's sessions, trials, samples, events and clinical test results."""
    since_day = parse_since(since)  # a bad date fails before the database is opened
    with Database(db_path(ctx, db)) as store:
        result = export_player(store, player, fmt, out, since_day, anonymize)
    names = ", ".join(path.name for path in result.files)
    counts = ", ".join((
        ngettext("{n} session", "{n} sessions", result.n_sessions).format(n=result.n_sessions),
        ngettext("{n} trial", "{n} trials", result.n_trials).format(n=result.n_trials),
        ngettext("{n} sample", "{n} samples", result.n_samples).format(n=result.n_samples),
        ngettext("{n} test result", "{n} test results", result.n_assessments).format(
            n=result.n_assessments)))
    click.echo(_("wrote {files} to {out}: {counts}").format(files=names, out=out, counts=counts)
               + (" " + _("(anonymised)") if anonymize else ""))


COMMANDS = [export]

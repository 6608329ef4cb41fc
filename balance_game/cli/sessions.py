"""`balance-game sessions` and `balance-game samples`: what was recorded."""

from __future__ import annotations

import json
from pathlib import Path

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import SESSION_ID, db_option, db_path, echo_safe
from balance_game.i18n import N_, _, ngettext
from balance_game.storage.db import Database
from balance_game.storage.players import get_player
from balance_game.storage.samples_csv import write_samples_file
from balance_game.storage.sessions import iter_session_samples, list_sessions


@command()
@click.option("--player", default=None, help=N_("Only this player's sessions."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON list."))
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
        click.echo(_("No sessions recorded yet."))
    for s in found:
        levels = ", ".join(s["levels"]) or _("no levels")
        trials = ngettext("{n} trial", "{n} trials", s["n_trials"]).format(n=s["n_trials"])
        samples = ngettext("{n} sample", "{n} samples", s["n_samples"]).format(n=s["n_samples"])
        echo_safe(f"#{s['id']}  {s['started_at']}  {s['player']}  {s['active_s'] / 60:.1f} min"
                   f"  {trials}  {samples}  ({levels})")


@command()
@click.argument("session_id", type=SESSION_ID)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help=N_("CSV file to write."))
@db_option
@click.pass_context
def samples(ctx: click.Context, session_id: int, out: Path, db: str | None) -> None:
    """Write a session's samples to a CSV (the format `play --device replay:FILE` reads)."""
    with Database(db_path(ctx, db)) as store:
        n = write_samples_file(out, iter_session_samples(store, session_id))
    click.echo(ngettext("wrote {n} sample to {out}", "wrote {n} samples to {out}", n).format(
        n=n, out=out))


@command()
@click.argument("session_id", type=SESSION_ID)
@click.argument("text", required=False)
@click.option("--pain-before", type=click.IntRange(0, 10), help=N_("Pain before the session, 0-10."))
@click.option("--pain-after", type=click.IntRange(0, 10), help=N_("Pain after the session, 0-10."))
@db_option
@click.pass_context
def note(ctx: click.Context, session_id: int, text: str | None, pain_before: int | None,
         pain_after: int | None, db: str | None) -> None:
    """Add notes (the patient's comments, the therapist's observations) or pain to a session."""
    from balance_game.storage.sessions import session_record, set_session_notes, set_session_pain

    if text is None and pain_before is None and pain_after is None:
        raise click.UsageError(_("give the note TEXT, --pain-before or --pain-after"))
    with Database(db_path(ctx, db)) as store:
        session_record(store, session_id)  # a clear error for an unknown session
        if text is not None:
            set_session_notes(store, session_id, text)
        if pain_before is not None:
            set_session_pain(store, session_id, "before", pain_before)
        if pain_after is not None:
            set_session_pain(store, session_id, "after", pain_after)
    click.echo(_("session {id} updated").format(id=session_id))


COMMANDS = [sessions, samples, note]

"""The ``balance-game`` command: a thin shell over the library.

Each command group lives in its own module here; this one assembles them and turns every
user-facing error into one line on stderr with exit status 2 (never a traceback).
"""

from __future__ import annotations

import os
import sys
import traceback

import click

from balance_game import __version__
from balance_game.errors import UserError

PROG = "balance-game"


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name=PROG)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="SQLite database file (default: $BALANCE_GAME_DB or the user data folder).")
@click.option("--window/--fullscreen", default=None,
              help="Open a window instead of going fullscreen (default: from the settings file).")
@click.option("--language", type=click.Choice(["en", "de", "es"]), default=None,
              help="Language for this run, whoever plays (default: each player's setting, else "
                   "the computer's language).")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, window: bool | None,
        language: str | None) -> None:
    """Balance training games for a Wii Balance Board, a HID load-cell board or a gamepad.

    With no command, opens the game window at the title screen.
    """
    from balance_game.i18n import choose_for_run, set_language

    if language:
        choose_for_run(language)
    else:
        set_language(None)  # the computer's language until a player's own is known
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path
    if ctx.invoked_subcommand is None:
        from balance_game.cli.play import run_menu_game
        from balance_game.settings import load_settings

        run_menu_game(db_path, windowed=load_settings().windowed if window is None else window)


def _register() -> None:
    from balance_game.cli import (
        assess,
        bench,
        devices,
        export,
        levels,
        metrics,
        play,
        players,
        replay,
        report,
        sessions,
        simulate,
    )

    modules = (assess, bench, devices, export, levels, metrics, play, players, replay, report,
               sessions, simulate)
    for module in modules:
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def _internal_error(exc: BaseException) -> int:
    """An unexpected failure: one line for the person, the traceback in a log for a developer."""
    from balance_game.app import crash_log_path

    log = crash_log_path()
    try:  # a traceback can hold a player's name or data: readable by the user only
        log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with open(fd, "a", encoding="utf-8") as f:
            traceback.print_exception(exc, file=f)
        where = f" (details in {log})"
    except OSError:
        where = ""
    print(f"{PROG}: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m balance_game``."""
    try:
        cli.main(args=argv, prog_name=PROG, standalone_mode=False)
    except UserError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        print(f"{PROG}: stopped", file=sys.stderr)
        sys.exit(130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        print(f"{PROG}: error: {exc.format_message()}{hint}", file=sys.stderr)
        sys.exit(2)
    except click.ClickException as exc:
        print(f"{PROG}: error: {exc.format_message()}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print(f"{PROG}: stopped", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("BALANCE_GAME_DEBUG"):
            raise
        sys.exit(_internal_error(exc))
    sys.exit(0)

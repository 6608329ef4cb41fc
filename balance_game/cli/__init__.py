"""The ``balance-game`` command: a thin shell over the library.

Each command group lives in its own module here; this one assembles them and turns every
user-facing error into one line on stderr with exit status 2 (never a traceback).
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
import traceback

import click

from balance_game import __version__
from balance_game.cli.help_text import Group, speak_for_help
from balance_game.core.validation import one_line
from balance_game.errors import Stopped, UserError
from balance_game.i18n import N_, _

PROG = "balance-game"


# Every command: its module under balance_game.cli and the one line `--help` lists for it. A
# command's module (and whatever it needs: numpy, pygame, scipy, the database) is imported only
# when that command runs, so `--version` and `--help` cost little more than starting Python.
# tests/cli/test_cli_lazy.py checks each line against the command's own docstring.
COMMANDS: dict[str, tuple[str, str]] = {
    "assess": ("assess", N_("Run a test and save its results: quiet (modified CTSIB), los (limits of "
                            "stability), symmetry, steadi (CDC STEADI 4-Stage Balance Test), "
                            "single-leg (single-leg stance time).")),
    "bench": ("bench", N_("Frame times per mechanic, input latency, reader throughput, measure timing, "
                          "memory, storage.")),
    "calibrate": ("assess", N_("Calibrate a player on this board: zero it, weigh, neutral stance, "
                               "orientation, then LOS.")),
    "devices": ("devices", N_("List connected balance boards and gamepads (name, kind, profile, path, "
                              "battery).")),
    "export": ("export", N_("Export a player's sessions, trials, samples, events and clinical test "
                            "results.")),
    "family": ("today", N_("Family play: each player plays the same level in turn, then the "
                           "scoreboard.")),
    "levels": ("levels", N_("List the levels in play order (or check level files with `levels check`).")),
    "metrics": ("metrics", N_("Sway measures of a samples CSV (columns t_s, cop_x_mm, cop_y_mm; others "
                              "are ignored).")),
    "note": ("sessions", N_("Add notes (the patient's comments, the therapist's observations) or pain "
                            "to a session.")),
    "play": ("play", N_("Play a level.")),
    "players": ("players", N_("List players (or add one with `players add`).")),
    "record": ("devices", N_("Record the live stream of a board to a samples CSV.")),
    "replay": ("replay", N_("Watch a recorded session: the real game re-run on the stored samples.")),
    "report": ("report", N_("Write a player's progress report: adherence, minutes, success, sway, LOS, "
                            "safety.")),
    "samples": ("sessions", N_("Write a session's samples to a CSV (the format `play --device "
                               "replay:FILE` reads).")),
    "sessions": ("sessions", N_("List recorded sessions, oldest first.")),
    "simulate": ("simulate", N_("Run a level headless and fast with a simulated player; report how "
                                "difficulty adapted.")),
    "tare": ("devices", N_("Zero the board: it must be empty.")),
    "today": ("today", N_("Today's training: a warm-up, three or four games and a steadiness check, "
                          "with rests.")),
}


class LazyGroup(Group):
    """A group that imports a command's module only when that command is asked for."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        speak_for_help(args)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(f"balance_game.cli.{entry[0]}")
        return next(c for c in module.COMMANDS if c.name == cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, from the registry (click's layout, no imports)."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=_(text)).get_short_help_str(limit))
                for name, (_module, text) in sorted(COMMANDS.items())]
        with formatter.section(N_("Commands")):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name=PROG,
                      help=N_("Show the version and exit."))
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help=N_("SQLite database file (default: $BALANCE_GAME_DB or the user data folder)."))
@click.option("--window/--fullscreen", default=None,
              help=N_("Open a window instead of going fullscreen (default: from the settings "
                      "file)."))
@click.option("--language", type=click.Choice(["en", "de", "es"]), default=None,
              help=N_("Language for this run, whoever plays (default: each player's setting, "
                      "else the computer's language)."))
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, window: bool | None,
        language: str | None) -> None:
    """Balance training games for a Wii Balance Board, a HID load-cell board or a gamepad.

    With no command, opens the game window at the title screen.
    """
    from balance_game.i18n import choose_for_run

    choose_for_run(language)
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path
    if ctx.invoked_subcommand is None:
        from balance_game.cli.play import run_menu_game
        from balance_game.settings import load_settings

        run_menu_game(db_path, windowed=load_settings().windowed if window is None else window)


def _internal_error(exc: BaseException) -> int:
    """An unexpected failure: one line for the person, the traceback in a log for a developer."""
    from balance_game.app import crash_log_path

    log = crash_log_path()
    try:  # a traceback can hold a player's name or data: readable by the user only
        log.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with open(fd, "a", encoding="utf-8") as f:
            traceback.print_exception(exc, file=f)
        where = " " + _("(details in {file})").format(file=log)
    except OSError:
        where = ""
    print(_("{prog}: internal error: {kind}: {message}").format(
        prog=PROG, kind=type(exc).__name__, message=one_line(str(exc))[:300]) + where,
          file=sys.stderr)
    return 1


def _stop_on(signum: int, frame: object) -> None:
    raise Stopped(signum)


def _handle_termination_signals() -> None:
    """SIGTERM and SIGHUP end the program the way Ctrl-C does: sessions closed, files whole."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop_on)


def _stopped(cause: BaseException | None) -> None:
    """Ctrl-C exits 130; SIGTERM and SIGHUP 128 + their number, saying which."""
    if isinstance(cause, Stopped):
        print(_("{prog}: stopped ({signal})").format(prog=PROG,
                                                     signal=signal.Signals(cause.signum).name),
              file=sys.stderr)
        sys.exit(128 + cause.signum)
    print(_("{prog}: stopped").format(prog=PROG), file=sys.stderr)
    sys.exit(130)


def _print_error(message: str, hint: str = "") -> None:
    """The one line a person reads when their input cannot be used."""
    print(_("{prog}: error: {message}").format(prog=PROG, message=one_line(message)) + hint,
          file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m balance_game``."""
    _handle_termination_signals()
    try:
        cli.main(args=argv, prog_name=PROG, standalone_mode=False)
    except UserError as exc:
        _print_error(str(exc))
        sys.exit(exc.exit_code)
    except click.exceptions.Abort as exc:  # click's word for an interrupt inside a command
        _stopped(exc.__cause__)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        from balance_game.cli.click_errors import usage_error_text
        from balance_game.cli.help_text import language_in
        from balance_game.i18n import set_language

        set_language(language_in(sys.argv[1:] if argv is None else argv))
        hint = (" " + _("(see '{command} --help')").format(command=exc.ctx.command_path)
                if exc.ctx else "")
        _print_error(usage_error_text(exc), hint)
        sys.exit(2)
    except click.ClickException as exc:
        _print_error(exc.format_message())
        sys.exit(2)
    except KeyboardInterrupt as exc:
        _stopped(exc)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("BALANCE_GAME_DEBUG"):
            raise
        sys.exit(_internal_error(exc))
    sys.exit(0)

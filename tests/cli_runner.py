"""Running the real command, with a database and settings of its own.

A command runs in this test process by default, through the same ``main`` a person's
``balance-game`` runs, with its own environment, working folder, output streams and Python's
default warning filters, and its exit status taken from ``SystemExit``: a separate Python for
each of the suite's hundreds of commands spent most of their time importing (half a second of
CPU each). A command that outlives its ``timeout`` is stopped there and raises
``subprocess.TimeoutExpired``, as ``subprocess.run`` does, so a hang fails its test instead of the
suite. Tests about what only a process has (signals, start-up imports, a missing display,
inherited streams) start one themselves.
"""

import io
import os
import shutil
import signal
import subprocess
import sys
import traceback
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

# What a command may change in the process running it, put back after it ran.
RESTORED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                         if hasattr(signal, name))


def run_cli_in(folder: Path, *args: str, timeout: float = 120,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `balance-game ARGS...` as a person would, with its database and settings in
    ``folder`` (never the machine's own) and ``env`` on top; returns CompletedProcess."""
    own_env = {"BALANCE_GAME_DB": str(folder / "cli.db"),
               "BALANCE_GAME_CONFIG": str(folder / "config" / "settings.yaml"), **(env or {})}
    return _run_in_this_process(list(args), own_env, folder, timeout)


class _TimedOut(BaseException):
    """Raised into a command that ran past its time (a BaseException: the command's own
    handlers of ``Exception`` must not turn it into an ordinary failure)."""


def _time_out(signum: int, frame: object) -> None:
    raise _TimedOut


def _run_in_this_process(args: list[str], env: dict[str, str], cwd: Path, timeout: float
                        ) -> subprocess.CompletedProcess:
    """``balance-game ARGS`` through ``balance_game.cli.main`` in this process; everything the
    command may change process-wide (environment, working folder, signal handlers, warning
    filters, the language in force) is restored afterwards."""
    from balance_game.cli import main
    from balance_game.i18n import choose_for_run

    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    saved_signals = {number: signal.getsignal(number)
                     for number in (*RESTORED_SIGNALS, signal.SIGALRM)}
    out, err = _text_stream(), _text_stream()
    status = 0
    try:
        os.environ.update(env)
        os.chdir(cwd)
        signal.signal(signal.SIGALRM, _time_out)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        with redirect_stdout(out), redirect_stderr(err), warnings.catch_warnings():
            _python_default_warning_filters()
            try:
                main(args)
            except SystemExit as exc:
                status = _exit_status(exc.code)
            except _TimedOut:
                raise subprocess.TimeoutExpired(["balance-game", *args], timeout,
                                                _text(out), _text(err)) from None
            except BaseException:  # what the interpreter prints when a program dies of it
                traceback.print_exc()
                status = 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        for number, handler in saved_signals.items():
            signal.signal(number, handler)
        choose_for_run(None)
    return subprocess.CompletedProcess(["balance-game", *args], status, _text(out), _text(err))


def _text_stream() -> io.TextIOWrapper:
    """A text stream with a binary buffer beneath, as a pipe's ``sys.stdout`` has."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)


def _text(stream: io.TextIOWrapper) -> str:
    """What ``subprocess.run(text=True)`` reads from a pipe: line ends made ``\n``."""
    stream.flush()
    raw = stream.buffer.getvalue().decode("utf-8", errors="replace")
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _exit_status(code: object) -> int:
    """The process status ``sys.exit(code)`` gives: None 0, a number itself, else printed and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _python_default_warning_filters() -> None:
    """The filters a fresh interpreter starts with, so a command shows (on its stderr) exactly
    the warnings it would show as a program, whatever filters pytest set."""
    warnings.resetwarnings()
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning,
                     ResourceWarning):
        warnings.simplefilter("ignore", category, append=True)


def copy_db(template: Path, folder: Path) -> str:
    """A private copy of a database built once for a module (with its write-ahead log, if any)."""
    copy = folder / template.name
    for suffix in ("", "-wal"):
        source = template.with_name(template.name + suffix)
        if source.exists():
            shutil.copy(source, copy.with_name(copy.name + suffix))
    return str(copy)

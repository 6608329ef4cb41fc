"""Running the real command in a subprocess, with a database and settings of its own."""

import os
import shutil
import subprocess
import sys
from pathlib import Path


def run_cli_in(folder: Path, *args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Run `balance-game ARGS...` in a subprocess, as a person would, with its database and
    settings in ``folder`` (never the machine's own); returns CompletedProcess."""
    env = {**os.environ, "BALANCE_GAME_DB": str(folder / "cli.db"),
           "BALANCE_GAME_CONFIG": str(folder / "config" / "settings.yaml")}
    env.update(kwargs.pop("env", {}))
    return subprocess.run(
        [sys.executable, "-m", "balance_game", *args], capture_output=True, text=True,
        timeout=timeout, env=env, cwd=kwargs.pop("cwd", folder), **kwargs,
    )


def copy_db(template: Path, folder: Path) -> str:
    """A private copy of a database built once for a module (with its write-ahead log, if any)."""
    copy = folder / template.name
    for suffix in ("", "-wal"):
        source = template.with_name(template.name + suffix)
        if source.exists():
            shutil.copy(source, copy.with_name(copy.name + suffix))
    return str(copy)

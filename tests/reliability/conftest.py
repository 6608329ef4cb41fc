"""Helpers for the reliability suite: the CLI as a person runs it, and the database it wrote."""

import os
import subprocess
import sys

import pytest
from cli_runner import run_cli_in

from balance_game.storage.db import Database
from balance_game.storage.sessions import iter_session_samples, session_record


@pytest.fixture
def cli(tmp_path):
    """``cli(*args)``: run balance-game on a scratch database (generous timeout: a hang fails the
    test instead of the suite); in this process as ``run_cli`` does, unless ``python_args``."""

    def run(*args: str, timeout: float = 90, env: dict | None = None, python_args: bool = False):
        """``python_args``: ``args`` are Python's own (``-c CODE ...``), run in a subprocess."""
        own_env = {"BALANCE_GAME_DB": str(tmp_path / "r.db"), **(env or {})}
        if not python_args:
            return run_cli_in(tmp_path, *map(str, args), timeout=timeout, env=own_env)
        full_env = {**os.environ, "BALANCE_GAME_CONFIG": str(tmp_path / "config" / "settings.yaml"),
                    **own_env}
        return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True,
                              timeout=timeout, env=full_env, cwd=tmp_path)

    run.db_path = tmp_path / "r.db"
    return run


def stored(db_path, session_id=1):
    """(last sample time, events) of a stored session."""
    with Database(db_path) as db:
        last = max((s.t_s for s in iter_session_samples(db, session_id)), default=0.0)
        return last, session_record(db, session_id)["events"]

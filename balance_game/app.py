"""Where this run keeps its things: the database path and the user data folder.

Resolution order for the database: ``--db PATH``, then ``$BALANCE_GAME_DB``, then
``balance_game.sqlite3`` in the user's data folder (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "balance_game"
DB_ENV = "BALANCE_GAME_DB"
DB_FILENAME = "balance_game.sqlite3"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_db_path(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / DB_FILENAME


def crash_log_path() -> Path:
    return user_data_dir() / "crash.log"

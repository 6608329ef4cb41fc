"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from balance_game.app import resolve_db_path


def db_option(command):
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), default=None,
        help="SQLite database (default: $BALANCE_GAME_DB, else the user data folder).",
    )(command)


def db_path(ctx: click.Context, db: str | None) -> Path:
    """A command's own --db wins over the one given before the command name."""
    parent = ctx.find_root().obj or {}
    return resolve_db_path(db or parent.get("db_path"))


def window_option(command):
    """``--window/--fullscreen``, the same for every command that opens the game's screen."""
    return click.option(
        "--window/--fullscreen", default=None,
        help="Open a window instead of fullscreen (default: from the settings file).",
    )(command)


def windowed(window: bool | None) -> bool:
    """The command's choice, else the machine's setting."""
    if window is not None:
        return window
    from balance_game.settings import load_settings

    return load_settings().windowed

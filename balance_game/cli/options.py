"""Options and number types shared by several commands.

Every number a person types goes through ``Number`` or ``WholeNumber``: NaN, infinities,
overflowing values and out-of-range values are refused with one line naming the range, so
none can make a session run forever or crash the database layer.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, NoReturn

import click

from balance_game.app import resolve_db_path
from balance_game.core.validation import one_line
from balance_game.i18n import N_, _

MAX_DIGITS = 30  # more than any valid number here; refused before any conversion


class _BadValue(click.BadParameter):
    """click's "Invalid value for '--seconds': …" with its words in the run's language."""

    def format_message(self) -> str:
        if self.param is None:
            return super().format_message()
        return _("Invalid value for {option}: {problem}").format(
            option=self.param.get_error_hint(self.ctx), problem=self.message)


class _Checked(click.ParamType):
    def fail(self, message: str, param: click.Parameter | None = None,
             ctx: click.Context | None = None) -> NoReturn:
        raise _BadValue(message, ctx=ctx, param=param)


class Number(_Checked):
    """A finite decimal number from ``low`` to ``high`` (``low_open``: strictly above low)."""

    name = "number"

    def __init__(self, low: float, high: float, low_open: bool = False) -> None:
        self.low, self.high, self.low_open = low, high, low_open

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        number = _parse(value, float, param, ctx, self)
        too_low = number <= self.low if self.low_open else number < self.low
        valid = (_("a number from above {low} to {high}") if self.low_open
                 else _("a number from {low} to {high}")).format(low=f"{self.low:g}",
                                                                 high=f"{self.high:g}")
        if not math.isfinite(number):
            self.fail(_("{value} is not a finite number ({valid})").format(
                value=_shown(value), valid=valid), param, ctx)
        if too_low or number > self.high:
            self.fail(_("{value} is out of range ({valid})").format(value=_shown(value),
                                                                    valid=valid), param, ctx)
        return number


class WholeNumber(_Checked):
    """A whole number from ``low`` to ``high`` (ids and seeds fit the database's 64 bits)."""

    name = "integer"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        number = _parse(value, int, param, ctx, self)
        if not self.low <= number <= self.high:
            self.fail(_("{value} is out of range ({low} to {high})").format(
                value=_shown(value), low=self.low, high=self.high), param, ctx)
        return number


def _parse(value: Any, kind: type, param: click.Parameter | None, ctx: click.Context | None,
           owner: click.ParamType) -> Any:
    if isinstance(value, kind) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if len(text) > MAX_DIGITS:
        owner.fail(_("{value} is far too long for a number").format(value=_shown(value)), param,
                   ctx)
    try:
        return kind(text)
    except (TypeError, ValueError, OverflowError):
        wrong = (_("{value} is not a whole number") if kind is int
                 else _("{value} is not a number"))
        owner.fail(wrong.format(value=_shown(value)), param, ctx)


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 24 else text[:24] + "…")


SEED = WholeNumber(-(2**31), 2**31 - 1)
SESSION_ID = WholeNumber(1, 2**63 - 1)
ABILITY = Number(0.0, 1.0)
DAY_S = 24 * 3600.0  # no session, recording or scripted event lasts longer than a day


def echo_safe(line: str, err: bool = False) -> None:
    """Print one line of stored or hand-written text (names, titles, notes) with its control
    and direction characters shown as escapes: a terminal must never obey them."""
    click.echo(one_line(line), err=err)


def db_option(command):
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), default=None,
        help=N_("SQLite database (default: $BALANCE_GAME_DB, else the user data folder)."),
    )(command)


def db_path(ctx: click.Context, db: str | None) -> Path:
    """A command's own --db wins over the one given before the command name."""
    parent = ctx.find_root().obj or {}
    return resolve_db_path(db or parent.get("db_path"))


def device_option(command):
    """``--device`` for the commands that play: every choice of ``devices.select`` spelled out
    (tests/cli/test_cli_language.py keeps the list complete)."""
    return click.option(
        "--device", default=None,
        help=N_("Input: auto, wbb, hid:PROFILE_ID, serial:PROFILE_ID, keyboard, mouse, "
                "gamepad[:PROFILE_ID], sim or replay:FILE (default: from the settings file, else "
                "auto)."),
    )(command)


def window_option(command):
    """``--window/--fullscreen``, the same for every command that opens the game's screen."""
    return click.option(
        "--window/--fullscreen", default=None,
        help=N_("Open a window instead of fullscreen (default: from the settings file)."),
    )(command)


def windowed(window: bool | None) -> bool:
    """The command's choice, else the machine's setting."""
    if window is not None:
        return window
    from balance_game.settings import load_settings

    return load_settings().windowed

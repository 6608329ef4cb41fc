"""Finds the data folders (levels/, assets/, drivers/) in a source tree or an installed wheel.

In the repository they sit beside the package; a wheel carries them inside the package under
``_data/`` (see pyproject.toml), so the game works the same from a clone and from ``pip install``.
"""

from __future__ import annotations

from pathlib import Path

from balance_game.errors import UserError
from balance_game.i18n import _

_PACKAGE_DIR = Path(__file__).resolve().parent
DATA_FOLDERS = ("levels", "assets", "drivers")


def data_dir(name: str) -> Path:
    """The folder ``name`` (one of DATA_FOLDERS), wherever this copy of the game keeps it."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise UserError(_("the game's {folder}/ folder is missing; reinstall with `pip install .`").format(
        folder=name))


def levels_dir() -> Path:
    return data_dir("levels")


def assets_dir() -> Path:
    return data_dir("assets")


def drivers_dir() -> Path:
    return data_dir("drivers")

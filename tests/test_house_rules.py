"""The house rules hold for balance_game, and the checker does catch a tree that breaks them."""

from pathlib import Path

import pytest

from tests.house_rules import check

PACKAGE = Path(__file__).resolve().parents[1] / "balance_game"


def test_the_package_keeps_the_house_rules():
    assert check(PACKAGE) == []


def test_each_outside_library_has_its_owner():
    """The owners exist and do use their library (a rule about a module that is gone is dead)."""
    from tests.house_rules import OWNERS, imports

    used = {(imp.module, lib) for imp in imports(PACKAGE) for lib in OWNERS
            if imp.target == lib or imp.target.startswith(lib + ".")}
    for library, owner in OWNERS.items():
        if library not in ("hid", "hidraw"):  # hid_backend loads hidapi by name (importlib)
            assert (owner, library) in used, f"{owner} should be the one user of {library}"


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "balance_game"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


GOOD = {
    "errors.py": "class UserError(Exception): ...\n",
    "core/__init__.py": "",
    "core/records.py": "import math\n",
    "core/rules.py": "from balance_game.core.records import math\nfrom balance_game.dsp import sway\n",
    "dsp/__init__.py": "",
    "dsp/sway.py": "import numpy\nfrom balance_game.errors import UserError\n",
    "storage/db.py": "import sqlite3\n",
    "render/window.py": "import pygame\npygame.display.set_mode((1, 1))\n",
    "cli/demo.py": "from balance_game.demo import fake\n",
}


def test_a_tree_that_keeps_the_rules_passes(tmp_path):
    assert check(_tree(tmp_path, GOOD)) == []


@pytest.mark.parametrize(("path", "text", "expected"), [
    ("core/draw.py", "import pygame\n", "core/ is pure but imports pygame"),
    ("core/save.py", "def f():\n    import sqlite3\n", "core/ is pure but imports sqlite3"),
    ("core/look.py", "from balance_game.storage import db\n", "core/ is pure but imports"),
    ("dsp/f.py", "from balance_game.core import rules\n", "dsp/ imports only numpy, scipy and errors"),
    ("core/records.py", "from balance_game.errors import UserError\n", "imports nothing of the project"),
    ("storage/other.py", "import sqlite3\n", "only balance_game/storage/db.py may use sqlite3"),
    ("devices/board.py", "import hidraw\n", "only balance_game/devices/hid_backend.py may use hidraw"),
    ("devices/pad.py", "from evdev import ecodes\n", "only balance_game/devices/evdev_board.py"),
    ("devices/hx711.py", "import serial\n", "only balance_game/devices/serial_transport.py"),
    ("game/pair.py", "import jeepney\n", "only balance_game/devices/bluez_pairing.py"),
    ("game/loop.py", "import pygame\npygame.display.flip()\n", "only balance_game/render/window.py"),
    ("render/hud.py", "from pygame import display\n", "only balance_game/render/window.py"),
    ("devices/hid_backend.py", "from balance_game.demo import fake\n", "is a demo stand-in"),
])
def test_each_broken_rule_is_named(tmp_path, path, text, expected):
    problems = check(_tree(tmp_path, {**GOOD, path: text}))
    assert any(expected in p and path in p for p in problems), problems


def test_a_cycle_between_packages_is_found(tmp_path):
    tree = _tree(tmp_path, {**GOOD, "storage/players.py": "from balance_game.game import scenes\n",
                            "game/scenes.py": "from balance_game.storage import players\n"})
    (problem,) = check(tree)
    assert "cycle: game <-> storage" in problem and "storage/players.py:1" in problem

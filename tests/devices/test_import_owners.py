"""One owner per outside device library: each is imported by exactly one module of the game."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "balance_game"
OWNERS = {
    "hid": "devices/hid_backend.py",
    "hidraw": "devices/hid_backend.py",
    "evdev": "devices/evdev_board.py",
    "serial": "devices/serial_transport.py",
    "jeepney": "devices/bluez_pairing.py",
}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_each_device_library_has_one_owner():
    importers: dict[str, set[str]] = {name: set() for name in OWNERS}
    for path in PACKAGE.rglob("*.py"):
        for root in _imported_roots(path) & set(OWNERS):
            importers[root].add(path.relative_to(PACKAGE).as_posix())
    # hid_backend loads hidapi by name (importlib), so it may not show up as an import at all
    assert all(found <= {OWNERS[name]} for name, found in importers.items()), importers
    for name in ("evdev", "serial", "jeepney"):
        assert importers[name] == {OWNERS[name]}

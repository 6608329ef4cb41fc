"""The house rules of balance_game as a checker over source files (see docs/architecture.md).

``check(package_dir)`` reads every module below ``package_dir`` with ``ast`` (nothing is
imported or run) and returns one line per broken rule:

- pure rooms: ``core`` and ``dsp`` import no pygame, sqlite3 or device library, and nothing of the
  devices, storage, game, render, report, cli or demo packages; ``dsp`` imports nothing of the
  project but ``errors``; ``core/records.py`` imports nothing of the project at all;
- one owner per outside thing: only the module named in ``OWNERS`` imports (or, for
  ``pygame.display``, touches) that library;
- the demo's stand-ins (``demo``) are reached only from the command line and the benchmark;
- no cycles between packages (each sub-package and each top-level module is one node; imports
  inside functions and under ``TYPE_CHECKING`` count, since they are dependencies all the same).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = "balance_game"
PURE_ROOMS = ("core", "dsp")
DEVICE_LIBRARIES = ("pygame", "sqlite3", "hid", "hidraw", "evdev", "serial", "dbus_fast", "jeepney")
HIGHER_ROOMS = ("devices", "storage", "game", "render", "report", "cli", "demo", "app", "bench")
DSP_MAY_IMPORT = ("dsp", "errors")
# outside thing -> the one module (path below the package) allowed to import it
OWNERS = {
    "sqlite3": "storage/db.py",
    "hid": "devices/hid_backend.py",
    "hidraw": "devices/hid_backend.py",
    "evdev": "devices/evdev_board.py",
    "serial": "devices/serial_transport.py",
    "jeepney": "devices/bluez_pairing.py",
    "pygame.display": "render/window.py",
}
DEMO_USERS = ("cli", "bench", "demo")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module's path below the package, e.g. "core/levels.py"
    target: str  # the dotted name imported, e.g. "balance_game.dsp.sway" or "pygame.display"
    line: int


def _room(path: str) -> str:
    """The node a module belongs to: its sub-package, or the top-level module's own name."""
    first = path.split("/", 1)[0]
    return first.removesuffix(".py")


def _target_room(target: str) -> str | None:
    parts = target.split(".")
    return parts[1] if parts[0] == ROOT and len(parts) > 1 else None


def _names(tree: ast.AST) -> Iterator[tuple[str, int]]:
    """Every module an ``import`` names, plus ``pygame.display`` wherever it is touched."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
            if node.module in (ROOT, "pygame"):  # ``from pygame import display`` names a module
                for alias in node.names:
                    yield f"{node.module}.{alias.name}", node.lineno
        elif (isinstance(node, ast.Attribute) and node.attr == "display"
              and isinstance(node.value, ast.Name) and node.value.id == "pygame"):
            yield "pygame.display", node.lineno


def imports(package_dir: Path) -> list[Import]:
    found = []
    for path in sorted(package_dir.rglob("*.py")):
        rel = path.relative_to(package_dir).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [Import(rel, name, line) for name, line in _names(tree)]
    return found


def _is(target: str, library: str) -> bool:
    return target == library or target.startswith(library + ".")


def _pure_room_problems(imp: Import) -> Iterator[str]:
    room = _room(imp.module)
    if room not in PURE_ROOMS:
        return
    where = f"{ROOT}/{imp.module}:{imp.line}"
    for library in DEVICE_LIBRARIES:
        if _is(imp.target, library):
            yield f"{where}: {room}/ is pure but imports {imp.target}"
    target_room = _target_room(imp.target)
    if target_room in HIGHER_ROOMS:
        yield f"{where}: {room}/ is pure but imports {imp.target}"
    if room == "dsp" and target_room is not None and target_room not in DSP_MAY_IMPORT:
        yield f"{where}: dsp/ imports only numpy, scipy and errors, not {imp.target}"
    if imp.module == "core/records.py" and target_room is not None:
        yield f"{where}: core/records.py is the shared vocabulary and imports nothing of the project"


def _owner_problems(imp: Import) -> Iterator[str]:
    for library, owner in OWNERS.items():
        if _is(imp.target, library) and imp.module != owner:
            yield f"{ROOT}/{imp.module}:{imp.line}: only {ROOT}/{owner} may use {library}"
    if _target_room(imp.target) == "demo" and _room(imp.module) not in DEMO_USERS:
        yield (f"{ROOT}/{imp.module}:{imp.line}: {imp.target} is a demo stand-in, reached only from "
               "the command line or the benchmark")


def package_graph(found: list[Import]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for imp in found:
        source, target = _room(imp.module), _target_room(imp.target)
        graph.setdefault(source, set())
        if target is not None and target != source and target != "__init__":
            graph[source].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _edge_examples(found: list[Import], group: list[str]) -> str:
    seen: dict[tuple[str, str], str] = {}
    for imp in found:
        edge = (_room(imp.module), _target_room(imp.target) or "")
        if edge[0] in group and edge[1] in group and edge[0] != edge[1] and edge not in seen:
            seen[edge] = f"{ROOT}/{imp.module}:{imp.line} imports {imp.target}"
    return "; ".join(seen[e] for e in sorted(seen))


def check(package_dir: Path) -> list[str]:
    found = imports(package_dir)
    problems = [p for imp in found for p in (*_pure_room_problems(imp), *_owner_problems(imp))]
    for group in cycles(package_graph(found)):
        problems.append(f"packages import each other in a cycle: {' <-> '.join(group)} "
                        f"({_edge_examples(found, group)})")
    return problems

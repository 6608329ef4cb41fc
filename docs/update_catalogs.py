"""Extract every user-facing string and bring the translation catalogs up to date.

Run after changing any text: ``.venv/bin/python docs/update_catalogs.py``. It writes
balance_game/locale/balance_game.pot (the template) and merges it into each language's .po file,
keeping existing translations; new strings arrive empty for a translator to fill in. The test
tests/test_catalogs.py fails while any string is untranslated.

Strings come from the Python code (``_``, ``N_``, ``phrase``, ``ngettext``), from the docstrings of
the command-line commands (their ``--help`` text, translated by balance_game/cli/help_text.py) and
from the level files (title and instructions: what a player reads before and during a level).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from balance_game.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, SOURCE_LANGUAGE, catalog_path  # noqa: E402

KEYWORDS = {"_": None, "N_": None, "phrase": None, "ngettext": (1, 2)}
LEVEL_TEXT_FIELDS = ("title", "instructions")


Location = tuple[str, int | None]


def python_messages() -> Iterator[tuple[str | tuple[str, str], Location]]:
    """(message id, or singular/plural pair) with the file and line it was found at."""
    for filename, lineno, message, _comments, _context in extract_from_dir(
            REPO / "balance_game", method_map=[("**.py", "python")], keywords=KEYWORDS):
        yield message, (f"balance_game/{filename}", lineno)
    yield from command_help_messages()


def command_help_messages() -> Iterator[tuple[str, Location]]:
    """The docstring of every function made a command or group (``@command()``,
    ``@players.command("add")``...), cleaned as click cleans it: its ``--help`` text."""
    for path in sorted((REPO / "balance_game" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(map(_makes_command, node.decorator_list)):
                text = ast.get_docstring(node, clean=True)
                if text:
                    yield text, (f"balance_game/cli/{path.name}", node.lineno)


def _makes_command(decorator: ast.expr) -> bool:
    func = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in ("command", "group")


def level_messages() -> Iterator[tuple[str, Location]]:
    """Level titles and instructions as the game shows them (folded YAML joins lines)."""
    import yaml

    for path in sorted((REPO / "levels").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for field in LEVEL_TEXT_FIELDS:
            if isinstance(data.get(field), str):
                yield data[field], (f"levels/{path.name}", None)


def template() -> Catalog:
    catalog = Catalog(domain=DOMAIN, project="balance_game", charset="utf-8")
    for message, location in [*python_messages(), *level_messages()]:
        catalog.add(message, locations=[location])
    return catalog


def update() -> None:
    pot = template()
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as out:
        write_po(out, pot, omit_header=False, sort_output=True)
    for code in LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        path = catalog_path(code)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as po:
                catalog = read_po(po, locale=code, domain=DOMAIN)
        else:
            catalog = Catalog(locale=code, domain=DOMAIN, project="balance_game")
        catalog.update(pot, no_fuzzy_matching=True)
        with path.open("wb") as out:
            write_po(out, catalog, sort_output=True, ignore_obsolete=True)
        missing = sum(1 for m in catalog if m.id and not _translated(m))
        print(f"{path.relative_to(REPO)}: {len(catalog)} strings, {missing} to translate")


def _translated(message: object) -> bool:
    string = getattr(message, "string", "")
    return all(string) if isinstance(string, tuple) else bool(string)


if __name__ == "__main__":
    update()

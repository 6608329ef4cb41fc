"""The translation catalogs are complete and usable, and the game speaks the language asked for.

Messages are extracted afresh from the code and the level files (with the same functions as
docs/update_catalogs.py), so a string added without a translation fails here, not in front of a
German or Spanish player.
"""

from __future__ import annotations

import importlib.util
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from balance_game.i18n import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    _,
    available_languages,
    catalog_path,
    ngettext,
    phrase,
    set_language,
)

REPO = Path(__file__).resolve().parent.parent
TRANSLATED = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def _update_catalogs():
    spec = importlib.util.spec_from_file_location("update_catalogs",
                                                  REPO / "docs" / "update_catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted() -> set[str | tuple[str, str]]:
    module = _update_catalogs()
    found = {message for message, _where in module.python_messages()}
    return found | {message for message, _where in module.level_messages()}


def _catalog(code: str):
    with catalog_path(code).open("rb") as po:
        return read_po(po, locale=code)


def _fields(text: str) -> list[str]:
    """The {placeholders} of a message, in order, with their format specs."""
    return sorted(f"{name}:{spec}" for _lit, name, spec, _conv in string.Formatter().parse(text)
                  if name is not None)


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")


def test_every_language_has_a_catalog():
    assert available_languages() == list(LANGUAGES)
    for code in TRANSLATED:
        assert catalog_path(code).is_file(), code


def test_extraction_finds_code_phrases_and_level_texts(extracted):
    """The extractor sees all three ways of marking text, and the level files."""
    assert "Stop for today?" in extracted  # _()
    assert "Well done!" in extracted  # N_() in core
    assert "Lean {direction} and hold" in extracted  # phrase() in core
    assert ("{n} session", "{n} sessions") in extracted  # ngettext
    assert "Statue" in extracted  # a level title (levels/*.yaml)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated(code, extracted):
    catalog = _catalog(code)
    problems = []
    for message in sorted(extracted, key=str):
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        if entry is None:
            problems.append(f"missing: {message!r}")
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {key!r}")
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if isinstance(message, tuple) and (not isinstance(entry.string, tuple)
                                           or len(forms) != catalog.num_plurals):
            problems.append(f"plural forms incomplete: {key!r}")
        if not all(forms):
            problems.append(f"untranslated: {key!r}")
        originals = message if isinstance(message, tuple) else (message,)
        allowed = [_fields(original) for original in originals]  # "One more day" has no {n}
        for form in forms:
            if form and _fields(form) not in allowed:
                problems.append(f"placeholders differ: {key!r} -> {form!r}")
    assert not problems, f"{code}: {len(problems)} problems:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_carries_no_stale_entries(code, extracted):
    """Nothing a translator would spend time on that the game no longer says."""
    keys = {m[0] if isinstance(m, tuple) else m for m in extracted}
    stale = [m.id for m in _catalog(code) if m.id and
             (m.id[0] if isinstance(m.id, tuple) else m.id) not in keys]
    assert not stale, stale[:20]


def test_plural_forms_follow_the_number():
    set_language("en")
    assert ngettext("{n} session", "{n} sessions", 1).format(n=1) == "1 session"
    assert ngettext("over {n} week", "over {n} weeks", 1).format(n=1) == "over 1 week"
    set_language("de")
    assert ngettext("{n} session", "{n} sessions", 1).format(n=1) == "1 Übungseinheit"
    assert ngettext("{n} session", "{n} sessions", 3).format(n=3) == "3 Übungseinheiten"
    set_language("es")
    assert ngettext("over {n} week", "over {n} weeks", 1).format(n=1) == "en 1 semana"
    assert ngettext("over {n} week", "over {n} weeks", 2).format(n=2) == "en 2 semanas"


def test_a_phrase_is_english_until_shown_and_translated_with_its_values():
    """Core builds sentences with values in English; the screen shows them in the player's
    language, values that are words (a direction) translated too, numbers kept."""
    said = phrase("Lean {direction} and hold", direction=phrase("forward and left"))
    assert said == "Lean forward and left and hold"
    set_language("de")
    assert _(said) == "Lehnen Sie sich nach vorn links und halten Sie"
    rate = phrase("Readings arrive slowly ({rate:.0f} per second).", rate=12.4)
    set_language("es")
    assert _(rate) == "Las lecturas llegan despacio (12 por segundo)."


def test_a_phrase_s_decimals_take_the_language_s_sign():
    """"10,0 s" on a German screen, "10.0 s" in the English record of the same phrase."""
    held = phrase("{s:.1f} s", s=10.0)
    assert held == "10.0 s"
    set_language("de")
    assert _(held) == "10,0 s" and _(phrase("{n} s", n=-2.5)) == "-2,5 s"
    assert _(phrase("{rate:.0f} per second", rate=12.4)).startswith("12 ")  # whole: no sign
    set_language("en")
    assert _(held) == "10.0 s"


def test_the_cli_speaks_german(run_cli):
    result = run_cli("--language", "de", "levels")
    assert result.returncode == 0, result.stderr
    assert "Welt 1" in result.stdout and "Erste Griffe" in result.stdout
    english = run_cli("--language", "en", "levels")
    assert "world 1" in english.stdout and "First reaches" in english.stdout



@pytest.mark.parametrize("code", TRANSLATED)
def test_nothing_stays_nothing(code):
    """gettext("") is the catalog's header: an empty prompt must stay empty on screen."""
    set_language(code)
    assert _("") == ""


def test_stored_english_is_shown_translated_where_the_catalog_has_it():
    """Words kept in records (a hold's end, a stance's name) read in the active language."""
    from balance_game.i18n import stored

    set_language("de")
    assert _(stored("no readings from the board")) == "keine Messwerte vom Brett"
    assert _(stored("a {brace} nobody translated")) == "a {brace} nobody translated"
    assert stored(phrase("Hold: {stance}", stance="x")).params == {"stance": "x"}  # kept as is

"""Every word a person reads or hears goes through here: ``_``, ``ngettext`` and ``N_``.

The catalogs are gettext ``.po`` files in ``balance_game/locale/<code>/LC_MESSAGES/`` (extracted
with Babel, see ``locale/README.md``). They are read with Babel at first use rather than compiled
to ``.mo`` files, so the repository holds only text that translators edit and a clone runs as is.

The language is chosen once per run (``--language``, else the player's setting, else the
machine's locale) and can change when another player is chosen. That choice is the one piece of
process-wide state here, as it is in gettext itself: words are looked up where they are shown,
deep inside screens, reports and error messages, and threading a translator through every call
would add a parameter to most functions of the program for no gain.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import os
from collections.abc import Iterator
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "balance_game"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "de": "Deutsch", "es": "Español"}


class _Active:
    """The translations in force; ``NullTranslations`` (the source text) until one is chosen."""

    translations: gettext.NullTranslations = gettext.NullTranslations()
    code: str = SOURCE_LANGUAGE
    chosen_for_run = False  # --language was given: players' own settings do not change it


class Phrase(str):
    """English text that remembers its message id and values, so it can be shown in another
    language later.

    The pure rooms (``core``) describe what to tell the player with values in it ("Lean
    {direction} and hold") but must not depend on the language in force; a ``Phrase`` is the
    English sentence (so logs, tests and records read as before) and ``_`` turns it into the
    active language where it is shown. Values that are themselves phrases are translated too.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any]) -> Phrase:
        made = super().__new__(cls, template.format(**params))
        made.template = template
        made.params = params
        return made


def phrase(template: str, **params: Any) -> Phrase:
    """Mark ``template`` for extraction and fill it with ``params``; translated at use by ``_``."""
    return Phrase(template, params)


def stored(text: str) -> str:
    """English words kept in a record (a test's reason, a stance's name) as a phrase, so ``_``
    shows them in the active language where the catalog has them, and as written otherwise."""
    if isinstance(text, Phrase):
        return text
    return Phrase(text.replace("{", "{{").replace("}", "}}"), {})


class _LocalNumber(float):
    """A decimal value of a phrase, written with the active language's signs ("3,7 s")."""

    def __format__(self, spec: str) -> str:
        minus, decimal = _number_symbols(_Active.code)
        return format(float(self), spec).replace("-", minus).replace(".", decimal)


def _shown_value(value: Any) -> Any:
    if isinstance(value, Phrase):
        return _(value)
    if isinstance(value, float) and _Active.code != SOURCE_LANGUAGE:
        return _LocalNumber(value)
    return value


def _(message: str) -> str:
    """``message`` in the active language (a ``Phrase`` with its values filled in, decimals
    with the language's own sign)."""
    if isinstance(message, Phrase):
        values = {k: _shown_value(v) for k, v in message.params.items()}
        return _Active.translations.gettext(message.template).format(**values)
    if not message:  # gettext("") is the catalog's header, never a word to show
        return message
    return _Active.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The right form for ``n`` in the active language (German and Spanish have two, others more)."""
    return _Active.translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant for extraction; it is translated where it is shown, with ``_``."""
    return message


def normalise(code: str | None) -> str | None:
    """``de_DE.UTF-8`` -> ``de``; ``None`` for a language without a catalog."""
    if not code:
        return None
    short = code.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return short if short in LANGUAGES else None


def language_from_environment() -> str:
    """The first language of the machine's locale that the game speaks, else English."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in os.environ.get(variable, "").split(":"):
            code = normalise(part)
            if code is not None:
                return code
    return SOURCE_LANGUAGE


def catalog_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages() -> list[str]:
    """English and every language whose catalog this copy of the game carries."""
    return [code for code in LANGUAGES
            if code == SOURCE_LANGUAGE or catalog_path(code).is_file()]


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The catalog for ``code`` as gettext translations (read once per run)."""
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(code).open("rb") as po:
        catalog = read_po(po, locale=code, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(code: str | None) -> str:
    """Speak ``code`` from now on (unknown or None: the machine's language); returns the code used."""
    chosen = normalise(code) or language_from_environment()
    if chosen not in available_languages():
        chosen = SOURCE_LANGUAGE
    _Active.translations = translations(chosen)
    _Active.code = chosen
    return chosen


def choose_for_run(code: str | None) -> str:
    """``--language``: this run speaks ``code`` whoever plays; None (no ``--language``): the
    computer's language until a player's own is known. Each command invocation decides afresh,
    so one run in a process (a test's) never fixes the language of the next."""
    chosen = set_language(code)
    _Active.chosen_for_run = code is not None
    return chosen


def prefer(code: str | None) -> str:
    """A player's own language (None or "": the machine's), unless the run chose one."""
    return _Active.code if _Active.chosen_for_run else set_language(code or None)


def active_language() -> str:
    return _Active.code


@contextlib.contextmanager
def speaking(code: str) -> Iterator[str]:
    """Speak ``code`` inside the block (a report in the therapist's language, say), then return
    to the language in force before; yields the code used."""
    before = (_Active.translations, _Active.code)
    try:
        yield set_language(code)
    finally:
        _Active.translations, _Active.code = before


def number(value: float, digits: int | None = None) -> str:
    """``value`` written for the active language ("1,25" in German), for people only: files that
    programs read keep the dot. ``digits`` fixes the decimals; None writes it as ``:g`` does.

    Python rounds and Babel only supplies the symbols, so every language shows the same digits
    (Babel's decimal rounding can differ from Python's in the last place); no thousands
    separator, which keeps numbers short in table columns.
    """
    minus, decimal = _number_symbols(_Active.code)
    text = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    return text.replace("-", minus).replace(".", decimal)


def decimal_sign() -> str:
    """The active language's decimal sign ("," in German), for numbers written elsewhere."""
    return _number_symbols(_Active.code)[1]


def load_language_data() -> None:
    """Read the active language's CLDR data now rather than for its first number on screen:
    Babel takes 30-45 ms to load it, two or three frames, so the game calls this before its
    first frame and when a player's language comes into force (a change of screen)."""
    _number_symbols(_Active.code)


@cache
def _number_symbols(code: str) -> tuple[str, str]:
    """Minus and decimal sign of a language (CLDR, through Babel; read once, a report writes
    thousands of numbers)."""
    from babel.numbers import get_decimal_symbol, get_minus_sign_symbol

    return get_minus_sign_symbol(code), get_decimal_symbol(code)


def date_text(day: date, form: str = "medium") -> str:
    """A calendar day as the active language writes it: ``form`` is Babel's "short", "medium",
    "long" ("2. Dezember 2026") or "full", or a CLDR skeleton such as "MMMd" ("2. Dez.")."""
    from babel.dates import format_date, format_skeleton

    if form in ("short", "medium", "long", "full"):
        return format_date(day, form, locale=_Active.code)
    return format_skeleton(form, day, locale=_Active.code)


def time_text(moment: time) -> str:
    """A wall-clock time as the active language writes it ("14:05", "2:05 PM")."""
    from babel.dates import format_time

    return format_time(moment, "short", locale=_Active.code)

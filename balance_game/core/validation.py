"""Checking YAML data files (levels, prescriptions) with messages a person can act on.

Every problem reads ``FILE: key.path: what is wrong (what would be valid)``. A checker collects
all problems of a file instead of stopping at the first, so `levels check` can list them all.
The words are in the run's language (callers pass ``N_`` text or a ``phrase``); the file name and
the key path stay as written, because they are what the person must find in the file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from balance_game.errors import UserError
from balance_game.i18n import _, ngettext, phrase

T = TypeVar("T")


class DataFileError(UserError):
    """One or more problems in a data file; ``problems`` holds one line each.

    As an error it reads as one line (the first problem and how many more), so every failing
    command ends with one line; `levels check` lists ``problems`` in full.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        more = len(problems) - 1
        super().__init__(problems[0] + (" " + ngettext("(and {n} more problem)",
                                                       "(and {n} more problems)", more).format(n=more)
                                         if more else ""))
        self.problems = list(problems)


MAX_DATA_FILE_BYTES = 256 * 1024  # the largest level or profile is a few kilobytes


def load_yaml(path: Path, max_bytes: int = MAX_DATA_FILE_BYTES) -> Any:
    """Parse a YAML data file within limits (size, aliases, depth, no duplicate keys).

    The one reader of every YAML file a person may edit or hand over: levels, prescriptions,
    device profiles and the settings file. Every problem is one short line naming the file.
    """
    try:
        with open(path, "rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as exc:
        raise DataFileError([_("{file}: cannot read the file ({reason})").format(
            file=path, reason=exc.strerror)]) from None
    if len(raw) > max_bytes:
        raise DataFileError([_("{file}: too big for a data file (over {size} KiB)").format(
            file=path, size=max_bytes // 1024)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError([_("{file}: not UTF-8 text (save the file as UTF-8)").format(
            file=path)]) from None
    import yaml  # here, not at the top: commands that print only need one_line load no YAML

    from balance_game.core.yaml_limits import YamlRefused, parse_limited

    try:
        return parse_limited(text)
    except YamlRefused as exc:
        raise DataFileError([f"{path}: {_(exc.reason)}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = (_("line {line}, column {column}").format(line=mark.line + 1,
                                                          column=mark.column + 1)
                 if mark else _("somewhere"))
        # the parser's own words (PyYAML's, in English) quoted after ours
        problem = excerpt(one_line(getattr(exc, "problem", None) or _("invalid YAML")), 80)
        raise DataFileError([_("{file}: YAML syntax error at {where}: {problem} (check "
                               "indentation and colons)").format(file=path, where=where,
                                                                  problem=problem)]) from None
    except ValueError as exc:  # YAML recognised a value it cannot build, e.g. 2001-13-45
        raise DataFileError([_("{file}: a value cannot be read: {value} (quote it to keep it as "
                               "text)").format(file=path, value=excerpt(one_line(str(exc)), 80))
                             ]) from None
    except RecursionError:
        raise DataFileError([_("{file}: nested too deeply to be a data file").format(
            file=path)]) from None


def unsafe_character(text: str, allow_newlines: bool = False) -> str | None:
    """The first character that has no place in a name or a note, as ``U+XXXX``, else None.

    Control characters (C0, DEL, C1: a terminal obeys them), format characters such as the
    bidi overrides U+202E and U+2066 (they make text read differently from what it is) and the
    Unicode line and paragraph separators. ``allow_newlines`` lets notes keep line breaks.
    """
    for c in text:
        if allow_newlines and c in "\n\t":
            continue
        if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
            return f"U+{ord(c):04X}"
    return None


def excerpt(text: str, limit: int = 40) -> str:
    """At most ``limit`` characters of ``text``, marked when cut."""
    return text if len(text) <= limit else text[:limit] + "…"


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters shown as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _is_type(value: Any) -> str:
    """"is …" naming what a value is, for a message (a phrase in the run's language)."""
    if isinstance(value, bool):
        return phrase("is a true/false value")
    if isinstance(value, (int, float)):
        return phrase("is the number {value}", value=value)
    if isinstance(value, str):
        return phrase("is the text {text}", text=repr(value[:30]))
    if isinstance(value, list):
        return phrase("is a list")
    if isinstance(value, dict):
        return phrase("is a mapping")
    if value is None:
        return phrase("is empty")
    return phrase("is {kind}", kind=type(value).__name__)


@dataclass
class Checker:
    """Collects problems for one file while the caller walks its data."""

    file: Path
    problems: list[str] = field(default_factory=list)

    def problem(self, path: str, what: str, valid: str) -> None:
        """Record that ``path`` ``what`` (e.g. "is missing"), and what would be ``valid``; both
        are ``N_`` text or phrases, said in the run's language."""
        line = (f"{self.file}: {excerpt(path, 80)}: {excerpt(_(what), 120)} "
                f"({excerpt(_(valid), 200)})")
        self.problems.append(one_line(line))

    def top(self, data: Any) -> Mapping[str, Any]:
        """The file's top level, which must be a mapping: nothing else can be checked without it."""
        top = self.mapping(data, "")
        if top is None:
            self.fail()
        return top

    def mapping(self, value: Any, path: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.problem(path or "(top)", _is_type(value), phrase("a mapping of key: value"))
        return None

    def keys(self, data: Mapping[str, Any], path: str, required: Sequence[str],
             optional: Sequence[str] = ()) -> None:
        prefix = f"{path}." if path else ""
        allowed = list(required) + list(optional)
        for key in required:
            if key not in data:
                self.problem(f"{prefix}{key}", phrase("is missing"),
                             phrase("add {key}: ...", key=key))
        for key in data:
            if key not in allowed:
                self.problem(f"{prefix}{key}", phrase("is not a known key"),
                             phrase("known keys: {keys}", keys=", ".join(allowed)))

    def text(self, value: Any, path: str, max_length: int = 2000) -> str | None:
        if isinstance(value, str) and value.strip() and len(value) <= max_length:
            bad = unsafe_character(value, allow_newlines=True)
            if bad is None:
                return value.strip()
            self.problem(path, phrase("holds the control or direction character {character}",
                                      character=bad), phrase("plain text: remove it"))
            return None
        self.problem(path, _is_type(value),
                     phrase("non-empty text up to {n} characters", n=max_length))
        return None

    def number(self, value: Any, path: str, low: float, high: float,
               integer: bool = False) -> float | None:
        valid = (phrase("a whole number from {low:g} to {high:g}", low=low, high=high) if integer
                 else phrase("a number from {low:g} to {high:g}", low=low, high=high))
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type:
            self.problem(path, _is_type(value), valid)
            return None
        if not low <= value <= high:
            self.problem(path, phrase("is {value:g}, out of range", value=value), valid)
            return None
        return value

    def choice(self, value: Any, path: str, choices: Sequence[str]) -> str | None:
        if isinstance(value, str) and value in choices:
            return value
        self.problem(path, _is_type(value), phrase("one of: {choices}", choices=", ".join(choices)))
        return None

    def list_of(self, value: Any, path: str) -> list[Any] | None:
        if isinstance(value, list) and value:
            return value
        self.problem(path, _is_type(value), phrase("a non-empty list, e.g. [a, b]"))
        return None

    def raise_if_any(self) -> None:
        if self.problems:
            self.fail()

    def fail(self) -> NoReturn:
        raise DataFileError(self.problems)


def checked(value: T | None, placeholder: T) -> T:
    """A checked value, or ``placeholder`` where its check failed. A failed check has recorded a
    problem, so ``raise_if_any`` raises before the placeholder can reach a record."""
    return placeholder if value is None else value

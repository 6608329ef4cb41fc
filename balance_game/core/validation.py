"""Checking YAML data files (levels, prescriptions) with messages a person can act on.

Every problem reads ``FILE: key.path: what is wrong (what would be valid)``. A checker collects
all problems of a file instead of stopping at the first, so `levels check` can list them all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from balance_game.errors import UserError

T = TypeVar("T")


class DataFileError(UserError):
    """One or more problems in a data file; ``problems`` holds one line each.

    As an error it reads as one line (the first problem and how many more), so every failing
    command ends with one line; `levels check` lists ``problems`` in full.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        more = len(problems) - 1
        super().__init__(problems[0] + (f" (and {more} more problem{'s' * (more > 1)})"
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
        raise DataFileError([f"{path}: cannot read the file ({exc.strerror})"]) from None
    if len(raw) > max_bytes:
        raise DataFileError([f"{path}: too big for a data file (over {max_bytes // 1024} KiB)"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError([f"{path}: not UTF-8 text (save the file as UTF-8)"]) from None
    import yaml  # here, not at the top: commands that print only need one_line load no YAML

    from balance_game.core.yaml_limits import YamlRefused, parse_limited

    try:
        return parse_limited(text)
    except YamlRefused as exc:
        raise DataFileError([f"{path}: {exc.reason}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        problem = excerpt(one_line(getattr(exc, "problem", None) or "invalid YAML"), 80)
        raise DataFileError(
            [f"{path}: YAML syntax error at {where}: {problem} (check indentation and colons)"]
        ) from None
    except ValueError as exc:  # YAML recognised a value it cannot build, e.g. 2001-13-45
        raise DataFileError([f"{path}: a value cannot be read: {excerpt(one_line(str(exc)), 80)} "
                             "(quote it to keep it as text)"]) from None
    except RecursionError:
        raise DataFileError([f"{path}: nested too deeply to be a data file"]) from None


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


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:30]!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty" if value is None else type(value).__name__


@dataclass
class Checker:
    """Collects problems for one file while the caller walks its data."""

    file: Path
    problems: list[str] = field(default_factory=list)

    def problem(self, path: str, what: str, valid: str) -> None:
        line = f"{self.file}: {excerpt(path, 80)}: {excerpt(what, 120)} ({excerpt(valid, 200)})"
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
        self.problem(path or "(top)", f"is {_type_name(value)}", "a mapping of key: value")
        return None

    def keys(self, data: Mapping[str, Any], path: str, required: Sequence[str],
             optional: Sequence[str] = ()) -> None:
        prefix = f"{path}." if path else ""
        allowed = list(required) + list(optional)
        for key in required:
            if key not in data:
                self.problem(f"{prefix}{key}", "is missing", f"add {key}: ...")
        for key in data:
            if key not in allowed:
                self.problem(f"{prefix}{key}", "is not a known key",
                             f"known keys: {', '.join(allowed)}")

    def text(self, value: Any, path: str, max_length: int = 2000) -> str | None:
        if isinstance(value, str) and value.strip() and len(value) <= max_length:
            bad = unsafe_character(value, allow_newlines=True)
            if bad is None:
                return value.strip()
            self.problem(path, f"holds the control or direction character {bad}",
                         "plain text: remove it")
            return None
        self.problem(path, f"is {_type_name(value)}", f"non-empty text up to {max_length} characters")
        return None

    def number(self, value: Any, path: str, low: float, high: float,
               integer: bool = False) -> float | None:
        kind = "a whole number" if integer else "a number"
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type:
            self.problem(path, f"is {_type_name(value)}", f"{kind} from {low:g} to {high:g}")
            return None
        if not low <= value <= high:
            self.problem(path, f"is {value:g}, out of range", f"{kind} from {low:g} to {high:g}")
            return None
        return value

    def choice(self, value: Any, path: str, choices: Sequence[str]) -> str | None:
        if isinstance(value, str) and value in choices:
            return value
        self.problem(path, f"is {_type_name(value)}", f"one of: {', '.join(choices)}")
        return None

    def list_of(self, value: Any, path: str) -> list[Any] | None:
        if isinstance(value, list) and value:
            return value
        self.problem(path, f"is {_type_name(value)}", "a non-empty list, e.g. [a, b]")
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

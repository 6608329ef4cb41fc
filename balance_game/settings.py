"""Machine-level preferences: a small YAML file in the user config folder.

Per-player settings live in the database; what belongs to this computer (the usual input
device, window or fullscreen, the player chosen last) lives in ``settings.yaml`` in
``platformdirs.user_config_dir("balance_game")``, or wherever ``$BALANCE_GAME_CONFIG`` points.

Each setting is declared once in ``SETTINGS`` (key, type, default, label). Loading never stops
the game: a missing file means the defaults; a file that cannot be read, is not YAML or holds a
wrong value is reported in one line, the defaults are used, and the file is kept for a person to
look at (renamed to ``settings.yaml.broken-<timestamp>``, so the next save cannot overwrite it).
The file is written readable by its owner only (it names a player), all or nothing.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs
import yaml

from balance_game.core.validation import DataFileError, load_yaml
from balance_game.errors import UserError
from balance_game.i18n import N_, _, phrase
from balance_game.private_files import atomic_private_text

CONFIG_ENV = "BALANCE_GAME_CONFIG"
FILENAME = "settings.yaml"
MAX_TEXT = 200
MAX_FILE_BYTES = 64 * 1024
DEVICE_PATTERN = re.compile(r"auto|wbb|gamepad|keyboard|mouse|sim|hid:[A-Za-z0-9._-]+")


class SettingsError(UserError):
    """The settings file cannot be used (reported, never fatal, when loading)."""


@dataclass(frozen=True)
class Setting:
    """One preference: how it is called in the file, what it holds, and what people read."""

    key: str
    kind: type  # bool or str
    default: Any
    label: str
    optional: bool = False  # may be empty (null)
    pattern: re.Pattern[str] | None = None
    valid: str = ""  # what would be valid, for the message (N_ text or a phrase, translated)


SETTINGS: tuple[Setting, ...] = (
    Setting("device", str, "auto", "Input device when --device is not given",
            pattern=DEVICE_PATTERN, valid=N_("auto, wbb, hid:PROFILE_ID, gamepad, keyboard, mouse "
                                             "or sim")),
    Setting("windowed", bool, False, "Open a window instead of going fullscreen",
            valid=N_("true or false")),
    Setting("last_player", str, None, "The player chosen last on this computer", optional=True,
            valid=phrase("a name up to {n} characters, or empty", n=MAX_TEXT)),
)
BY_KEY = {s.key: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The values in effect; the defaults are those of ``SETTINGS``."""

    device: str = "auto"
    windowed: bool = False
    last_player: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def settings_path() -> Path:
    """``$BALANCE_GAME_CONFIG``, else ``settings.yaml`` in the user config folder."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir("balance_game", appauthor=False)) / FILENAME


def _check(setting: Setting, value: Any) -> Any:
    """The value if it is valid for ``setting``; raises SettingsError otherwise."""
    if value is None and setting.optional:
        return None
    ok = isinstance(value, setting.kind) and not (setting.kind is not bool
                                                  and isinstance(value, bool))
    if ok and isinstance(value, str):
        value = value.strip()
        ok = 0 < len(value) <= MAX_TEXT and value.isprintable() and (
            setting.pattern is None or setting.pattern.fullmatch(value) is not None)
    if not ok:
        shown = repr(value)[:40]
        raise SettingsError(_("{key}: {value} is not valid ({valid})").format(
            key=setting.key, value=shown, valid=_(setting.valid)))
    return value


def parse_settings(data: Any) -> Settings:
    """Settings from the file's parsed content; raises SettingsError naming the first problem."""
    if data is None:
        return Settings()
    if not isinstance(data, Mapping):
        raise SettingsError(_("is not a mapping of key: value (keys: {keys})").format(
            keys=", ".join(BY_KEY)))
    values = {}
    for key, value in data.items():
        setting = BY_KEY.get(key) if isinstance(key, str) else None
        if setting is None:
            raise SettingsError(_("{key} is not a known setting (known: {keys})").format(
                key=repr(str(key)[:40]), keys=", ".join(BY_KEY)))
        values[key] = _check(setting, value)
    return replace(Settings(), **values)


def read_settings(path: Path) -> Settings:
    """Strictly: the file's settings, defaults for a missing file, SettingsError for a bad one."""
    if not path.exists():
        return Settings()
    try:
        data = load_yaml(path, max_bytes=MAX_FILE_BYTES)
    except DataFileError as exc:  # the same limits as every data file: never hangs
        raise SettingsError(str(exc).removeprefix(f"{path}: ")) from None
    return parse_settings(data)


def _warn(line: str) -> None:
    print(_("balance-game: warning: {message}").format(message=line), file=sys.stderr)


def load_settings(path: Path | None = None, warn: Callable[[str], None] = _warn) -> Settings:
    """The settings in effect. A bad file is reported (one line), kept aside, and ignored."""
    path = path if path is not None else settings_path()
    try:
        return read_settings(path)
    except SettingsError as exc:
        kept = _keep_broken(path)
        warn(_("{file}: {problem}; using the default settings (the file is kept as {kept})").format(
            file=path, problem=exc, kept=kept.name) if kept else
             _("{file}: {problem}; using the default settings (the file is left as it is)").format(
            file=path, problem=exc))
        return Settings()


def _keep_broken(path: Path) -> Path | None:
    """Move a bad file aside so it is neither lost nor overwritten by the next save."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        target = path.with_name(f"{path.name}.broken-{stamp}" + (f"-{n}" if n else ""))
        if target.exists():
            continue
        try:
            path.rename(target)
        except OSError:
            return None
        return target
    return None


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write every setting, with its label as a comment; owner-only, replaced all at once."""
    path = path if path is not None else settings_path()
    lines = ["# balance_game settings for this computer (per-player settings are in the game)"]
    for setting in SETTINGS:
        value = _check(setting, getattr(settings, setting.key))
        lines.append(f"# {setting.label}")
        lines.append(yaml.safe_dump({setting.key: value}, allow_unicode=True).strip())
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with atomic_private_text(path) as f:
            f.write("\n".join(lines) + "\n")
    except OSError as exc:
        raise UserError(_("{file}: cannot save the settings ({reason})").format(
            file=path, reason=exc.strerror)) from None
    return path


def update_settings(path: Path | None = None, **changes: Any) -> Settings:
    """Change some settings and save them (a bad file is reported and replaced by defaults)."""
    unknown = set(changes) - set(BY_KEY)
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    settings = replace(load_settings(path), **changes)
    save_settings(settings, path)
    return settings

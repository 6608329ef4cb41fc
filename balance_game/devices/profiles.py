"""Device profiles: drivers/*.yaml -> frozen dataclasses, validated with errors a person can act on.

A new board of a known kind needs only a new YAML file, in the shipped drivers/ or in the
person's own drivers folder (platformdirs config folder, ``drivers/``), which wins by id. Every
problem is one line: ``FILE: key.path: what is wrong (what would be valid)``. DIY load-cell boards
(HID or serial) are built by ``cell_profile``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import platformdirs

from balance_game.core.validation import Checker, DataFileError, load_yaml
from balance_game.devices.cell_profile import (
    TRANSPORTS,
    CellBoardProfile,
    Identity,
    build_cell_profile,
)
from balance_game.dsp.cop import ORIENTATIONS, BoardGeometry
from balance_game.errors import UserError
from balance_game.i18n import N_, _, phrase
from balance_game.resources import drivers_dir

USER_DRIVERS_ENV = "BALANCE_GAME_USER_DRIVERS"
ACTIONS = ("confirm", "back", "pause", "help")
_MISSING = object()


@dataclass(frozen=True)
class WiiProfile:
    """A Wii Balance Board (or a clone speaking its protocol over Bluetooth HID)."""

    id: str
    name: str
    identity: Identity
    extension_id: bytes
    init_reports: tuple[bytes, ...]  # LED and extension init, sent in order
    report_mode: bytes  # the DRM report, re-sent after every status report
    power_off_reports: tuple[bytes, ...]
    parser: str
    geometry: BoardGeometry
    orientation: str
    temperature_correction: bool
    path: Path
    kind: str = "board"
    transport: str = "wii"
    bus: str = "bluetooth"


@dataclass(frozen=True)
class GamepadProfile:
    """Which stick axes lean, how much of the stick is ignored, and which buttons do what."""

    id: str
    name: str
    lean_x_axis: int
    lean_y_axis: int
    invert_x: bool
    invert_y: bool
    dead_zone: float
    buttons: dict[str, int]  # action -> button number
    path: Path
    sdl_names: tuple[str, ...] = ()  # SDL controller names this profile is for (chosen first)
    kind: str = "gamepad"


Profile = WiiProfile | CellBoardProfile | GamepadProfile


class _Node:
    """A mapping being read: remembers its key path, rejects what it does not consume."""

    def __init__(self, file: Path, data: Any, path: str = "") -> None:
        self.file, self.path = file, path
        if not isinstance(data, dict):
            self.fail(path or "(top level)", _describe(data), phrase("a mapping of keys"))
        self.data: dict[Any, Any] = data
        self.used: set[Any] = set()

    def fail(self, key_path: str, what: str, valid: str) -> NoReturn:
        """Stop at the first problem, worded like every data file's (core.validation): ``what``
        and ``valid`` are phrases or ``N_`` text, said in the run's language."""
        check = Checker(self.file)
        check.problem(key_path, what, valid)
        raise DataFileError(check.problems)

    def key_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, valid: str, default: Any = _MISSING) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is _MISSING:
                self.fail(self.key_path(key), phrase("missing"), valid)
            return default
        return self.data[key]

    def node(self, key: str, valid: str) -> _Node:
        return _Node(self.file, self.get(key, valid), self.key_path(key))

    def typed(
        self, key: str, kind: type | tuple[type, ...], valid: str, default: Any = _MISSING
    ) -> Any:
        value = self.get(key, valid, default)
        if value is default and default is not _MISSING:
            return value
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            self.fail(self.key_path(key), _describe(value), valid)
        return value

    def number(self, key: str, low: float, high: float, integer: bool = False,
               default: Any = _MISSING) -> Any:
        valid = (phrase("an integer from {low:g} to {high:g}", low=low, high=high) if integer
                 else phrase("a number from {low:g} to {high:g}", low=low, high=high))
        value = self.typed(key, int if integer else (int, float), valid, default)
        if not low <= value <= high:
            self.fail(self.key_path(key), phrase("{value} is out of range", value=repr(value)),
                      valid)
        return value

    def choice(self, key: str, choices: tuple[str, ...] | list[str], default: Any = _MISSING
               ) -> str:
        valid = phrase("one of {choices}", choices=", ".join(choices))
        value = self.typed(key, str, valid, default)
        if value not in choices:
            self.fail(self.key_path(key), phrase("{value} is not known", value=repr(value)), valid)
        return value

    def hex_bytes(self, key: str, valid: str = N_('hex bytes like "12 04 34"')) -> bytes:
        return _hex(self, self.key_path(key), self.typed(key, str, valid), valid)

    def done(self) -> None:
        unknown = [k for k in self.data if k not in self.used]
        if unknown:
            valid = phrase("valid keys: {keys}", keys=", ".join(sorted(str(k) for k in self.used)))
            self.fail(self.key_path(str(unknown[0])), phrase("unknown key"), valid)


def _describe(value: Any) -> str:
    """What was found, for a message: "'wide' is a str", "is empty"."""
    if value is None:
        return phrase("is empty")
    return phrase("{value} is a {kind}", value=repr(value)[:30], kind=type(value).__name__)


def _hex(node: _Node, key_path: str, text: str, valid: str) -> bytes:
    try:
        data = bytes.fromhex(text)
    except ValueError:
        node.fail(key_path, phrase("{text} is not hex bytes", text=repr(text)), valid)
    if not data:
        node.fail(key_path, phrase("is empty"), valid)
    return data


def _hex_list(node: _Node, key: str) -> tuple[bytes, ...]:
    valid = "a list of hex byte strings like \"11 10\""
    items = node.typed(key, list, valid)
    out = []
    for i, item in enumerate(items):
        path = f"{node.key_path(key)}[{i}]"
        if not isinstance(item, str):
            node.fail(path, _describe(item), valid)
        out.append(_hex(node, path, item, valid))
    return tuple(out)


def _identity(node: _Node, product_string_required: bool) -> tuple[Identity, _Node]:
    """The identity and its node, still open for transport-specific keys (extension_id)."""
    ident = node.node("identity", "vendor_id, product_id and product_string")
    identity = Identity(
        vendor_id=ident.number("vendor_id", 0, 0xFFFF, integer=True),
        product_id=ident.number("product_id", 0, 0xFFFF, integer=True),
        product_string=ident.typed(
            "product_string", str, "the HID product name",
            default=_MISSING if product_string_required else None,
        ),
    )
    return identity, ident


def _geometry(node: _Node) -> BoardGeometry:
    geo = node.node("geometry", "width_mm and depth_mm between sensor centres")
    geometry = BoardGeometry(geo.number("width_mm", 50, 2000), geo.number("depth_mm", 50, 2000))
    geo.done()
    return geometry


def _common(node: _Node, kind: str) -> dict[str, Any]:
    node.choice("kind", (kind,))
    return {
        "id": node.typed("id", str, "the profile id, e.g. wii-balance-board"),
        "name": node.typed("name", str, "a name people recognise"),
        "path": node.file,
    }


def _wii(node: _Node) -> WiiProfile:
    common = _common(node, "board")
    node.choice("transport", ("wii",))
    identity, ident = _identity(node, product_string_required=True)
    extension_id = ident.hex_bytes("extension_id")
    ident.done()
    init = node.node("init", "reports, report_mode and power_off")
    profile = WiiProfile(
        **common,
        identity=identity,
        extension_id=extension_id,
        init_reports=_hex_list(init, "reports"),
        report_mode=init.hex_bytes("report_mode"),
        power_off_reports=_hex_list(init, "power_off"),
        parser=node.choice("parser", ("wii_data_report",)),
        geometry=_geometry(node),
        orientation=node.choice("orientation", list(ORIENTATIONS), default="default"),
        temperature_correction=node.typed("temperature_correction", bool, "true or false",
                                          default=False),
    )
    init.done()
    return profile


def _gamepad(node: _Node) -> GamepadProfile:
    common = _common(node, "gamepad")
    axes = node.node("axes", "lean_x and lean_y")
    lean = {}
    for name in ("lean_x", "lean_y"):
        axis = axes.node(name, "index and invert")
        lean[name] = (axis.number("index", 0, 31, integer=True),
                      axis.typed("invert", bool, "true or false", default=False))
        axis.done()
    axes.done()
    buttons = node.node("buttons", ", ".join(ACTIONS))
    mapping = {action: buttons.number(action, 0, 63, integer=True) for action in ACTIONS}
    buttons.done()
    return GamepadProfile(
        **common,
        lean_x_axis=lean["lean_x"][0],
        lean_y_axis=lean["lean_y"][0],
        invert_x=lean["lean_x"][1],
        invert_y=lean["lean_y"][1],
        dead_zone=node.number("dead_zone", 0.0, 0.9),
        buttons=mapping,
        sdl_names=_names(node),
    )


def _names(node: _Node) -> tuple[str, ...]:
    valid = 'a list of pad names as SDL reports them, e.g. ["Xbox 360 Controller"]'
    names = node.typed("sdl_names", list, valid, default=[])
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name:
            node.fail(f"{node.key_path('sdl_names')}[{i}]", _describe(name), valid)
    return tuple(names)


_BUILDERS: dict[str, Callable[[_Node], Profile]] = {
    "wii": _wii,
    "gamepad": _gamepad,
}
TRANSPORT_NAMES = ("wii", *TRANSPORTS)


def load_profile(path: Path) -> Profile:
    """Read and validate one profile file."""
    data = load_yaml(path)
    node = _Node(path, data)
    kind = node.data.get("kind")
    transport = node.data.get("transport")
    if kind == "board" and transport in TRANSPORTS:
        return build_cell_profile(path, node.data)
    builder_key = "gamepad" if kind == "gamepad" else transport
    builder = _BUILDERS.get(builder_key) if isinstance(builder_key, str) else None
    if builder is None:
        key = "kind" if kind != "board" else "transport"
        valid = "one of board, gamepad" if key == "kind" else "one of " + ", ".join(TRANSPORT_NAMES)
        node.get(key, valid)
        node.fail(key, f"{node.data[key]!r} is not known", valid)
    profile = builder(node)
    node.done()
    return profile


def user_drivers_dir() -> Path:
    """The person's own drivers folder: profiles here win over the shipped ones by id."""
    override = os.environ.get(USER_DRIVERS_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("balance_game", appauthor=False)) / "drivers"


def _load_folder(folder: Path) -> dict[str, Profile]:
    """Every profile in one folder, by id (a duplicate id in one folder is an error)."""
    profiles: dict[str, Profile] = {}
    for path in sorted(folder.glob("*.yaml")):
        profile = load_profile(path)
        if profile.id in profiles:
            raise UserError(_("{file}: id: {id} is also used by {other} (a unique id)").format(
                file=path, id=repr(profile.id), other=profiles[profile.id].path.name))
        profiles[profile.id] = profile
    return profiles


def load_profiles(folder: Path | None = None, user_folder: Path | None = None
                  ) -> dict[str, Profile]:
    """The shipped profiles, then the user's (which replace shipped ones with the same id).

    With an explicit ``folder`` only that folder is read (tests, `levels check`-style tools).
    """
    if folder is not None:
        return _load_folder(folder)
    profiles = _load_folder(drivers_dir())
    user = user_folder if user_folder is not None else user_drivers_dir()
    if user.is_dir():
        profiles.update(_load_folder(user))
    return profiles


def get_profile(profile_id: str, folder: Path | None = None) -> Profile:
    profiles = load_profiles(folder)
    if profile_id not in profiles:
        raise UserError(_("no device profile {id} in drivers/ or {folder} (known: {known})").format(
            id=repr(profile_id), folder=user_drivers_dir(), known=", ".join(sorted(profiles))))
    return profiles[profile_id]

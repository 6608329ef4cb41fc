"""DIY load-cell boards described by a file alone: cells, their positions, frames and commands.

A hobby board is a microcontroller reading 1–8 load cells (usually through HX711 amplifiers) and
sending the counts over USB HID reports or a USB serial port, as text lines ("t,c1,c2,c3,c4") or
binary frames. Everything that differs between such boards is data in its profile:

* ``cells``: 1–8 cells, each with its position from the board's centre (``x_mm`` to the player's
  right, ``y_mm`` forward), where its count sits in a frame (``at``: byte offset, or field number
  of a text line), and its own ``counts_per_kg``, ``zero_counts`` and ``sign`` (-1: mounted
  upside down);
* ``report``: the number format (int16/24/32 signed or unsigned, float32), byte order and report
  ID (or ``none``) of HID reports and binary frames;
* ``serial``: port (or the USB IDs to find it), baud rate and the frame kind;
* ``commands``: what to send to start and stop streaming (HID output/feature reports, or lines).

Validation collects every problem of a file with ``core.validation.Checker`` so a tinkerer fixes
them all in one go; each names the file, the key and what would be valid.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balance_game.core.validation import Checker
from balance_game.devices.parsers import CELL_FORMATS, CellLayout, LineLayout
from balance_game.dsp.calibration import Corners
from balance_game.dsp.cop import ORIENTATIONS, BoardGeometry, cells_geometry, cells_to_corners
from balance_game.i18n import phrase

MAX_CELLS = 8
TRANSPORTS = ("hid_loadcell", "serial")
FRAMES = ("line", "binary")
COMMAND_KINDS = {"hid_loadcell": ("output", "feature"), "serial": ("line", "bytes")}


@dataclass(frozen=True)
class Identity:
    vendor_id: int
    product_id: int
    product_string: str | None


@dataclass(frozen=True)
class Cell:
    """One load cell: where it is, where its count is, and how its count becomes kilograms."""

    name: str
    x_mm: float
    y_mm: float
    at: int
    counts_per_kg: float
    zero_counts: float
    sign: int

    def kg(self, count: float) -> float:
        return self.sign * (count - self.zero_counts) / self.counts_per_kg


@dataclass(frozen=True)
class Command:
    """Something sent to the board: a HID output or feature report, a text line, raw bytes."""

    kind: str
    data: bytes


@dataclass(frozen=True)
class SerialSettings:
    port: str | None  # None: find it by the profile's USB IDs
    baudrate: int
    frame: str  # "line" or "binary"


@dataclass(frozen=True)
class CellBoardProfile:
    """A DIY board of load cells, over USB HID (``hid_loadcell``) or a serial port (``serial``)."""

    id: str
    name: str
    transport: str
    identity: Identity | None
    cells: tuple[Cell, ...]
    binary: CellLayout | None  # HID reports and binary serial frames
    line: LineLayout | None  # text-line serial frames
    serial: SerialSettings | None
    start: tuple[Command, ...]
    stop: tuple[Command, ...]
    geometry: BoardGeometry
    orientation: str
    path: Path
    kind: str = "board"

    @property
    def bus(self) -> str:
        return "usb"

    def corners_kg(self, counts: tuple[float, ...]) -> Corners:
        """Raw counts (cell order) -> kg per cell -> the four corners every Sample carries."""
        loads = [cell.kg(count) for cell, count in zip(self.cells, counts, strict=True)]
        return cells_to_corners(loads, [(c.x_mm, c.y_mm) for c in self.cells], self.geometry)

    @property
    def spec(self) -> str:
        return f"{'hid' if self.transport == 'hid_loadcell' else 'serial'}:{self.id}"


def _hex(check: Checker, value: Any, path: str) -> bytes | None:
    if isinstance(value, str):
        try:
            data = bytes.fromhex(value)
        except ValueError:
            data = b""
        if data:
            return data
    check.problem(path, phrase("is {value}", value=repr(value)[:57]),
                  phrase('hex bytes like "01 A0 FF"'))
    return None


def _identity(check: Checker, data: Any, path: str) -> Identity | None:
    ident = check.mapping(data, path)
    if ident is None:
        return None
    check.keys(ident, path, ("vendor_id", "product_id"), ("product_string",))
    vid = check.number(ident.get("vendor_id"), f"{path}.vendor_id", 0, 0xFFFF, integer=True)
    pid = check.number(ident.get("product_id"), f"{path}.product_id", 0, 0xFFFF, integer=True)
    name = ident.get("product_string")
    if name is not None:
        name = check.text(name, f"{path}.product_string", 200)
    return None if vid is None or pid is None else Identity(int(vid), int(pid), name)


def _cell(check: Checker, data: Any, path: str, frame_kind: str) -> Cell | None:
    cell = check.mapping(data, path)
    if cell is None:
        return None
    check.keys(cell, path, ("name", "x_mm", "y_mm", "at", "counts_per_kg"),
               ("zero_counts", "sign"))
    name = check.text(cell.get("name"), f"{path}.name", 40)
    x = check.number(cell.get("x_mm"), f"{path}.x_mm", -1000, 1000)
    y = check.number(cell.get("y_mm"), f"{path}.y_mm", -1000, 1000)
    at_high = 64 if frame_kind == "line" else 255
    at = check.number(cell.get("at"), f"{path}.at", 0, at_high, integer=True)
    per_kg = check.number(cell.get("counts_per_kg"), f"{path}.counts_per_kg", -1e12, 1e12)
    if per_kg == 0:
        check.problem(f"{path}.counts_per_kg", phrase("is 0"),
                      phrase("the count change per kilogram, measured with a known weight"))
        per_kg = None
    zero = check.number(cell.get("zero_counts", 0), f"{path}.zero_counts", -1e12, 1e12)
    sign = cell.get("sign", 1)
    if sign not in (1, -1) or isinstance(sign, bool):
        check.problem(f"{path}.sign", phrase("is {value}", value=repr(sign)),
                      phrase("1, or -1 for a cell that reads backwards"))
    values = (name, x, y, at, per_kg, zero)
    if any(v is None for v in values) or sign not in (1, -1):
        return None
    return Cell(str(name), float(x), float(y), int(at), float(per_kg), float(zero), int(sign))  # type: ignore[arg-type]


def _cells(check: Checker, data: Any, frame_kind: str) -> tuple[Cell, ...]:
    items = check.list_of(data, "cells") or []
    if len(items) > MAX_CELLS:
        check.problem("cells", phrase("has {n} cells", n=len(items)),
                      phrase("1 to {n} cells", n=MAX_CELLS))
    cells = [_cell(check, item, f"cells[{i}]", frame_kind) for i, item in enumerate(items)]
    names = [str(item.get("name")) for item in items if isinstance(item, Mapping)]
    for name in sorted({n for n in names if names.count(n) > 1}):
        check.problem("cells", phrase("name {name} is used twice", name=repr(name)),
                      phrase("a different name for each cell"))
    return tuple(c for c in cells if c is not None)


def _binary(check: Checker, data: Any, cells: tuple[Cell, ...], transport: str
            ) -> CellLayout | None:
    report = check.mapping(data, "report")
    if report is None:
        return None
    check.keys(report, "report", ("format", "byte_order"),
               ("report_id",) if transport == "hid_loadcell" else ("sync", "frame_bytes"))
    fmt = check.choice(report.get("format"), "report.format", list(CELL_FORMATS))
    order = check.choice(report.get("byte_order"), "report.byte_order", ("little", "big"))
    report_id: int | None = None
    if transport == "hid_loadcell":
        raw_id = report.get("report_id", "none")
        if raw_id != "none":
            number = check.number(raw_id, "report.report_id", 1, 255, integer=True)
            report_id = None if number is None else int(number)
    sync = b""
    frame_bytes = 0
    if transport == "serial":
        sync = _hex(check, report.get("sync"), "report.sync") or b""
        length = check.number(report.get("frame_bytes"), "report.frame_bytes", 2, 256, integer=True)
        frame_bytes = int(length or 0)
    if fmt is None or order is None:
        return None
    layout = CellLayout(report_id, tuple(c.at for c in cells), fmt, order, sync, frame_bytes)
    first = 1 if report_id is not None else len(sync)
    for i, cell in enumerate(cells):
        if cell.at < first:
            where = "the report ID" if report_id is not None else "the sync bytes"
            check.problem(f"cells[{i}].at", phrase("{at} overlaps {where}", at=cell.at, where=where),
                          phrase("{first} or more", first=first))
        elif frame_bytes and cell.at + CELL_FORMATS[fmt] > frame_bytes:
            check.problem(f"cells[{i}].at",
                          phrase("{at} runs past the {n}-byte frame", at=cell.at, n=frame_bytes),
                          phrase("at most {n}", n=frame_bytes - CELL_FORMATS[fmt]))
    return layout


def _serial(check: Checker, data: Any, has_identity: bool) -> SerialSettings | None:
    serial = check.mapping(data, "serial")
    if serial is None:
        return None
    check.keys(serial, "serial", ("baudrate", "frame"), ("port", "separator"))
    port = serial.get("port")
    if port is not None:
        port = check.text(port, "serial.port", 300)
    elif not has_identity:
        check.problem("serial.port",
                      phrase("is missing and there is no identity to find the port by"),
                      phrase("port: /dev/ttyACM0 (COM3 on Windows), or identity: "
                             "vendor_id/product_id"))
    baud = check.number(serial.get("baudrate"), "serial.baudrate", 300, 4_000_000, integer=True)
    frame = check.choice(serial.get("frame"), "serial.frame", FRAMES)
    if baud is None or frame is None:
        return None
    return SerialSettings(port, int(baud), frame)


def _line(check: Checker, serial: Mapping[str, Any], cells: tuple[Cell, ...]) -> LineLayout:
    separator = serial.get("separator", ",")
    if not isinstance(separator, str) or not separator or len(separator) > 4:
        check.problem("serial.separator", phrase("is {value}", value=repr(separator)),
                      phrase('one to four characters, e.g. ","'))
        separator = ","
    return LineLayout(separator, tuple(c.at for c in cells))


def _commands(check: Checker, data: Any, transport: str, report_id: int | None
              ) -> dict[str, tuple[Command, ...]]:
    out: dict[str, tuple[Command, ...]] = {"start": (), "stop": ()}
    if data is None:
        return out
    commands = check.mapping(data, "commands")
    if commands is None:
        return out
    check.keys(commands, "commands", (), ("start", "stop"))
    kinds = COMMAND_KINDS[transport]
    for when in ("start", "stop"):
        items = commands.get(when, [])
        if not isinstance(items, list):
            check.problem(f"commands.{when}", phrase("is not a list"),
                          phrase("a list of {{{kind}: ...}}", kind=kinds[0]))
            continue
        parsed = []
        for i, item in enumerate(items):
            path = f"commands.{when}[{i}]"
            if not isinstance(item, Mapping) or len(item) != 1 or next(iter(item)) not in kinds:
                check.problem(path, phrase("is {value}", value=repr(item)[:57]),
                              phrase("one of {kinds} with its data", kinds=", ".join(kinds)))
                continue
            kind, value = next(iter(item.items()))
            if kind == "line":
                text = check.text(value, path + ".line", 200)
                data_bytes = None if text is None else text.encode("ascii", "replace") + b"\n"
            else:
                data_bytes = _hex(check, value, f"{path}.{kind}")
                if data_bytes is not None and transport == "hid_loadcell" and report_id is None:
                    data_bytes = b"\x00" + data_bytes  # hidapi's "no report ID" byte
            if data_bytes is not None:
                parsed.append(Command(kind, data_bytes))
        out[when] = tuple(parsed)
    return out


TOP_KEYS = ("id", "name", "kind", "transport", "cells")
OPTIONAL_KEYS = ("identity", "report", "serial", "commands", "orientation")


def build_cell_profile(path: Path, data: Mapping[str, Any]) -> CellBoardProfile:
    """Validate a DIY board profile; every problem of the file in one DataFileError."""
    check = Checker(path)
    check.keys(data, "", TOP_KEYS, OPTIONAL_KEYS)
    profile_id = check.text(data.get("id"), "id", 80)
    name = check.text(data.get("name"), "name", 200)
    check.choice(data.get("kind"), "kind", ("board",))
    transport = check.choice(data.get("transport"), "transport", TRANSPORTS) or "hid_loadcell"
    identity = None
    if "identity" in data:
        identity = _identity(check, data["identity"], "identity")
    elif transport == "hid_loadcell":
        check.problem("identity", phrase("is missing"),
                      phrase("add identity: vendor_id and product_id"))
    serial = _serial(check, data.get("serial"), "identity" in data) if transport == "serial" \
        else None
    if transport != "serial" and "serial" in data:
        check.problem("serial", phrase("is only for transport: serial"), phrase("remove it"))
    frame_kind = serial.frame if serial is not None else "report"  # HID input reports
    cells = _cells(check, data.get("cells"), frame_kind)
    binary = line = None
    if frame_kind == "line":
        line = _line(check, data.get("serial") or {}, cells)
        if "report" in data:
            check.problem("report", phrase("is for HID reports and binary frames"),
                          phrase("remove it"))
    else:
        binary = _binary(check, data.get("report"), cells, transport)
    commands = _commands(check, data.get("commands"), transport,
                         binary.report_id if binary is not None else None)
    orientation = check.choice(data.get("orientation", "default"), "orientation",
                               list(ORIENTATIONS))
    check.raise_if_any()
    return CellBoardProfile(
        id=str(profile_id), name=str(name), transport=transport, identity=identity,
        cells=cells, binary=binary, line=line, serial=serial, start=commands["start"],
        stop=commands["stop"], geometry=cells_geometry([(c.x_mm, c.y_mm) for c in cells]),
        orientation=str(orientation), path=path,
    )

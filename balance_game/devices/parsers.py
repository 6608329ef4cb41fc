"""Pure bytes -> numbers parsers for the Wii board's reports and DIY boards' frames.

They return raw counts (never kilograms): calibration is a separate, testable step. Anything that
is not a well-formed report raises a ``ReportError`` subclass, which the reader counts and skips, so
a noisy link can never crash a session.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

WII_DATA_IDS = (0x32, 0x34)
WII_STATUS = 0x20
WII_BUTTONS = 0x30  # buttons only: the mode hid-wiimote selects while nobody reads its input node
WII_READ_REPLY = 0x21
WII_ACK = 0x22
WII_DATA_LENGTHS = {0x32: 11, 0x34: 22}
WII_FRONT_BUTTON_MASK = 0x08  # byte 2, the "A" button of the Wii Remote protocol


class ReportError(ValueError):
    """A report that cannot be used."""


class ShortReport(ReportError):
    """Fewer bytes than the report's layout needs."""


class UnknownReport(ReportError):
    """A report ID this parser does not handle."""


@dataclass(frozen=True, slots=True)
class WiiData:
    """A 0x32/0x34 data report. Raw counts are in wire order: TR, BR, TL, BL."""

    raw_tr_br_tl_bl: tuple[int, int, int, int]
    front_button: bool
    temperature: int | None = None
    battery: int | None = None

    @property
    def has_data(self) -> bool:
        """All-0xFF (hot-plug/invalid) and all-zero payloads carry no measurement."""
        return self.raw_tr_br_tl_bl not in ((0, 0, 0, 0), (0xFFFF,) * 4)


@dataclass(frozen=True, slots=True)
class WiiStatus:
    """A 0x20 status report: after one, the board stops streaming until the DRM is sent again."""

    battery_low: bool
    extension_plugged: bool
    battery: int


@dataclass(frozen=True, slots=True)
class WiiButtons:
    """A 0x30 report: someone (the kernel driver) switched the board to buttons-only mode."""

    front_button: bool


@dataclass(frozen=True, slots=True)
class WiiReadReply:
    """One 0x21 chunk of a memory read: up to 16 bytes at the low 16 bits of the address."""

    offset: int
    error: int
    data: bytes


@dataclass(frozen=True, slots=True)
class WiiAck:
    report_id: int
    error: int


WiiReport = WiiData | WiiStatus | WiiReadReply | WiiAck | WiiButtons


def _need(report: bytes, length: int) -> None:
    if len(report) < length:
        raise ShortReport(f"report 0x{report[0]:02X} has {len(report)} bytes, needs {length}")


def wii_data_report(report: bytes) -> WiiData:
    """Parse a 0x32 or 0x34 report (byte 0 = report ID, as hidapi returns it)."""
    if not report:
        raise ShortReport("empty report")
    report_id = report[0]
    if report_id not in WII_DATA_IDS:
        raise UnknownReport(f"report 0x{report_id:02X} is not a balance-board data report")
    _need(report, WII_DATA_LENGTHS[report_id])
    raw = struct.unpack_from(">4H", report, 3)
    front = bool(report[2] & WII_FRONT_BUTTON_MASK)
    if report_id == 0x34:
        return WiiData(raw, front, temperature=report[11], battery=report[13])
    return WiiData(raw, front)


def wii_report(report: bytes) -> WiiReport:
    """Any input report the board sends during a session."""
    if not report:
        raise ShortReport("empty report")
    report_id = report[0]
    if report_id in WII_DATA_IDS:
        return wii_data_report(report)
    if report_id == WII_STATUS:
        _need(report, 7)
        return WiiStatus(bool(report[3] & 0x01), bool(report[3] & 0x02), report[6])
    if report_id == WII_BUTTONS:
        _need(report, 3)
        return WiiButtons(bool(report[2] & WII_FRONT_BUTTON_MASK))
    if report_id == WII_READ_REPLY:
        _need(report, 6)
        size = (report[3] >> 4) + 1
        _need(report, 6 + size)
        offset = (report[4] << 8) | report[5]
        return WiiReadReply(offset, report[3] & 0x0F, bytes(report[6:6 + size]))
    if report_id == WII_ACK:
        _need(report, 5)
        return WiiAck(report[3], report[4])
    raise UnknownReport(f"unknown report 0x{report_id:02X}")


CELL_FORMATS = {"int16": 2, "uint16": 2, "int24": 3, "uint24": 3, "int32": 4, "uint32": 4,
                "float32": 4}


@dataclass(frozen=True, slots=True)
class CellLayout:
    """Where each cell's count sits in a HID report or a binary serial frame.

    ``report_id`` None: the device sends no ID byte and offsets count from the first data byte.
    ``sync`` and ``frame_bytes`` describe binary serial frames (empty / 0 for HID reports).
    """

    report_id: int | None
    offsets: tuple[int, ...]
    format: str  # one of CELL_FORMATS
    byte_order: str  # "little" or "big"
    sync: bytes = b""
    frame_bytes: int = 0

    @property
    def min_length(self) -> int:
        return max(self.offsets) + CELL_FORMATS[self.format]


@dataclass(frozen=True, slots=True)
class LineLayout:
    """A text frame per line ("t,c1,c2,c3,c4"): which field holds each cell's count."""

    separator: str
    fields: tuple[int, ...]


def _number(data: bytes, offset: int, fmt: str, byte_order: str) -> float:
    width = CELL_FORMATS[fmt]
    chunk = data[offset:offset + width]
    if fmt == "float32":
        return struct.unpack("<f" if byte_order == "little" else ">f", chunk)[0]
    return int.from_bytes(chunk, byte_order, signed=not fmt.startswith("u"))  # type: ignore[arg-type]


def cell_counts(layout: CellLayout, report: bytes) -> tuple[float, ...]:
    """One HID report or binary frame -> each cell's raw count (in the profile's cell order)."""
    if not report:
        raise ShortReport("empty report")
    if layout.report_id is not None and report[0] != layout.report_id:
        raise UnknownReport(f"report 0x{report[0]:02X}, expected 0x{layout.report_id:02X}")
    if layout.sync and not report.startswith(layout.sync):
        raise UnknownReport(f"frame starts {report[:len(layout.sync)].hex(' ')}, "
                            f"expected {layout.sync.hex(' ')}")
    _need(report, layout.min_length)
    counts = tuple(_number(report, o, layout.format, layout.byte_order) for o in layout.offsets)
    if not all(math.isfinite(c) for c in counts):
        raise ReportError("a cell value is not a finite number")
    return counts


def cell_line_counts(layout: LineLayout, line: bytes) -> tuple[float, ...]:
    """One text line -> each cell's count; banners and torn lines are ReportErrors."""
    try:
        fields = line.decode("ascii").strip().split(layout.separator)
    except UnicodeDecodeError:
        raise ReportError("a line that is not ASCII text") from None
    if len(fields) <= max(layout.fields):
        raise ShortReport(f"a line of {len(fields)} fields, needs {max(layout.fields) + 1}")
    try:
        counts = tuple(float(fields[i]) for i in layout.fields)
    except ValueError:
        raise ReportError(f"a line that is not numbers: {line[:40]!r}") from None
    if not all(math.isfinite(c) for c in counts):
        raise ReportError("a cell value is not a finite number")
    return counts

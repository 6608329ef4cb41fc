"""Pure bytes -> numbers parsers, chosen by name from a device profile.

They return raw counts (never kilograms): calibration is a separate, testable step. Anything that
is not a well-formed report raises a ``ReportError`` subclass, which the reader counts and skips, so
a noisy link can never crash a session.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

WII_DATA_IDS = (0x32, 0x34)
WII_STATUS = 0x20
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
class WiiReadReply:
    """One 0x21 chunk of a memory read: up to 16 bytes at the low 16 bits of the address."""

    offset: int
    error: int
    data: bytes


@dataclass(frozen=True, slots=True)
class WiiAck:
    report_id: int
    error: int


@dataclass(frozen=True, slots=True)
class LoadCellData:
    """Counts of the four cells of a HID load-cell board, in (tl, tr, bl, br) order."""

    counts: tuple[int, int, int, int]


WiiReport = WiiData | WiiStatus | WiiReadReply | WiiAck


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


INTEGER_FORMATS = {"int16": 2, "uint16": 2, "int24": 3, "uint24": 3, "int32": 4, "uint32": 4}


@dataclass(frozen=True, slots=True)
class LoadCellLayout:
    """Where the four cells sit in a HID load-cell board's input report."""

    report_id: int
    offsets: tuple[int, int, int, int]  # byte offset of tl, tr, bl, br (report ID is byte 0)
    integer: str  # one of INTEGER_FORMATS
    endianness: str  # "little" or "big"

    @property
    def min_length(self) -> int:
        return max(self.offsets) + INTEGER_FORMATS[self.integer]


def hid_loadcell(layout: LoadCellLayout) -> Callable[[bytes], LoadCellData]:
    """A parser for one board layout (the DIY HX711 + USB-HID kind)."""
    width = INTEGER_FORMATS[layout.integer]
    signed = not layout.integer.startswith("u")
    byteorder: Literal["little", "big"] = "big" if layout.endianness == "big" else "little"

    def parse(report: bytes) -> LoadCellData:
        if not report:
            raise ShortReport("empty report")
        if report[0] != layout.report_id:
            raise UnknownReport(f"report 0x{report[0]:02X}, expected 0x{layout.report_id:02X}")
        _need(report, layout.min_length)
        tl, tr, bl, br = (int.from_bytes(report[o:o + width], byteorder, signed=signed)
                          for o in layout.offsets)
        return LoadCellData((tl, tr, bl, br))

    return parse


def parser_named(name: str, layout: LoadCellLayout | None = None
                 ) -> Callable[[bytes], WiiData | LoadCellData]:
    """The data-report parser a profile names (``hid_loadcell`` needs the profile's layout)."""
    if name == "wii_data_report":
        return wii_data_report
    if name == "hid_loadcell" and layout is not None:
        return hid_loadcell(layout)
    raise ValueError(f"no parser {name!r} for this profile")

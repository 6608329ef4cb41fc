"""The Wii Balance Board's conversation: identify, initialise, read calibration, keep it streaming.

Bytes come from the profile where they are data (init reports, report mode) and from the protocol
where they are protocol (memory read requests). Replies are matched by report type and, for memory
reads, by address, because the Linux driver talks to the board too and its replies show up in our
stream.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TypeVar

from balance_game.devices.hid_backend import DeviceGone, DeviceInfo, HidBackend, HidDevice
from balance_game.devices.link import LinkReading
from balance_game.devices.parsers import (
    ReportError,
    WiiAck,
    WiiButtons,
    WiiData,
    WiiReadReply,
    WiiStatus,
    wii_report,
)
from balance_game.devices.profiles import WiiProfile
from balance_game.dsp.calibration import (
    CAL_BLOCK_BYTES,
    WiiCalibration,
    parse_wii_calibration,
    temperature_corrected,
    wii_corners_kg,
)

OUTPUT_LENGTHS = {0x11: 2, 0x12: 3, 0x15: 2, 0x16: 22, 0x17: 7}  # exact, or the board ignores it
STATUS_REQUEST = bytes([0x15, 0x00])
EXTENSION_REGISTERS = 0xA40000
EXTENSION_ID_ADDRESS = EXTENSION_REGISTERS + 0xFA
CALIBRATION_ADDRESS = EXTENSION_REGISTERS + 0x24
REFERENCE_TEMPERATURE_ADDRESS = EXTENSION_REGISTERS + 0x60
REPLY_TIMEOUT_S = 1.0
POLL_MS = 50
BATTERY_LOW_BELOW = 0x78  # 0x34 byte 13: one bar or less of 0x69 (empty) .. 0x82 (full)

T = TypeVar("T")


class ConversationError(DeviceGone):
    """The board did not answer as the protocol says; the reader retries like any lost link."""


def _sized(report: bytes) -> bytes:
    """Pad an output report to its exact length (0x16 writes always carry 16 data bytes)."""
    length = OUTPUT_LENGTHS.get(report[0], len(report))
    return report + bytes(max(0, length - len(report)))


def _send(device: HidDevice, report: bytes) -> None:
    device.write(_sized(report))


def _await(device: HidDevice, match: Callable[[object], T | None], what: str) -> T:
    """Read until ``match`` accepts a report, skipping other traffic (data, kernel replies)."""
    deadline = time.monotonic() + REPLY_TIMEOUT_S
    while time.monotonic() < deadline:
        raw = device.read(POLL_MS)
        if not raw:
            continue
        try:
            report = wii_report(raw)
        except ReportError:
            continue
        found = match(report)
        if found is not None:
            return found
    raise ConversationError(f"the board did not answer the {what}")


def read_memory(device: HidDevice, address: int, size: int) -> bytes:
    """Read ``size`` bytes of register space; replies come in 16-byte chunks keyed by address."""
    _send(device, bytes([0x17, 0x04]) + address.to_bytes(3, "big") + size.to_bytes(2, "big"))
    wanted = {(address + o) & 0xFFFF: min(16, size - o) for o in range(0, size, 16)}
    chunks: dict[int, bytes] = {}

    def chunk(report: object) -> bool | None:
        if not isinstance(report, WiiReadReply) or report.offset not in wanted:
            return None
        if report.error:
            raise ConversationError(
                f"the board refused to read 0x{address:06X} (error {report.error})"
            )
        chunks[report.offset] = report.data[: wanted[report.offset]]
        return True if len(chunks) == len(wanted) else None

    _await(device, chunk, f"read of 0x{address:06X}")
    return b"".join(chunks[o] for o in sorted(wanted))


def _write_and_ack(device: HidDevice, report: bytes) -> None:
    _send(device, report)
    if report[0] != 0x16:
        return

    def ack(reply: object) -> bool | None:
        if isinstance(reply, WiiAck) and reply.report_id == 0x16:
            if reply.error:
                raise ConversationError(f"the board refused a register write (error {reply.error})")
            return True
        return None

    _await(device, ack, "register write")


def request_status(device: HidDevice) -> WiiStatus:
    """A status round trip: proves the link works both ways (and resets the report mode)."""
    _send(device, STATUS_REQUEST)
    return _await(device, lambda r: r if isinstance(r, WiiStatus) else None, "status request")


def battery_percent(status: WiiStatus) -> float:
    return status.battery * 100.0 / 255.0


class WiiBoardLink:
    """An open board that has been through the whole conversation and is streaming."""

    def __init__(self, device: HidDevice, info: DeviceInfo, profile: WiiProfile,
                 calibration: WiiCalibration, status: WiiStatus) -> None:
        self._device = device
        self._profile = profile
        self.info = info
        self.calibration = calibration
        self.status = status
        self.name = profile.name
        self.identity = info.serial_number or info.path_text
        self.mode_reasserts = 0  # 0x30 reports answered with our own report mode

    @classmethod
    def open(cls, backend: HidBackend, info: DeviceInfo, profile: WiiProfile) -> WiiBoardLink:
        """Open ``info`` and run the conversation; the device is closed again if any step fails."""
        device = backend.open(info)
        try:
            return cls._converse(device, info, profile)
        except BaseException:
            device.close()
            raise

    @classmethod
    def _converse(cls, device: HidDevice, info: DeviceInfo, profile: WiiProfile) -> WiiBoardLink:
        for report in profile.init_reports:
            _write_and_ack(device, report)
        status = request_status(device)
        extension_id = read_memory(device, EXTENSION_ID_ADDRESS, len(profile.extension_id))
        named = info.product_string == profile.identity.product_string
        if not named and extension_id[-2:] != profile.extension_id[-2:]:
            raise NotABoard(f"{info.path_text} is a {info.product_string or 'Wii device'} "
                            f"with extension {extension_id.hex(' ')}, not a balance board")
        block = read_memory(device, CALIBRATION_ADDRESS, CAL_BLOCK_BYTES)
        reference = read_memory(device, REFERENCE_TEMPERATURE_ADDRESS, 1)[0]
        link = cls(device, info, profile, parse_wii_calibration(block, reference), status)
        link.resume()
        return link

    def resume(self) -> None:
        """(Re-)send the report mode: the board drops it with every status report."""
        _send(self._device, self._profile.report_mode)

    def read(self, timeout_ms: int) -> LinkReading | None:
        raw = self._device.read(timeout_ms)
        if not raw:
            return None
        report = wii_report(raw)
        if isinstance(report, WiiStatus):
            self.status = report
            self.resume()
            return LinkReading(None, battery_low=report.battery_low)
        if isinstance(report, WiiButtons):
            # The Linux driver re-sends its buttons-only mode after every status report; when
            # its write lands after ours, this is the first report to say so: take it back now
            # instead of waiting for the stall check.
            self.mode_reasserts += 1
            self.resume()
            return LinkReading(None, report.front_button)
        if not isinstance(report, WiiData) or not report.has_data:
            return LinkReading(None)
        return LinkReading(self._kg(report), report.front_button, self._battery_low(report))

    def _kg(self, data: WiiData) -> tuple[float, float, float, float]:
        corners = wii_corners_kg(self.calibration, data.raw_tr_br_tl_bl)
        reference = self.calibration.reference_temperature
        if self._profile.temperature_correction and data.temperature is not None and reference:
            return temperature_corrected(corners, data.temperature, reference)
        return corners

    @staticmethod
    def _battery_low(data: WiiData) -> bool | None:
        return None if data.battery is None else data.battery < BATTERY_LOW_BELOW

    def close(self) -> None:
        """LED off, then let go; a board that is already gone is fine."""
        try:
            with contextlib.suppress(DeviceGone):
                for report in self._profile.power_off_reports:
                    _send(self._device, report)
        finally:
            self._device.close()


class NotABoard(ConversationError):
    """A Wii Remote (same VID/PID) rather than a balance board."""

"""A DIY load-cell board on a (USB) serial port: text lines or binary frames, via pyserial.

Most hobby boards are an HX711 on an Arduino/ESP32 printing one line per reading
("t,c1,c2,c3,c4") or a fixed binary frame after sync bytes. The profile says which, which field
or byte holds each cell, and which lines to send to start and stop it. This module is the only
importer of pyserial.

Bytes are kept in a bounded buffer: a port that babbles without line ends or sync bytes costs a
counted malformed report, never unbounded memory.
"""

from __future__ import annotations

import contextlib
import errno
import time

import serial
from serial.tools import list_ports

from balance_game.devices.cell_profile import CellBoardProfile
from balance_game.devices.hid_backend import DeviceGone
from balance_game.devices.link import LinkReading
from balance_game.devices.parsers import ReportError, cell_counts, cell_line_counts
from balance_game.errors import UserError

MAX_BUFFER = 4096  # far longer than any frame; beyond it the stream is garbage


def find_ports(profile: CellBoardProfile) -> list[str]:
    """The port the profile names, or every USB serial port with the profile's IDs."""
    settings = profile.serial
    if settings is None:
        return []
    if settings.port is not None:
        return [settings.port]
    ident = profile.identity
    if ident is None:
        return []
    return sorted(p.device for p in list_ports.comports()
                  if p.vid == ident.vendor_id and p.pid == ident.product_id)


def _open_port(path: str, baudrate: int) -> serial.Serial:
    try:
        return serial.serial_for_url(path, baudrate=baudrate, timeout=0)
    except serial.SerialException as exc:
        if getattr(exc, "errno", None) == errno.EACCES:
            raise UserError(f"no permission to open {path}; add yourself to the 'dialout' group "
                            "(`sudo usermod -aG dialout $USER`, then log in again)") from None
        raise DeviceGone(f"cannot open {path}: {exc}") from None


class SerialCellLink:
    """An open serial board; ``read`` returns one reading per complete frame."""

    def __init__(self, port: serial.Serial, path: str, profile: CellBoardProfile) -> None:
        self._port = port
        self._profile = profile
        self._buffer = bytearray()
        self.name = profile.name
        self.identity = path

    @classmethod
    def open(cls, profile: CellBoardProfile, path: str) -> SerialCellLink:
        """Open ``path`` and send the start commands (closed again if that fails)."""
        if profile.serial is None:
            raise ValueError(f"{profile.path}: not a serial profile")
        port = _open_port(path, profile.serial.baudrate)
        link = cls(port, path, profile)
        try:
            link.resume()
        except BaseException:
            port.close()
            raise
        return link

    def _write(self, data: bytes) -> None:
        try:
            self._port.write(data)
            self._port.flush()
        except (serial.SerialException, OSError) as exc:
            raise DeviceGone(f"{self.identity}: write failed: {exc}") from None

    def read(self, timeout_ms: int) -> LinkReading | None:
        deadline = time.monotonic() + timeout_ms / 1000.0
        while True:
            frame = self._take_frame()
            if frame is not None:
                return LinkReading(self._profile.corners_kg(self._counts(frame)))
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            self._fill(remaining)

    def _fill(self, timeout_s: float) -> None:
        try:
            self._port.timeout = timeout_s
            data = self._port.read(max(1, self._port.in_waiting))
        except (serial.SerialException, OSError) as exc:
            raise DeviceGone(f"{self.identity}: read failed: {exc}") from None
        self._buffer += data
        if len(self._buffer) > MAX_BUFFER:
            self._buffer.clear()
            raise ReportError(f"{MAX_BUFFER} bytes without a frame; is the baud rate right?")

    def _take_frame(self) -> bytes | None:
        if self._profile.line is not None:
            end = self._buffer.find(b"\n")
            if end < 0:
                return None
            line = bytes(self._buffer[:end]).rstrip(b"\r")
            del self._buffer[:end + 1]
            return line
        layout = self._profile.binary
        assert layout is not None  # a serial profile has a line or a binary layout
        start = self._buffer.find(layout.sync)
        if start < 0:
            del self._buffer[:max(0, len(self._buffer) - len(layout.sync) + 1)]
            return None
        del self._buffer[:start]
        if len(self._buffer) < layout.frame_bytes:
            return None
        frame = bytes(self._buffer[:layout.frame_bytes])
        del self._buffer[:layout.frame_bytes]
        return frame

    def _counts(self, frame: bytes) -> tuple[float, ...]:
        if self._profile.line is not None:
            return cell_line_counts(self._profile.line, frame)
        assert self._profile.binary is not None
        return cell_counts(self._profile.binary, frame)

    def resume(self) -> None:
        """(Re-)send the start commands: a board that was reset waits for them."""
        for command in self._profile.start:
            self._write(command.data)

    def close(self) -> None:
        """Stop commands if the board still listens, then let go of the port."""
        try:
            with contextlib.suppress(DeviceGone):
                for command in self._profile.stop:
                    self._write(command.data)
        finally:
            self._port.close()

"""A byte-level fake Wii Balance Board that plugs in where hidapi would.

It answers output reports as the real board does (status 0x20, acks 0x22, memory reads as 0x21
chunks of 16 bytes, the extension ID and the made-up calibration block of the protocol notes), stops
streaming after a status report until the report mode is set again, and streams 0x34 data reports
paced on the monotonic clock from a scripted load. Scripts inject unsolicited status reports,
garbage, short and unknown reports, no-data payloads and disconnects, so the whole conversation,
the reader and the CLI run for real without hardware. It replaces only ``hid_backend``.
"""

from __future__ import annotations

import math
import struct
import time
import zlib
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from balance_game.devices.hid_backend import (
    BUS_BLUETOOTH,
    DeviceGone,
    DeviceInfo,
    permission_error,
)
from balance_game.errors import UserError

# Made-up calibration of the protocol notes: raw counts at 0/17/34 kg, wire order TR BR TL BL.
CAL_TR_BR_TL_BL = ((1950, 3680, 5430), (15610, 17330, 19070), (1170, 2890, 4620),
                   (10600, 12340, 14100))
REFERENCE_TEMPERATURE = 0x19
TEMPERATURE = 0x19
BATTERY = 0x83
STATUS_BATTERY = 0xC0
EXTENSION_ID = bytes.fromhex("0000A4200402")
PRODUCT = "Nintendo RVL-WBC-01"
VENDOR_ID, PRODUCT_ID = 0x057E, 0x0306
FAKE_PATH = b"/dev/hidraw-fake-wbb"
FAKE_SERIAL = "00:19:1d:fa:ce:01"
KERNEL_BUFFER_REPORTS = 64  # hidraw keeps this many reports per reader; older ones are dropped
OUTPUT_LENGTHS = {0x11: 2, 0x12: 3, 0x15: 2, 0x16: 22, 0x17: 7}

RawLoad = Callable[[int], tuple[int, int, int, int]]


def raw_for_kg(kg: float, points: tuple[int, int, int]) -> int:
    """Inverse of the piecewise-linear calibration: the count a sensor shows under ``kg``."""
    c0, c17, c34 = points
    if kg < 17:
        return round(c0 + kg / 17 * (c17 - c0))
    return round(c17 + (kg - 17) / 17 * (c34 - c17))


def person_load(i: int) -> tuple[int, int, int, int]:
    """About 70 kg swaying slowly left-right, plus a small sawtooth so neighbours differ."""
    shift_kg = 2.0 * math.sin(2 * math.pi * i / 410)
    kgs = (18.2 + shift_kg, 19.1 + shift_kg, 16.3 - shift_kg, 16.9 - shift_kg)
    raws = [raw_for_kg(kg, cal) for kg, cal in zip(kgs, CAL_TR_BR_TL_BL, strict=True)]
    tr, br, tl, bl = raws
    return (tr + i % 7, br, tl, bl)


def empty_load(i: int) -> tuple[int, int, int, int]:
    """The empty board of test vector TV2, with a count of noise."""
    return (1956 + i % 2, 15605, 1175, 10598)


@dataclass
class FakeScript:
    """What the fake board does. ``events`` fire just before the data report with that index."""

    load: RawLoad = person_load
    rate_hz: float = 100.0
    events: Mapping[int, str] = field(default_factory=dict)
    reconnect_after_s: float | None = 0.3  # None: a disconnect is for good
    permission_denied: bool = False
    present: bool = True
    extension_id: bytes = EXTENSION_ID  # a Wii Remote with a Nunchuk: 00 00 A4 20 00 00
    front_button_held: frozenset[int] = frozenset()  # data report indices with the button down
    # Linux hid-wiimote bound, its input node unopened: after each status report it writes
    # "12 00 30" (buttons only, on change) -- here always after the host's own mode write, the
    # losing order. The board answers a mode change with one report in the new mode.
    kernel_driver: bool = False


def calibration_block() -> bytes:
    """The 24 bytes at 0xA40024: point-major, sensors in wire order."""
    return b"".join(struct.pack(">H", CAL_TR_BR_TL_BL[s][p]) for p in range(3) for s in range(4))


def _memory(extension_id: bytes) -> bytearray:
    """The extension register page 0xA400xx as the board holds it."""
    mem = bytearray(256)
    mem[0x20:0x24] = bytes([0x01, 0x69, 0x00, 0x00])
    mem[0x24:0x3C] = calibration_block()
    mem[0x60:0x62] = bytes([REFERENCE_TEMPERATURE, 0x01])
    crc = zlib.crc32(bytes(mem[0x24:0x3C]) + bytes(mem[0x20:0x22]) + bytes(mem[0x60:0x62]))
    mem[0x3C:0x40] = struct.pack(">I", crc)
    mem[0xFA:0x100] = extension_id
    return mem


def data_report(raw_tr_br_tl_bl: tuple[int, int, int, int], buttons: int = 0) -> bytes:
    """A 22-byte 0x34 report as hidapi returns it."""
    weights = struct.pack(">4H", *raw_tr_br_tl_bl)
    return bytes([0x34, 0x00, buttons]) + weights + bytes([TEMPERATURE, 0x00, BATTERY]) + bytes(8)


class FakeBackend:
    """The HidBackend that holds one fake board. State shared by successive connections."""

    def __init__(self, script: FakeScript | None = None) -> None:
        self.script = script or FakeScript()
        self.next_index = 0  # index of the next data report (continues across reconnects)
        self.fired: set[int] = set()
        self.away_until = -math.inf  # a disconnected board is invisible until then
        self.reports_sent = 0
        self.reports_dropped = 0
        self.slots_missed = 0  # data reports the board would have sent while not streaming
        self.status_reports = 0
        self.writes: list[bytes] = []
        self.opened = 0
        self.board: FakeWiiBoard | None = None

    @classmethod
    def from_scenario(cls, text: str) -> FakeBackend:
        """``NAME`` or ``NAME@RATE_HZ``, e.g. ``steady`` or ``reconnect@500`` (see SCENARIOS)."""
        name, _, rate = text.partition("@")
        if name not in SCENARIOS:
            raise UserError(f"unknown fake board scenario {name!r} "
                            f"(one of {', '.join(sorted(SCENARIOS))})")
        script = SCENARIOS[name]()
        if rate:
            script.rate_hz = float(rate)
        return cls(script)

    def _visible(self) -> bool:
        return self.script.present and time.monotonic() >= self.away_until

    def enumerate(self, vendor_id: int = 0, product_id: int = 0) -> list[DeviceInfo]:
        if not self._visible() or vendor_id not in (0, VENDOR_ID) or product_id not in (
            0, PRODUCT_ID
        ):
            return []
        return [DeviceInfo(FAKE_PATH, VENDOR_ID, PRODUCT_ID, PRODUCT, "", FAKE_SERIAL, -1,
                           BUS_BLUETOOTH)]

    def open(self, info: DeviceInfo) -> FakeWiiBoard:
        if self.script.permission_denied:
            raise permission_error(info)
        if not self._visible() or info.path != FAKE_PATH:
            raise DeviceGone(f"cannot open {info.path_text}: no such device")
        self.opened += 1
        self.board = FakeWiiBoard(self)
        return self.board

    def disconnect(self) -> None:
        after = self.script.reconnect_after_s
        self.away_until = math.inf if after is None else time.monotonic() + after


class FakeWiiBoard:
    """One connection to the fake board: the board's side of the conversation."""

    def __init__(self, backend: FakeBackend) -> None:
        self._backend = backend
        self._script = backend.script
        self._memory = _memory(self._script.extension_id)
        self._replies: deque[bytes] = deque()
        self._streaming = False
        self._next_due_s = 0.0
        self._alive = True
        self._kernel_pending = False
        self._paused_at: float | None = None
        self.led = 0

    # -- what the host sends ------------------------------------------------------------------
    def write(self, report: bytes) -> None:
        self._check_alive()
        report = bytes(report)
        self._backend.writes.append(report)
        if not report or OUTPUT_LENGTHS.get(report[0]) != len(report):
            return  # a real Wii Remote ignores reports that are not exactly their own length
        handler = {0x11: self._set_led, 0x12: self._set_mode, 0x15: self._status_request,
                   0x16: self._write_memory, 0x17: self._read_memory}[report[0]]
        handler(report)
        if report[0] not in (0x16, 0x17, 0x15) and report[1] & 0x02:
            self._replies.append(bytes([0x22, 0x00, 0x00, report[0], 0x00]))
        if report[0] == 0x12 and self._kernel_pending:
            self._kernel_pending = False
            self._backend.writes.append(b"kernel:12 00 30")
            self._set_mode(bytes([0x12, 0x00, 0x30]))

    def send_feature_report(self, report: bytes) -> None:
        """The Wii protocol has no feature reports; a real board ignores them, and so do we."""
        self._check_alive()
        self._backend.writes.append(b"feature:" + bytes(report))

    def _set_led(self, report: bytes) -> None:
        self.led = report[1] & 0xF0

    def _set_mode(self, report: bytes) -> None:
        now = time.monotonic()
        was_streaming = self._streaming
        self._streaming = report[2] in (0x32, 0x34) and bool(report[1] & 0x04)
        if was_streaming and not self._streaming:
            self._paused_at = now
        elif self._streaming and self._paused_at is not None:
            self._backend.slots_missed += int((now - self._paused_at) * self._script.rate_hz)
            self._paused_at = None
        if report[2] == 0x30:
            self._replies.append(bytes([0x30, 0x00, 0x00]))
        self._next_due_s = now

    def _status_request(self, report: bytes) -> None:
        self._replies.append(self._status())

    def _status(self) -> bytes:
        if self._streaming:
            self._paused_at = time.monotonic()
        self._streaming = False  # the board resets its report mode with every status report
        self._backend.status_reports += 1
        self._kernel_pending = self._script.kernel_driver
        return bytes([0x20, 0x00, 0x00, self.led | 0x02, 0x00, 0x00, STATUS_BATTERY])

    def _write_memory(self, report: bytes) -> None:
        address, size = int.from_bytes(report[2:5], "big"), report[5]
        error = 0 if address >> 8 == 0xA400 and 1 <= size <= 16 else 8
        if error == 0:
            start = address & 0xFF
            self._memory[start:start + size] = report[6:6 + size][: 256 - start]
        self._replies.append(bytes([0x22, 0x00, 0x00, 0x16, error]))

    def _read_memory(self, report: bytes) -> None:
        address, size = int.from_bytes(report[2:5], "big"), int.from_bytes(report[5:7], "big")
        if address >> 8 != 0xA400 or (address & 0xFF) + size > 256:
            self._replies.append(bytes([0x21, 0x00, 0x00, 0x08, address >> 8 & 0xFF,
                                        address & 0xFF]) + bytes(16))
            return
        for offset in range(0, size, 16):
            chunk = bytes(self._memory[(address & 0xFF) + offset:][: min(16, size - offset)])
            low = (address + offset) & 0xFFFF
            se = (len(chunk) - 1) << 4
            self._replies.append(bytes([0x21, 0x00, 0x00, se, low >> 8, low & 0xFF]) + chunk
                                 + bytes(16 - len(chunk)))

    # -- what the host reads ------------------------------------------------------------------
    def read(self, timeout_ms: int) -> bytes:
        deadline = time.monotonic() + timeout_ms / 1000.0
        while True:
            self._check_alive()
            if self._replies:
                return self._replies.popleft()
            now = time.monotonic()
            if self._streaming and now >= self._next_due_s:
                return self._next_stream_report(now)
            wake = min(deadline, self._next_due_s) if self._streaming else deadline
            if now >= deadline:
                return b""
            time.sleep(max(0.0, wake - now))

    def _next_stream_report(self, now: float) -> bytes:
        backend = self._backend
        period = 1.0 / self._script.rate_hz
        behind = int((now - self._next_due_s) / period)
        if behind > KERNEL_BUFFER_REPORTS:
            lost = behind - KERNEL_BUFFER_REPORTS
            backend.reports_dropped += lost
            backend.next_index += lost
            self._next_due_s += lost * period
        event = self._script.events.get(backend.next_index)
        if event is not None and backend.next_index not in backend.fired:
            backend.fired.add(backend.next_index)
            return self._injected(event)
        index = backend.next_index
        buttons = 0x08 if index in self._script.front_button_held else 0x00
        report = data_report(self._script.load(index), buttons)
        backend.next_index += 1
        backend.reports_sent += 1
        self._next_due_s += period
        return report

    def _injected(self, event: str) -> bytes:
        if event == "disconnect":
            self._alive = False
            self._backend.disconnect()
            self._check_alive()
        return {
            "status": self._status,
            "garbage": lambda: bytes([0x99, 0x13, 0x37]) + bytes(19),
            "short": lambda: bytes([0x34, 0x00, 0x00, 0x07]),
            "unknown": lambda: bytes([0x3D]) + bytes(21),
            "nodata": lambda: bytes([0x34, 0x00, 0x00]) + b"\xff" * 19,
        }[event]()

    def _check_alive(self) -> None:
        if not self._alive:
            raise DeviceGone("read failed: the board went away")

    def close(self) -> None:
        self._alive = False


def _with_events(events: dict[int, str], reconnect_after_s: float | None = 0.3
                 ) -> Callable[[], FakeScript]:
    return lambda: FakeScript(events=events, reconnect_after_s=reconnect_after_s)


SCENARIOS: dict[str, Callable[[], FakeScript]] = {
    "steady": FakeScript,
    "empty": lambda: FakeScript(load=empty_load),
    "status": _with_events({50: "status", 120: "status"}),
    "reconnect": _with_events({100: "disconnect"}),
    "noisy": _with_events({10: "garbage", 20: "short", 30: "unknown", 40: "nodata",
                           60: "status"}),
    "unplug": _with_events({100: "disconnect"}, reconnect_after_s=None),
    "permission": lambda: FakeScript(permission_denied=True),
    "none": lambda: FakeScript(present=False),
    "kernel": lambda: FakeScript(events={50: "status", 120: "status", 190: "status"},
                                 kernel_driver=True),
}

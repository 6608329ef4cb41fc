"""The Wii board through the Linux kernel's ``hid-wiimote`` driver: its evdev input device.

The kernel (``wiimod_bboard_in_ext``) reports each corner, already through the factory
calibration, in units of 10 g: ``ABS_HAT0X`` top right, ``ABS_HAT0Y`` bottom right, ``ABS_HAT1X``
top left, ``ABS_HAT1Y`` bottom left, then ``SYN_REPORT``; the front button is ``BTN_A`` in a frame
of its own. Opening the node is also what makes the driver choose report mode 0x34 for the board.
Two kernel habits shape this reader:

* the input core drops a value equal to the last one, so a board at rest sends nothing at all;
  we start from the device's current values (``EVIOCGABS``) and repeat the held state when no
  frame arrived for one board period, so the stream keeps the board's rate;
* a full kernel buffer is announced with ``SYN_DROPPED``; events up to the next ``SYN_REPORT`` are
  incomplete and are skipped (counted).

This module is the only importer of python-evdev. Tare, temperature and COP stay with the caller,
exactly as on the hidraw path. The kernel does not pass the temperature byte on, so no
temperature correction happens here.
"""

from __future__ import annotations

import errno
import os
import select
import time
from collections import deque
from collections.abc import Callable

from evdev import ecodes
from evdev.eventio import EventIO

from balance_game.devices.hid_backend import DeviceGone
from balance_game.devices.kernel_wiimote import KernelBoard, battery_percent
from balance_game.devices.link import LinkReading
from balance_game.dsp.calibration import Corners
from balance_game.errors import UserError

KERNEL_UNITS_PER_KG = 100  # the driver's 10 g units (1700 = the 17 kg calibration point)
# wire order TR, BR, TL, BL as axes; index into (tl, tr, bl, br)
AXIS_CORNER = {ecodes.ABS_HAT1X: 0, ecodes.ABS_HAT0X: 1, ecodes.ABS_HAT1Y: 2, ecodes.ABS_HAT0Y: 3}
HOLD_AFTER_S = 0.012  # a little over one 100 Hz board period
BATTERY_EVERY_S = 60.0  # each read asks the board for a status report: rarely
LOW_BATTERY_PERCENT = 20


class _EventFile(EventIO):
    """python-evdev's event decoding on a file descriptor we opened ourselves (non-blocking)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd


def _current_values(fd: int) -> list[int | None]:
    """The axes' present values; None for each the device will not tell (then wait for it)."""
    from evdev import _input  # type: ignore[attr-defined]  # what InputDevice.absinfo() calls

    values: list[int | None] = [None] * 4
    for axis, corner in AXIS_CORNER.items():
        try:
            values[corner] = _input.ioctl_EVIOCGABS(fd, axis)[0]
        except OSError:
            return [None] * 4  # not an evdev node that answers ioctls: start from its first frame
    return values


class EvdevBoardLink:
    """An open kernel-driven board; ``read`` returns one sample per kernel frame."""

    def __init__(self, board: KernelBoard, name: str, *, hold_after_s: float = HOLD_AFTER_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        try:
            self._fd = os.open(board.event_path, os.O_RDONLY | os.O_NONBLOCK)
        except PermissionError:
            raise UserError(f"no permission to read {board.event_path}; add yourself to the "
                            "'input' group (`sudo usermod -aG input $USER`, then log in again)"
                            ) from None
        except OSError as exc:
            raise DeviceGone(f"cannot open {board.event_path}: {exc.strerror}") from None
        self._events = _EventFile(self._fd)
        self.board = board
        self.name = name
        self.identity = board.identity
        self._hold_after_s = hold_after_s
        self._clock = clock
        self._values = _current_values(self._fd)
        self._changed = False
        self._button = False
        self._dropping = False
        self._frames: deque[LinkReading] = deque()
        self._last_frame_s = clock()
        self._battery_due_s = self._last_frame_s
        self._battery_low: bool | None = None
        self.held_repeats = 0
        self.dropped_frames = 0

    def read(self, timeout_ms: int) -> LinkReading | None:
        deadline = self._clock() + timeout_ms / 1000.0
        while not self._frames:
            now = self._clock()
            hold_at = self._last_frame_s + self._hold_after_s
            wake = min(deadline, hold_at) if self._complete() else deadline
            if self._wait(max(0.0, wake - now)):
                self._drain()
                continue
            now = self._clock()
            if self._complete() and now >= hold_at:
                self.held_repeats += 1
                self._frames.append(self._reading(now))
            elif now >= deadline:
                return None
        return self._frames.popleft()

    def _wait(self, seconds: float) -> bool:
        try:
            ready, _, _ = select.select([self._fd], [], [], seconds)
        except (OSError, ValueError) as exc:
            raise DeviceGone(f"{self.board.event_path}: {exc}") from None
        return bool(ready)

    def _drain(self) -> None:
        try:
            for event in self._events.read():
                self._apply(event.type, event.code, event.value)
        except BlockingIOError:
            return
        except OSError as exc:  # ENODEV: the board went away (switched off, out of range)
            why = "the board went away" if exc.errno == errno.ENODEV else exc.strerror
            raise DeviceGone(f"{self.board.event_path}: {why}") from None

    def _apply(self, kind: int, code: int, value: int) -> None:
        if kind == ecodes.EV_SYN and code == ecodes.SYN_DROPPED:
            self._dropping = True
            self.dropped_frames += 1
        elif kind == ecodes.EV_SYN and code == ecodes.SYN_REPORT:
            if not self._dropping and self._changed and self._complete():
                self._frames.append(self._reading(self._clock()))
            self._dropping = self._changed = False
        elif kind == ecodes.EV_ABS and code in AXIS_CORNER:
            self._values[AXIS_CORNER[code]] = value
            self._changed = True
        elif kind == ecodes.EV_KEY and code == ecodes.BTN_A:
            self._button = value != 0

    def _complete(self) -> bool:
        return all(v is not None for v in self._values)

    def _reading(self, now: float) -> LinkReading:
        self._last_frame_s = now
        corners: Corners = tuple(v / KERNEL_UNITS_PER_KG for v in self._values)  # type: ignore[operator, assignment]
        return LinkReading(corners, self._button, self._check_battery(now))

    def _check_battery(self, now: float) -> bool | None:
        if now >= self._battery_due_s:
            self._battery_due_s = now + BATTERY_EVERY_S
            percent = battery_percent(self.board)
            self._battery_low = None if percent is None else percent < LOW_BATTERY_PERCENT
        return self._battery_low

    def resume(self) -> None:
        """Nothing to ask: the kernel keeps the board streaming while its node is open."""

    def close(self) -> None:
        """Closing the node lets the driver fall back to its buttons-only mode."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

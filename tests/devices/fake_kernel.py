"""A fake Linux ``hid-wiimote`` at the kernel's own interfaces: a sysfs tree and an event node.

The tree mirrors what the driver creates for a paired board (bound device under
``sys/bus/hid/drivers/wiimote``, its balance-board input device with an ``event*`` child, its
hidraw node and its ``wiimote_battery_<uniq>`` power supply). The event node is a FIFO into which
``KernelEmitter`` writes ``struct input_event`` records exactly as the kernel's evdev would:
``wiimod_bboard_in_ext`` converts raw counts to 10 g units with C integer arithmetic, reports
ABS_HAT0X=TR, ABS_HAT0Y=BR, ABS_HAT1X=TL, ABS_HAT1Y=BL, and the input core drops every value equal
to the previous one (and the SYN_REPORT of a frame that changed nothing).

The conversion below is written from the kernel source, independently of the product's code.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from balance_game.demo.fake_wii_board import CAL_TR_BR_TL_BL, FAKE_PATH, FAKE_SERIAL

EV_SYN, EV_KEY, EV_ABS = 0x00, 0x01, 0x03
SYN_REPORT, SYN_DROPPED = 0, 3
BTN_A = 0x130
ABS_HAT0X, ABS_HAT0Y, ABS_HAT1X, ABS_HAT1Y = 0x10, 0x11, 0x12, 0x13
WIRE_AXES = (ABS_HAT0X, ABS_HAT0Y, ABS_HAT1X, ABS_HAT1Y)  # TR, BR, TL, BL
INPUT_EVENT = struct.Struct("llHHi")  # struct timeval (64-bit), __u16 type, __u16 code, __s32 value
HID_NAME = "0005:057E:0306.0007"


def kernel_10g(raw: int, cal: tuple[int, int, int]) -> int:
    """One sensor as the kernel reports it: clamped at 0, truncating division, 1700 = 17 kg."""
    c0, c17, c34 = cal
    if raw <= c0:
        return 0
    if raw < c17:
        return int((raw - c0) * 1700 / ((c17 - c0) or 1))
    return int((raw - c17) * 1700 / ((c34 - c17) or 1)) + 1700


def kernel_values(raw_tr_br_tl_bl: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    return tuple(kernel_10g(r, c) for r, c in zip(raw_tr_br_tl_bl, CAL_TR_BR_TL_BL, strict=True))  # type: ignore[return-value]


def make_sysfs(root: Path, *, battery_percent: int | None = 75, with_board: bool = True) -> Path:
    """The driver's tree under ``root``; returns the event node (a FIFO) the board's data uses."""
    device = root / "sys/devices/virtual/bluetooth/hci0/hci0:11" / HID_NAME
    driver = root / "sys/bus/hid/drivers/wiimote"
    driver.mkdir(parents=True)
    device.mkdir(parents=True)
    (driver / HID_NAME).symlink_to(device)
    (device / "uevent").write_text(f"DRIVER=wiimote\nHID_NAME=Nintendo RVL-WBC-01\n"
                                   f"HID_UNIQ={FAKE_SERIAL}\n")
    (device / "hidraw" / Path(FAKE_PATH.decode()).name).mkdir(parents=True)
    core = device / "input/input41"
    core.mkdir(parents=True)
    (core / "name").write_text("Nintendo Wii Remote\n")
    (core / "event20").mkdir()
    event_node = root / "dev/input/event21"
    event_node.parent.mkdir(parents=True)
    if with_board:
        board = device / "input/input42"
        board.mkdir(parents=True)
        (board / "name").write_text("Nintendo Wii Remote Balance Board\n")
        (board / "event21").mkdir()
        os.mkfifo(event_node)
    if battery_percent is not None:
        supply = device / "power_supply" / f"wiimote_battery_{FAKE_SERIAL}"
        supply.mkdir(parents=True)
        (supply / "capacity").write_text(f"{battery_percent}\n")
    return event_node


class KernelEmitter:
    """The kernel side of the event node: frames of changed axes, then SYN_REPORT."""

    def __init__(self, event_node: Path) -> None:
        # O_RDWR on a FIFO never blocks and keeps a writer present for the reader's whole life.
        self._fd = os.open(event_node, os.O_RDWR | os.O_NONBLOCK)
        self._last: list[int | None] = [None] * 4
        self._button = False
        self.frames = 0

    def _events(self, events: list[tuple[int, int, int]]) -> None:
        data = b"".join(INPUT_EVENT.pack(0, 0, kind, code, value) for kind, code, value in events)
        os.write(self._fd, data)

    def report(self, raw_tr_br_tl_bl: tuple[int, int, int, int], button: bool = False) -> bool:
        """One board report through the driver; False if the input core swallowed it whole."""
        if button != self._button:
            self._button = button
            self._events([(EV_KEY, BTN_A, int(button)), (EV_SYN, SYN_REPORT, 0)])
        values = kernel_values(raw_tr_br_tl_bl)
        changed = [(EV_ABS, axis, v) for axis, v, last in zip(WIRE_AXES, values, self._last,
                                                               strict=True) if v != last]
        self._last = list(values)
        if not changed:
            return False
        self._events([*changed, (EV_SYN, SYN_REPORT, 0)])
        self.frames += 1
        return True

    def dropped(self) -> None:
        """The kernel's buffer overflowed: SYN_DROPPED, a torn frame, then a clean SYN_REPORT."""
        self._events([(EV_SYN, SYN_DROPPED, 0), (EV_ABS, ABS_HAT0X, 1), (EV_SYN, SYN_REPORT, 0)])
        self._last[0] = 1

    def close(self) -> None:
        os.close(self._fd)

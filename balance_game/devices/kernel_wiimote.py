"""Is the Linux ``hid-wiimote`` driver bound to a balance board? Read the answer from sysfs.

When the kernel driver owns the board it already runs the whole conversation, re-sends its own
report mode after every status report and exposes calibrated weights as an input device; talking
to the same board over hidraw as well only fights it (its 0x30 mode against our 0x34). So the
board path is chosen here, from files alone:

* ``/sys/bus/hid/drivers/wiimote/<bus>:057E:0306.<n>`` — a HID device the driver is bound to;
* inside it ``input/input*/name == "Nintendo Wii Remote Balance Board"`` — the board's weights
  (kernel ``wiimod_bboard_probe``), with its ``event*`` node under ``/dev/input``;
* ``power_supply/wiimote_battery_<uniq>/capacity`` — battery in percent (``VV * 100 / 255``);
* ``uevent`` ``HID_UNIQ=`` — the board's Bluetooth address, its identity for the stored tare.

``root`` prefixes every path, so tests hand in a tmp tree and ``BALANCE_GAME_SYSFS_ROOT`` lets a
demo point the game at one; on a real machine it is ``/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SYSFS_ROOT_ENV = "BALANCE_GAME_SYSFS_ROOT"
DRIVER_DIR = "sys/bus/hid/drivers/wiimote"
BOARD_INPUT_NAME = "Nintendo Wii Remote Balance Board"
WII_IDS = ("057E:0306", "057E:0330")  # hid device names are BUS:VVVV:PPPP.NNNN


@dataclass(frozen=True)
class KernelBoard:
    """A board the kernel driver owns: where its events come from and who it is."""

    hid_name: str  # e.g. 0005:057E:0306.0003
    event_path: Path  # the /dev/input/event* node (under root)
    battery_path: Path | None  # .../capacity, None when the battery module is not loaded
    uniq: str  # Bluetooth address from HID_UNIQ, "" if unknown
    hidraw_nodes: tuple[str, ...]  # the hidraw nodes of the same device, which we leave alone

    @property
    def identity(self) -> str:
        return self.uniq or self.hid_name


def sysfs_root() -> Path:
    """``/`` unless ``BALANCE_GAME_SYSFS_ROOT`` names another tree (a demo or a test)."""
    return Path(os.environ.get(SYSFS_ROOT_ENV) or "/")


def driver_loaded(root: Path) -> bool:
    """The hid-wiimote module is loaded (its driver directory exists)."""
    return (root / DRIVER_DIR).is_dir()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def _uniq(device: Path) -> str:
    for line in _read(device / "uevent").splitlines():
        key, _, value = line.partition("=")
        if key == "HID_UNIQ":
            return value.strip()
    return ""


def _board_event(root: Path, device: Path) -> Path | None:
    for input_dir in sorted((device / "input").glob("input*")):
        if _read(input_dir / "name") != BOARD_INPUT_NAME:
            continue
        for event_dir in sorted(input_dir.glob("event*")):
            return root / "dev" / "input" / event_dir.name
    return None


def _battery(device: Path) -> Path | None:
    for supply in sorted((device / "power_supply").glob("wiimote_battery_*")):
        if (supply / "capacity").exists():
            return supply / "capacity"
    return None


def find_kernel_boards(root: Path | None = None) -> list[KernelBoard]:
    """Every Wii device bound to hid-wiimote that has a balance-board input device."""
    root = root if root is not None else sysfs_root()
    driver = root / DRIVER_DIR
    if not driver.is_dir():
        return []
    boards = []
    for link in sorted(driver.iterdir()):
        if not any(ids in link.name.upper() for ids in WII_IDS):
            continue
        device = link.resolve() if link.is_symlink() else link
        event = _board_event(root, device)
        if event is None:
            continue  # a Wii Remote, or a board whose extension is not probed yet
        hidraw = tuple(sorted(p.name for p in (device / "hidraw").glob("hidraw*")))
        boards.append(KernelBoard(link.name, event, _battery(device), _uniq(device), hidraw))
    return boards


def kernel_hidraw_nodes(root: Path | None = None) -> set[str]:
    """hidraw node names of every Wii device the driver is bound to: not ours to talk to."""
    root = root if root is not None else sysfs_root()
    driver = root / DRIVER_DIR
    if not driver.is_dir():
        return set()
    return {node.name for link in driver.iterdir() if any(i in link.name.upper() for i in WII_IDS)
            for node in ((link.resolve() if link.is_symlink() else link) / "hidraw").glob("hidraw*")}


def battery_percent(board: KernelBoard) -> int | None:
    """The driver's battery capacity in percent, or None when it cannot be read.

    Reading it makes the kernel ask the board for a status report, so callers read it rarely.
    """
    if board.battery_path is None:
        return None
    text = _read(board.battery_path)
    return int(text) if text.isdigit() else None

"""The one door to hidapi: enumerate HID devices, open one, write and read reports.

Everything above this module talks to a ``HidBackend`` and never imports hidapi, so tests, demos and the
benchmark pass in another backend (the byte-level fake board of ``balance_game.demo``) without
touching the conversation, the reader or the calibration code.

On Linux we import ``hidraw``: the PyPI wheel builds its ``hid`` module against libusb there, which
cannot see Bluetooth devices such as the Wii Balance Board. Elsewhere ``hid`` is the right module.
The import is lazy so the game still runs with a gamepad when hidapi is missing or broken.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from balance_game.errors import UserError

BUS_BLUETOOTH = 2  # hidapi's hid_bus_type value for Bluetooth
MAX_REPORT_BYTES = 64  # longer than any report we expect, so nothing is ever cut short


class DeviceGone(Exception):
    """The device stopped answering (unplugged, out of range, off); the reader reconnects."""


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One HID interface as enumerated; ``path`` is what ``open`` takes."""

    path: bytes
    vendor_id: int
    product_id: int
    product_string: str = ""
    manufacturer_string: str = ""
    serial_number: str = ""
    interface_number: int = -1
    bus_type: int = 0

    @property
    def path_text(self) -> str:
        return self.path.decode("utf-8", "replace")

    @property
    def is_bluetooth(self) -> bool:
        return self.bus_type == BUS_BLUETOOTH


class HidDevice(Protocol):
    """An open HID device. ``read`` returns b"" on timeout; both raise DeviceGone on I/O failure."""

    def write(self, report: bytes) -> None: ...

    def send_feature_report(self, report: bytes) -> None: ...

    def read(self, timeout_ms: int) -> bytes: ...

    def close(self) -> None: ...


class HidBackend(Protocol):
    """What the higher layers need from a HID library."""

    def enumerate(self, vendor_id: int = 0, product_id: int = 0) -> list[DeviceInfo]: ...

    def open(self, info: DeviceInfo) -> HidDevice: ...


def udev_rule(vendor_id: int, product_id: int, bluetooth: bool) -> str:
    """The Linux rule that lets the logged-in user open this device's /dev/hidraw node.

    Bluetooth hidraw nodes have no USB parent, so they match on the HID parent's name
    (``0005:057E:0306.xxxx``) through KERNELS; USB devices match on the USB attributes.
    """
    if bluetooth:
        parent = f'KERNELS=="*{vendor_id:04X}:{product_id:04X}*"'
    else:
        parent = f'ATTRS{{idVendor}}=="{vendor_id:04x}", ATTRS{{idProduct}}=="{product_id:04x}"'
    return f'KERNEL=="hidraw*", {parent}, MODE="0660", TAG+="uaccess"'


def permission_error(info: DeviceInfo) -> UserError:
    """The one line a person needs when /dev/hidraw* is not theirs to open."""
    rule = udev_rule(info.vendor_id, info.product_id, info.is_bluetooth)
    return UserError(
        f"no permission to open {info.path_text}; install the udev rules with "
        "`balance-game devices udev-rules | sudo tee /etc/udev/rules.d/70-balance-game.rules` "
        "and `sudo udevadm control --reload && sudo udevadm trigger`, then reconnect the device "
        f"(rule: {rule})"
    )


def _hidapi_module_name() -> str:
    return "hidraw" if sys.platform.startswith("linux") else "hid"


def _import_hidapi() -> ModuleType:
    name = _hidapi_module_name()
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise UserError(
            f"cannot load hidapi (module {name!r}: {exc}); install it with `pip install hidapi` "
            "or use a gamepad"
        ) from None


class _HidapiDevice:
    """cython-hidapi's ``hid.device`` as a HidDevice (its write returns -1 instead of raising)."""

    def __init__(self, device: Any) -> None:
        self._device = device

    def write(self, report: bytes) -> None:
        try:
            written = self._device.write(bytes(report))
        except (OSError, ValueError) as exc:
            raise DeviceGone(f"write failed: {exc}") from None
        if written < 0:
            raise DeviceGone(f"write failed: {self._device.error()}")

    def send_feature_report(self, report: bytes) -> None:
        try:
            written = self._device.send_feature_report(bytes(report))
        except (OSError, ValueError) as exc:
            raise DeviceGone(f"feature report failed: {exc}") from None
        if written < 0:
            raise DeviceGone(f"feature report failed: {self._device.error()}")

    def read(self, timeout_ms: int) -> bytes:
        # timeout_ms=0 would mean "block forever" in cython-hidapi; the reader must never hang.
        try:
            data = self._device.read(MAX_REPORT_BYTES, max(1, timeout_ms))
        except (OSError, ValueError) as exc:
            raise DeviceGone(f"read failed: {exc}") from None
        return bytes(data)

    def close(self) -> None:
        self._device.close()


class HidapiBackend:
    """The real thing: cython-hidapi (``hidraw`` on Linux, ``hid`` elsewhere)."""

    def __init__(self, module: ModuleType | None = None) -> None:
        self._hid = module if module is not None else _import_hidapi()

    def enumerate(self, vendor_id: int = 0, product_id: int = 0) -> list[DeviceInfo]:
        return [_device_info(d) for d in self._hid.enumerate(vendor_id, product_id)]

    def open(self, info: DeviceInfo) -> HidDevice:
        device = self._hid.device()
        try:
            device.open_path(info.path)
        except OSError as exc:
            if _is_permission_problem(info.path_text):
                raise permission_error(info) from None
            raise DeviceGone(f"cannot open {info.path_text}: {exc}") from None
        return _HidapiDevice(device)


def _is_permission_problem(path: str) -> bool:
    """hidapi reports every open failure as 'open failed'; the node's mode tells us the reason."""
    return path.startswith("/dev/") and os.path.exists(path) and not os.access(
        path, os.R_OK | os.W_OK
    )


def _device_info(d: dict[str, Any]) -> DeviceInfo:
    return DeviceInfo(
        path=bytes(d.get("path") or b""),
        vendor_id=int(d.get("vendor_id") or 0),
        product_id=int(d.get("product_id") or 0),
        product_string=d.get("product_string") or "",
        manufacturer_string=d.get("manufacturer_string") or "",
        serial_number=d.get("serial_number") or "",
        interface_number=int(d.get("interface_number", -1)),
        bus_type=int(d.get("bus_type") or 0),
    )


def default_backend() -> HidBackend:
    """hidapi (the demo's fake board is passed in explicitly by the command line, never found here)."""
    return HidapiBackend()

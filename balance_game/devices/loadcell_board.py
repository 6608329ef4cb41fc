"""A DIY load-cell board over USB HID: send its start commands, then one input report per reading.

Everything that differs between such boards (report ID or none, where each cell sits, number
format and byte order, per-cell calibration, start/stop reports) is in its profile, so a new
board needs only a YAML file.
"""

from __future__ import annotations

import contextlib

from balance_game.devices.cell_profile import CellBoardProfile, Command
from balance_game.devices.hid_backend import DeviceGone, DeviceInfo, HidBackend, HidDevice
from balance_game.devices.link import LinkReading
from balance_game.devices.parsers import cell_counts


def _send(device: HidDevice, command: Command) -> None:
    if command.kind == "feature":
        device.send_feature_report(command.data)
    else:
        device.write(command.data)


class LoadCellLink:
    """An open HID load-cell board streaming one input report per reading."""

    def __init__(self, device: HidDevice, info: DeviceInfo, profile: CellBoardProfile) -> None:
        if profile.binary is None:
            raise ValueError(f"{profile.path}: a HID board needs a report layout")
        self._device = device
        self._profile = profile
        self._layout = profile.binary
        self.name = profile.name
        self.identity = info.serial_number or info.path_text

    @classmethod
    def open(cls, backend: HidBackend, info: DeviceInfo, profile: CellBoardProfile) -> LoadCellLink:
        """Open the device and send the profile's start commands (closed again if one fails)."""
        device = backend.open(info)
        try:
            for command in profile.start:
                _send(device, command)
            return cls(device, info, profile)
        except BaseException:
            device.close()
            raise

    def read(self, timeout_ms: int) -> LinkReading | None:
        raw = self._device.read(timeout_ms)
        if not raw:
            return None
        counts = cell_counts(self._layout, raw)
        if _blank(raw[1:]):  # a hung or resetting firmware: nothing measured (stalls if it lasts)
            return LinkReading(None)
        return LinkReading(self._profile.corners_kg(counts))

    def resume(self) -> None:
        """Send the start commands again: a board that was reset waits for them."""
        for command in self._profile.start:
            _send(self._device, command)

    def close(self) -> None:
        """Stop commands (if the board is still there), then let go."""
        try:
            with contextlib.suppress(DeviceGone):
                for command in self._profile.stop:
                    _send(self._device, command)
        finally:
            self._device.close()


def _blank(payload: bytes) -> bool:
    """All 0x00 or all 0xFF after the report ID: what a hung or resetting firmware sends (four
    live load cells never read exactly zero, nor saturate together)."""
    return bool(payload) and (payload.count(0) == len(payload) or payload.count(0xFF) == len(payload))

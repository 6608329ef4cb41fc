"""A USB-HID load-cell board (HX711 + microcontroller): no conversation, it just streams.

Everything that differs between such boards (report ID, where each cell sits, integer width and
byte order, counts per kilogram) is in its profile, so a new board needs only a YAML file.
"""

from __future__ import annotations

from balance_game.devices.hid_backend import DeviceInfo, HidBackend, HidDevice
from balance_game.devices.link import LinkReading
from balance_game.devices.parsers import LoadCellData, parser_named
from balance_game.devices.profiles import LoadCellProfile
from balance_game.dsp.calibration import loadcell_corners_kg


class LoadCellLink:
    """An open load-cell board streaming one input report per reading."""

    def __init__(self, device: HidDevice, info: DeviceInfo, profile: LoadCellProfile) -> None:
        self._device = device
        self._profile = profile
        self._parse = parser_named(profile.parser, profile.layout)
        self.name = profile.name
        self.identity = info.serial_number or info.path_text

    @classmethod
    def open(cls, backend: HidBackend, info: DeviceInfo, profile: LoadCellProfile) -> LoadCellLink:
        return cls(backend.open(info), info, profile)

    def read(self, timeout_ms: int) -> LinkReading | None:
        raw = self._device.read(timeout_ms)
        if not raw:
            return None
        data = self._parse(raw)
        if not isinstance(data, LoadCellData):
            raise TypeError(f"{self._profile.path}: parser {self._profile.parser} is not for "
                            "load-cell boards")
        if _blank(raw[1:]):  # a hung or resetting firmware: nothing measured (stalls if it lasts)
            return LinkReading(None)
        p = self._profile
        return LinkReading(loadcell_corners_kg(data.counts, p.counts_per_kg, p.zero_counts))

    def resume(self) -> None:
        """Nothing to ask: these boards stream from power-on."""

    def close(self) -> None:
        self._device.close()


def _blank(payload: bytes) -> bool:
    """All 0x00 or all 0xFF after the report ID: what a hung or resetting firmware sends (four
    live load cells never read exactly zero, nor saturate together)."""
    return bool(payload) and (payload.count(0) == len(payload) or payload.count(0xFF) == len(payload))

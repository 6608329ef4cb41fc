"""What the reader needs from an open board, whatever its protocol.

A link has already run its device's conversation (identification, calibration, report mode). The
reader only calls ``read`` in its own thread and builds a new link through the same conversation
when the old one dies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from balance_game.dsp.calibration import Corners


@dataclass(frozen=True, slots=True)
class LinkReading:
    """One input report: factory-calibrated corner loads (tl, tr, bl, br) or None if it had none.

    ``battery_low`` is None when the report says nothing about the battery.
    """

    corners_kg: Corners | None
    front_button: bool = False
    battery_low: bool | None = None


class BoardLink(Protocol):
    """An open, initialised board."""

    name: str
    identity: str  # stable across reconnects: the serial number (MAC) or the device path

    def read(self, timeout_ms: int) -> LinkReading | None:
        """The next report, or None after ``timeout_ms`` without one.

        Raises ``DeviceGone`` when the device is lost and ``ReportError`` for an unusable report.
        """

    def resume(self) -> None:
        """Ask the device to stream again (after a stall)."""

    def close(self) -> None:
        """Release the device, switching off what can be switched off."""

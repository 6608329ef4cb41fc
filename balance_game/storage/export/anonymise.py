"""What ``--anonymize`` changes in an export, in one place.

The player's name, session notes and the therapist's note are left out; device names lose file
names, MAC addresses and serial numbers; every date and time moves back by the same random whole
number of weeks, so weekdays, times of day, offsets and durations stay exact.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

SHIFT_WEEKS = (4, 104)  # anonymised exports move dates back by this many weeks (inclusive)
_IDENTIFYING = re.compile(r"([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}|\b[0-9A-Fa-f]{8,}\b")


def random_shift_days() -> int:
    low, high = SHIFT_WEEKS
    return 7 * (low + secrets.randbelow(high - low + 1))


@dataclass(frozen=True)
class Anonymiser:
    """``active`` False passes everything through unchanged (shift 0)."""

    active: bool
    shift_days: int = 0

    def stamp(self, stamp: str | None) -> str | None:
        """An ISO 8601 date-time moved back by the shift (None and '' stay None)."""
        if not stamp:
            return None
        moved = datetime.fromisoformat(stamp) - timedelta(days=self.shift_days)
        return moved.isoformat(timespec="seconds")

    def device(self, device: str) -> str:
        """A device name without file names, MAC addresses or serial numbers."""
        if not self.active:
            return device
        if device.startswith("replay of "):
            return "replay"
        return _IDENTIFYING.sub("(id removed)", device)

    def text(self, text: str | None) -> str | None:
        """Free text (names, notes) is left out."""
        return None if self.active else text

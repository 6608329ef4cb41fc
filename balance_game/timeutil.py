"""Wall-clock timestamps for records: ISO 8601 with the local UTC offset, to the second."""

from __future__ import annotations

from datetime import datetime


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")

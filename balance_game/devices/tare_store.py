"""Tare offsets per board, kept in small JSON files under the user data folder.

A board's zero drifts slowly, so the last tare is a good start for the next session (the game
still re-zeroes before an accurate measurement). One file per board, named by a hash of its
identity (MAC address, serial number or path) so no address is written in clear.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

from balance_game.app import user_data_dir
from balance_game.dsp.calibration import Tare, corners


def board_key(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


class TareStore:
    """``<folder>/<board key>.json`` files; a missing or unreadable file means no tare."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else user_data_dir() / "boards"

    def path(self, identity: str) -> Path:
        return self.folder / f"{board_key(identity)}.json"

    def load(self, identity: str) -> Tare | None:
        try:
            data = json.loads(self.path(identity).read_text(encoding="utf-8"))
            offsets = corners(float(v) for v in data["tare_kg"])
        except (OSError, ValueError, KeyError, TypeError):  # a wrong count is a ValueError too
            return None
        return Tare(offsets)

    def save(self, identity: str, board_name: str, tare: Tare) -> Path:
        """Store the tare; in the user data folder, so readable by the user only (0600, 0700)."""
        path = self.path(identity)
        path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the user data folder
        path.parent.mkdir(exist_ok=True, mode=0o700)
        record = {"board": board_name, "tare_kg": list(tare.offsets_kg),
                  "corners": ["tl", "tr", "bl", "br"], "saved_unix_s": round(time.time(), 1)}
        tmp = path.with_suffix(".tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()  # left by a run that was killed mid-save
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(record, indent=1) + "\n")
        tmp.replace(path)
        return path

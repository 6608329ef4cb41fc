"""Tare offsets per board, kept in small JSON files under the user data folder.

A board's zero drifts slowly, so the last tare is a good start for the next session (the game
still re-zeroes before an accurate measurement). One file per board, named by a hash of its
identity (MAC address, serial number or path) so no address is written in clear.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from balance_game.app import user_data_dir
from balance_game.dsp.calibration import Tare, corners
from balance_game.private_files import atomic_private_text

MAX_FILE_BYTES = 64 * 1024
MAX_OFFSET_KG = 50.0  # an empty board reads within a few kg of zero; more is a broken file


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
            with open(self.path(identity), "rb") as f:
                data = json.loads(f.read(MAX_FILE_BYTES).decode("utf-8"))
            offsets = corners(float(v) for v in data["tare_kg"])
        except (OSError, ValueError, KeyError, TypeError):  # a wrong count is a ValueError too
            return None
        if not all(abs(v) <= MAX_OFFSET_KG for v in offsets):  # NaN fails this too
            return None  # not a tare any board could have: measure it again
        return Tare(offsets)

    def save(self, identity: str, board_name: str, tare: Tare) -> Path:
        """Store the tare; in the user data folder, so readable by the user only (0600, 0700)."""
        path = self.path(identity)
        path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the user data folder
        path.parent.mkdir(exist_ok=True, mode=0o700)
        record = {"board": board_name, "tare_kg": list(tare.offsets_kg),
                  "corners": ["tl", "tr", "bl", "br"], "saved_unix_s": round(time.time(), 1)}
        with atomic_private_text(path) as f:
            f.write(json.dumps(record, indent=1) + "\n")
        return path

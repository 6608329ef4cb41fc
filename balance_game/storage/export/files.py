"""Writing an export all or nothing, into files only their owner can read (health data)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from balance_game.errors import UserError
from balance_game.private_files import private_staging_dir


@contextlib.contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A private folder inside ``out_dir``; its files are moved into ``out_dir`` on success."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir}: is a file, not a folder; choose a folder with --out")
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)  # a new folder: the user's only
    except OSError as exc:
        raise UserError(
            f"{out_dir}: cannot write there ({exc.strerror}); choose another folder with --out"
        ) from None
    try:
        with private_staging_dir(out_dir, "export") as stage:  # cleans a killed export's stage
            yield stage
    except OSError as exc:
        raise UserError(
            f"{out_dir}: cannot write the export ({exc.strerror}); choose another folder with --out"
        ) from None


def open_private(path: Path) -> BinaryIO:
    """A new file readable by its owner only, opened for buffered binary writing (UTF-8 text
    is encoded by the writers, sample blocks arrive as bytes)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return open(fd, "wb", buffering=1 << 20)

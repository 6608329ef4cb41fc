"""Writing private files all or nothing: the one way the program writes a file a person keeps.

Everything written here is health data or names a person (samples, exports, reports, settings,
a board's tare), so every file is created readable by its owner only (0600) and replaces its
target only once complete: a full disk, an error or a kill never leaves half a file, nor
clobbers an older whole one. Work in progress lives in a hidden sibling named
``.NAME.partial-PID``; a writer killed mid-way leaves one behind, and the next write into that
folder removes it (its process is gone), so partial files never pile up.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

PARTIAL = ".partial-"
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def partial_path(path: Path) -> Path:
    """The hidden work-in-progress sibling of ``path`` for this process."""
    return path.with_name(f".{path.name}{PARTIAL}{os.getpid()}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's live process (or not a pid at all): leave it be
    return True


def clean_stale_partials(folder: Path) -> list[Path]:
    """Remove what killed writers left in ``folder``; returns what was removed."""
    removed = []
    with contextlib.suppress(OSError):
        for item in Path(folder).glob(f".*{PARTIAL}*"):
            pid = item.name.rsplit(PARTIAL, 1)[1]
            if not pid.isdigit() or _alive(int(pid)):
                continue
            if item.is_dir() and not item.is_symlink():
                shutil.rmtree(item, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    item.unlink()
            removed.append(item)
    return removed


def make_private(path: Path) -> None:
    """Take group and other permissions away from an existing file (made before, or by hand)."""
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)


@contextlib.contextmanager
def atomic_private_path(path: Path) -> Iterator[Path]:
    """A new, empty, 0600 hidden sibling of ``path`` to write; it replaces ``path`` once the
    block succeeds and is removed if it fails. Raises OSError for the caller to word."""
    path = Path(path)
    clean_stale_partials(path.parent)
    temp = partial_path(path)
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    try:
        yield temp
        os.chmod(temp, PRIVATE_FILE)  # in case the writer made the file anew
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


@contextlib.contextmanager
def atomic_private_text(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """``atomic_private_path`` as an open UTF-8 text file, flushed to disk before it counts."""
    with atomic_private_path(path) as temp, open(temp, "w", encoding="utf-8",
                                                 newline=newline) as out:
        yield out
        out.flush()
        os.fsync(out.fileno())


@contextlib.contextmanager
def private_staging_dir(out_dir: Path, name: str) -> Iterator[Path]:
    """A hidden 0700 folder in ``out_dir`` whose files move into ``out_dir`` when the block
    succeeds (several files all or nothing, e.g. an export). Raises OSError."""
    out_dir = Path(out_dir)
    clean_stale_partials(out_dir)
    stage = partial_path(out_dir / name)
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(mode=PRIVATE_DIR)
    try:
        yield stage
        for item in sorted(stage.iterdir()):
            os.replace(item, out_dir / item.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)

"""Looking into a database another process is writing, without getting in its way."""

import contextlib
import sqlite3
from pathlib import Path


def stored_blocks(db: Path) -> int:
    """How many sample blocks are stored so far (0 before the file or its table exists)."""
    if not db.exists():
        return 0
    with contextlib.closing(sqlite3.connect(db, timeout=0.1)) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM sample_blocks").fetchone()[0]
        except sqlite3.OperationalError:
            return 0

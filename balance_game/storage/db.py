"""The SQLite store: the only module that imports sqlite3.

It opens the file (WAL journal, so a crash or a kill never corrupts it), applies the numbered
migrations, and turns every database failure into a UserError that says what to do. Everything
else hands it SQL and gets rows back.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from balance_game.errors import UserError
from balance_game.private_files import make_private

BUSY_TIMEOUT_MS = 3000
WAL_FILES = ("-wal", "-shm")

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "players, sessions, trials, events and sample blocks",
        """
        CREATE TABLE players (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            pseudonym TEXT NOT NULL UNIQUE,
            height_cm REAL,
            weight_kg REAL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            player_id INTEGER NOT NULL REFERENCES players(id),
            started_at TEXT NOT NULL,
            ended_at TEXT,
            device TEXT NOT NULL,
            software_version TEXT NOT NULL,
            seed INTEGER,
            attended INTEGER NOT NULL DEFAULT 0,
            active_s REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX sessions_by_player ON sessions(player_id, started_at);
        CREATE TABLE trials (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            level_id TEXT NOT NULL,
            mechanic TEXT NOT NULL,
            trial_index INTEGER NOT NULL,
            t_start_s REAL NOT NULL,
            t_end_s REAL NOT NULL,
            success INTEGER NOT NULL,
            score REAL NOT NULL,
            difficulty REAL NOT NULL,
            measures_json TEXT NOT NULL
        );
        CREATE INDEX trials_by_session ON trials(session_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            t_s REAL NOT NULL,
            type TEXT NOT NULL,
            reason TEXT,
            data_json TEXT
        );
        CREATE INDEX events_by_session ON events(session_id, t_s);
        CREATE TABLE sample_blocks (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            seq INTEGER NOT NULL,
            t0_s REAL NOT NULL,
            n INTEGER NOT NULL,
            data BLOB NOT NULL,
            UNIQUE (session_id, seq)
        );
        """,
    ),
    (
        "a player's prescription; pain before and after a session and the therapist's notes",
        """
        ALTER TABLE players ADD COLUMN prescription_json TEXT;
        ALTER TABLE sessions ADD COLUMN pain_before INTEGER
            CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10);
        ALTER TABLE sessions ADD COLUMN pain_after INTEGER
            CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10);
        ALTER TABLE sessions ADD COLUMN notes TEXT;
        """,
    ),
    (
        "per-player settings, therapist caps and level progress",
        """
        ALTER TABLE players ADD COLUMN settings_json TEXT;
        ALTER TABLE players ADD COLUMN caps_json TEXT;
        CREATE TABLE level_progress (
            player_id INTEGER NOT NULL REFERENCES players(id),
            level_id TEXT NOT NULL,
            difficulty REAL NOT NULL,
            best_stars INTEGER NOT NULL DEFAULT 0,
            plays INTEGER NOT NULL DEFAULT 0,
            last_played_at TEXT NOT NULL,
            PRIMARY KEY (player_id, level_id)
        ) WITHOUT ROWID;
        """,
    ),
    (
        "clinical test results and each player's calibration",
        """
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            player_id INTEGER NOT NULL REFERENCES players(id),
            session_id INTEGER REFERENCES sessions(id),
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL,
            results_json TEXT NOT NULL
        );
        CREATE INDEX assessments_by_player ON assessments(player_id, kind, created_at);
        ALTER TABLE players ADD COLUMN calibration_json TEXT;
        """,
    ),
    (
        "the player's birth year, to choose the age norms",
        """
        ALTER TABLE players ADD COLUMN birth_year INTEGER
            CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100);
        """,
    ),
    (
        "personal bests per level and the milestones each player has earned",
        """
        ALTER TABLE level_progress ADD COLUMN best_score REAL;
        CREATE TABLE milestones (
            player_id INTEGER NOT NULL REFERENCES players(id),
            key TEXT NOT NULL,
            earned_at TEXT NOT NULL,
            session_id INTEGER REFERENCES sessions(id),
            PRIMARY KEY (player_id, key)
        ) WITHOUT ROWID;
        """,
    ),
)


def _read_only(path: Path) -> bool:
    """The file or its folder cannot be written (WAL needs both): a mode, or read-only media."""
    return any(p.exists() and not os.access(p, os.W_OK) for p in (path, path.parent))


class DatabaseBusy(UserError):
    """Another program holds the database's write lock (a writer may wait and try again)."""


def _user_error(path: Path, exc: sqlite3.Error) -> UserError:
    text = str(exc)
    if "unable to open" in text and _read_only(path):
        text = "readonly"
    if "locked" in text or "busy" in text:
        return DatabaseBusy(f"{path}: the database is in use by another program; close it and "
                            "retry")
    if "readonly" in text or "read-only" in text:
        return UserError(f"{path}: the database or its folder is read-only; make both writable"
                         " or choose another file with --db")
    if "disk is full" in text or "full" in text:
        return UserError(f"{path}: the disk is full; free some space and retry")
    if "not a database" in text or "malformed" in text:
        return UserError(f"{path}: this file is not a balance_game database ({text})")
    return UserError(f"{path}: database error: {text}")


class Database:
    """An open store. Use as a context manager, or call ``close()``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn = self._connect()
        self._identity = self._file_identity()
        self._migrate()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise UserError(
                f"{self.path}: cannot create its folder ({exc.strerror}); choose another with --db"
            ) from None
        is_new = not self.path.exists()
        if is_new:
            self._create_private_file()
        for path in (self.path, *(self.path.with_name(self.path.name + s) for s in WAL_FILES)):
            make_private(path)  # made before, by hand or by an older version: private now
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise _user_error(self.path, exc) from None
        conn.row_factory = sqlite3.Row
        return conn

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def check_still_there(self) -> None:
        """Raise if the file was deleted or replaced since it was opened: SQLite would go on
        writing to the vanished file, and the session would be lost without a word."""
        if self._identity is not None and self._file_identity() != self._identity:
            raise UserError(f"{self.path}: the database was deleted or moved during the session; "
                            "what was recorded since then is lost")

    @contextlib.contextmanager
    def waiting_at_most(self, ms: int) -> Iterator[None]:
        """Wait at most ``ms`` for another program's lock inside the block (the game loop
        cannot stand still for the usual BUSY_TIMEOUT_MS)."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _create_private_file(self) -> None:
        """Health data: the file is readable by its owner only, from the moment it exists."""
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
        except OSError as exc:
            raise UserError(
                f"{self.path}: cannot create the database ({exc.strerror}); "
                "choose a writable file with --db"
            ) from None
        os.close(fd)

    def _migrate(self) -> None:
        version = self.scalar("PRAGMA user_version")
        if version > len(MIGRATIONS):
            raise UserError(
                f"{self.path}: made by a newer balance_game (schema {version}); upgrade the game"
            )
        for number, (_title, sql) in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in filter(str.strip, sql.split(";")):
                    self.execute(statement)
                self.execute(f"PRAGMA user_version = {number}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a failure inside leaves the database as it was."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _user_error(self.path, exc) from None
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise _user_error(self.path, exc) from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; returns the last inserted row id."""
        try:
            return self._conn.execute(sql, params).lastrowid or 0
        except sqlite3.Error as exc:
            raise _user_error(self.path, exc) from None

    def execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise _user_error(self.path, exc) from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            return [dict(row) for row in self._conn.execute(sql, params).fetchall()]
        except sqlite3.Error as exc:
            raise _user_error(self.path, exc) from None

    def iterate(self, sql: str, params: Sequence[Any] = (), batch: int = 256,
                ) -> Iterator[dict[str, Any]]:
        """Rows one at a time, fetched ``batch`` at a time: memory stays flat on long results."""
        try:
            cursor = self._conn.execute(sql, params)
            while rows := cursor.fetchmany(batch):
                for row in rows:
                    yield dict(row)
        except sqlite3.Error as exc:
            raise _user_error(self.path, exc) from None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            row = self._conn.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise _user_error(self.path, exc) from None
        return None if row is None else row[0]

    def integrity_ok(self) -> bool:
        return self.scalar("PRAGMA integrity_check") == "ok"

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

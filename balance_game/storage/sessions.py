"""Recording a session as it happens, and reading sessions back.

Samples are buffered and written as one block per flush (at least once a second of play) so
that a crash, a kill or a pulled plug loses at most the last second. A block packs each sample into
16 bytes: the time in whole microseconds from the block start, the corner loads in 10 g steps
(about the board's own resolution) and the centre of pressure in 0.1 mm steps (well below the
board's 1.5 mm repeatability). An hour of 100 Hz play takes about 6 MB.

The session plays on the quantised values too (``quantize``), so what is stored is exactly
what the game saw, and a replay of the stored samples re-runs the game bit for bit.
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from balance_game import __version__
from balance_game.core.records import (
    INT16_MAX,
    KG_STEP,
    MM_STEP,
    Sample,
    TrialRecord,
    trial_summary,
)
from balance_game.core.validation import unsafe_character
from balance_game.errors import UserError
from balance_game.storage.db import BUSY_TIMEOUT_MS, Database, DatabaseBusy
from balance_game.storage.samples_csv import SampleTable
from balance_game.timeutil import now_iso

FLUSH_INTERVAL_S = 1.0
# A fast run (a simulation or a replay, on a fake clock) plays a second in about a millisecond,
# so flushing every second of play would write a thousand small transactions a second for nobody
# at risk; it flushes every ten seconds of play instead (a block is then 16 kB at 100 Hz).
FAST_FLUSH_INTERVAL_S = 10.0


def flush_interval_for(fast: bool) -> float:
    """Seconds of play between flushes, for a run in real time or a fast one."""
    return FAST_FLUSH_INTERVAL_S if fast else FLUSH_INTERVAL_S
# Another program holding the database: each try waits BUSY_WAIT_MS (a few frames at most),
# tries back off from BUSY_RETRY_FIRST_S to BUSY_RETRY_MAX_S, and after MAX_BUSY_S of no luck
# the session stops with one line (until then its writes wait in memory, in order).
BUSY_WAIT_MS = 20
BUSY_RETRY_FIRST_S = 0.25
BUSY_RETRY_MAX_S = 4.0
MAX_BUSY_S = 30.0
# The wait can be shortened (never needed in use; the tests of a lock taken mid-session run a real
# game in another process and must not spend half a minute of real time waiting).
MAX_BUSY_ENV = "BALANCE_GAME_MAX_BUSY_S"
BLOCK_DTYPE = np.dtype([("dt_us", "<i4"), ("tl", "<i2"), ("tr", "<i2"), ("bl", "<i2"),
                        ("br", "<i2"), ("x", "<i2"), ("y", "<i2")])
MISSING = -32768  # a corner that was not measured (keyboard, mouse, gamepad)
CHUNK_SAMPLES = 32768  # samples read back per chunk (about 2 MB as floats)


def encode_block(samples: list[Sample]) -> tuple[float, bytes]:
    """Samples as stored: microsecond offsets from the first, corners and COP in 16-bit steps.

    Built a column at a time (a second of 100 Hz samples is flushed while the game runs); each
    value is rounded half to even and clipped exactly as ``core.records.storage_steps`` does.
    """
    t0_us = round(samples[0].t_s * 1e6)
    rows = np.zeros(len(samples), dtype=BLOCK_DTYPE)
    rows["dt_us"] = np.rint(np.array([s.t_s for s in samples]) * 1e6) - t0_us
    cop = np.array([(s.cop_x_mm, s.cop_y_mm) for s in samples])
    rows["x"], rows["y"] = _steps(cop, MM_STEP).T
    measured = np.array([s.corners_kg is not None for s in samples])
    corners = np.array([s.corners_kg or (0.0, 0.0, 0.0, 0.0) for s in samples])
    steps = np.where(measured[:, None], _steps(corners, KG_STEP), MISSING)
    for j, name in enumerate(("tl", "tr", "bl", "br")):
        rows[name] = steps[:, j]
    return t0_us / 1e6, rows.tobytes()


def _steps(values: np.ndarray, step: float) -> np.ndarray:
    if not np.isfinite(values).all():
        raise ValueError("cannot store a non-finite sample value")
    return np.clip(np.rint(values / step), -INT16_MAX, INT16_MAX)


def decode_block(t0_s: float, n: int, data: bytes) -> np.ndarray:
    """A block as an (n, 8) array: t_s, tl, tr, bl, br, total (kg), cop x, cop y (mm).

    Corners and total are NaN for samples without load cells.
    """
    return decode_blocks([t0_s], [n], [data])


def decode_blocks(t0_s: Sequence[float], n: Sequence[int], data: Sequence[bytes]) -> np.ndarray:
    """Consecutive blocks decoded in one pass, as one array (``decode_block``'s columns)."""
    rows = np.frombuffer(b"".join(data), dtype=BLOCK_DTYPE, count=sum(n))
    t0_us = np.repeat(np.round(np.asarray(t0_s, dtype=float) * 1e6).astype(np.int64), n)
    out = np.empty((len(rows), 8))
    out[:, 0] = (t0_us + rows["dt_us"].astype(np.int64)) / 1e6
    corners = out[:, 1:5]
    for i, c in enumerate(("tl", "tr", "bl", "br")):
        corners[:, i] = rows[c]
    missing = corners == MISSING
    corners[missing] = np.nan
    out[:, 5] = np.round(corners.sum(axis=1)) / 100
    corners /= 100
    out[:, 6] = rows["x"] / 10
    out[:, 7] = rows["y"] / 10
    return out


class SessionRecorder:
    """Writes one session: samples in blocks, events and trials as they happen.

    Every write goes through one queue. When another program holds the database, the queue is
    kept and retried with back-off (each try waits only BUSY_WAIT_MS, so the game goes on), for
    up to ``max_busy_s``; within that time nothing is lost, only written late, in order.
    """

    def __init__(
        self, db: Database, player_id: int, device: str, seed: int | None, attended: bool = False,
        clock: Callable[[], float] = time.monotonic, max_busy_s: float | None = None,
        flush_interval_s: float = FLUSH_INTERVAL_S,
    ) -> None:
        self.db = db
        self.max_busy_s = max_busy_wait_s() if max_busy_s is None else max_busy_s
        with db.transaction():
            self.session_id = db.execute(
                "INSERT INTO sessions (player_id, started_at, device, software_version, seed,"
                " attended) VALUES (?, ?, ?, ?, ?, ?)",
                (player_id, now_iso(), device, __version__, seed, int(attended)),
            )
        self._pending: list[Sample] = []
        self._statements: list[tuple[str, tuple[Any, ...]]] = []
        self._seq = 0
        self._last_flush_t_s = 0.0
        self._flush_interval_s = flush_interval_s
        self._clock = clock
        self._busy_since: float | None = None
        self._retry_at = 0.0
        self._retry_s = BUSY_RETRY_FIRST_S
        self.active_s = 0.0
        self.n_samples = 0

    def add_sample(self, sample: Sample) -> None:
        self._pending.append(sample)
        if sample.t_s - self._last_flush_t_s >= self._flush_interval_s:
            self.flush()

    def set_active_s(self, active_s: float) -> None:
        self.active_s = active_s

    def flush(self) -> None:
        """Write buffered samples and the running active time in one transaction."""
        if self._pending:
            self._last_flush_t_s = self._pending[-1].t_s
            self._write(with_samples=True)

    def add_event(
        self, t_s: float, type_: str, reason: str | None = None, data: dict | None = None
    ) -> None:
        self._statements.append((
            "INSERT INTO events (session_id, t_s, type, reason, data_json) VALUES (?, ?, ?, ?, ?)",
            (self.session_id, t_s, type_, reason, json.dumps(data) if data else None),
        ))
        self._write()

    def add_trial(self, trial: TrialRecord) -> None:
        self._statements.append((
            "INSERT INTO trials (session_id, level_id, mechanic, trial_index, t_start_s,"
            " t_end_s, success, score, difficulty, measures_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.session_id, trial.level_id, trial.mechanic, trial.trial_index,
                trial.t_start_s, trial.t_end_s, int(trial.success), trial.score,
                trial.difficulty, json.dumps(trial.measures, sort_keys=True),
            ),
        ))
        self._write()

    def finish(self) -> None:
        """Write everything and mark the session ended, waiting for a busy database if need be."""
        self._statements.append(("UPDATE sessions SET ended_at = ?, active_s = ? WHERE id = ?",
                                 (now_iso(), self.active_s, self.session_id)))
        while self._statements:
            self._retry_at = 0.0
            self._write(with_samples=True, wait_ms=BUSY_TIMEOUT_MS)

    def _write(self, with_samples: bool = False, wait_ms: int = BUSY_WAIT_MS) -> None:
        """Try to write the queue (and the buffered samples as one block) now, unless backing
        off from a busy database."""
        if self._busy_since is not None and self._clock() < self._retry_at:
            return
        self.db.check_still_there()
        block = encode_block(self._pending) if with_samples and self._pending else None
        try:
            with self.db.waiting_at_most(wait_ms), self.db.transaction():
                if block is not None:
                    self.db.execute(
                        "INSERT INTO sample_blocks (session_id, seq, t0_s, n, data)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (self.session_id, self._seq, block[0], len(self._pending), block[1]))
                    self.db.execute("UPDATE sessions SET active_s = ? WHERE id = ?",
                                    (self.active_s, self.session_id))
                for sql, params in self._statements:
                    self.db.execute(sql, params)
        except DatabaseBusy as exc:
            self._back_off(exc)
            return
        if block is not None:
            self.n_samples += len(self._pending)
            self._pending = []
            self._seq += 1
        self._statements = []
        self._busy_since, self._retry_s = None, BUSY_RETRY_FIRST_S

    def _back_off(self, exc: DatabaseBusy) -> None:
        now = self._clock()
        if self._busy_since is None:
            self._busy_since = now
        if now - self._busy_since > self.max_busy_s:
            raise DatabaseBusy(f"{exc} (waited {self.max_busy_s:g} s)") from None
        self._retry_at = now + self._retry_s
        self._retry_s = min(2 * self._retry_s, BUSY_RETRY_MAX_S)


def max_busy_wait_s() -> float:
    """How long a session waits out a busy database: MAX_BUSY_S, or $BALANCE_GAME_MAX_BUSY_S."""
    try:
        wait_s = float(os.environ.get(MAX_BUSY_ENV, MAX_BUSY_S))
    except ValueError:
        return MAX_BUSY_S
    return wait_s if 0.0 <= wait_s <= MAX_BUSY_S else MAX_BUSY_S  # NaN too: only ever shorter


PAIN_WHEN = ("before", "after")
MAX_NOTES_LENGTH = 4000


def _require_session(db: Database, session_id: int) -> None:
    if not db.query("SELECT id FROM sessions WHERE id = ?", (session_id,)):
        raise UserError(f"no session {session_id}; list them with `balance-game sessions`")


def set_session_pain(db: Database, session_id: int, when: str, value: int | None) -> None:
    """Record the player's pain (0 no pain .. 10 worst imaginable) before or after a session."""
    if when not in PAIN_WHEN:
        raise ValueError(f"when must be 'before' or 'after', not {when!r}")
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
    ):
        raise UserError(f"pain {value!r} is out of range (a whole number from 0 to 10)")
    _require_session(db, session_id)
    with db.transaction():
        db.execute(f"UPDATE sessions SET pain_{when} = ? WHERE id = ?", (value, session_id))


def set_session_notes(db: Database, session_id: int, notes: str | None) -> None:
    """Attach free-text notes (the patient's comments, the therapist's observations)."""
    bad = unsafe_character(notes, allow_newlines=True) if notes is not None else None
    if bad:
        raise UserError(f"notes hold the control or direction character {bad}; use plain text")
    if notes is not None:
        notes = notes.strip() or None
    if notes is not None and len(notes) > MAX_NOTES_LENGTH:
        raise UserError(f"notes are {len(notes)} characters long (up to {MAX_NOTES_LENGTH})")
    _require_session(db, session_id)
    with db.transaction():
        db.execute("UPDATE sessions SET notes = ? WHERE id = ?", (notes, session_id))


def session_sample_array(db: Database, session_id: int) -> np.ndarray:
    """Every sample of a session as an (n, 8) array (see ``decode_block``)."""
    if not db.query("SELECT id FROM sessions WHERE id = ?", (session_id,)):
        raise UserError(f"no session {session_id}; list them with `balance-game sessions`")
    blocks = [decode_block(b["t0_s"], b["n"], b["data"]) for b in db.query(
        "SELECT t0_s, n, data FROM sample_blocks WHERE session_id = ? ORDER BY seq", (session_id,))]
    return np.concatenate(blocks) if blocks else np.empty((0, 8))


def session_sample_table(db: Database, session_id: int) -> SampleTable:
    """Every sample of a session as packed columns (what a replay plays back)."""
    rows = session_sample_array(db, session_id)
    return SampleTable(t_s=rows[:, 0], cop_x_mm=rows[:, 6], cop_y_mm=rows[:, 7],
                       corners_kg=rows[:, 1:5])


def iter_sample_chunks(db: Database, session_ids: Iterable[int],
                       rows: int = CHUNK_SAMPLES) -> Iterator[tuple[int, np.ndarray]]:
    """(session id, samples) in chunks of about ``rows`` samples (decode_block's columns),
    session after session in the order given; a chunk never spans two sessions and memory stays
    bounded however long a session is."""
    for session_id in session_ids:
        t0s: list[float] = []
        ns: list[int] = []
        blobs: list[bytes] = []
        count = 0
        for b in db.iterate("SELECT t0_s, n, data FROM sample_blocks WHERE session_id = ?"
                            " ORDER BY seq", (session_id,)):
            t0s.append(b["t0_s"])
            ns.append(b["n"])
            blobs.append(b["data"])
            count += b["n"]
            if count >= rows:
                yield session_id, decode_blocks(t0s, ns, blobs)
                t0s, ns, blobs, count = [], [], [], 0
        if ns:
            yield session_id, decode_blocks(t0s, ns, blobs)


def iter_session_samples(db: Database, session_id: int) -> Iterator[Sample]:
    for row in session_sample_array(db, session_id):
        corners = None if math.isnan(row[1]) else (row[1], row[2], row[3], row[4])
        yield Sample(row[0], row[6], row[7], corners)


def session_trials(db: Database, session_id: int) -> list[dict[str, Any]]:
    rows = db.query(
        "SELECT level_id, mechanic, trial_index, t_start_s, t_end_s, success, score, difficulty,"
        " measures_json FROM trials WHERE session_id = ? ORDER BY id",
        (session_id,),
    )
    for row in rows:
        row["success"] = bool(row["success"])
        row["measures"] = json.loads(row.pop("measures_json"))
    return rows


def session_events(db: Database, session_id: int) -> list[dict[str, Any]]:
    return db.query(
        "SELECT t_s, type, reason FROM events WHERE session_id = ? ORDER BY t_s, id", (session_id,)
    )


def session_record(db: Database, session_id: int) -> dict[str, Any]:
    """One session's row with its player's name, and its events with their data."""
    rows = db.query(
        "SELECT s.*, p.name AS player FROM sessions s JOIN players p ON p.id = s.player_id"
        " WHERE s.id = ?", (session_id,))
    if not rows:
        raise UserError(f"no session {session_id}; list them with `balance-game sessions`")
    record = rows[0]
    record["events"] = [
        {**e, "data": json.loads(e.pop("data_json")) if e["data_json"] else {}}
        for e in db.query("SELECT t_s, type, reason, data_json FROM events WHERE session_id = ?"
                          " ORDER BY t_s, id", (session_id,))
    ]
    return record


def list_sessions(db: Database, player_name: str | None = None) -> list[dict[str, Any]]:
    """Sessions, oldest first, as the objects `sessions --json` prints."""
    where, params = ("WHERE p.name = ?", (player_name,)) if player_name else ("", ())
    rows = db.query(
        "SELECT s.id, p.name AS player, s.started_at, s.ended_at, s.device, s.active_s, s.seed,"
        " (SELECT COUNT(*) FROM trials t WHERE t.session_id = s.id) AS n_trials,"
        " (SELECT COALESCE(SUM(n), 0) FROM sample_blocks b WHERE b.session_id = s.id) AS n_samples"
        f" FROM sessions s JOIN players p ON p.id = s.player_id {where} ORDER BY s.id",
        params,
    )
    for row in rows:
        row["active_s"] = round(row["active_s"], 2)
        row["levels"] = [
            r["level_id"]
            for r in db.query(
                "SELECT level_id, MIN(id) AS first FROM trials WHERE session_id = ?"
                " GROUP BY level_id ORDER BY first",
                (row["id"],),
            )
        ]
        row["events"] = session_events(db, row["id"])
        row["trials"] = [trial_summary(TrialRecord(**t)) for t in session_trials(db, row["id"])]
    return rows

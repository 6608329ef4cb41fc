"""The JSON export: one document, written session by session.

The document is indented for reading, except that each sample row takes one line (a tenth of the
size). Nothing is held whole: each session is dumped on its own, its sample rows streamed from the
arrays a chunk at a time between the two halves of its text, so time and memory grow linearly
with the number of sessions and stay flat however long one session is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from balance_game.storage.db import Database
from balance_game.storage.export.collect import (
    SAMPLE_DECIMALS,
    ExportData,
    finite,
    sample_chunks,
)
from balance_game.storage.export.files import open_private
from balance_game.storage.numtext import format_rows
from balance_game.storage.samples_csv import COLUMNS as SAMPLE_VALUE_COLUMNS

ROWS_PLACEHOLDER = "\0rows\0"  # JSON-escaped in dumped text, so no data can look like it
INDENT = 1


def _dump(value: Any, level: int) -> str:
    """``value`` as indented JSON whose continuation lines start ``level`` indents deep."""
    text = json.dumps(finite(value), indent=INDENT, allow_nan=False, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * (INDENT * level))


def _rows(chunks: Iterator[tuple[int, np.ndarray]], f: BinaryIO) -> int:
    """Write sample rows, one ``[...]`` per line, comma-separated; returns how many."""
    n = 0
    for _, chunk in chunks:
        text = format_rows(list(chunk.T), SAMPLE_DECIMALS, missing=b"null", prefix=b"[",
                           suffix=b"],\n")
        f.write((b",\n" if n else b"") + text[:-2])
        n += len(chunk)
    return n


def _session_chunks(chunks: Iterator[tuple[int, np.ndarray]], session_id: int,
                    pending: list[tuple[int, np.ndarray]]) -> Iterator[tuple[int, np.ndarray]]:
    """The chunks of one session from the shared stream (the next one is kept in ``pending``)."""
    while True:
        if not pending:
            nxt = next(chunks, None)
            if nxt is None:
                return
            pending.append(nxt)
        if pending[0][0] != session_id:
            return
        yield pending.pop()


def write_json(db: Database, data: ExportData, stage: Path) -> int:
    """export.json into ``stage``; returns the number of samples written."""
    document = {**data.header, "player": {**data.player, "sessions": ROWS_PLACEHOLDER}}
    head, _, tail = _dump(document, 0).partition(json.dumps(ROWS_PLACEHOLDER))
    chunks = sample_chunks(db, data)
    pending: list[tuple[int, np.ndarray]] = []
    n_samples = 0
    with open_private(stage / "export.json") as f:
        f.write(head.encode("utf-8") + b"[")
        for i, session in enumerate(data.sessions):
            nested = {k: v for k, v in session.items() if k not in ("player_id", "player_name")}
            nested["samples"] = {"columns": list(SAMPLE_VALUE_COLUMNS), "rows": ROWS_PLACEHOLDER}
            before, _, after = _dump(nested, 3).partition(json.dumps(ROWS_PLACEHOLDER))
            f.write(((",\n" if i else "\n") + "   " + before + "[\n").encode("utf-8"))
            n_samples += _rows(_session_chunks(chunks, session["session_id"], pending), f)
            f.write(("\n]" + after).encode("utf-8"))
        f.write(("\n  ]" if data.sessions else "]").encode("utf-8"))
        rest = "".join(f",\n  {json.dumps(key)}: {_dump(value, 2)}" for key, value in (
            ("assessments", data.assessments), ("milestones", data.milestones),
            ("personal_bests", data.personal_bests)))
        f.write((rest + tail + "\n").encode("utf-8"))
    return n_samples

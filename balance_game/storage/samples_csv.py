"""The samples CSV: the one interchange format for recorded streams.

Written by ``samples`` and ``record``, read by ``replay`` and ``metrics``. Columns exactly
``t_s,tl_kg,tr_kg,bl_kg,br_kg,total_kg,cop_x_mm,cop_y_mm``; corner and total cells are empty for
sources that only give a centre of pressure.
"""

from __future__ import annotations

import csv
import itertools
import math
import os
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from balance_game.core.records import Sample
from balance_game.errors import UserError
from balance_game.private_files import atomic_private_text

COLUMNS = ("t_s", "tl_kg", "tr_kg", "bl_kg", "br_kg", "total_kg", "cop_x_mm", "cop_y_mm")
REQUIRED_COLUMNS = ("t_s", "cop_x_mm", "cop_y_mm")
# What a balance board can measure at all: a value beyond these is a broken file, not a person.
# (Loads may dip below zero after taring; the largest boards are under a metre across.)
LIMITS = {
    **{f"{c}_kg": (-100.0, 1000.0, "kg") for c in ("tl", "tr", "bl", "br", "total")},
    "cop_x_mm": (-1000.0, 1000.0, "mm"),
    "cop_y_mm": (-1000.0, 1000.0, "mm"),
}
MAX_LINE_CHARS = 4096
MAX_SAMPLES = 1_000_000  # 2.8 hours at 100 Hz: 64 MB packed, about 300 MB for the sway pipeline
MAX_SAMPLES_ENV = "BALANCE_GAME_MAX_SAMPLES"


@dataclass(frozen=True)
class SampleTable:
    """A recorded stream as columns. ``corners_kg`` is (n, 4) with NaN where not measured."""

    t_s: np.ndarray
    cop_x_mm: np.ndarray
    cop_y_mm: np.ndarray
    corners_kg: np.ndarray

    def __len__(self) -> int:
        return len(self.t_s)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.t_s, self.cop_x_mm, self.cop_y_mm, self.corners_kg))

    def sample(self, i: int, t_shift_s: float = 0.0) -> Sample:
        """Row ``i`` as a Sample (made when needed: a Sample object is ten times the row)."""
        tl, tr, bl, br = (float(c) for c in self.corners_kg[i])
        has_corners = not math.isnan(tl + tr + bl + br)
        return Sample(
            float(self.t_s[i]) - t_shift_s,
            float(self.cop_x_mm[i]),
            float(self.cop_y_mm[i]),
            (tl, tr, bl, br) if has_corners else None,
        )

    def samples(self) -> Iterator[Sample]:
        for i in range(len(self.t_s)):
            yield self.sample(i)


def _cell(value: float | None, digits: int) -> str:
    if value is None or math.isnan(value):
        return ""
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def sample_row(sample: Sample) -> list[str]:
    """One CSV row: time to 0.1 ms, loads to 1 g, positions to 0.01 mm."""
    corners = sample.corners_kg or (None, None, None, None)
    return [
        _cell(sample.t_s, 4),
        *(_cell(c, 3) for c in corners),
        _cell(sample.total_kg, 3),
        _cell(sample.cop_x_mm, 2),
        _cell(sample.cop_y_mm, 2),
    ]


def write_samples(out: TextIO, samples: Iterable[Sample]) -> int:
    """Write the header and every sample to an open text stream; returns the row count."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for sample in samples:
        writer.writerow(sample_row(sample))
        n += 1
    return n


def write_samples_file(path: Path, samples: Iterable[Sample]) -> int:
    """Write a samples CSV all or nothing, readable by its owner only (samples are health data).

    The rows go to a hidden file next to ``path`` that replaces it only once complete, so a full
    disk, a failing source or a kill never leaves a partial CSV (nor clobbers an older one);
    see balance_game.private_files.
    """
    path = Path(path)
    try:
        with atomic_private_text(path, newline="") as out:
            n = write_samples(out, samples)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the samples file ({exc.strerror})") from None
    return n


def _parse_float(text: str, path: Path, line: int, column: str, required: bool) -> float:
    text = text.strip()
    if text == "":
        if required:
            raise UserError(f"{path}: line {line}: {column} is empty (a number is required)")
        return math.nan
    try:
        value = float(text)
    except ValueError:
        raise UserError(f"{path}: line {line}: {column} is {text[:20]!r}, not a number") from None
    if not math.isfinite(value):
        raise UserError(f"{path}: line {line}: {column} is {text[:20]!r} "
                        "(a finite number is required)")
    low, high, unit = LIMITS.get(column, (-math.inf, math.inf, ""))
    if not low <= value <= high:
        raise UserError(f"{path}: line {line}: {column} is {value:g} {unit}, physically "
                        f"impossible on a balance board ({low:g} to {high:g} {unit})")
    return value


def max_samples() -> int:
    """The most samples one file may hold: MAX_SAMPLES, or $BALANCE_GAME_MAX_SAMPLES."""
    try:
        return max(1, int(os.environ.get(MAX_SAMPLES_ENV, MAX_SAMPLES)))
    except ValueError:
        return MAX_SAMPLES


def _lines(f: TextIO, path: Path) -> Iterator[str]:
    """The file's lines, each refused once longer than MAX_LINE_CHARS (``/dev/zero`` has none)."""
    for number in itertools.count(1):
        line = f.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        if len(line) > MAX_LINE_CHARS:
            raise UserError(f"{path}: line {number}: longer than {MAX_LINE_CHARS} characters "
                            "(not a samples CSV)")
        yield line


def read_samples_file(path: Path) -> SampleTable:
    """Read a samples CSV in bounded memory; any problem is a UserError naming the file, the
    line and the column.

    Lines are read one at a time up to a length limit and the columns kept as packed floats,
    so neither an endless stream (``/dev/zero``) nor a huge file can exhaust memory: past
    ``max_samples()`` rows the file is refused with a clear error.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            return _read_table(csv.reader(_lines(f, path)), path)
    except OSError as exc:
        raise UserError(f"{path}: cannot read the samples file ({exc.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path}: not a samples CSV ({str(exc)[:80]})") from None


def _read_table(rows: Iterator[list[str]], path: Path) -> SampleTable:
    header = [h.strip() for h in next(rows, [])]
    if not header:
        raise UserError(f"{path}: empty file (expected a header: {','.join(COLUMNS)})")
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise UserError(
            f"{path}: line 1: missing column {', '.join(missing)} "
            f"(expected a header: {','.join(COLUMNS)})"
        )
    index = {name: header.index(name) for name in COLUMNS if name in header}
    values = {name: array("d") for name in COLUMNS}
    limit = max_samples()
    previous_t = -math.inf
    for line, row in enumerate(rows, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise UserError(
                f"{path}: line {line}: {len(row)} cells, the header has {len(header)}"
            )
        if len(values["t_s"]) >= limit:
            raise UserError(f"{path}: more than {limit} samples (about {limit / 360_000:.1f} h "
                            "at 100 Hz); split the recording into shorter files")
        for name in COLUMNS:
            required = name in REQUIRED_COLUMNS
            cell = row[index[name]] if name in index else ""
            values[name].append(_parse_float(cell, path, line, name, required))
        t_s = values["t_s"][-1]
        if t_s < previous_t:
            raise UserError(f"{path}: line {line}: t_s goes backwards ({t_s:g} s after "
                            f"{previous_t:g} s); the times must not decrease")
        previous_t = t_s
    if not values["t_s"]:
        raise UserError(f"{path}: no samples after the header")
    columns = {name: np.frombuffer(values[name], dtype=float) for name in COLUMNS}
    return SampleTable(
        t_s=columns["t_s"],
        cop_x_mm=columns["cop_x_mm"],
        cop_y_mm=columns["cop_y_mm"],
        corners_kg=np.column_stack([columns[f"{c}_kg"] for c in ("tl", "tr", "bl", "br")]),
    )

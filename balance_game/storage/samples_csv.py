"""The samples CSV: the one interchange format for recorded streams.

Written by ``samples`` and ``record``, read by ``replay`` and ``metrics``. Columns exactly
``t_s,tl_kg,tr_kg,bl_kg,br_kg,total_kg,cop_x_mm,cop_y_mm``; corner and total cells are empty for
sources that only give a centre of pressure.
"""

from __future__ import annotations

import contextlib
import csv
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from balance_game.core.records import Sample
from balance_game.errors import UserError

COLUMNS = ("t_s", "tl_kg", "tr_kg", "bl_kg", "br_kg", "total_kg", "cop_x_mm", "cop_y_mm")
REQUIRED_COLUMNS = ("t_s", "cop_x_mm", "cop_y_mm")


@dataclass(frozen=True)
class SampleTable:
    """A recorded stream as columns. ``corners_kg`` is (n, 4) with NaN where not measured."""

    t_s: np.ndarray
    cop_x_mm: np.ndarray
    cop_y_mm: np.ndarray
    corners_kg: np.ndarray

    def __len__(self) -> int:
        return len(self.t_s)

    def samples(self) -> Iterator[Sample]:
        for i in range(len(self.t_s)):
            tl, tr, bl, br = (float(c) for c in self.corners_kg[i])
            has_corners = not np.isnan(self.corners_kg[i]).any()
            yield Sample(
                float(self.t_s[i]),
                float(self.cop_x_mm[i]),
                float(self.cop_y_mm[i]),
                (tl, tr, bl, br) if has_corners else None,
            )


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
    disk, a failing source or a kill never leaves a partial CSV (nor clobbers an older one).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with open(fd, "w", newline="", encoding="utf-8") as out:
                n = write_samples(out, samples)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
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
        raise UserError(f"{path}: line {line}: {column} is {text!r} (a finite number is required)")
    return value


def read_samples_file(path: Path) -> SampleTable:
    """Read a samples CSV; any problem is a UserError naming the file, the line and the column."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except OSError as exc:
        raise UserError(f"{path}: cannot read the samples file ({exc.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path}: not a samples CSV ({exc})") from None
    if not rows:
        raise UserError(f"{path}: empty file (expected a header: {','.join(COLUMNS)})")
    header = [h.strip() for h in rows[0]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise UserError(
            f"{path}: line 1: missing column {', '.join(missing)} "
            f"(expected a header: {','.join(COLUMNS)})"
        )
    index = {name: header.index(name) for name in COLUMNS if name in header}
    values: dict[str, list[float]] = {name: [] for name in COLUMNS}
    for line, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise UserError(
                f"{path}: line {line}: {len(row)} cells, the header has {len(header)}"
            )
        for name in COLUMNS:
            required = name in REQUIRED_COLUMNS
            cell = row[index[name]] if name in index else ""
            values[name].append(_parse_float(cell, path, line, name, required))
    if not values["t_s"]:
        raise UserError(f"{path}: no samples after the header")
    corners = np.column_stack([values[f"{c}_kg"] for c in ("tl", "tr", "bl", "br")])
    return SampleTable(
        t_s=np.asarray(values["t_s"]),
        cop_x_mm=np.asarray(values["cop_x_mm"]),
        cop_y_mm=np.asarray(values["cop_y_mm"]),
        corners_kg=corners.astype(float),
    )

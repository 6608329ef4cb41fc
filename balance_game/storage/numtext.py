"""Numbers to text a block at a time: fixed decimals, shortest integer part, no Python loop.

Exports write millions of samples; formatting each value with ``f"{v:.3f}"`` costs ~1 µs, so a
thousand sessions took minutes. Here a block of rows becomes one matrix of ASCII characters, built
by integer arithmetic, and a mask keeps those a plain ``%.Nf`` would print (sign, integer digits
from the first non-zero one, point, decimals): ``matrix[mask]``, read row by row, is the text.
A value is rounded half to even after scaling (``numpy.rint``); ``-0.00`` prints as ``0.00`` and a
missing value (NaN) as the ``missing`` token (empty for CSV, ``null`` for JSON).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

COMMA, MINUS, POINT, ZERO = (ord(c) for c in ",-.0")
INT32_MAX = 2**31 - 1


@dataclass(frozen=True)
class _Column:
    magnitude: np.ndarray  # |value| scaled to whole units of the last decimal
    negative: np.ndarray
    bad: np.ndarray  # not finite: printed as the missing token
    decimals: int
    int_digits: int
    width: int


def _column(values: np.ndarray, decimals: int, missing: bytes) -> _Column:
    bad = ~np.isfinite(values)
    scaled = np.rint(np.where(bad, 0.0, values) * 10.0 ** decimals)
    top = float(np.abs(scaled).max()) if len(scaled) else 0.0
    dtype = np.int32 if top <= INT32_MAX else np.int64
    scaled = scaled.astype(dtype)
    magnitude = np.abs(scaled)
    int_digits = max(1, len(str(int(top) // 10 ** decimals)))
    width = max(1 + int_digits + (1 + decimals if decimals else 0), len(missing))
    return _Column(magnitude, scaled < 0, bad, decimals, int_digits, width)


def _fill(col: _Column, chars: np.ndarray, keep: np.ndarray, missing: bytes) -> None:
    """Write one column into its rows of the (position, row) matrices ``chars`` and ``keep``."""
    chars[0] = MINUS
    keep[0] = col.negative
    last = col.int_digits + (1 + col.decimals if col.decimals else 0)  # index of the last digit
    m = col.magnitude.copy()
    for position in range(last, 0, -1):
        if col.decimals and position == col.int_digits + 1:
            chars[position] = POINT
            keep[position] = True
            continue
        chars[position] = m % 10 + ZERO
        m //= 10
        if position > col.int_digits or position == col.int_digits:
            keep[position] = True  # decimals and the units digit always print
        else:
            power = 10 ** (col.int_digits - position + col.decimals)
            keep[position] = col.magnitude >= power
    if col.bad.any():
        keep[:, col.bad] = False
        if missing:
            rows = np.flatnonzero(col.bad)
            chars[:len(missing), rows] = np.frombuffer(missing, dtype=np.uint8)[:, None]
            keep[:len(missing), rows] = True


def format_rows(columns: Sequence[np.ndarray], decimals: Sequence[int], missing: bytes = b"",
                prefix: bytes = b"", suffix: bytes = b"\n") -> bytes:
    """Rows of ``columns`` (equal-length arrays) as text, ``decimals`` digits each.

    Every row is ``prefix``, the fields joined by commas, then ``suffix``.
    """
    n = len(columns[0]) if len(columns) else 0
    if n == 0:
        return b""
    cols = [_column(np.asarray(v, dtype=float), d, missing)
            for v, d in zip(columns, decimals, strict=True)]
    width = len(prefix) + sum(c.width for c in cols) + len(cols) - 1 + len(suffix)
    # built column-major (each character position is one contiguous row), read row-major
    chars = np.empty((width, n), dtype=np.uint8)
    keep = np.zeros((width, n), dtype=bool)
    at = 0

    def constant(text: bytes) -> None:
        nonlocal at
        if text:
            chars[at:at + len(text)] = np.frombuffer(text, dtype=np.uint8)[:, None]
            keep[at:at + len(text)] = True
            at += len(text)

    constant(prefix)
    for i, col in enumerate(cols):
        if i:
            constant(b",")
        _fill(col, chars[at:at + col.width], keep[at:at + col.width], missing)
        at += col.width
    constant(suffix)
    return chars.T[keep.T].tobytes()

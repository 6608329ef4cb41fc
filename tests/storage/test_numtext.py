"""Block formatting of numbers equals Python's own fixed-decimal formatting."""

import math

import numpy as np
import pytest

from balance_game.storage.numtext import format_rows


def _python(value: float, decimals: int, missing: str) -> str:
    if not math.isfinite(value):
        return missing
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


@pytest.mark.parametrize("seed", range(5))
def test_rows_match_fixed_decimals(seed):
    rng = np.random.default_rng(seed)
    n = 2000
    columns = [
        rng.integers(0, 5000, n).astype(float),
        np.round(rng.uniform(0, 50_000, n), 4),  # times of a long session
        np.round(rng.normal(0, 30, n), 2),  # loads, some negative
        np.round(rng.normal(0, 120, n), 1),  # positions
        rng.choice([0.0, -0.0, -0.004, 0.004, 1e9, -1e9, np.nan, np.inf], n),
    ]
    decimals = (0, 4, 3, 2, 2)
    got = format_rows(columns, decimals).decode().splitlines()
    # values exactly on a rounding tie may differ from Python's binary-exact rounding: the
    # generated values are all at or below the printed resolution, so there are none here
    for i, line in enumerate(got):
        want = ",".join(_python(float(c[i]), d, "") for c, d in zip(columns, decimals, strict=True))
        assert line == want


def test_json_rows_with_null_and_brackets():
    text = format_rows([np.array([1.5, np.nan]), np.array([-2.25, 3.0])], (1, 2),
                       missing=b"null", prefix=b"[", suffix=b"]\n")
    assert text == b"[1.5,-2.25]\n[null,3.00]\n"


def test_no_rows_is_no_text():
    assert format_rows([np.array([])], (2,)) == b""

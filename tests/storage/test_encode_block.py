"""Sample blocks are encoded a column at a time: byte for byte what one sample at a time gave."""

import math
import random

import numpy as np
import pytest

from balance_game.core.records import KG_STEP, MM_STEP, Sample, storage_steps
from balance_game.storage.sessions import BLOCK_DTYPE, MISSING, decode_block, encode_block


def reference_encode(samples):
    """The original per-sample encoder, kept as the independent reference."""
    t0_us = round(samples[0].t_s * 1e6)
    rows = np.zeros(len(samples), dtype=BLOCK_DTYPE)
    for i, s in enumerate(samples):
        corners = s.corners_kg
        rows[i] = (
            round(s.t_s * 1e6) - t0_us,
            *((storage_steps(c, KG_STEP) for c in corners) if corners else (MISSING,) * 4),
            storage_steps(s.cop_x_mm, MM_STEP), storage_steps(s.cop_y_mm, MM_STEP),
        )
    return t0_us / 1e6, rows.tobytes()


def _samples(seed, n=150):
    rng = random.Random(seed)
    t = rng.uniform(0, 5000)
    out = []
    for _ in range(n):
        t += rng.choice((0.01, 0.0095, 0.0000005, 0.0100005, 0.0))
        halfway = rng.choice((0.05, 0.15, 0.25, -0.35, 12.345))  # halves: round half to even
        corners = None if rng.random() < 0.3 else tuple(
            rng.choice((rng.uniform(-5, 80), 0.005, 0.015, -0.025, 400.0, -400.0)) for _ in range(4))
        out.append(Sample(t, rng.choice((halfway, rng.uniform(-300, 300), 5000.0, -5000.0)),
                          rng.choice((halfway, rng.uniform(-300, 300))), corners))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_column_encoding_equals_the_per_sample_reference(seed):
    samples = _samples(seed)
    assert encode_block(samples) == reference_encode(samples)


def test_clipping_and_missing_corners_survive_a_round_trip():
    samples = [Sample(1.0, 5000.0, -5000.0, None), Sample(1.01, 1.0, 2.0, (400.0, 1.0, 2.0, 3.0))]
    t0, blob = encode_block(samples)
    out = decode_block(t0, 2, blob)
    assert out[0, 6] == pytest.approx(3276.7) and out[0, 7] == pytest.approx(-3276.7)
    assert all(math.isnan(v) for v in out[0, 1:6])
    assert out[1, 1] == pytest.approx(327.67)


def test_a_non_finite_value_is_refused_not_stored_as_garbage():
    with pytest.raises(ValueError):
        encode_block([Sample(0.0, math.nan, 0.0, None)])

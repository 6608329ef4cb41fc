"""The frequency measures survive a board's irregular sampling (issue 15, item 2).

Each shipped real trial (100 Hz lab plate) is read at irregular instants with a mean rate of 30,
50 or 60 Hz, as a board on a busy Bluetooth link delivers: intervals drawn uniformly from 0.4 to
1.6 sample periods, the value at each instant interpolated from the plate signal. Through the
standard pipeline, mean power frequency, f50 and f95 must stay within 5 % of what the same
pipeline gives on the 100 Hz original.
"""

import numpy as np
import pytest

from balance_game.dsp.sway import compute_measures
from tests.dsp.test_sway_bds import TRIALS, load_trial

SPECTRAL = ("mean_power_frequency_hz", "f50_ap_hz", "f50_ml_hz", "f95_ap_hz", "f95_ml_hz")


def read_irregularly(t, x, y, rate_hz, seed):
    rng = np.random.default_rng(seed)
    steps = rng.uniform(0.4, 1.6, int(1.3 * (t[-1] - t[0]) * rate_hz)) / rate_hz
    at = t[0] + np.cumsum(steps)
    at = at[at < t[-1]]
    return at, np.interp(at, t, x), np.interp(at, t, y)


@pytest.mark.parametrize("rate_hz", [30, 50, 60])
@pytest.mark.parametrize("trial", TRIALS)
def test_spectral_measures_within_5_percent_of_100_hz(trial, rate_hz):
    t, x, y = load_trial(trial)
    reference = compute_measures(t, x, y).to_dict()
    for seed in range(2):
        got = compute_measures(*read_irregularly(t, x, y, rate_hz, seed)).to_dict()
        assert got["valid"], got["reason"]
        for name in SPECTRAL:
            assert got[name] == pytest.approx(reference[name], rel=0.05), (name, seed)

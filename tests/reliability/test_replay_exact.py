"""Replay reproduces every stored trial exactly (issue 18, item 7).

Six levels are played by the simulated player (headless, fast), then each session is replayed
from the database; `sessions --json` and `replay --headless --json` must list the same trials,
score for score. Before, a sample stamped at a step's time reached the replay one step late and
3 of 6 sessions differed by 0.1 to 0.6 points.
"""

import json

import numpy as np

from balance_game.core.records import DeviceStatus, Sample
from balance_game.devices.replay import ReplaySource
from balance_game.game.loop import FIXED_DT_S
from balance_game.storage.samples_csv import SampleTable

LEVELS = ("reach-01", "steady-01", "slalom-01", "tilt-01", "rhythm-01", "track-01")
KEYS = {"level", "index", "success", "score", "difficulty"}


def test_replaying_every_session_of_six_levels_gives_the_stored_trials(cli):
    for seed, level in enumerate(LEVELS, start=3):
        done = cli("play", "--headless", "--fast", "--device", "sim", "--level", level,
                   "--seed", seed)
        assert done.returncode == 0, done.stderr
    listed = json.loads(cli("sessions", "--json").stdout)
    assert [s["levels"] for s in listed] == [[level] for level in LEVELS]
    for session in listed:
        assert session["trials"] and all(set(t) == KEYS for t in session["trials"])
        done = cli("replay", session["id"], "--headless", "--json")
        assert done.returncode == 0, done.stderr
        replayed = json.loads(done.stdout)
        assert replayed["session"] == session["id"]
        assert replayed["trials"] == session["trials"]


def test_a_sample_stamped_at_a_steps_time_is_played_in_that_step():
    """Step 111 of the loop is 111/60 s, a hair below 1.85 s in floating point: the sample
    stamped 1.85 s must come with it, as it did live from the simulated player."""
    assert 111 * FIXED_DT_S < 1.85
    t = [1.83, 1.84, 1.85, 1.86]
    table = SampleTable(t_s=np.array(t), cop_x_mm=np.zeros(4), cop_y_mm=np.zeros(4),
                        corners_kg=np.full((4, 4), 10.0))
    source = ReplaySource(table, "t", shift_to_zero=False)
    got = [s.t_s for s in source.poll(111 * FIXED_DT_S) if isinstance(s, Sample)]
    assert got == [1.83, 1.84, 1.85]
    rest = source.poll(2.0)
    assert [s.t_s for s in rest if isinstance(s, Sample)] == [1.86]
    assert isinstance(rest[-1], DeviceStatus) and rest[-1].state == "ended"


def test_json_needs_headless(cli):
    done = cli("replay", "1", "--json")
    assert done.returncode == 2 and "--json needs --headless" in done.stderr

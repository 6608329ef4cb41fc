"""The board goes away mid-level and comes back: the real `play` command against the fake board.

The run happens in this process (``main``) so the test can hold the fake board and compare what
it sent with what the database kept, sample by sample.
"""

import sqlite3

import numpy as np
import pytest

from balance_game.cli import main
from balance_game.core.records import Sample, quantize
from balance_game.demo import FAKE_BOARD_ENV
from balance_game.demo.fake_wii_board import (
    REFERENCE_TEMPERATURE,
    FakeBackend,
    calibration_block,
    person_load,
)
from balance_game.dsp.calibration import parse_wii_calibration, wii_corners_kg
from balance_game.storage.db import Database
from balance_game.storage.sessions import session_events, session_sample_array

SECONDS = 4.0


def _expected_corners(n: int) -> np.ndarray:
    """What the fake board sends as report i, as the game stores it (10 g steps)."""
    cal = parse_wii_calibration(calibration_block(), REFERENCE_TEMPERATURE)
    return np.array([quantize(Sample(0.0, 0.0, 0.0, wii_corners_kg(cal, person_load(i))))
                     .corners_kg for i in range(n)])


@pytest.mark.realtime
def test_board_lost_and_back_mid_level_keeps_one_session_without_gaps_or_repeats(
    monkeypatch, tmp_path, capsys
):
    db = tmp_path / "lost.db"
    monkeypatch.setenv(FAKE_BOARD_ENV, "reconnect")  # link drops at report 100, back 0.3 s later
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no stored tare
    monkeypatch.setenv("BALANCE_GAME_CONFIG", str(tmp_path / "settings.yaml"))
    boards: list[FakeBackend] = []
    original = FakeBackend.from_scenario
    monkeypatch.setattr(FakeBackend, "from_scenario",
                        staticmethod(lambda text: boards.append(original(text)) or boards[-1]))

    with pytest.raises(SystemExit) as exit_:
        main(["play", "--headless", "--device", "wbb", "--seconds", str(SECONDS), "--db", str(db)])
    assert exit_.value.code == 0, capsys.readouterr().err
    (board,) = boards
    assert board.opened == 2 and board.reports_dropped == 0  # one reconnect, nothing overflowed

    with Database(db) as store:
        assert store.scalar("SELECT COUNT(*) FROM sessions") == 1  # the same session went on
        events = session_events(store, 1)
        samples = session_sample_array(store, 1)
    pauses = [(e["type"], e["t_s"]) for e in events if e["reason"] == "device_lost"]
    assert [kind for kind, _ in pauses] == ["pause", "resume"]
    lost_at, back_at = pauses[0][1], pauses[1][1]
    assert 0.3 <= back_at - lost_at < 1.5
    assert [e["reason"] for e in events if e["type"] == "level_start"] == ["reach-01"]

    # Every stored sample is the next report the board sent: no repeats, nothing skipped.
    sent = _expected_corners(board.next_index)
    stored = samples[:, 1:5]
    starts = [i for i in range(len(sent) - len(stored) + 1)
              if np.array_equal(sent[i:i + len(stored)], stored)]
    assert len(starts) == 1, "the stored samples are not one unbroken run of what the board sent"
    first = starts[0]
    assert first < 100 < first + len(stored)  # the run spans the disconnect at report 100

    t = samples[:, 0]
    assert np.all(np.diff(t) > 0)
    gaps = np.flatnonzero(np.diff(t) > 0.2)
    assert len(gaps) == 1  # the only hole in time is while the board was away ...
    assert first + gaps[0] == 99  # ... right between reports 99 and 100
    assert t[gaps[0]] <= lost_at + 0.06 and t[gaps[0] + 1] >= back_at - 0.06
    away_s = t[gaps[0] + 1] - t[gaps[0]]
    assert len(stored) == pytest.approx((SECONDS - away_s) * 100, abs=15)

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

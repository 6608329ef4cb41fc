"""Sessions recorded by the program as it was before the house was rebuilt (core/, screens by name,
the typed context, the export split) replay today to the scores that program gave them.

tests/data/premove/sessions.sqlite3 was recorded at commit 19e416e with
``play --headless --fast --device sim --seconds 40 --seed 3`` on one level of each of the seven
games. Its stored trial scores are the old program's own numbers; the replay is today's code.
"""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from balance_game.cli import cli

FIXTURE = Path(__file__).parent / "data" / "premove" / "sessions.sqlite3"
# Issue 15 replaced the steady game's home-made chi-square ellipse with the published F-based one
# (dsp.sway.ellipse95_area), so its sway area, and with it a score, may move by a few tenths.
CHANGED_ON_PURPOSE = {"steady-01": 0.5}


def _stored(db: Path) -> dict[int, list[tuple]]:
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT session_id, level_id, trial_index, success, score, difficulty "
                           "FROM trials ORDER BY session_id, id").fetchall()
    out: dict[int, list[tuple]] = {}
    for session, *trial in rows:
        out.setdefault(session, []).append(tuple(trial))
    return out


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    db = tmp_path_factory.mktemp("premove") / "sessions.sqlite3"
    shutil.copy(FIXTURE, db)
    return db


@pytest.mark.parametrize("session", range(1, 8))
def test_the_replay_gives_the_old_programs_scores(recorded, session):
    stored = _stored(recorded)[session]
    result = CliRunner().invoke(cli, ["replay", str(session), "--headless", "--json",
                                      "--db", str(recorded)])
    assert result.exit_code == 0, result.output
    replayed = [(t["level"], t["index"], t["success"], t["score"], t["difficulty"])
                for t in json.loads(result.stdout)["trials"]]
    assert len(replayed) == len(stored)
    level = stored[0][0]
    tolerance = CHANGED_ON_PURPOSE.get(level, 0.0)
    for old, new in zip(stored, replayed, strict=True):
        assert old[:3] == (new[0], new[1], bool(new[2])), (old, new)
        assert abs(old[3] - new[3]) <= tolerance, (level, old, new)
        assert old[4] == pytest.approx(new[4], abs=1e-9), (level, old, new)

"""Every number option is finite and in range, or one line and exit 2 (issue 18, item 2)."""

import pytest

from balance_game.cli.options import SEED, SESSION_ID, Number
from balance_game.devices.simulated import parse_sim_events
from balance_game.errors import UserError

BAD = [
    ("play", "--headless", "--fast", "--device", "sim", "--seconds", "nan"),
    ("play", "--headless", "--fast", "--device", "sim", "--seconds", "inf"),
    ("play", "--headless", "--fast", "--device", "sim", "--seconds", "1e309"),
    ("play", "--headless", "--fast", "--device", "sim", "--seconds", "1", "--ability", "nan"),
    ("play", "--headless", "--fast", "--device", "sim", "--seconds", "1", "--sim-events",
     "stepoff@nan"),
    ("play", "--headless", "--fast", "--device", "sim", "--seconds", "1", "--sim-events",
     "stepoff@1e309"),
    ("play", "--headless", "--fast", "--device", "sim", "--seconds", "1", "--seed",
     "12345678901234567890123"),
    ("assess", "quiet", "--player", "Ann", "--headless", "--fast", "--device", "sim",
     "--seconds", "nan"),
    ("record", "--device", "sim", "--seconds", "nan", "--out", "x.csv"),
    ("replay", "12345678901234567890123", "--headless"),
    ("samples", "12345678901234567890123", "--out", "x.csv"),
    ("players", "add", "Ann", "--height-cm", "nan"),
    ("simulate", "--level", "reach-01", "--ability", "nan"),
]


@pytest.mark.parametrize("args", BAD, ids=lambda a: " ".join(a[:1] + a[-2:]))
def test_a_bad_number_is_one_line_and_exit_2(cli, args):
    done = cli(*args, timeout=60)
    assert done.returncode == 2, (done.returncode, done.stderr[-300:])
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("balance-game: error:"), done.stderr


@pytest.mark.parametrize("text", ["nan", "-nan", "inf", "-inf", "1e309", "x", "", "1" * 5000])
def test_number_refuses_what_is_not_a_finite_number(text):
    import click

    with pytest.raises(click.BadParameter):
        Number(0, 10).convert(text, None, None)


def test_number_keeps_its_range():
    import click

    assert Number(0.1, 10).convert("10", None, None) == 10.0
    with pytest.raises(click.BadParameter, match=r"0\.1 to 10"):
        Number(0.1, 10).convert("0.05", None, None)
    assert SEED.convert("-5", None, None) == -5
    with pytest.raises(click.BadParameter):
        SESSION_ID.convert("0", None, None)
    with pytest.raises(click.BadParameter):
        SESSION_ID.convert(str(2 ** 63), None, None)


@pytest.mark.parametrize("text", ["stepoff@nan", "lost@inf", "back@1e309", "return@1e12"])
def test_sim_event_times_are_finite_and_in_range(text):
    with pytest.raises(UserError):
        parse_sim_events(text)

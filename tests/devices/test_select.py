"""--device choices: wbb, hid:PROFILE, gamepad and auto (board, then pad, then keyboard)."""

import pytest

from balance_game.core.control import Limits
from balance_game.devices import gamepad
from balance_game.devices.board_source import BoardSource
from balance_game.devices.gamepad import GamepadSource
from balance_game.devices.hid_backend import FAKE_BOARD_ENV
from balance_game.devices.pointer import KeyboardSource
from balance_game.devices.select import SourceOptions, open_source
from balance_game.errors import UserError

OPTIONS = SourceOptions(limits=Limits.theoretical(170))


@pytest.fixture(autouse=True)
def _private_data(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))


def _open(spec):
    source = open_source(spec, OPTIONS)
    source.close()
    return source


def test_wbb_opens_the_board(monkeypatch):
    monkeypatch.setenv(FAKE_BOARD_ENV, "steady")
    assert isinstance(_open("wbb"), BoardSource)


def test_wbb_without_a_board_says_so(monkeypatch):
    monkeypatch.setenv(FAKE_BOARD_ENV, "none")
    with pytest.raises(UserError, match="cannot open the Wii Balance Board"):
        open_source("wbb", OPTIONS)


def test_hid_with_an_unknown_profile_lists_the_known_ones(monkeypatch):
    monkeypatch.setenv(FAKE_BOARD_ENV, "steady")
    with pytest.raises(UserError, match="hid:hid-loadcell-generic"):
        open_source("hid:nope", OPTIONS)


def test_gamepad_uses_the_standard_profile():
    source = _open("gamepad")
    assert isinstance(source, GamepadSource) and source.profile.id == "gamepad-standard"


@pytest.mark.parametrize(("scenario", "pads", "kind"), [
    ("steady", ["pad"], BoardSource),
    ("none", ["pad"], GamepadSource),
    ("none", [], KeyboardSource),
])
def test_auto_prefers_a_board_then_a_pad_then_the_keyboard(monkeypatch, scenario, pads, kind):
    monkeypatch.setenv(FAKE_BOARD_ENV, scenario)
    monkeypatch.setattr(gamepad, "connected_gamepads", lambda: pads)
    assert isinstance(_open("auto"), kind)

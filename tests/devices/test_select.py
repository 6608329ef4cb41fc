"""--device choices: wbb, hid:PROFILE, gamepad and auto (board, then pad, then keyboard)."""

from dataclasses import replace

import pytest

from balance_game.core.control import Limits
from balance_game.demo.fake_wii_board import FakeBackend
from balance_game.devices import gamepad
from balance_game.devices.board_source import BoardSource
from balance_game.devices.gamepad import GamepadSource
from balance_game.devices.pointer import KeyboardSource
from balance_game.devices.select import SourceOptions, open_source
from balance_game.errors import UserError

OPTIONS = SourceOptions(limits=Limits.theoretical(170))


@pytest.fixture(autouse=True)
def _private_data(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))


def _with_board(scenario):
    """Options whose HID backend is the byte-level fake board playing ``scenario``."""
    return replace(OPTIONS, hid_backend=FakeBackend.from_scenario(scenario))


def _open(spec, options=OPTIONS):
    source = open_source(spec, options)
    source.close()
    return source


def test_wbb_opens_the_board():
    assert isinstance(_open("wbb", _with_board("steady")), BoardSource)


def test_wbb_without_a_board_says_so():
    with pytest.raises(UserError, match="cannot open the Wii Balance Board"):
        open_source("wbb", _with_board("none"))


def test_hid_with_an_unknown_profile_lists_the_known_ones():
    with pytest.raises(UserError, match="hid:hid-loadcell-generic"):
        open_source("hid:nope", _with_board("steady"))


def test_gamepad_uses_the_standard_profile():
    source = _open("gamepad")
    assert isinstance(source, GamepadSource) and source.profile.id == "gamepad-standard"


@pytest.mark.parametrize(("scenario", "pads", "kind"), [
    ("steady", ["pad"], BoardSource),
    ("none", ["pad"], GamepadSource),
    ("none", [], KeyboardSource),
])
def test_auto_prefers_a_board_then_a_pad_then_the_keyboard(monkeypatch, scenario, pads, kind):
    monkeypatch.setattr(gamepad, "connected_gamepads", lambda: pads)
    assert isinstance(_open("auto", _with_board(scenario)), kind)

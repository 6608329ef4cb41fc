"""The gamepad source driven by synthetic pygame events (SDL dummy driver, no real pad)."""

import pygame
import pytest

from balance_game.core.records import DeviceStatus, Sample
from balance_game.devices.base import InputSource
from balance_game.devices.gamepad import GamepadSource, apply_dead_zone, lean_to_mm
from balance_game.devices.profiles import load_profiles

PROFILE = load_profiles()["gamepad-standard"]
LIMITS_MM = (100.0, 120.0, 80.0, 60.0)  # left, right, forward, back


class _Pad:
    def __init__(self, index, guid="pad-guid-1"):
        self.index, self.guid = index, guid

    def get_instance_id(self):
        return 40 + self.index

    def get_guid(self):
        return self.guid

    def get_name(self):
        return "Test Pad"


@pytest.fixture
def events():
    pygame.init()
    pygame.event.clear()

    def post_and_get(*evs):
        for ev_type, attrs in evs:
            pygame.event.post(pygame.event.Event(ev_type, **attrs))
        return pygame.event.get()

    yield post_and_get
    pygame.quit()


def _source(pads=None):
    pads = pads or {}
    return GamepadSource(PROFILE, LIMITS_MM, open_joystick=lambda i: pads.get(i, _Pad(i)))


def test_stick_to_cop_at_a_steady_100_hz(events):
    source = _source()
    assert isinstance(source, InputSource) and source.kind == "gamepad"
    source.start(0.0)
    for ev in events((pygame.JOYDEVICEADDED, {"device_index": 0}),
                     (pygame.JOYAXISMOTION, {"instance_id": 40, "axis": 0, "value": 1.0}),
                     (pygame.JOYAXISMOTION, {"instance_id": 40, "axis": 1, "value": -1.0})):
        source.handle_event(ev)
    items = source.poll(0.05)
    assert [(i.state, i.message) for i in items[:2]] == [("lost", "Connect your gamepad"),
                                                         ("connected", "Test Pad")]
    samples = items[2:]
    assert [s.t_s for s in samples] == pytest.approx([0.0, 0.01, 0.02, 0.03, 0.04, 0.05])
    assert all((s.cop_x_mm, s.cop_y_mm) == pytest.approx((120.0, 80.0)) for s in samples)
    assert all(s.corners_kg is None for s in samples)
    more = source.poll(0.0749)
    assert [s.t_s for s in more] == pytest.approx([0.06, 0.07])
    assert source.poll(0.0749) == []


def test_pulled_out_is_lost_and_the_same_pad_coming_back_resumes(events):
    pads = {0: _Pad(0), 1: _Pad(1, guid="someone-else"), 2: _Pad(2)}
    source = _source(pads)
    source.start(0.0)
    for ev in events((pygame.JOYDEVICEADDED, {"device_index": 0})):
        source.handle_event(ev)
    source.poll(0.02)
    for ev in events((pygame.JOYDEVICEREMOVED, {"instance_id": 40})):
        source.handle_event(ev)
    lost = source.poll(0.1)
    assert [type(i) for i in lost] == [DeviceStatus] and lost[0].state == "lost"
    for ev in events((pygame.JOYDEVICEADDED, {"device_index": 1})):  # another pad: ignored
        source.handle_event(ev)
    assert source.poll(0.12) == []
    for ev in events((pygame.JOYDEVICEADDED, {"device_index": 2})):  # ours, new instance
        source.handle_event(ev)
    back = source.poll(0.15)
    assert back[0].state == "connected"
    assert [s.t_s for s in back[1:]] == pytest.approx([0.13, 0.14, 0.15])


def test_buttons_map_to_actions_for_our_pad_only(events):
    source = _source()
    source.start(0.0)
    presses = [(pygame.JOYBUTTONDOWN, {"instance_id": 40, "button": b}) for b in (0, 1, 7, 3, 5)]
    got = events((pygame.JOYDEVICEADDED, {"device_index": 0}), *presses,
                 (pygame.JOYBUTTONDOWN, {"instance_id": 99, "button": 0}),
                 (pygame.KEYDOWN, {"key": pygame.K_a}))
    source.handle_event(got[0])
    assert [source.action_for(ev) for ev in got[1:]] == [
        "confirm", "back", "pause", "help", None, None, None]


def test_dead_zone_and_limits():
    assert apply_dead_zone(0.1, 0.12) == 0.0
    assert apply_dead_zone(-1.0, 0.12) == -1.0
    assert apply_dead_zone(0.56, 0.12) == pytest.approx(0.5)
    assert lean_to_mm(-0.5, -0.5, LIMITS_MM) == (-50.0, -30.0)


def test_no_samples_without_a_pad_and_the_game_is_told_to_wait(events):
    source = _source()
    source.start(0.0)
    assert source.poll(1.0) == [DeviceStatus(0.0, "lost", "Connect your gamepad")]
    assert source.poll(1.0) == []
    for ev in events((pygame.JOYDEVICEADDED, {"device_index": 0})):
        source.handle_event(ev)
    assert next(i for i in source.poll(1.02) if isinstance(i, Sample)).t_s == pytest.approx(1.01)


def test_pads_are_named_from_sdls_controller_database_first(monkeypatch):
    from pygame._sdl2 import controller

    from balance_game.devices.gamepad import connected_gamepads

    class _Controller:
        def __init__(self, index):
            self.name = "Xbox 360 Controller"

    class _Joystick:
        def __init__(self, index):
            self.index = index

        def get_name(self):
            return "Generic   USB  Joystick"

    monkeypatch.setattr(pygame.joystick, "get_count", lambda: 2)
    monkeypatch.setattr(pygame.joystick, "Joystick", _Joystick)
    monkeypatch.setattr(controller, "is_controller", lambda i: i == 0)
    monkeypatch.setattr(controller, "Controller", _Controller)
    assert connected_gamepads() == ["Xbox 360 Controller", "Generic   USB  Joystick"]


def test_a_profile_that_names_the_pad_is_chosen(monkeypatch, tmp_path):
    from balance_game.core.control import Limits
    from balance_game.devices import select
    from balance_game.devices.profiles import drivers_dir

    user = tmp_path / "drivers"
    user.mkdir()
    text = (drivers_dir() / "gamepad-standard.yaml").read_text()
    (user / "xbox.yaml").write_text(text.replace("id: gamepad-standard", "id: xbox")
                                    + 'sdl_names: ["Xbox 360 Controller"]\n')
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(user))
    monkeypatch.setattr("balance_game.devices.gamepad.connected_gamepads",
                        lambda: ["Xbox 360 Controller"])
    options = select.SourceOptions(Limits.theoretical(None))
    assert select.open_source("gamepad", options).profile.id == "xbox"
    assert select.open_source("gamepad:gamepad-standard", options).profile.id == \
        "gamepad-standard"

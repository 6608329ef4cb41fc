"""open_board / detect_boards / BoardSource against the fake Wii board and a load-cell stub."""

import time

import pytest
from device_fakes import assert_contiguous

from balance_game.core.control import Limits
from balance_game.core.records import DeviceStatus, Sample
from balance_game.demo.fake_wii_board import FakeBackend, FakeScript, empty_load
from balance_game.devices.base import ButtonActions, EventActions, InputSource, Tareable
from balance_game.devices.board_source import (
    BoardUnavailable,
    detect_boards,
    open_auto_board,
    open_board,
)
from balance_game.devices.hid_backend import DeviceInfo
from balance_game.devices.simulated import SimulatedPlayer
from balance_game.devices.tare_store import TareStore, board_key
from balance_game.dsp.calibration import BoardNotEmpty
from balance_game.errors import UserError


def _collect(source, seconds, start=True):
    origin = time.monotonic()
    if start:
        source.start(origin)
    items = []
    while (t_s := time.monotonic() - origin) < seconds:
        items += source.poll(t_s)
        time.sleep(0.01)
    return items


def test_board_source_is_an_input_source_with_samples_in_session_time(tmp_path):
    backend = FakeBackend(FakeScript(rate_hz=200))
    source = open_board("wbb", backend=backend, tare_store=TareStore(tmp_path))
    assert isinstance(source, InputSource) and source.kind == "board"
    items = _collect(source, 0.5)
    source.close()
    samples = [i for i in items if isinstance(i, Sample)]
    assert len(samples) > 50
    times = [s.t_s for s in samples]
    assert times == sorted(times) and times[0] >= 0 and times[-1] <= 0.5
    assert samples[0].total_kg == pytest.approx(70.5, abs=0.2)
    assert samples[0].cop_x_mm == pytest.approx(13, abs=3)  # the scripted person leans right
    # no stored tare: factory kg
    assert_contiguous([s.corners_kg for s in samples], kernel_dropped=backend.reports_dropped)


def test_poll_returns_nothing_later_than_asked_for():
    source = open_board("wbb", backend=FakeBackend(FakeScript(rate_hz=200)), use_tare=False)
    source.start(time.monotonic())
    time.sleep(0.2)
    early = source.poll(0.05)
    later = source.poll(0.3)
    source.close()
    assert all(i.t_s <= 0.05 for i in early)
    assert all(0.05 < i.t_s <= 0.3 for i in later)


@pytest.mark.realtime
def test_statuses_reach_the_game_in_session_time():
    script = FakeScript(rate_hz=200, events={20: "disconnect"}, reconnect_after_s=0.1)
    backend = FakeBackend(script)
    source = open_board("wbb", backend=backend, use_tare=False)
    items = _collect(source, 1.2)
    source.close()
    states = [i.state for i in items if isinstance(i, DeviceStatus)]
    assert states == ["lost", "connected"]
    assert_contiguous([i.corners_kg for i in items if isinstance(i, Sample)],
                      kernel_dropped=backend.reports_dropped)


def test_tare_on_an_empty_board_is_applied_and_stored_per_board(tmp_path):
    store = TareStore(tmp_path)
    backend = FakeBackend(FakeScript(load=empty_load, rate_hz=200))
    source = open_board("wbb", backend=backend, tare_store=store)
    source.start(time.monotonic())
    source.start_tare()
    _collect(source, 0.3, start=False)
    tare = source.finish_tare()
    after = [i for i in _collect(source, 0.2, start=False) if isinstance(i, Sample)]
    source.close()
    assert tare.offsets_kg == pytest.approx((0.049, 0.06, -0.02, -0.049), abs=0.005)
    assert all(abs(s.total_kg) < 0.02 for s in after)
    assert all((s.cop_x_mm, s.cop_y_mm) == (0.0, 0.0) for s in after)  # nobody on it
    assert (tmp_path / f"{board_key(source.identity)}.json").exists()
    again = open_board("wbb", backend=backend, tare_store=store)
    assert again.tare == tare
    again.close()


def test_tare_refuses_a_loaded_board(tmp_path):
    source = open_board("wbb", backend=FakeBackend(FakeScript(rate_hz=200)),
                        tare_store=TareStore(tmp_path))
    source.start(time.monotonic())
    source.start_tare()
    _collect(source, 0.2, start=False)
    with pytest.raises(BoardNotEmpty, match="not empty"):
        source.finish_tare()
    source.close()
    assert not list(tmp_path.iterdir())


def test_a_board_offers_its_zeroing_and_its_button_and_the_simulator_neither():
    board = open_board("wbb", backend=FakeBackend(FakeScript(rate_hz=200)), use_tare=False)
    sim = SimulatedPlayer(Limits.theoretical(None))
    assert isinstance(board, Tareable) and isinstance(board, ButtonActions)
    assert not isinstance(board, EventActions)  # a board has no gamepad buttons to map
    assert not any(isinstance(sim, ability) for ability in (Tareable, ButtonActions, EventActions))
    board.close()


def test_detect_and_auto():
    backend = FakeBackend()
    boards = detect_boards(backend)
    assert [(b.spec, b.profile_id, b.path) for b in boards] == [
        ("wbb", "wii-balance-board", "/dev/hidraw-fake-wbb")]
    source = open_auto_board(backend=backend, use_tare=False)
    assert source is not None
    source.close()
    nothing = FakeBackend(FakeScript(present=False))
    assert detect_boards(nothing) == [] and open_auto_board(backend=nothing) is None


def test_unknown_spec_and_missing_board_are_user_errors():
    with pytest.raises(UserError, match="unknown device 'hid:nope'"):
        open_board("hid:nope", backend=FakeBackend())
    with pytest.raises(BoardUnavailable, match="cannot open the Wii Balance Board"):
        open_board("wbb", backend=FakeBackend(FakeScript(present=False)))


def test_auto_does_not_hide_a_permission_problem():
    with pytest.raises(UserError, match="udev-rules"):
        open_auto_board(backend=FakeBackend(FakeScript(permission_denied=True)))


class _LoadCellDevice:
    """A DIY board streaming int32 little-endian counts at 22000 counts/kg."""

    def __init__(self):
        self.n = 0

    def write(self, report):
        raise AssertionError("a load-cell board needs no output reports")

    def read(self, timeout_ms):
        time.sleep(0.002)
        self.n += 1
        kg = (10.0, 20.0, 30.0, 15.0)
        return bytes([1]) + b"".join(round(k * 22000).to_bytes(4, "little", signed=True)
                                     for k in kg)

    def close(self):
        pass


class _LoadCellBackend:
    def enumerate(self, vendor_id=0, product_id=0):
        if (vendor_id, product_id) != (0x1209, 0x0001):
            return []
        return [DeviceInfo(b"/dev/hidraw9", 0x1209, 0x0001, "HX711 board", serial_number="X1")]

    def open(self, info):
        return _LoadCellDevice()


def test_a_hid_loadcell_board_from_its_profile_alone(tmp_path):
    backend = _LoadCellBackend()
    assert [b.spec for b in detect_boards(backend)] == ["hid:hid-loadcell-generic"]
    source = open_board("hid:hid-loadcell-generic", backend=backend, tare_store=TareStore(tmp_path))
    samples = [i for i in _collect(source, 0.2) if isinstance(i, Sample)]
    source.close()
    assert samples[0].corners_kg == pytest.approx((10.0, 20.0, 30.0, 15.0))
    # x = 200 * ((20 + 15) - (10 + 30)) / 75, y = 200 * ((10 + 20) - (30 + 15)) / 75
    assert (samples[0].cop_x_mm, samples[0].cop_y_mm) == pytest.approx((-13.333, -40.0), abs=1e-3)


def test_the_front_button_confirms_once_per_press():
    held = frozenset(range(5, 9)) | frozenset(range(15, 17))
    script = FakeScript(rate_hz=200, front_button_held=held)
    source = open_board("wbb", backend=FakeBackend(script), use_tare=False)
    _collect(source, 0.3)
    actions = source.take_actions()
    source.close()
    assert actions == ["confirm", "confirm"]
    assert source.take_actions() == []

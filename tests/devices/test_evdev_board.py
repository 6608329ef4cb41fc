"""The kernel path: hid-wiimote's evdev node feeds the same samples as our own hidraw conversation."""

import os
import time

import pytest

from balance_game.core.records import Sample
from balance_game.demo.fake_wii_board import (
    CAL_TR_BR_TL_BL,
    FAKE_SERIAL,
    FakeBackend,
    FakeScript,
    empty_load,
    person_load,
)
from balance_game.devices.board_source import detect_boards, open_board, wii_route
from balance_game.devices.evdev_board import EvdevBoardLink
from balance_game.devices.kernel_wiimote import battery_percent, find_kernel_boards
from balance_game.dsp.cop import cop_mm
from balance_game.errors import UserError
from tests.device_fakes import assert_contiguous, person_kg
from tests.devices.fake_kernel import KernelEmitter, kernel_10g, kernel_values, make_sysfs

N = 150


def _kernel_kg(i: int) -> tuple[float, float, float, float]:
    tr, br, tl, bl = kernel_values(person_load(i))
    return (tl / 100, tr / 100, bl / 100, br / 100)


def _samples(source, n: int, emit=lambda: None, limit: int = 2000) -> list:
    """The first ``n`` samples (polling as the game loop does, bounded by a count, not a time).

    ``emit`` makes the kernel send its frames once the session has begun.
    """
    origin = time.monotonic()
    source.start(origin)
    emit()
    out: list = []
    for _ in range(limit):
        time.sleep(0.005)
        out += [s for s in source.poll(time.monotonic() - origin) if isinstance(s, Sample)]
        if len(out) >= n:
            break
    source.close()
    return out[:n]


def test_kernel_math_matches_the_published_vectors():
    # wbb-protocol.md TV4: TL only at 25 kg on the made-up calibration -> kernel 2499 (10 g units)
    tl25 = round(CAL_TR_BR_TL_BL[2][1] + 8 / 17 * (CAL_TR_BR_TL_BL[2][2] - CAL_TR_BR_TL_BL[2][1]))
    assert kernel_10g(tl25, CAL_TR_BR_TL_BL[2]) == 2499
    assert kernel_10g(CAL_TR_BR_TL_BL[0][0] - 5, CAL_TR_BR_TL_BL[0]) == 0  # clamped, as the kernel


def test_sysfs_finds_the_bound_board_its_battery_and_identity(tmp_path):
    event = make_sysfs(tmp_path, battery_percent=64)
    (board,) = find_kernel_boards(tmp_path)
    assert board.event_path == event
    assert board.uniq == FAKE_SERIAL and board.identity == FAKE_SERIAL
    assert battery_percent(board) == 64
    assert board.hidraw_nodes == ("hidraw-fake-wbb",)
    route, why = wii_route(tmp_path)
    assert route == "kernel" and str(event) in why


def test_a_wii_remote_without_the_board_input_is_not_a_board(tmp_path):
    make_sysfs(tmp_path, with_board=False)
    assert find_kernel_boards(tmp_path) == []
    route, why = wii_route(tmp_path)
    assert route == "hidraw" and "not bound a balance board" in why


def test_no_driver_means_hidraw(tmp_path):
    assert wii_route(tmp_path)[0] == "hidraw"


def test_kernel_bound_board_is_read_from_evdev_and_hidraw_is_left_alone(tmp_path):
    event = make_sysfs(tmp_path)
    emitter = KernelEmitter(event)
    backend = FakeBackend(FakeScript(rate_hz=200))  # the same board, visible over hidraw too
    detected = detect_boards(backend, root=tmp_path)
    assert [(d.route, d.spec) for d in detected] == [("kernel", "wbb")]  # hidraw node excluded
    source = open_board("wbb", backend=backend, use_tare=False, root=tmp_path)
    assert isinstance(source._reader._link, EvdevBoardLink)
    sent: list[int] = []
    samples = _samples(source, int(N * 0.9), lambda: sent.extend(
        i for i in range(N) if emitter.report(person_load(i))))  # unchanged reports: no frame
    assert len(sent) > N * 0.9
    emitter.close()
    assert backend.opened == 0  # the hidraw node was never opened
    assert [s.corners_kg for s in samples] == [_kernel_kg(i) for i in sent][:len(samples)]


def test_both_paths_give_the_same_samples_within_the_kernels_10_g_steps(tmp_path):
    hidraw = open_board("wbb", backend=FakeBackend(FakeScript(rate_hz=200)), use_tare=False,
                        root=tmp_path / "no-kernel")
    via_hidraw = _samples(hidraw, N)
    first = assert_contiguous([s.corners_kg for s in via_hidraw])

    event = make_sysfs(tmp_path / "kernel")
    emitter = KernelEmitter(event)
    kernel = open_board("wbb", backend=FakeBackend(), use_tare=False, root=tmp_path / "kernel")
    sent: list[int] = []
    via_kernel = _samples(kernel, int(N * 0.9), lambda: sent.extend(
        i for i in range(first, first + N) if emitter.report(person_load(i))))
    emitter.close()
    assert len(via_kernel) == int(N * 0.9) and len(sent) > N * 0.9
    geometry = kernel.profile.geometry
    pairs = [(via_hidraw[i - first], b, i) for b, i in zip(via_kernel, sent, strict=False)]
    for a, b, i in pairs:
        assert a.corners_kg == pytest.approx(person_kg(i), abs=1e-9)
        assert b.corners_kg == pytest.approx(a.corners_kg, abs=0.0100001)  # truncation < 10 g
        assert (b.cop_x_mm, b.cop_y_mm) == pytest.approx(cop_mm(b.corners_kg, geometry))
        assert (b.cop_x_mm, b.cop_y_mm) == pytest.approx((a.cop_x_mm, a.cop_y_mm), abs=0.2)


def test_a_board_at_rest_keeps_streaming_and_the_button_confirms(tmp_path):
    event = make_sysfs(tmp_path)
    emitter = KernelEmitter(event)
    source = open_board("wbb", backend=FakeBackend(), use_tare=False, root=tmp_path)
    link = source._reader._link

    def emit():
        emitter.report(empty_load(0))
        assert not emitter.report(empty_load(2))  # same counts: the input core sends nothing
        emitter.report(person_load(0), button=True)

    samples = _samples(source, 12, emit)
    emitter.close()
    assert samples[0].corners_kg == (0.04, 0.05, 0.0, 0.0)  # TV2 of the protocol notes: 4, 5, 0, 0
    assert samples[1].corners_kg == _kernel_kg(0)
    assert all(s.corners_kg == _kernel_kg(0) for s in samples[2:])  # held at the board's rate
    assert link.held_repeats >= 10
    assert source.take_actions() == ["confirm"]


def test_a_torn_frame_after_syn_dropped_is_skipped(tmp_path):
    event = make_sysfs(tmp_path)
    emitter = KernelEmitter(event)
    emitter.report(person_load(0))
    emitter.dropped()
    emitter.report(person_load(1))
    link = EvdevBoardLink(find_kernel_boards(tmp_path)[0], "board", hold_after_s=60)
    readings = [link.read(200) for _ in range(3)]
    emitter.close()
    link.close()
    assert [r.corners_kg for r in readings[:2]] == [_kernel_kg(0), _kernel_kg(1)]
    assert readings[2] is None and link.dropped_frames == 1


def test_low_battery_from_the_power_supply_class(tmp_path):
    event = make_sysfs(tmp_path, battery_percent=12)
    emitter = KernelEmitter(event)
    emitter.report(person_load(0))
    link = EvdevBoardLink(find_kernel_boards(tmp_path)[0], "board", hold_after_s=60)
    reading = link.read(200)
    link.close()
    emitter.close()
    assert reading.battery_low is True


def test_an_unreadable_event_node_says_how_to_fix_it(tmp_path):
    event = make_sysfs(tmp_path)
    event.chmod(0)
    if os.access(event, os.R_OK):
        pytest.skip("running as root: permissions do not apply")
    with pytest.raises(UserError, match="input' group"):
        EvdevBoardLink(find_kernel_boards(tmp_path)[0], "board")

"""hidraw while hid-wiimote is bound: its buttons-only mode (0x30) is taken back at once."""

import time

import pytest

from balance_game.demo.fake_wii_board import FakeBackend, FakeScript
from balance_game.devices.profiles import get_profile
from balance_game.devices.reader import DeviceReader
from balance_game.devices.wii_board import WiiBoardLink
from tests.device_fakes import assert_contiguous

STATUS_AT = (40, 90, 140, 190)


def _run(kernel_driver: bool, n_samples: int = 240):
    script = FakeScript(rate_hz=50, events={i: "status" for i in STATUS_AT},
                        kernel_driver=kernel_driver)
    backend = FakeBackend(script)
    (info,) = backend.enumerate()
    link = WiiBoardLink.open(backend, info, get_profile("wii-balance-board"))
    reader = DeviceReader(link, lambda: WiiBoardLink.open(backend, info, link._profile))
    reader.start()
    samples = []
    for _ in range(3000):  # bounded by count: ends as soon as enough samples arrived
        samples += [s for s in reader.drain() if hasattr(s, "corners_kg")]
        if len(samples) >= n_samples:
            break
        time.sleep(0.01)
    reader.stop()
    return backend, link, samples


@pytest.mark.realtime
def test_each_kernel_mode_switch_is_reasserted_and_costs_at_most_one_report():
    backend, link, samples = _run(kernel_driver=True)
    kernel_writes = [w for w in backend.writes if w == b"kernel:12 00 30"]
    # one at connect (the status round trip) and one per status report during streaming
    assert len(kernel_writes) == backend.status_reports == len(STATUS_AT) + 1
    assert link.mode_reasserts == len(kernel_writes)
    # every kernel write is followed by our own mode again
    after = [backend.writes[i + 1] for i, w in enumerate(backend.writes) if w.startswith(b"kernel")
             if i + 1 < len(backend.writes)]
    assert all(w == bytes.fromhex("12 04 34") for w in after)
    assert backend.slots_missed <= len(STATUS_AT)  # at most one report per status report
    # the data itself: no gap, no repeat (beyond what a starved thread lets the kernel drop)
    assert_contiguous([s.corners_kg for s in samples], kernel_dropped=backend.reports_dropped)


@pytest.mark.realtime
def test_without_the_kernel_there_is_nothing_to_reassert():
    backend, link, samples = _run(kernel_driver=False, n_samples=120)
    assert link.mode_reasserts == 0 and b"kernel:12 00 30" not in backend.writes
    assert_contiguous([s.corners_kg for s in samples], kernel_dropped=backend.reports_dropped)

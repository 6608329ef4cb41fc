"""The reader thread against the fake board: counting, skipping, stalls, reconnects."""

import time

from device_fakes import assert_contiguous

from balance_game.demo.fake_wii_board import FakeBackend, FakeScript
from balance_game.devices.link import LinkReading
from balance_game.devices.profiles import load_profiles
from balance_game.devices.reader import DeviceReader, RawSample, ReaderEvent
from balance_game.devices.wii_board import WiiBoardLink

PROFILE = load_profiles()["wii-balance-board"]


def _reader(script, **kwargs):
    backend = FakeBackend(script)
    info = backend.enumerate()[0]
    reader = DeviceReader(WiiBoardLink.open(backend, info, PROFILE),
                          lambda: WiiBoardLink.open(backend, info, PROFILE), **kwargs)
    return backend, reader


def _run(reader, until, timeout_s=5.0):
    """Drain like a game loop until ``until(items)`` holds."""
    items = []
    reader.start()
    deadline = time.monotonic() + timeout_s
    while not until(items) and time.monotonic() < deadline:
        time.sleep(0.01)
        items += reader.drain()
    reader.stop()
    return items + reader.drain()


def _samples(items):
    return [i for i in items if isinstance(i, RawSample)]


def _events(items):
    return [i.state for i in items if isinstance(i, ReaderEvent)]


def test_garbage_short_unknown_and_no_data_reports_are_counted_and_skipped():
    script = FakeScript(rate_hz=500, events={10: "garbage", 20: "short", 30: "unknown",
                                             40: "nodata", 50: "status"})
    backend, reader = _reader(script)
    items = _run(reader, lambda items: len(_samples(items)) >= 80)
    assert reader.counters.malformed == 3
    assert reader.counters.no_data >= 2  # the all-0xFF payload and the status report
    assert reader.counters.reports == (reader.counters.samples + reader.counters.malformed
                                       + reader.counters.no_data)
    assert_contiguous([s.corners_kg for s in _samples(items)],
                      kernel_dropped=backend.reports_dropped)
    assert reader.counters.dropped == 0


def test_disconnect_and_reconnect_loses_and_repeats_nothing():
    script = FakeScript(rate_hz=500, events={40: "disconnect"}, reconnect_after_s=0.1)
    backend, reader = _reader(script, retry_every_s=0.05)
    items = _run(reader, lambda items: len(_samples(items)) >= 100)
    assert _events(items) == ["lost", "connected"]
    assert reader.counters.reconnects == 1 and backend.opened == 2
    samples = _samples(items)
    assert_contiguous([s.corners_kg for s in samples], kernel_dropped=backend.reports_dropped)
    times = [s.t_monotonic_s for s in samples]
    assert times == sorted(times) and len(set(times)) == len(times)


class _Link:
    """A link stub: scripted readings, then silence."""

    name = "stub"
    identity = "stub"

    def __init__(self, readings):
        self.readings = list(readings)
        self.resumed = 0
        self.closed = False

    def read(self, timeout_ms):
        if self.readings:
            return self.readings.pop(0)
        time.sleep(timeout_ms / 1000)
        return None

    def resume(self):
        self.resumed += 1

    def close(self):
        self.closed = True


def test_no_data_for_half_a_second_is_a_stall_and_data_again_clears_it():
    link = _Link([LinkReading((1.0, 1.0, 1.0, 1.0))])
    reader = DeviceReader(link, lambda: link, stall_after_s=0.2, read_timeout_ms=10)
    items = _run(reader, lambda items: "stalled" in _events(items), timeout_s=2.0)
    assert _events(items) == ["stalled"]
    assert link.resumed == 1  # asked the board to stream again
    assert link.closed


def test_battery_low_is_reported_once():
    corners = (1.0, 1.0, 1.0, 1.0)
    link = _Link([LinkReading(corners, battery_low=True)] * 3 + [LinkReading(corners)])
    reader = DeviceReader(link, lambda: link, read_timeout_ms=10)
    items = _run(reader, lambda items: len(_samples(items)) >= 4, timeout_s=2.0)
    assert _events(items) == ["battery_low"]


def test_an_unexpected_error_in_a_link_is_a_lost_link_and_the_reader_carries_on():
    class _Broken(_Link):
        def read(self, timeout_ms):
            raise RuntimeError("driver hiccup")

    good = _Link([LinkReading((1.0, 1.0, 1.0, 1.0))])
    reader = DeviceReader(_Broken([]), lambda: good, retry_every_s=0.01, read_timeout_ms=10)
    items = _run(reader, lambda items: len(_samples(items)) >= 1, timeout_s=2.0)
    assert _events(items)[:2] == ["lost", "connected"]
    assert "RuntimeError: driver hiccup" in next(i.message for i in items
                                                 if isinstance(i, ReaderEvent))
    assert len(_samples(items)) == 1

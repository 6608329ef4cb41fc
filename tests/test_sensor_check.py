"""The sensor check's corner test and verdict, driven by scripted samples at 100 Hz."""

from balance_game.core.records import DeviceStatus, Sample
from balance_game.core.sensor_check import SensorCheck

EMPTY = (0.1, 0.0, 0.05, 0.1)
PRESS = {0: (6.0, 0.5, 0.4, 0.2), 1: (0.5, 6.0, 0.2, 0.4), 2: (0.4, 0.2, 6.0, 0.5),
         3: (0.2, 0.4, 0.5, 6.0)}


def _feed(check: SensorCheck, corners, seconds: float, t0: float) -> float:
    n = round(seconds * 100)
    for k in range(n):
        t = t0 + k / 100
        check.update([Sample(t, 0.0, 0.0, corners)], t)
    return t0 + n / 100


def test_pressing_each_corner_in_turn_gives_a_working_verdict():
    check, t = SensorCheck(), 0.0
    t = _feed(check, EMPTY, 1.2, t)
    assert check.verdict() == (False, "Press the front left corner firmly with one hand.")
    for corner in range(4):
        t = _feed(check, PRESS[corner], 0.7, t)
        t = _feed(check, EMPTY, 0.3, t)
    assert check.done and check.rate_hz == 100
    assert check.verdict() == (True, "Your board is working.")
    check.update([DeviceStatus(t, "battery_low", "low")], t)
    assert check.verdict() == (True, "Your board is working. Replace its batteries soon.")


def test_a_swapped_corner_is_named():
    check, t = SensorCheck(), 0.0
    t = _feed(check, PRESS[3], 0.7, t)  # asked for front left, back right answers
    assert check.step == 0
    assert check.verdict() == (False, "Check the wiring or the orientation setting: asked for "
                                      "front left, but back right answered.")


def test_holding_the_last_corner_does_not_count_for_the_next_one():
    check, t = SensorCheck(), 0.0
    t = _feed(check, PRESS[0], 2.0, t)
    assert check.step == 1 and check.wrong is None


def test_slow_or_missing_readings():
    check = SensorCheck()
    assert check.verdict()[0] is False and "No weight readings" in check.verdict()[1]
    for k in range(10):  # 10 Hz
        check.update([Sample(k / 10, 0, 0, EMPTY)], k / 10)
    assert check.verdict() == (False, "Readings arrive slowly (10 per second).")

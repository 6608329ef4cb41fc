import pytest

from balance_game.core.control import ControlMap, Limits


def test_theoretical_limits_follow_height_and_stay_on_the_board():
    short, tall = Limits.theoretical(150), Limits.theoretical(200)
    assert short.right_mm < tall.right_mm
    assert short.back_mm < short.forward_mm
    assert tall.forward_mm <= 119.0 * 0.9 + 1e-9


def test_axes_are_fractions_of_each_directions_limit():
    cmap = ControlMap(Limits(100, 200, 80, 40), neutral_x_mm=10, dead_zone=0.0)
    assert cmap.axes(110, 0).lean_x == pytest.approx(0.5)
    assert cmap.axes(-90, 0).lean_x == pytest.approx(-1.0)
    assert cmap.axes(10, -20).lean_y == pytest.approx(-0.5)
    assert cmap.axes(10, 400).lean_y == 1.0  # clamped
    assert cmap.lean_ratio(10, 400) == pytest.approx(5.0)  # unclamped for safety checks


def test_dead_zone_hides_quiet_sway_and_output_stays_continuous():
    cmap = ControlMap(Limits(100, 100, 100, 100), dead_zone=0.05)
    assert cmap.axes(4, -4).lean_x == 0.0
    assert cmap.axes(5.5, 0).lean_x == pytest.approx(0.5 / 95, abs=1e-9)
    assert cmap.axes(100, 0).lean_x == 1.0

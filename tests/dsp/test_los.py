"""Limits of stability on synthetic leans: known reaction time, speed, excursion, straightness."""

import math

import numpy as np
import pytest

from balance_game.dsp.los import (
    DIRECTIONS,
    LosTrial,
    analyse_direction,
    analyse_los,
    cog_height_mm,
    direction_vector,
    directional_control,
    los_polygon_area_mm2,
)

FS = 100.0
GO = 1.0
H = cog_height_mm(1700.0)  # 939.6 mm


def ramp(t, start, speed, a, b):
    """Move along from a to b at constant speed, starting at ``start``."""
    return a + np.sign(b - a) * np.clip((t - start) * speed, 0.0, abs(b - a))


def lean(direction, along, across=None, target=100.0, noise=0.0, seed=0):
    """A trial: ``along(t)`` toward the target and ``across(t)`` to its left, plus white noise."""
    t = np.arange(int(8.0 * FS)) / FS
    p = along(t)
    q = np.zeros_like(t) if across is None else across(t, p)
    u = direction_vector(direction)
    n = np.array([-u[1], u[0]])
    xy = np.outer(u, p) + np.outer(n, q) + np.array([[12.0], [-30.0]])  # COP is not at 0
    xy += np.random.default_rng(seed).normal(0.0, noise, xy.shape)
    return LosTrial(direction, t, xy[0], xy[1], GO, target)


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_straight_lean_at_constant_speed(direction):
    rt, speed, dist = 0.35, 100.0, 80.0
    res = analyse_direction(lean(direction, lambda t: ramp(t, GO + rt, speed, 0.0, dist)), H)
    assert res.valid, res.reason
    assert res.reaction_time_s == pytest.approx(rt, abs=0.011)
    assert res.movement_velocity_mm_s == pytest.approx(speed, rel=1e-6)
    lo, hi = 0.05 * dist, 0.95 * dist
    deg_s = math.degrees(math.atan(hi / H) - math.atan(lo / H)) / ((hi - lo) / speed)
    assert res.movement_velocity_deg_s == pytest.approx(deg_s, rel=1e-6)
    assert res.endpoint_excursion_pct == pytest.approx(80.0)
    assert res.max_excursion_pct == pytest.approx(80.0)
    assert res.max_excursion_mm == pytest.approx(80.0)
    assert res.directional_control_pct == pytest.approx(100.0)


def test_primary_movement_then_corrections():
    """Undershoot to 70 %, pause, overshoot to 110 %, settle at 95 %: EPE 70, MXE 110."""
    def along(t):
        p = ramp(t, GO + 0.3, 120.0, 0.0, 70.0)
        p = np.where(t >= 2.5, ramp(t, 2.5, 80.0, 70.0, 110.0), p)
        return np.where(t >= 4.0, ramp(t, 4.0, 50.0, 110.0, 95.0), p)

    res = analyse_direction(lean("FL", along), H)
    assert res.endpoint_excursion_pct == pytest.approx(70.0)
    assert res.max_excursion_pct == pytest.approx(110.0)
    assert res.movement_velocity_mm_s == pytest.approx(120.0, rel=1e-6)


def test_directional_control_of_a_curved_path():
    """A sideways bulge of height a on the way to D: extraneous 2a, DCL = (D − 2a)/D."""
    dist, a = 80.0, 10.0

    def across(t, p):
        return a * np.sin(np.pi * p / dist)

    res = analyse_direction(lean("R", lambda t: ramp(t, GO + 0.2, 100.0, 0, dist), across), H)
    assert res.directional_control_pct == pytest.approx(100.0 * (dist - 2 * a) / dist, abs=1e-9)


def test_back_and_forth_along_the_axis_counts_as_extraneous():
    # 0 → 60, back to 50 then on to 80 with no stop: toward 80, extraneous 2×10 → 75 %
    def along(t):
        p = ramp(t, 1.2, 100.0, 0.0, 60.0)
        p = np.where(t >= 1.8, ramp(t, 1.8, 100.0, 60.0, 50.0), p)
        return np.where(t >= 1.9, ramp(t, 1.9, 100.0, 50.0, 80.0), p)

    t = np.arange(800) / FS
    p = along(t)
    assert directional_control(p[100:300], np.zeros(200)) == pytest.approx(75.0)


def test_onset_ignores_noise_and_brief_blips():
    """Baseline noise sets the threshold; a 30 ms twitch after the cue is not the onset."""
    def along(t):
        blip = np.where((t >= GO + 0.1) & (t < GO + 0.13), 3.0, 0.0)
        return blip + ramp(t, GO + 0.6, 150.0, 0.0, 90.0)

    res = analyse_direction(lean("B", along, noise=0.03, seed=3), H)
    assert res.valid
    assert res.reaction_time_s == pytest.approx(0.6, abs=0.02)
    assert res.endpoint_excursion_pct == pytest.approx(90.0, abs=0.5)
    assert res.directional_control_pct > 95.0


def test_no_movement_or_no_baseline_gives_a_reason_and_no_numbers():
    still = analyse_direction(lean("F", lambda t: np.zeros_like(t)), H)
    assert not still.valid and "no movement" in still.reason
    assert still.reaction_time_s is None and still.max_excursion_mm is None
    away = analyse_direction(lean("F", lambda t: ramp(t, 1.5, 100.0, 0.0, -50.0)), H)
    assert "no movement toward the target" in away.reason
    late = lean("F", lambda t: ramp(t, 1.5, 100.0, 0.0, 50.0))
    early = LosTrial("F", late.t_s, late.x_mm, late.y_mm, 0.0, 100.0)
    assert "before the go cue" in analyse_direction(early, H).reason


def test_polygon_area_of_the_max_excursions():
    octagon = {d: 100.0 for d in DIRECTIONS}
    assert los_polygon_area_mm2(octagon) == pytest.approx(2 * math.sqrt(2) * 100.0**2)
    # F/B 60/40 mm and R/L 80/80 mm only on the axes, diagonals 0: a rhombus-like kite
    kite = {"F": 60.0, "R": 80.0, "B": 40.0, "L": 80.0}
    assert los_polygon_area_mm2(kite) == pytest.approx(0.5 * (60 + 40) * (80 + 80))


def test_analyse_los_reports_every_direction_and_the_area():
    reach = dict(zip(DIRECTIONS, [90.0, 70.0, 80.0, 50.0, 40.0, 50.0, 80.0, 70.0], strict=True))
    trials = [lean(d, lambda t, r=r: ramp(t, GO + 0.3, 100.0, 0.0, r)) for d, r in reach.items()]
    report = analyse_los(trials, H)
    assert [r.direction for r in report.directions] == list(DIRECTIONS)
    r = [reach[d] for d in DIRECTIONS]
    expected = 0.5 * math.sin(math.pi / 4) * float(np.dot(r, np.roll(r, -1)))
    assert report.polygon_area_mm2 == pytest.approx(expected)
    assert analyse_los(trials[:7], H).polygon_area_mm2 is None


def test_theoretical_limits_are_angles_at_the_cog_height_not_clipped():
    from balance_game.dsp.los import theoretical_limit_mm

    h = cog_height_mm(1700.0)  # 939.6 mm
    side, forward, back = (h * math.tan(math.radians(a)) for a in (8.0, 8.0, 4.5))
    assert theoretical_limit_mm("F", h) == pytest.approx(132.05, abs=0.01)  # docs §4: 13.2 cm
    assert theoretical_limit_mm("R", h) == pytest.approx(side)
    assert theoretical_limit_mm("L", h) == pytest.approx(side)
    assert theoretical_limit_mm("B", h) == pytest.approx(back)
    assert theoretical_limit_mm("FR", h) == pytest.approx(forward)  # a circle forward
    # back diagonals on the ellipse x²/side² + y²/back² = 1 along 45°
    r = theoretical_limit_mm("BL", h)
    assert (r / math.sqrt(2) / side) ** 2 + (r / math.sqrt(2) / back) ** 2 == pytest.approx(1.0)


def test_a_reaction_before_the_cue_could_be_seen_is_invalid():
    res = analyse_direction(lean("R", lambda t: ramp(t, GO + 0.05, 100.0, 0.0, 80.0)), H)
    assert not res.valid and "under 0.1 s" in res.reason and res.reaction_time_s is None
    short = analyse_direction(lean("R", lambda t: ramp(t, GO + 0.3, 100.0, 0.0, 8.0)), H)
    assert not short.valid and "never reached a tenth" in short.reason


def test_a_direction_s_reason_is_shown_in_the_player_s_language():
    """Reasons are stored in English and shown through the catalogs: every one dsp/los.py can
    give has a German and a Spanish text."""
    from balance_game.core.assessments import summarise
    from balance_game.i18n import _, set_language

    still = analyse_direction(lean("F", lambda t: np.zeros_like(t)), H)
    early = analyse_direction(lean("R", lambda t: ramp(t, GO + 0.05, 100.0, 0.0, 80.0)), H)
    results = {"directions": {"F": {"reason": still.reason}, "R": {"reason": early.reason}},
               "polygon_area_mm2": None}
    try:
        set_language("de")
        german = " ".join(_(line) for line in summarise("los", results))
        set_language("es")
        spanish = " ".join(_(line) for line in summarise("los", results))
    finally:
        set_language("en")
    assert "keine Bewegung nach dem Startsignal" in german and "unter 0,1 s" in german
    assert "ningún movimiento tras la señal de inicio" in spanish and "0,1 s" in spanish
    assert still.reason not in german + spanish and early.reason not in german + spanish

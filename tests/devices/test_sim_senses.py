"""The simulated player sees and feels: eyes closed and foam raise its sway as they raise a
healthy adult's, and its quiet stance at high ability sways like the reference young adults'.

Reference: the BDS data set (Santos & Duarte 2016), young adults, docs/sway-measures.md §5.1:
mean velocity 0.87 / 0.96 / 2.38 / 3.14 cm/s and ellipse area 2.49 / 2.86 / 12.89 / 14.93 cm²
(eyes open firm / closed firm / open foam / closed foam); eyes-open firm velocity median 0.80
[IQR 0.66-1.05] cm/s, area median 1.95 [1.13-3.08] cm².
"""

import statistics

import numpy as np
import pytest

from balance_game.core.assessments import QuietOptions, quiet_results, quiet_steps
from balance_game.core.control import Limits
from balance_game.core.records import Goal
from balance_game.devices.simulated import SimulatedPlayer
from balance_game.dsp.sway import compute_measures
from tests.sim_protocol import run_protocol

SEEDS = range(4)


def quiet_trial(ability, seed, eyes_closed=False, foam=False, seconds=30.0):
    player = SimulatedPlayer(Limits.theoretical(170), ability, seed)
    player.set_goal(Goal(0.0, 0.0, 0.05, eyes_closed=eyes_closed, foam=foam, stance="together"))
    player.poll(5.0)  # settle into the stance
    samples = [s for s in player.poll(5.0 + seconds) if hasattr(s, "cop_x_mm")]
    t, x, y = (np.array([getattr(s, k) for s in samples]) for k in ("t_s", "cop_x_mm", "cop_y_mm"))
    report = compute_measures(t, x, y)
    assert report.valid, report.reason
    return report


def mean_of(ability, name, **condition):
    return statistics.mean(getattr(quiet_trial(ability, seed, **condition), name) for seed in SEEDS)


def test_quiet_stance_at_high_ability_is_like_the_young_adults():
    velocity = mean_of(0.9, "mean_velocity_mm_s")
    area = mean_of(0.9, "ellipse95_area_mm2")
    assert 6.6 <= velocity <= 10.5  # mm/s, inside the young adults' interquartile range
    assert 113 <= area <= 308  # mm²


@pytest.mark.parametrize("ability", [0.5, 0.9])
def test_eyes_closed_and_foam_raise_sway_by_the_published_ratios(ability):
    base_v = mean_of(ability, "mean_velocity_mm_s")
    base_a = mean_of(ability, "ellipse95_area_mm2")
    published = {  # (eyes_closed, foam): (velocity ratio, area ratio) to eyes open, firm
        (True, False): (0.96 / 0.87, 2.86 / 2.49),
        (False, True): (2.38 / 0.87, 12.89 / 2.49),
        (True, True): (3.14 / 0.87, 14.93 / 2.49),
    }
    for (closed, foam), (v_ratio, a_ratio) in published.items():
        v = mean_of(ability, "mean_velocity_mm_s", eyes_closed=closed, foam=foam) / base_v
        a = mean_of(ability, "ellipse95_area_mm2", eyes_closed=closed, foam=foam) / base_a
        assert v == pytest.approx(v_ratio, rel=0.15), (closed, foam, "velocity")
        assert a == pytest.approx(a_ratio, rel=0.30), (closed, foam, "area")


def test_romberg_quotient_of_the_quiet_test():
    """Through the quiet-stance protocol and its results: velocity RQ > 1.2 on foam (young
    adults' median 1.31) and above 1 on firm ground (their median 1.10)."""
    firm, foam = [], []
    for seed in range(3):
        limits = Limits.theoretical(170)
        player = SimulatedPlayer(limits, 0.9, seed)
        run = run_protocol(quiet_steps(QuietOptions(seconds=30.0)), player, limits)
        romberg = quiet_results(run.captures)["romberg"]
        firm.append(romberg["firm_velocity"])
        foam.append(romberg["foam_velocity"])
    assert statistics.mean(foam) > 1.2
    assert 1.0 < statistics.mean(firm) < 1.25

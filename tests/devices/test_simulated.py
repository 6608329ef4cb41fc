import numpy as np
import pytest

from balance_game.core.control import Limits
from balance_game.core.records import DeviceStatus, Goal, Sample
from balance_game.devices.simulated import SimulatedPlayer, parse_sim_events
from balance_game.errors import UserError

LIMITS = Limits.theoretical(170)


def cop(items):
    return np.array([(s.cop_x_mm, s.cop_y_mm) for s in items if isinstance(s, Sample)])


def test_same_seed_same_stream_whatever_the_polling():
    a = SimulatedPlayer(LIMITS, 0.5, seed=3)
    b = SimulatedPlayer(LIMITS, 0.5, seed=3)
    whole = a.poll(5.0)
    pieces = [item for t in np.arange(1 / 60, 5.0 + 1e-9, 1 / 60) for item in b.poll(t)]
    assert whole == pieces
    assert len(whole) == 500  # 100 Hz


def test_quiet_stance_sway_is_plausible_and_falls_with_ability():
    rms = {}
    for ability in (0.1, 0.9):
        xy = cop(SimulatedPlayer(LIMITS, ability, seed=1).poll(40.0))[500:]
        rms[ability] = np.sqrt(((xy - xy.mean(0)) ** 2).sum(1).mean())
    assert 1.0 < rms[0.9] < 6.0  # a few mm, as in healthy young adults
    assert 6.0 < rms[0.1] < 25.0  # much more for an unsteady older adult
    assert rms[0.1] > 2 * rms[0.9]


def test_reaches_toward_the_goal_faster_with_ability():
    target = LIMITS.right_mm * 0.5
    mean_time = {}
    for ability in (0.2, 0.9):
        times = []
        for seed in range(6):
            player = SimulatedPlayer(LIMITS, ability, seed=seed)
            player.poll(1.0)
            player.set_goal(Goal(0.5, 0.0))
            xy = cop(player.poll(6.0))
            times.append(np.argmax(xy[:, 0] > 0.6 * target) / 100)
            assert 0.5 * target < np.median(xy[-200:, 0]) < 1.6 * target
        mean_time[ability] = np.mean(times)
    assert 0 < mean_time[0.9] < mean_time[0.2]


def test_corner_loads_add_up_to_the_body_weight_and_place_the_cop():
    player = SimulatedPlayer(LIMITS, 0.9, seed=0, weight_kg=80)
    player.set_goal(Goal(1.0, 0.0))
    sample = [s for s in player.poll(5.0) if isinstance(s, Sample)][-1]
    assert sample.total_kg == pytest.approx(80, abs=0.2)
    tl, tr, bl, br = sample.corners_kg
    assert tr + br > tl + bl  # leaning right loads the right-hand cells


def test_scripted_events_step_off_and_drop_the_link():
    events = parse_sim_events("stepoff@1,return@2,lost@3,back@4")
    player = SimulatedPlayer(LIMITS, 0.5, seed=0, events=events)
    items = player.poll(5.0)
    loads = {round(s.t_s, 2): s.total_kg for s in items if isinstance(s, Sample)}
    assert loads[1.5] < 1.0 and loads[2.5] > 60
    assert not any(3.0 < t < 4.0 for t in loads)  # nothing arrives while the link is down
    states = [(s.t_s, s.state) for s in items if isinstance(s, DeviceStatus)]
    assert states == [(3.0, "lost"), (4.0, "connected")]


@pytest.mark.parametrize("text", ["jump@3", "stepoff", "stepoff@x", "lost@-1"])
def test_bad_event_scripts_are_user_errors(text):
    with pytest.raises(UserError, match="--sim-events"):
        parse_sim_events(text)

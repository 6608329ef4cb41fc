import pytest
from mech_play import follow_goal, play, play_level_headless, still, success_rate

from balance_game.core.control import Axes
from balance_game.core.levels import load_levels
from balance_game.core.mechanics.rhythm import Rhythm, ideal_position

PARAMS = {"axis": ["LR"], "amplitude_pct": 35.0, "pace_s": 2.0, "target_radius_pct": 15.0,
          "window_s": 0.4, "centre_radius_pct": 15.0}
SLOW = {**PARAMS, "pace_s": 3.0, "amplitude_pct": 25.0, "window_s": 0.6, "target_radius_pct": 18.0}
FAST = {**PARAMS, "pace_s": 1.0, "amplitude_pct": 55.0, "window_s": 0.25, "target_radius_pct": 11.0}


def test_a_player_who_follows_the_goal_shifts_on_the_beat():
    mechanic = Rhythm()
    world = mechanic.new_world(PARAMS, n_trials=6, seed=0)
    outcomes = play(mechanic, world, follow_goal(mechanic), 30)
    assert len(outcomes) == 6 and mechanic.finished(world)
    assert [o.measures["direction"] for o in outcomes] == ["left", "right"] * 3
    for o in outcomes:
        m = o.measures
        assert o.success and o.score >= 90
        assert abs(m["timing_error_s"]) <= 0.05
        assert m["directional_control_pct"] == 100.0
        assert m["on_axis_velocity_pct_s"] == pytest.approx(m["ideal_velocity_pct_s"], rel=0.05)
        assert 1.5 < o.t_end_s - o.t_start_s < 3.0  # one shift: about one pace


def test_every_metronome_tick_is_a_beat_cue():
    mechanic = Rhythm()
    world = mechanic.new_world(PARAMS, n_trials=4, seed=0)
    play(mechanic, world, follow_goal(mechanic), 20)
    assert world.cues.count("beat") == world.beats == 4 + 2  # count-in start, its end, 4 shifts
    assert world.cues.count("hit") == 4


def test_a_player_who_stays_in_the_middle_fails_every_shift():
    mechanic = Rhythm()
    world = mechanic.new_world(PARAMS, n_trials=3, seed=0)
    outcomes = play(mechanic, world, still, 20)
    assert len(outcomes) == 3 and not any(o.success for o in outcomes)
    assert all(o.score < 10 and not o.measures["reached_target"] for o in outcomes)


def test_off_axis_movement_lowers_directional_control():
    mechanic = Rhythm()
    world = mechanic.new_world(PARAMS, n_trials=4, seed=0)
    policy = follow_goal(mechanic)

    def diagonal(w):
        a = policy(w)
        return Axes(a.lean_x, 0.6 * abs(a.lean_x))

    outcomes = play(mechanic, world, diagonal, 20)
    assert all(o.measures["directional_control_pct"] < 60 for o in outcomes)


def test_shifting_late_misses_the_beat():
    mechanic = Rhythm()
    world = mechanic.new_world(PARAMS, n_trials=3, seed=0)

    history = []

    def late(w):  # the ideal swing, 0.6 s behind the metronome
        history.append(Axes() if w.phase == "centre" else Axes(*ideal_position(w, w.t_s)))
        return history[max(0, len(history) - 1 - 36)]

    outcomes = play(mechanic, world, late, 20)
    assert len(outcomes) == 3 and not any(o.success for o in outcomes)
    assert all(o.measures["timing_error_s"] > 0.4 for o in outcomes)


def test_front_back_and_alternating_axes():
    mechanic = Rhythm()
    world = mechanic.new_world({**PARAMS, "axis": ["LR", "FB"]}, n_trials=10, seed=0)
    outcomes = play(mechanic, world, follow_goal(mechanic), 60)
    assert [o.measures["axis"] for o in outcomes] == ["LR"] * 8 + ["FB"] * 2
    assert all(o.success for o in outcomes)
    assert outcomes[8].measures["direction"] == "back"


def test_abort_drops_the_shift_and_waits_at_the_centre():
    mechanic = Rhythm()
    world = mechanic.new_world(PARAMS, n_trials=4, seed=0)
    play(mechanic, world, follow_goal(mechanic), 4.0)
    assert world.phase == "shift"
    done = world.trial_index
    mechanic.abort_trial(world)
    assert world.phase == "centre" and world.trial_index == done
    outcomes = play(mechanic, world, follow_goal(mechanic), 30)
    assert world.trial_index == 4 and len(outcomes) == 4 - done


def test_same_seed_same_outcomes():
    def run():
        from mech_play import simulate

        return simulate(Rhythm(), PARAMS, 0.5, 6, seed=4)

    assert run() == run()


def test_a_faster_pace_lowers_a_simulated_players_success():
    mechanic = Rhythm()
    slow = success_rate(mechanic, SLOW, 0.6, 16)
    fast = success_rate(mechanic, FAST, 0.6, 16)
    assert slow >= 0.7 and fast <= slow - 0.4


@pytest.mark.parametrize("level_id", [s.id for s in load_levels() if s.mechanic == "rhythm"])
def test_every_rhythm_level_completes_headless(level_id, tmp_path):
    trials = play_level_headless(level_id, tmp_path / "r.db")
    spec = next(s for s in load_levels() if s.id == level_id)
    assert len(trials) == spec.trials
    for t in trials:
        assert {"on_axis_velocity_pct_s", "directional_control_pct", "timing_error_s"} \
            <= set(t["measures"])

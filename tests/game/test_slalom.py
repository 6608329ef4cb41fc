import itertools

from mech_play import simulate

from balance_game.core.control import Axes
from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.slalom import Slalom

DT = 1 / 60
PARAMS = {"shift_pct": 40.0, "gate_width_pct": 30.0, "gate_interval_s": 3.0, "preview_s": 2.5}


def play(world, mechanic, policy, seconds):
    """Run on from the world's own clock, so consecutive calls continue one session."""
    outcomes, t = [], world.t_s
    for _ in range(round(seconds / DT)):
        t += DT
        outcomes += mechanic.step(world, policy(world), DT, t)
    return outcomes


def perfect(world):
    goal = Slalom().goal(world)
    return Axes(goal.lean_x, goal.lean_y) if goal else Axes()


def simulated(params, ability, n_trials=24, seed=0):
    return simulate(Slalom(), params, ability, n_trials, seed, max_s=600)


def test_registered():
    assert isinstance(MECHANICS["slalom"], Slalom)


def test_a_perfect_player_passes_every_gate_with_a_high_score():
    mechanic = Slalom()
    world = mechanic.new_world(PARAMS, n_trials=6, seed=1)
    outcomes = play(world, mechanic, perfect, 30)
    assert len(outcomes) == 6 and mechanic.finished(world)
    sides = [o.measures["gate_x_pct"] > 0 for o in outcomes]
    assert all(a != b for a, b in itertools.pairwise(sides))  # gates alternate sides
    for o in outcomes:
        assert o.success and o.measures["gate_passed"] and o.score >= 95
        assert o.measures["lateral_error_pct"] == 0.0 and o.measures["overshoot_pct"] == 0.0
        assert abs(o.measures["timing_s"]) <= 0.05
        assert 34 <= abs(o.measures["gate_x_pct"]) <= 40  # the set shift, up to 15 % nearer
        assert o.t_end_s - o.t_start_s <= 3.1  # one gate is one short trial
    assert outcomes[1].measures["lateral_shift_pct"] > 60  # from one side to the other


def test_a_still_player_misses_the_gates():
    mechanic = Slalom()
    world = mechanic.new_world(PARAMS, n_trials=3, seed=1)
    outcomes = play(world, mechanic, lambda w: Axes(), 15)
    assert len(outcomes) == 3 and not any(o.success for o in outcomes)
    assert all(o.score < 25 for o in outcomes)


def test_a_late_shift_is_measured_as_late():
    mechanic = Slalom()
    world = mechanic.new_world({**PARAMS, "gate_width_pct": 80.0}, n_trials=4, seed=2)
    history = []

    def late(w):
        history.append(perfect(w))
        return history[-31] if len(history) > 30 else Axes()  # half a second behind

    outcomes = play(world, mechanic, late, 20)
    timings = [o.measures["timing_s"] for o in outcomes[1:]]
    assert all(0.4 <= t <= 0.6 for t in timings)
    assert all(o.success for o in outcomes)  # wide gates forgive it ...
    assert max(o.score for o in outcomes[1:]) < 90  # ... but the score does not


def test_the_goal_moves_smoothly_toward_the_next_gate():
    mechanic = Slalom()
    world = mechanic.new_world(PARAMS, n_trials=3, seed=1)
    xs = []
    t = 0.0
    for _ in range(round(5 / DT)):
        t += DT
        mechanic.step(world, perfect(world), DT, t)
        xs.append(mechanic.goal(world).lean_x)
    steps = [abs(b - a) for a, b in itertools.pairwise(xs)]
    assert max(steps) < 0.05  # no jumps: the racing line is continuous
    assert max(abs(x) for x in xs) > 0.3


def test_abort_drops_the_gate_and_restarts_the_run_from_the_middle():
    mechanic = Slalom()
    world = mechanic.new_world(PARAMS, n_trials=2, seed=0)
    play(world, mechanic, perfect, 2.0)
    assert world.phase == "ski" and world.trial_index == 0
    mechanic.abort_trial(world)
    assert world.phase == "centre" and world.gates == []
    assert mechanic.prompt(world) == "Stand still in the middle to begin"
    outcomes = play(world, mechanic, perfect, 12)
    assert [o.index for o in outcomes] == [0, 1] and all(o.success for o in outcomes)


def test_prompts_name_the_side_and_cues_follow_gates():
    mechanic = Slalom()
    world = mechanic.new_world(PARAMS, n_trials=2, seed=0)
    play(world, mechanic, lambda w: Axes(), 2.0)
    gate = world.next_gate
    side = "right" if gate.x > 0 else "left"
    assert mechanic.prompt(world) == f"Lean {side} for the next gate"
    world.position = (0.0, 0.8)
    assert mechanic.prompt(world) == "Keep your weight centred"
    play(world, mechanic, perfect, 8)
    assert world.cues.count("gate") + world.cues.count("miss") == 2


def test_new_params_apply_to_gates_not_yet_in_view():
    mechanic = Slalom()
    params = {**PARAMS, "preview_s": 1.5}
    world = mechanic.new_world(params, n_trials=3, seed=0)
    play(world, mechanic, perfect, 2.5)
    assert len(world.gates) == 1  # the first gate is in view, the next is not
    mechanic.set_params(world, {**params, "gate_width_pct": 20.0})
    outcomes = play(world, mechanic, perfect, 15)
    assert [o.measures["gate_width_pct"] for o in outcomes] == [30.0, 20.0, 20.0]


def test_same_seed_same_outcomes():
    a, b = simulated(PARAMS, 0.5, 8, seed=3), simulated(PARAMS, 0.5, 8, seed=3)
    assert [(o.success, o.score, o.measures) for o in a] == [(o.success, o.score, o.measures) for o in b]


def test_harder_params_lower_a_simulated_players_success():
    easy = {"shift_pct": 25.0, "gate_width_pct": 45.0, "gate_interval_s": 4.0, "preview_s": 3.5}
    hard = {"shift_pct": 60.0, "gate_width_pct": 18.0, "gate_interval_s": 1.7, "preview_s": 1.5}
    rate_easy = sum(o.success for o in simulated(easy, 0.6)) / 24
    rate_hard = sum(o.success for o in simulated(hard, 0.6)) / 24
    assert rate_easy >= 0.8 and rate_hard <= 0.4

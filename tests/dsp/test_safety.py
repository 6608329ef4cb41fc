from balance_game.dsp.safety import SafetyMonitor


def test_step_off_below_half_the_weight_and_back_on_after_a_steady_second():
    monitor = SafetyMonitor(body_weight_kg=60)
    assert monitor.check_load(0.0, 59) is None
    assert monitor.check_load(0.1, 25) == "step_off"
    assert monitor.check_load(0.2, 10) is None  # already off
    assert monitor.check_load(1.0, 55) is None  # back on, not yet steady
    assert monitor.check_load(1.5, 20) is None  # wobbled off again: the second starts over
    assert monitor.check_load(2.0, 55) is None
    assert monitor.check_load(3.0, 55) == "back_on"
    assert monitor.check_load(3.1, None) is None  # sources without load cells are never judged


def test_balance_lost_only_when_far_past_the_limits_for_a_moment():
    monitor = SafetyMonitor(body_weight_kg=60)
    assert monitor.check_lean(0.0, 1.1) is None  # a bold reach, not a fall
    assert monitor.check_lean(0.1, 1.4) is None
    assert monitor.check_lean(0.2, 1.4) is None
    assert monitor.check_lean(0.4, 1.4) == "balance_lost"
    assert monitor.check_lean(0.5, 1.4) is None  # reported once
    assert monitor.check_lean(0.6, 0.2) is None
    assert monitor.check_lean(0.7, 1.3) is None  # a new episode starts its own timer


def test_an_unknown_body_weight_is_learnt_from_the_first_second_of_standing():
    monitor = SafetyMonitor(body_weight_kg=None)
    assert monitor.check_load(0.0, 2.0) == "step_off"  # nobody on the board yet
    for i in range(1, 120):
        monitor.check_load(i * 0.01, 34.0)  # a light child steps on
    assert monitor.body_weight_kg == 34.0 and not monitor.off_board
    assert monitor.check_load(1.3, 20.0) is None  # 59 % of 34 kg: still on
    assert monitor.check_load(1.4, 15.0) == "step_off"  # under half

from balance_game.core.player_calibration import Stance, orientation_from, stance_from
from balance_game.core.protocols import Capture
from balance_game.core.records import Sample


def capture(points, total=70.0):
    return Capture(samples=[Sample(i * 0.01, x, y, (total / 4,) * 4)
                            for i, (x, y) in enumerate(points)])


def test_stance_is_the_mean_of_the_last_seconds_with_the_body_weight():
    stance = stance_from(capture([(50.0, 50.0)] * 100 + [(4.0, -2.0)] * 400))
    assert stance == Stance(4.0, -2.0, 70.0)


def test_a_forward_lean_tells_which_way_the_board_faces():
    still = Stance(0.0, 0.0, 70.0)
    assert orientation_from(capture([(0.0, 40.0)] * 200), still) == "normal"
    assert orientation_from(capture([(0.0, -40.0)] * 200), still) == "reversed"
    assert orientation_from(capture([(0.0, 3.0)] * 200), still) is None  # no real lean


def test_a_reversed_board_is_turned_round_to_the_player():
    from balance_game.core.control import ControlMap, Limits
    from balance_game.game.session import GameSession

    session = GameSession.__new__(GameSession)
    session.orientation = "reversed"
    turned = session.oriented(Sample(1.0, 10.0, -20.0, (1.0, 2.0, 3.0, 4.0)))
    assert (turned.cop_x_mm, turned.cop_y_mm) == (-10.0, 20.0)
    assert turned.corners_kg == (4.0, 3.0, 2.0, 1.0)  # tl<->br, tr<->bl
    assert ControlMap(Limits.theoretical(None)).axes(turned.cop_x_mm, turned.cop_y_mm).lean_y > 0

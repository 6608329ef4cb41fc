from balance_game.core.control import Axes
from balance_game.core.lean_navigation import DWELL_S, LeanNavigator

DT = 1 / 60


def run(nav, axes, seconds):
    return [a for _ in range(round(seconds / DT)) if (a := nav.update(axes, DT))]


def test_standing_still_alone_never_chooses():
    assert run(LeanNavigator(), Axes(), 10) == []


def test_lean_moves_once_then_holding_still_confirms():
    nav = LeanNavigator()
    assert run(nav, Axes(0, 0.8), 1.0) == ["up"]  # one move per lean, however long
    assert run(nav, Axes(0, 0), DWELL_S - 0.1) == []
    assert run(nav, Axes(0, 0), 0.2) == ["confirm"]


def test_lean_back_moves_down_and_swaying_resets_the_dwell():
    nav = LeanNavigator()
    assert run(nav, Axes(0, -0.8), 0.2) == ["down"]
    run(nav, Axes(), 1.0)
    run(nav, Axes(0.3, 0), 0.1)  # not still: the dwell starts again
    assert run(nav, Axes(), 1.0) == []
    assert run(nav, Axes(), 0.6) == ["confirm"]

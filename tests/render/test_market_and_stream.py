"""The two newer games in their own scenery: the think-and-lean market and the weight-transfer
stepping stones draw in every world at the usual sizes, show the load on each foot where the
player looks, and splash only for players who have not asked for calm. (Their contrast is
checked with the other games' in test_worlds.py.)"""

import pygame
import pytest

from balance_game.core.control import Axes
from balance_game.core.levels import level_files, load_level_file
from balance_game.core.mechanics import MECHANICS
from balance_game.render.theme import ACCENT, BACKGROUND, PLAYER, Theme
from balance_game.render.views import view_for
from balance_game.render.worlds import WORLDS

DT = 1 / 60
# each game's first level, read alone (reading every level file costs seconds)
LEVELS = {m: load_level_file(next(p for p in level_files() if p.name.startswith(f"{m}-")))
          for m in ("dual", "transfer")}


@pytest.fixture(scope="module", autouse=True)
def fonts():
    pygame.init()
    yield


def _played(mechanic, seconds):
    """A world of the game's first level, played toward its goal for ``seconds``."""
    spec = LEVELS[mechanic]
    rules = MECHANICS[mechanic]
    world = rules.new_world(spec.params_at(0.5), 3, seed=1)
    t = 0.0
    while t < seconds:
        t += DT
        goal = rules.goal(world)
        rules.step(world, Axes(goal.lean_x, goal.lean_y) if goal else Axes(), DT, t)
    return world


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
@pytest.mark.parametrize("mechanic", ["dual", "transfer"])
def test_the_new_games_draw_mid_play_in_every_world(mechanic, size):
    world = _played(mechanic, 3.0)
    assert world.phase not in ("centre", "done")
    for look in WORLDS:
        surface = pygame.Surface(size)
        view = view_for(mechanic, surface, Theme(size[1], calm=True), look.number)
        view.draw(surface, world, Axes(0.3, 0.1), [(0.0, 0.0), (0.3, 0.1)], 1.0)
        below_hud = pygame.surfarray.pixels3d(surface)[:, round(size[1] * 0.18):]
        assert (below_hud == PLAYER).all(axis=-1).any(), (mechanic, look.name)  # the marker
        if mechanic == "transfer":  # the cue to lift a foot
            assert (below_hud == ACCENT).all(axis=-1).any(), look.name
        else:  # every item drawn over the square at its place
            scenery = view.static_layer()
            for item in world.items:
                pos = view.to_screen(item.x, item.y)
                assert surface.get_at(pos) != scenery.get_at(pos), (look.name, item)
        del below_hud  # unlocks the surface


@pytest.mark.parametrize("look", WORLDS, ids=lambda w: w.name)
def test_each_foot_shows_its_load_on_its_stone(look):
    """All the weight on the left foot: its sole is filled with the player's colour, the
    right one is empty (the dark sole), whatever the world."""
    world = _played("transfer", 0.0)
    world.transfer = -1.0  # all the weight on the left foot
    surface = pygame.Surface((1280, 720))
    view = view_for("transfer", surface, Theme(720, calm=True), look.number)
    view.draw(surface, world, Axes(), [])
    left, right = view.foot_centre("left"), view.foot_centre("right")
    assert tuple(surface.get_at(left))[:3] == PLAYER
    assert tuple(surface.get_at(right))[:3] == BACKGROUND


def _splash_pixels(calm):
    """Pixels that differ from the same frame without a splash, just after a foot lands."""
    world = _played("transfer", 0.0)
    surface = pygame.Surface((640, 360))
    view = view_for("transfer", surface, Theme(360, calm=calm), 2)
    for t, transfer in ((0.0, 0.0), (0.5, 0.9), (1.0, 0.0)):  # left foot up, then down
        world.transfer = transfer
        view.draw(surface, world, Axes(), [], t)
    view.draw(surface, world, Axes(), [], 1.1)
    splashed = pygame.image.tobytes(surface, "RGB")
    quiet = view_for("transfer", surface, Theme(360, calm=calm), 2)
    quiet.draw(surface, world, Axes(), [], 1.1)
    still = pygame.image.tobytes(surface, "RGB")
    return sum(a != b for a, b in zip(splashed, still, strict=True))


def test_a_foot_put_down_splashes_unless_the_player_asked_for_calm():
    assert _splash_pixels(calm=False) > 100
    assert _splash_pixels(calm=True) == 0

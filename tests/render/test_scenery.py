"""Scenery is painted once per size, moves only when the player has not asked for calm, and
every game looks different in every world."""

import pygame
import pytest

from balance_game.core.control import Axes
from balance_game.core.levels import load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.render.particles import CAPACITY, Particles
from balance_game.render.theme import Theme
from balance_game.render.views import VIEWS, view_for

SIZE = (640, 360)


@pytest.fixture(scope="module", autouse=True)
def fonts():
    pygame.init()
    yield


def _world(mechanic: str):
    spec = next(s for s in load_levels() if s.mechanic == mechanic)
    return MECHANICS[mechanic].new_world(spec.params_at(0.5), 3, seed=1)


def _frame(view, world, now_s: float) -> bytes:
    surface = pygame.Surface(SIZE)
    view.draw(surface, world, Axes(), [], now_s)
    return pygame.image.tobytes(surface, "RGB")


@pytest.mark.parametrize("mechanic", sorted(VIEWS))
def test_the_scenery_is_painted_once_however_many_frames(mechanic, monkeypatch):
    view = view_for(mechanic, pygame.Surface(SIZE), Theme(SIZE[1]), world=2)
    calls = []
    paint = view.paint_static
    monkeypatch.setattr(view, "paint_static", lambda s: (calls.append(1), paint(s)))
    world = _world(mechanic)
    for k in range(5):
        _frame(view, world, k / 60)
    assert len(calls) == 1


@pytest.mark.parametrize("mechanic", sorted(VIEWS))
def test_calm_players_see_no_motion_that_is_not_the_game(mechanic):
    world = _world(mechanic)
    calm = view_for(mechanic, pygame.Surface(SIZE), Theme(SIZE[1], calm=True), world=2)
    assert _frame(calm, world, 1.0) == _frame(calm, world, 9.0)
    lively = view_for(mechanic, pygame.Surface(SIZE), Theme(SIZE[1]), world=2)
    assert _frame(lively, world, 1.0) != _frame(lively, world, 9.0)  # clouds drift by


def test_every_game_in_every_world_is_a_different_picture():
    frames = set()
    for mechanic in VIEWS:
        world = _world(mechanic)
        for number in range(1, 6):
            view = view_for(mechanic, pygame.Surface(SIZE), Theme(SIZE[1], calm=True), number)
            frames.add(_frame(view, world, 0.0))
    assert len(frames) == len(VIEWS) * 5


def test_particles_fall_fade_and_never_pile_up():
    particles = Particles(720, seed=3)
    particles.step(0.0)
    particles.burst((100, 100), ((255, 0, 0),), count=CAPACITY + 50, speed=100)
    assert len(particles) == CAPACITY
    start_y = sum(p.y for p in particles.items)
    particles.step(0.05)
    particles.step(0.1)
    assert sum(p.y for p in particles.items) != start_y
    for k in range(3, 40):
        particles.step(k * 0.05)
    assert len(particles) == 0  # every particle lived out its life

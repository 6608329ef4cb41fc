"""Scenery is painted once per size, moves only when the player has not asked for calm, and
every game looks different in every world."""

import sys
import threading

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


@pytest.mark.parametrize("mechanic", sorted(VIEWS))
def test_scenery_painted_ahead_on_a_worker_is_the_same_picture(mechanic, monkeypatch):
    here = view_for(mechanic, pygame.Surface(SIZE), Theme(SIZE[1]), world=3)
    ahead = view_for(mechanic, pygame.Surface(SIZE), Theme(SIZE[1]), world=3)
    painters = []
    paint = ahead.paint_static
    monkeypatch.setattr(ahead, "paint_static",
                        lambda s: (painters.append(threading.current_thread().name), paint(s)))
    ahead.paint_ahead()
    ahead.paint_ahead()  # asked again (every frame of the screen before): still one painting
    world = _world(mechanic)
    assert _frame(ahead, world, 0.5) == _frame(here, world, 0.5)
    assert painters == ["paint-scenery"]


def test_a_failure_while_painting_ahead_reaches_the_game_thread(monkeypatch):
    view = view_for("reach", pygame.Surface(SIZE), Theme(SIZE[1]))

    def broken(surface):
        raise ValueError("no paint left")

    monkeypatch.setattr(view, "paint_static", broken)
    view.paint_ahead()
    with pytest.raises(ValueError, match="no paint left"):
        view.static_layer()


def test_painting_scenery_never_touches_a_font():
    """``paint_ahead`` paints on a worker thread, and a pygame font is not safe to share between
    threads: whatever text a view needs is measured in ``layout``, on the game's thread."""
    fonts = []

    def watch(frame, event, arg):
        if event == "c_call" and isinstance(getattr(arg, "__self__", None), pygame.font.Font):
            fonts.append((arg.__qualname__, frame.f_code.co_name))

    for text_scale in (1.0, 2.0):
        theme = Theme(SIZE[1], text_scale)
        for mechanic in VIEWS:
            for number in range(1, 6):
                view = view_for(mechanic, pygame.Surface(SIZE), theme, number)
                layer = pygame.Surface(SIZE)
                sys.setprofile(watch)
                try:
                    view.paint_static(layer)
                finally:
                    sys.setprofile(None)
    assert fonts == []

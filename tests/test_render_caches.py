"""Drawing kept between frames must look exactly like drawing afresh, and be remade on change."""

import pygame
import pytest

from balance_game.render import text_cache
from balance_game.render.layers import StaticLayer
from balance_game.render.theme import BACKGROUND, PANEL, TEXT, Theme


@pytest.fixture(autouse=True)
def _pygame():
    pygame.display.init()
    pygame.font.init()


def _shapes(surface, colour):
    pygame.draw.rect(surface, PANEL, pygame.Rect(40, 30, 200, 120), border_radius=12)
    for i in range(10):
        pygame.draw.circle(surface, colour, (60 + 18 * i, 90), 7)
    pygame.draw.line(surface, TEXT, (40, 30), (240, 150), 5)


def test_a_layer_looks_like_direct_drawing_and_is_painted_once_per_key():
    rect = pygame.Rect(30, 20, 230, 150)
    direct = pygame.Surface((320, 200))
    direct.fill(BACKGROUND)
    _shapes(direct, TEXT)
    layer, painted = StaticLayer(), []

    def paint(surface):
        painted.append(1)
        _shapes(surface, TEXT)

    for _ in range(5):
        target = pygame.Surface((320, 200))
        target.fill(BACKGROUND)
        layer.blit(target, rect, "maze 1", paint)
        assert pygame.image.tobytes(target, "RGB") == pygame.image.tobytes(direct, "RGB")
    assert len(painted) == 1
    layer.blit(target, rect, "maze 2", paint)  # a new key: painted again
    layer.blit(target, rect.move(1, 0), "maze 2", paint)  # a new place: painted again
    assert len(painted) == 3


def test_text_is_rendered_once_and_wrapped_once():
    theme = Theme(720)
    font = theme.font("body")
    first = theme.texts.image(font, "Keep the dot inside", TEXT)
    assert theme.texts.image(font, "Keep the dot inside", TEXT) is first
    assert pygame.image.tobytes(first, "RGBA") == pygame.image.tobytes(
        font.render("Keep the dot inside", True, TEXT), "RGBA")
    from balance_game.render.text import wrap

    long = "Lean towards the yellow target and hold it there until the ring fills " * 3
    assert theme.texts.lines(font, long, 300) == wrap(font, long, 300)


def test_a_new_text_size_never_reuses_old_images():
    theme = Theme(720)
    small = theme.texts.image(theme.font("body"), "Score 10", TEXT)
    theme.set_scale(1.5)
    large = theme.texts.image(theme.font("body"), "Score 10", TEXT)
    assert large.get_height() > small.get_height()


def test_the_text_cache_is_bounded_and_keeps_what_is_in_use(monkeypatch):
    monkeypatch.setattr(text_cache, "LIMIT", 3)
    theme = Theme(720)
    font = theme.font("small")
    kept = theme.texts.image(font, "title", TEXT)
    for i in range(10):
        theme.texts.image(font, f"score {i}", TEXT)
        assert theme.texts.image(font, "title", TEXT) is kept  # used every frame: never evicted
    assert len(theme.texts._images) == 3

"""Screens fade into each other (cut for calm players); the player's calm and music settings
reach the renderer and the sound when their session starts; easing curves land where they
should."""

import pygame
import pytest

from balance_game.core.control import ControlMap, Limits
from balance_game.devices.simulated import SimulatedPlayer
from balance_game.game.scenes import GameContext, GameOptions
from balance_game.game.start import start_session
from balance_game.render import easing
from balance_game.render.sound import Sound
from balance_game.render.theme import Theme
from balance_game.render.transition import FADE_S, Crossfade
from balance_game.storage.db import Database
from balance_game.storage.players import add_player, update_settings

RED, BLUE = (200, 0, 0), (0, 0, 200)


def _screen(colour):
    surface = pygame.Surface((40, 30))
    surface.fill(colour)
    return surface


def _frame(fade: Crossfade, surface, key, colour, now_s, calm=False):
    fade.begin(surface, key, now_s, calm)
    surface.fill(colour)  # the scene draws
    fade.finish(surface, now_s)
    return tuple(surface.get_at((5, 5)))[:3]


def test_a_new_screen_fades_in_over_the_old_one():
    fade, surface = Crossfade(), _screen(RED)
    assert _frame(fade, surface, 1, RED, 0.0) == RED
    assert _frame(fade, surface, 2, BLUE, 1.0) == RED  # the change: the old screen, still
    mid = _frame(fade, surface, 2, BLUE, 1.0 + FADE_S / 2)
    assert 60 < mid[0] < 160 and 60 < mid[2] < 160  # half way: both screens show
    assert _frame(fade, surface, 2, BLUE, 1.0 + FADE_S) == BLUE
    assert not fade.active


def test_the_fade_s_opaque_first_frame_is_a_plain_copy_of_the_old_screen():
    """Blended at alpha 255, pygame-ce takes a per-pixel path 10-20 times slower than a copy
    (every change of screen dropped frames); with no surface alpha the blit is a copy."""
    fade, surface = Crossfade(), _screen(RED)
    _frame(fade, surface, 1, RED, 0.0)
    assert _frame(fade, surface, 2, BLUE, 1.0) == RED
    assert fade.old.get_alpha() is None
    _frame(fade, surface, 2, BLUE, 1.0 + FADE_S / 2)
    assert 0 < fade.old.get_alpha() < 255


def test_each_change_of_screen_fades_from_the_screen_just_left():
    """The old screen is kept in one surface from change to change (a new 1080p copy cost
    page faults at every change), so each fade must start from the latest screen."""
    green = (0, 160, 0)
    fade, surface = Crossfade(), _screen(RED)
    _frame(fade, surface, 1, RED, 0.0)
    assert _frame(fade, surface, 2, BLUE, 1.0) == RED
    kept = fade.old
    assert _frame(fade, surface, 2, BLUE, 1.0 + FADE_S) == BLUE
    assert _frame(fade, surface, 3, green, 2.0) == BLUE  # from the blue screen, not the red
    assert fade.old is kept
    assert _frame(fade, surface, 4, RED, 2.0 + FADE_S / 4) != RED  # changed again mid-fade
    assert _frame(fade, surface, 4, RED, 2.0 + FADE_S * 1.5) == RED


def test_calm_players_get_a_plain_cut():
    fade, surface = Crossfade(), _screen(RED)
    _frame(fade, surface, 1, RED, 0.0, calm=True)
    assert _frame(fade, surface, 2, BLUE, 0.05, calm=True) == BLUE


def test_easing_curves_start_at_0_end_at_1_and_overshoot_or_pull_back():
    for curve in (easing.out_cubic, easing.in_out_sine, easing.out_back, easing.anticipate):
        assert curve(0.0) == pytest.approx(0.0) and curve(1.0) == pytest.approx(1.0)
    assert max(easing.out_back(u / 100) for u in range(101)) == pytest.approx(1.1, abs=0.01)
    assert min(easing.anticipate(u / 100) for u in range(101)) == pytest.approx(-0.1, abs=0.01)
    assert easing.in_out_sine(0.5) == pytest.approx(0.5)


def test_a_players_calm_and_music_volume_apply_when_their_session_starts(tmp_path):
    db = Database(tmp_path / "g.db")
    player = add_player(db, "Bo")
    update_settings(db, player, calm=True, music_volume=0.25, volume=0.5)
    limits = Limits.theoretical(170)
    ctx = GameContext(db=db, source=SimulatedPlayer(limits), control=ControlMap(limits),
                      options=GameOptions(headless=True), theme=Theme(720),
                      sound=Sound(speech=False))
    session = start_session(ctx, player)
    assert ctx.theme.calm is True
    assert ctx.sound.music_volume == 0.25 and ctx.sound.volume == 0.5
    session.end()
    ctx.sound.close()
    db.close()


def test_a_players_language_data_is_read_as_their_session_starts_not_at_the_first_number(
        tmp_path):
    """Babel takes 30-45 ms to read a language's data: at the first number on screen that
    dropped frames, so a windowed game reads it when the player's language comes into force."""
    from balance_game import i18n

    db = Database(tmp_path / "g.db")
    player = add_player(db, "Ana")
    update_settings(db, player, language="es")
    limits = Limits.theoretical(170)
    ctx = GameContext(db=db, source=SimulatedPlayer(limits), control=ControlMap(limits),
                      options=GameOptions(headless=False), theme=Theme(720),
                      sound=Sound.silent())
    i18n._number_symbols.cache_clear()
    try:
        session = start_session(ctx, player)
        assert i18n._number_symbols.cache_info().misses == 1  # read for Spanish, now
        assert i18n.number(1.5, 1) == "1,5"
        assert i18n._number_symbols.cache_info().misses == 1  # and not again on screen
        session.end()
    finally:
        i18n.set_language("en")
        db.close()

"""The settings screen: reached from the title and changed standing on the board alone, with keys,
and with the mouse; every choice is stored for the player and in force on the next frame."""

import pygame
import pytest
from screen_driver import ScreenDriver
from scripted_board import ScriptedBoard
from test_board_only import Person

from balance_game.core.control import Limits
from balance_game.game.screens.player_select import PlayerSelectScene
from balance_game.game.screens.settings import SettingChoiceScene, SettingsScene
from balance_game.game.screens.title import TitleScene
from balance_game.i18n import active_language, set_language, translations
from balance_game.storage.players import add_player, get_settings, update_settings

GERMAN = translations("de")


@pytest.fixture(autouse=True)
def english_again():
    """The language is the process's (as in gettext): leave it as the other tests expect it."""
    yield
    set_language("en")


@pytest.fixture
def person(tmp_path):
    board = ScriptedBoard(Limits.theoretical(None))
    driver = ScreenDriver(tmp_path / "b.db", source=board)
    driver.ctx.theme.layout_log = log = []
    driver.shown = shown = []  # the text boxes of the last frame drawn
    driver.window.on_flip = lambda: (shown.clear(), shown.extend(log), log.clear())
    yield Person(driver, board)
    driver.close()


def _hint_height(shown: list) -> int:
    """The height of the lowest line: the hint at the bottom (small text, never shrunk to fit)."""
    return max(shown, key=lambda box: box.rect.bottom).rect.height


def test_text_size_and_language_changed_on_the_board_alone(person):
    d = person.driver
    ann = add_player(d.db, "Ann")
    person.stand_still(0.1)
    normal_hint = _hint_height(d.shown)
    person.choose(["down"] * 4)  # past training, games, family play and the board check
    assert isinstance(d.scene, SettingsScene) and d.scene.player.id == ann.id
    person.choose(["down", "up"])  # the highlight is on "Text size" and armed by the lean
    assert isinstance(d.scene, SettingChoiceScene) and d.scene.index == 0  # "Normal" in force
    person.choose(["right", "right"])  # "Largest"
    assert isinstance(d.scene, SettingsScene) and d.ctx.theme.text_scale == 2.0
    person.choose(["down"])  # "Language"
    assert isinstance(d.scene, SettingChoiceScene)
    assert [item.label for item in d.scene.items] == ["English", "Deutsch", "Español", "Back"]
    person.choose(["right"])  # "Deutsch"
    assert isinstance(d.scene, SettingsScene)
    assert d.scene.title == GERMAN.gettext("Settings") != "Settings"  # German at once
    person.choose(["down"] * 5)  # "Back" (Zurück)
    assert isinstance(d.scene, TitleScene)
    stored = get_settings(d.db, ann)
    assert (stored.text_scale, stored.language) == (2.0, "de")
    assert active_language() == "de"
    assert d.scene.items[0].label == GERMAN.gettext("Start today's training")
    assert _hint_height(d.shown) >= 1.9 * normal_hint  # small text is twice as tall at size 2
    assert d.ctx.current_session is None and not d.ctx.quit_requested  # nothing was started


def test_standing_still_alone_changes_nothing(person):
    d = person.driver
    add_player(d.db, "Ann")
    person.choose(["down"] * 4)
    person.stand_still(10)  # no lean since the list came up: the choice is not armed
    assert isinstance(d.scene, SettingsScene)
    person.choose(["down", "up"])
    person.stand_still(10)  # on the row of text sizes, without a lean
    assert isinstance(d.scene, SettingChoiceScene)
    assert get_settings(d.db, d.scene.player).text_scale == 1.0


@pytest.fixture
def keys(tmp_path):
    d = ScreenDriver(tmp_path / "k.db")
    d.frames(1)
    yield d
    d.close()


def _to_settings(d: ScreenDriver) -> None:
    for _ in range(4):
        d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert isinstance(d.scene, SettingsScene)


def test_volumes_and_calm_with_the_keys(keys):
    d = keys
    ann = add_player(d.db, "Ann")
    played = []
    d.ctx.cue = played.append
    _to_settings(d)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)  # music volume: the row starts on the value in force, 40 %
    assert d.scene.index == 4
    for _ in range(4):
        d.key(pygame.K_LEFT)
    d.key(pygame.K_RETURN)  # off
    assert get_settings(d.db, ann).music_volume == 0.0 and d.ctx.sound.music_volume == 0.0
    assert played == []  # the music has no sample sound
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)  # effects volume, 70 %
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RETURN)
    assert get_settings(d.db, ann).volume == 0.8 and d.ctx.sound.volume == 0.8
    assert played == ["success"]  # heard at the new volume
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)  # calm
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RETURN)  # on
    assert get_settings(d.db, ann).calm and d.ctx.theme.calm
    assert d.scene.items[4].detail == "On"
    d.key(pygame.K_RETURN)  # calm again; Esc leaves the row, keeping the value
    d.key(pygame.K_ESCAPE)
    assert isinstance(d.scene, SettingsScene) and get_settings(d.db, ann).calm
    d.key(pygame.K_ESCAPE)
    assert isinstance(d.scene, TitleScene)
    assert d.ctx.current_session is None and not d.ctx.quit_requested


def _click(d: ScreenDriver, label: str) -> None:
    index = [item.label for item in d.scene.items].index(label)
    d.frames(1)  # drawn, so the items have their places
    pos = d.scene._item_rects[index].center
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    d.frames(1)


def test_speech_with_the_mouse_where_the_computer_has_a_voice(keys):
    d = keys
    ann = add_player(d.db, "Ann")
    update_settings(d.db, ann, speech=False)
    d.ctx.sound.can_speak = True  # as Sound() sets it where render/speech finds a voice
    spoken = []
    d.ctx.say = spoken.append
    _to_settings(d)
    assert d.scene.items[5].detail == "Off"
    _click(d, "Spoken instructions")
    assert isinstance(d.scene, SettingChoiceScene)
    _click(d, "On")
    assert isinstance(d.scene, SettingsScene) and d.scene.items[5].detail == "On"
    assert get_settings(d.db, ann).speech and d.ctx.sound.speech
    assert spoken == ["Instructions are shown and spoken"]  # heard at once, in the voice now on
    _click(d, "Back")
    assert isinstance(d.scene, TitleScene)


def test_speech_unavailable_says_so_and_cannot_be_switched_on(keys):
    d = keys
    ann = add_player(d.db, "Ann")
    update_settings(d.db, ann, speech=True)
    assert not d.ctx.sound.can_speak  # a silent sound has no voice
    _to_settings(d)
    item = d.scene.items[5]
    assert (item.label, item.detail) == ("Spoken instructions", "Unavailable")
    assert item.about.startswith("Speech unavailable on this computer") and "espeak-ng" in item.about
    _click(d, "Spoken instructions")
    assert isinstance(d.scene, SettingsScene) and get_settings(d.db, ann).speech


def test_several_players_are_asked_whose_settings(keys):
    d = keys
    add_player(d.db, "Ann")
    bo = add_player(d.db, "Bo")
    update_settings(d.db, bo, text_scale=1.5, language="es")
    for _ in range(4):
        d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert isinstance(d.scene, PlayerSelectScene)
    assert [item.label for item in d.scene.items] == ["Ann", "Bo", "Back"]  # nobody is added here
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert isinstance(d.scene, SettingsScene) and d.scene.subtitle == "Bo"
    assert d.ctx.theme.text_scale == 1.5 and active_language() == "es"  # seen as Bo sees it
    d.key(pygame.K_RETURN)  # text size: the row starts on Bo's 1.5
    assert d.scene.index == 1
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    assert isinstance(d.scene, TitleScene) and d.ctx.current_session is None


def test_nobody_yet_has_no_settings_to_change(keys):
    d = keys
    for _ in range(4):
        d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert isinstance(d.scene, PlayerSelectScene) and [i.label for i in d.scene.items] == ["Back"]
    assert "choose a game first" in d.scene.subtitle


def test_a_size_set_at_the_terminal_starts_on_the_nearest_choice(keys):
    d = keys
    ann = add_player(d.db, "Ann")
    update_settings(d.db, ann, text_scale=1.8, volume=0.33)
    _to_settings(d)
    assert d.scene.items[0].detail == "Size 1.8"
    d.key(pygame.K_RETURN)
    assert d.scene.index == 2  # Largest
    d.key(pygame.K_ESCAPE)
    for _ in range(3):
        d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert d.scene.index == 3  # 30 %

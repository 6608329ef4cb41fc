"""The whole journey through the real screens, driven by keys as a person would."""

import pygame
import pytest
from screen_driver import ScreenDriver, paint_threads

from balance_game.game.screens.farewell import FarewellScene
from balance_game.game.screens.first_run import ConnectScene, SafetyScene, pairing_help
from balance_game.game.screens.help import HelpOverlay
from balance_game.game.screens.intro import IntroScene
from balance_game.game.screens.level_select import LevelSelectScene
from balance_game.game.screens.pain import PainScene
from balance_game.game.screens.pause import PauseOverlay
from balance_game.game.screens.play import PlayScene
from balance_game.game.screens.player_select import PlayerSelectScene
from balance_game.game.screens.results import ResultsScene
from balance_game.game.screens.title import TitleScene
from balance_game.render.reach_view import ReachView


@pytest.fixture
def driver(tmp_path):
    d = ScreenDriver(tmp_path / "s.db")
    yield d
    d.close()


def first_run(driver, name):
    """Title ("Choose a game") -> safety -> connect (go on with the keyboard) -> a new player
    named ``name``."""
    driver.frames(2)
    assert isinstance(driver.scene, TitleScene)
    driver.key(pygame.K_DOWN)  # past today's training: "Choose a game"
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, SafetyScene)  # nobody has trained here yet
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, ConnectScene)
    assert "SYNC" in driver.scene.subtitle  # how to pair a board
    driver.key(pygame.K_RETURN)  # continue with the keyboard (the board is looked for meanwhile)
    assert isinstance(driver.scene, PlayerSelectScene)
    driver.key(pygame.K_RETURN)  # "New player" is the only item: start typing
    driver.type(name)
    driver.key(pygame.K_RETURN)


def test_title_to_play_to_goodbye_with_the_keyboard(driver):
    first_run(driver, "Ada")
    assert isinstance(driver.scene, PainScene) and driver.ctx.player.name == "Ada"
    driver.key(pygame.K_RETURN)  # pain 0
    assert isinstance(driver.scene, LevelSelectScene)
    assert driver.scene.items[0].label == "First reaches"
    assert "(locked)" in driver.scene.items[1].label  # needs a star on the first level
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, IntroScene)
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, PlayScene)
    driver.frames(120)
    driver.key(pygame.K_p)
    driver.frames(2)
    assert isinstance(driver.scene, PauseOverlay)
    assert ("pause", "user") in [(e["type"], e["reason"]) for e in _events(driver)]
    driver.key(pygame.K_ESCAPE)  # finish from the pause screen
    assert isinstance(driver.scene, ResultsScene) and driver.scene.final
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, PainScene) and driver.scene.when == "after"
    driver.key(pygame.K_DOWN)
    driver.key(pygame.K_DOWN)
    driver.key(pygame.K_RETURN)  # pain 2 after
    assert isinstance(driver.scene, FarewellScene)
    session_id = driver.ctx.session.recorder.session_id
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, TitleScene) and driver.ctx.current_session is None
    row = driver.db.query("SELECT pain_before, pain_after, ended_at FROM sessions WHERE id = ?",
                          (session_id,))[0]
    assert (row["pain_before"], row["pain_after"]) == (0, 2) and row["ended_at"]


def test_a_levels_scenery_is_painted_while_its_instructions_are_read(driver, monkeypatch):
    """The fade into a level only copies its scenery (painting it there froze the fade for
    20-80 ms at 1080p): the instructions screen has it painted on a worker thread once the fade
    into that screen is over."""
    first_run(driver, "Di")
    driver.key(pygame.K_RETURN)  # pain 0
    threads = paint_threads(monkeypatch, ReachView)
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, IntroScene)
    assert threads == []  # not while the instructions fade in
    driver.frames(30)  # half a second of reading
    driver.key(pygame.K_RETURN)
    assert isinstance(driver.scene, PlayScene)
    driver.frames(5)
    assert threads == ["paint-scenery"]


def test_starting_a_level_at_once_paints_its_scenery_in_place(driver, monkeypatch):
    first_run(driver, "Ed")
    driver.key(pygame.K_RETURN)  # pain 0
    threads = paint_threads(monkeypatch, ReachView)
    driver.key(pygame.K_RETURN)
    driver.key(pygame.K_RETURN)  # Start before the instructions have faded in
    assert isinstance(driver.scene, PlayScene)
    driver.frames(5)
    assert threads == ["MainThread"]


def test_strong_pain_before_training_suggests_rest_instead(driver):
    first_run(driver, "Bo")
    for _ in range(8):
        driver.key(pygame.K_DOWN)
    driver.key(pygame.K_RETURN)  # pain 8
    assert isinstance(driver.scene, FarewellScene) and "rest" in driver.scene.title.lower()
    assert driver.ctx.current_session is None


def test_every_screen_draws_at_two_resolutions(tmp_path):
    for size in [(1280, 720), (1920, 1080)]:
        d = ScreenDriver(tmp_path / f"{size[0]}.db", size=size)
        try:
            first_run(d, "Cy")
            d.key(pygame.K_RETURN)
            d.key(pygame.K_RETURN)
            d.key(pygame.K_RETURN)
            d.frames(30)
            assert isinstance(d.scene, PlayScene)
            assert d.window.surface.get_size() == size
        finally:
            d.close()


def _events(driver):
    from balance_game.storage.sessions import session_events

    return session_events(driver.db, driver.ctx.session.recorder.session_id)


def test_help_opens_from_any_screen_and_closes_again(driver):
    driver.frames(1)
    driver.key(pygame.K_F1)
    assert isinstance(driver.scene, HelpOverlay)
    driver.key(pygame.K_ESCAPE)
    assert isinstance(driver.scene, TitleScene)


def test_pairing_help_is_steps_for_a_person_not_a_terminal_recipe():
    assert "SYNC" in pairing_help("linux") and "bluetoothctl" not in pairing_help("linux")
    assert "Add a device" in pairing_help("win32")
    assert "System Settings" in pairing_help("darwin")


def test_sensor_check_screen_follows_the_presses_and_draws(tmp_path):
    import pygame

    from balance_game.core.control import ControlMap, Limits
    from balance_game.core.records import Sample
    from balance_game.devices.pointer import KeyboardSource
    from balance_game.game.scenes import FrameInput, GameContext, GameOptions, SceneStack
    from balance_game.game.screens.sensor_check import SensorCheckScene
    from balance_game.render.sound import Sound
    from balance_game.render.theme import Theme
    from balance_game.storage.db import Database

    pygame.init()
    surface = pygame.Surface((1280, 720))
    limits = Limits.theoretical(None)
    with Database(tmp_path / "s.db") as db:
        ctx = GameContext(db=db, source=KeyboardSource(limits), control=ControlMap(limits),
                          options=GameOptions(), theme=Theme(720), sound=Sound.silent())
        spoken: list[str] = []
        ctx.say = spoken.append
        stack = SceneStack(ctx)
        scene = SensorCheckScene()
        stack.push(scene)
        t = 0.0
        presses = [(6, .5, .4, .2), (.5, 6, .2, .4), (.4, .2, 6, .5), (.2, .4, .5, 6)]
        for corners in [c for p in presses for c in [p] * 70 + [(.1, 0, 0, .1)] * 30]:
            t += 0.01
            ctx.t_s, ctx.frame = t, FrameInput([Sample(t, 0.0, 0.0, corners)])
            scene.fixed_update(ctx, 0.01, stack)
        scene.draw(ctx, surface)
        assert spoken[-1] == "Your board is working."
        assert any("front right" in words for words in spoken)
        scene.handle_action(ctx, "back", stack)
        assert stack.top is None

"""On the board alone: every step from the title to goodbye by leaning and standing still.

No key, button or mouse event is sent in these tests: a scripted board leans and stands still as
a person would, and the real screens are stepped and drawn.
"""

import pytest
from screen_driver import ScreenDriver, paint_threads
from scripted_board import ScriptedBoard

from balance_game.core.control import Limits
from balance_game.core.lean_navigation import DWELL_S
from balance_game.game.screens.calibrate import CalibrateScene
from balance_game.game.screens.confirm_stop import ConfirmStopScene
from balance_game.game.screens.farewell import FarewellScene
from balance_game.game.screens.intro import IntroScene
from balance_game.game.screens.level_select import LevelSelectScene
from balance_game.game.screens.navigation import screen
from balance_game.game.screens.pain import PainScene
from balance_game.game.screens.play import PlayScene
from balance_game.game.screens.player_select import PlayerSelectScene
from balance_game.game.screens.results import ResultsScene
from balance_game.game.screens.text_entry import ROWS, TextEntryScene
from balance_game.game.screens.title import TitleScene

STEPS_PER_S = 60
LEANS = {"up": (0.0, 0.8), "down": (0.0, -0.8), "left": (-0.8, 0.0), "right": (0.8, 0.0)}


class Person:
    """Leans and stands still on the scripted board, the only input these tests use."""

    def __init__(self, driver: ScreenDriver, board: ScriptedBoard) -> None:
        self.driver, self.board = driver, board

    def lean(self, direction: str) -> None:
        self.board.lean = LEANS[direction]
        self.driver.steps(STEPS_PER_S // 2)
        self.board.lean = (0.0, 0.0)
        self.driver.steps(STEPS_PER_S // 4)  # back in the middle: ready for the next lean

    def stand_still(self, seconds: float = DWELL_S + 0.3) -> None:
        self.board.lean = (0.0, 0.0)
        self.driver.steps(round(seconds * STEPS_PER_S))
        self.driver.frames(1)

    def choose(self, leans: list[str]) -> None:
        for direction in leans:
            self.lean(direction)
        self.stand_still()

    def follow_the_screen(self, seconds: float) -> None:
        """Lean (or step off) where the screen asks, as a person reading it would, until it ends."""
        scene = self.driver.scene
        for _ in range(round(seconds * STEPS_PER_S)):
            goal = self.board.goal
            self.board.on_board = goal is None or goal.on_board
            self.board.lean = (goal.lean_x, goal.lean_y) if goal and goal.on_board else (0.0, 0.0)
            self.driver.steps(1)
            if self.driver.scene is not scene:
                break
        self.board.on_board, self.board.lean = True, (0.0, 0.0)

    def type_on_screen(self, text: str) -> None:
        scene = self.driver.scene
        assert isinstance(scene, TextEntryScene)
        for key in [*text.lower(), "Done"]:
            row = next(r for r, keys in enumerate(ROWS) if key in keys)
            col = ROWS[row].index(key)
            leans = []
            while (scene.row, scene.col) != (row, col):
                step = ("down" if row > scene.row else "up" if row < scene.row
                        else "right" if col > scene.col else "left")
                self.lean(step)
                leans.append(step)
                assert len(leans) < 30, "the highlight does not reach the key"
            if not leans:
                self.lean("left" if col == 0 else "right")  # a lean arms the stand-still choice
            self.stand_still()


@pytest.fixture
def person(tmp_path):
    board = ScriptedBoard(Limits.theoretical(None))
    driver = ScreenDriver(tmp_path / "b.db", source=board)
    driver.frames(1)
    yield Person(driver, board)
    driver.close()


def test_from_the_title_to_goodbye_on_the_board_alone(person):
    d = person.driver
    person.choose(["down"])  # past "Start today's training": "Choose a game"
    person.choose(["up"])  # "I am ready" (the lean only arms: the list does not wrap)
    person.choose(["up"])  # the board is connected: "Continue"
    assert isinstance(d.scene, PlayerSelectScene)
    person.choose(["up"])  # "New player"
    person.type_on_screen("Ann")
    assert isinstance(d.scene, PainScene) and d.ctx.player.name == "Ann"
    person.choose(["left"])  # 0, no pain: the scale is a row, so sideways leans move along it
    assert isinstance(d.scene, CalibrateScene)  # a new player on a board is measured first
    person.follow_the_screen(seconds=180)
    assert isinstance(d.scene, LevelSelectScene), "calibration ends on choosing a game"
    person.choose(["up"])  # the first level
    assert isinstance(d.scene, IntroScene)
    person.stand_still()  # standing still in the middle starts the level
    assert isinstance(d.scene, PlayScene)
    person.follow_the_screen(seconds=240)
    assert isinstance(d.scene, ResultsScene)
    assert d.ctx.session.trials, "the level recorded its trials"
    person.stand_still(d.scene.rest_until_s - d.ctx.t_s + 0.5)  # the rest between levels
    person.choose(["down", "down"])  # "Finish for today"
    assert isinstance(d.scene, PainScene) and d.scene.when == "after"
    person.choose(["right", "right"])  # 2, a little
    assert d.db.query("SELECT pain_after FROM sessions")[0]["pain_after"] == 2
    assert isinstance(d.scene, FarewellScene)
    person.stand_still()
    assert isinstance(d.scene, TitleScene)
    person.choose(["down"] * 5)  # past the rest of the list: "Stop for today" asks first
    assert isinstance(d.scene, ConfirmStopScene) and d.scene.index == 0
    person.stand_still(10)  # No is chosen and nothing happens by standing
    assert not d.ctx.quit_requested
    person.choose(["down"])  # "Yes, stop"
    assert d.ctx.quit_requested


def test_a_single_lean_on_the_title_never_quits(person):
    for direction in ["down", "down", "down", "down", "down", "up", "down"]:
        person.lean(direction)
    person.stand_still(10)
    assert isinstance(person.driver.scene, ConfirmStopScene)
    assert not person.driver.ctx.quit_requested
    person.stand_still(10)
    assert not person.driver.ctx.quit_requested


def test_typing_a_name_never_reaches_a_shortcut(tmp_path):
    """"h" opens Help everywhere else; in a name it is a letter, whatever the case."""
    import pygame

    d = ScreenDriver(tmp_path / "k.db")
    try:
        d.frames(1)
        d.stack.push(screen("text_entry", "Your name", lambda *_: None))
        d.frames(1)
        for key, text in ((pygame.K_h, "H"), (pygame.K_h, "h"), (pygame.K_p, "p")):
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text))
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
            d.frames(1)
        assert isinstance(d.scene, TextEntryScene) and d.scene.text == "Hhp"
    finally:
        d.close()


def test_the_connect_screen_finds_the_board_by_itself(tmp_path):
    """Pressing SYNC is all a person does: the screen looks for the board in the background and
    plays with it the moment it answers (the fake board answers like the real one, in bytes)."""
    import time

    from balance_game.demo.fake_wii_board import FakeBackend

    d = ScreenDriver(tmp_path / "c.db")
    try:
        d.ctx.hid_backend = FakeBackend.from_scenario("steady")
        d.stack.push(screen("connect"))
        d.frames(1)
        assert "SYNC" in d.scene.subtitle and d.ctx.source.kind == "keyboard"
        deadline = time.monotonic() + 60
        while d.ctx.source.kind != "board" and time.monotonic() < deadline:
            d.frames(1)
            time.sleep(0.02)
        assert d.ctx.source.kind == "board"
        assert [item.label for item in d.scene.items] == ["Continue", "Check the board", "Back"]
    finally:
        d.ctx.source.close()
        d.close()


def test_standing_still_to_start_a_level_finds_its_scenery_painted(person, monkeypatch):
    """A person on the board starts a level by standing still on its instructions for DWELL_S,
    every frame drawn: long enough for the level's scenery to be painted on a worker thread, so
    the fade into play only copies it."""
    from balance_game.core.levels import load_levels
    from balance_game.game.start import start_session
    from balance_game.render.reach_view import ReachView
    from balance_game.storage.players import add_player

    d = person.driver
    painters = paint_threads(monkeypatch, ReachView)
    start_session(d.ctx, add_player(d.db, "Flo"))
    d.stack.clear_to(screen("intro", next(s for s in load_levels() if s.mechanic == "reach")))
    person.board.lean = (0.0, 0.0)
    for _ in range(round((DWELL_S + 0.3) * STEPS_PER_S)):
        d.frames(1)
        if isinstance(d.scene, PlayScene):
            break
    assert isinstance(d.scene, PlayScene)
    d.frames(3)
    assert painters == ["paint-scenery"]

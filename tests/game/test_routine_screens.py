"""Today's training and family play on the board alone: leaning and standing still, nothing else."""

import pytest
from screen_driver import ScreenDriver
from scripted_board import ScriptedBoard
from test_board_only import Person

from balance_game.core.control import Limits
from balance_game.game.screens.calendar import CalendarScene
from balance_game.game.screens.family import FamilyScene, Score, scoreboard
from balance_game.game.screens.intro import IntroScene
from balance_game.game.screens.pain import PainScene
from balance_game.game.screens.play import PlayScene
from balance_game.game.screens.player_select import PlayerSelectScene
from balance_game.game.screens.routine import RoutineScene
from balance_game.storage.players import add_player
from balance_game.storage.sessions import session_events


@pytest.fixture
def person(tmp_path):
    board = ScriptedBoard(Limits.theoretical(None))
    driver = ScreenDriver(tmp_path / "r.db", source=board)
    for name in ("Ann", "Bo"):
        add_player(driver.db, name)
    driver.ctx.options.trials = 2  # a short routine: two trials a game
    driver.frames(1)
    yield Person(driver, board)
    driver.close()


def test_todays_training_from_the_title_part_by_part_with_a_rest(person):
    d = person.driver
    person.stand_still()  # "Start today's training" is highlighted on arrival
    assert isinstance(d.scene, PlayerSelectScene)
    person.choose(["up"])  # Ann (the lean only arms: the list does not wrap)
    assert isinstance(d.scene, PainScene) and d.ctx.player.name == "Ann"
    person.choose(["left"])  # 0, no pain
    assert isinstance(d.scene, RoutineScene)
    routine = d.scene
    assert routine.routine.parts[0].kind == "warmup" and routine.next == 0
    person.stand_still()  # "Go on": no rest before the first part
    assert isinstance(d.scene, IntroScene)
    person.stand_still()
    assert isinstance(d.scene, PlayScene)
    person.follow_the_screen(seconds=120)
    assert d.scene is routine and routine.next == 1, "the warm-up hands back to the routine"
    events = session_events(d.db, d.ctx.session.recorder.session_id)
    assert [e["reason"] for e in events if e["type"] == "routine_part_end"] == ["warmup"]
    assert d.ctx.t_s < routine.rest_until_s  # resting: standing still does not start the next
    person.stand_still(5)
    assert d.scene is routine
    person.choose(["down"])  # "My calendar"
    assert isinstance(d.scene, CalendarScene)
    person.choose(["down"])  # "Back", its only choice
    assert d.scene is routine and routine.next == 1
    person.choose(["down"])  # "Finish for today"
    assert isinstance(d.scene, PainScene) and d.scene.when == "after"


def test_family_play_takes_turns_and_ends_on_the_scoreboard(person):
    d = person.driver
    person.choose(["down", "down"])  # "Family play"
    assert isinstance(d.scene, FamilyScene)
    family = d.scene
    person.choose(["up"])  # Ann
    person.choose(["down"])  # Bo
    assert family.names == ["Ann", "Bo"]
    person.choose(["up", "up"])  # "Choose the game", now first
    assert family.stage == "level"
    person.choose(["up"])  # the first game everyone has
    for name in ("Ann", "Bo"):
        assert family.stage == "turns" and family.title == f"{name}'s turn"
        person.stand_still()  # "Go on"
        assert d.ctx.player.name == name
        person.stand_still()  # the intro
        person.follow_the_screen(seconds=120)
        assert d.scene is family
    assert family.stage == "scores" and [s.player for s in family.scores] == ["Ann", "Bo"]
    sessions = d.db.query("SELECT player_id, (SELECT COUNT(*) FROM trials t WHERE"
                          " t.session_id = s.id) AS n FROM sessions s ORDER BY id")
    assert [s["n"] for s in sessions] == [2, 2] and len({s["player_id"] for s in sessions}) == 2


def test_the_scoreboard_puts_the_best_first_and_an_unfinished_turn_last():
    scores = [Score("Ann", 60.0, 1), Score("Bo", None, 0), Score("Cy", 80.5, 2),
              Score("Di", 60.0, 1)]
    assert [s.player for s in scoreboard(scores)] == ["Cy", "Ann", "Di", "Bo"]

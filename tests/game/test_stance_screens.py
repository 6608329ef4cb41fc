"""The guided stance tests on screen: foot pictures, the countdown, the placement question."""

import pygame
import pytest

from balance_game.game.screens.stance import PlacementScene, StanceScene
from balance_game.game.start import start_session
from balance_game.i18n import set_language
from balance_game.render.theme import TextBox
from balance_game.storage.assessments import list_assessments
from balance_game.storage.players import get_or_create_player, update_settings
from tests.game.screen_driver import ScreenDriver


@pytest.fixture
def driver(tmp_path):
    d = ScreenDriver(tmp_path / "stance.db", device="sim")
    yield d
    d.close()


def start(driver, kind, language=""):
    player = get_or_create_player(driver.db, "Ada")
    update_settings(driver.db, player, language=language)  # "": the computer's language
    start_session(driver.ctx, player)
    scene = StanceScene(kind)
    driver.stack.replace(scene)
    return scene, player


def step_until(driver, done, limit=20000):
    for _ in range(limit):
        if done():
            return
        driver.loop._step()
    raise AssertionError("the screen never got there")


def test_steadi_screens_and_the_placement_question(driver, tmp_path):
    scene, player = start(driver, "steadi")
    step_until(driver, lambda: scene.run.step is not None and scene.run.step.key == "steadi-tandem"
               and scene.run.started and scene.run.elapsed_s > 3.0)
    driver.frames(1)
    driver.save(tmp_path / "steadi-tandem.png")
    surface = driver.window.surface
    # the feet are drawn in the picture area (right of the words on a wide screen)
    assert surface.get_at((surface.get_width() * 4 // 5, surface.get_height() // 2))[:3] != (
        16, 20, 24)
    step_until(driver, lambda: isinstance(driver.scene, PlacementScene))
    driver.frames(1)
    driver.save(tmp_path / "steadi-question.png")
    stored = list_assessments(driver.db, player.id, "steadi")[-1]["results"]
    assert stored["foot_placement"] == "not asked"  # saved before the question is answered
    driver.frames(90)  # coming down from one leg is a lean: it must not pick an answer
    assert isinstance(driver.scene, PlacementScene) and driver.scene.index == 0
    driver.key(pygame.K_RETURN)  # "Yes, as shown"
    assert isinstance(driver.scene, StanceScene)
    stored = list_assessments(driver.db, player.id, "steadi")[-1]["results"]
    assert stored["foot_placement"] == "as shown"
    assert any("as reported): as shown" in line for line in scene.lines)
    driver.frames(1)
    driver.save(tmp_path / "steadi-results.png")


def test_single_leg_screen_shows_the_raised_foot(driver, tmp_path):
    scene, _ = start(driver, "single-leg")
    step_until(driver, lambda: scene.run.step is not None and scene.run.step.phase == "hold"
               and scene.run.started and scene.run.elapsed_s > 2.0)
    driver.frames(1)
    driver.save(tmp_path / "single-leg-hold.png")
    said = []
    driver.ctx.say = said.append
    step_until(driver, lambda: scene.done)
    assert any(s.startswith("Stop.") for s in said)  # spoken at the end of each hold


def _shown_text(driver) -> str:
    """Every text box drawn in the next frame, joined (wrapped lines become one text)."""
    driver.ctx.theme.layout_log = log = []
    try:
        driver.frames(1)
    finally:
        driver.ctx.theme.layout_log = None
    return " ".join(" ".join(box.text for box in log if isinstance(box, TextBox)).split())


def test_the_stance_test_in_german_speaks_german(driver):
    try:
        scene, _ = start(driver, "steadi", language="de")
        said = []
        driver.ctx.say = said.append
        step_until(driver, lambda: scene.run.step is not None
                   and scene.run.step.key == "steadi-tandem" and scene.run.started)
        shown = _shown_text(driver)
        assert "In Position gehen: Ferse an Zehen" in shown
        assert "Stellen Sie einen Fuß vor den anderen, die Ferse berührt die Zehen." in shown
        assert "Stehen Sie längs auf dem Brett, wie im Bild." in shown
        assert "Get into position" not in shown and "heel to toe" not in shown
        assert "In Position gehen: Ferse an Zehen." in " ".join(said)  # spoken in German too
        step_until(driver, lambda: scene.done)
        driver.stack.replace(scene)  # the results, without the placement question
        shown = _shown_text(driver)
        assert "gehaltene Stellungen:" in shown and "von 4" in shown
        assert "Fußstellung (laut Angabe): nicht gefragt" in shown
        assert "positions held" not in shown and "foot placement" not in shown
    finally:
        set_language("en")

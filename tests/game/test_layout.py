"""Every screen and every game's screen mid-play, at every text size, on every shape of window,
in every language: no text outside the window, no text drawn over other text or over one of
the task's pictures it does not belong to.

The player is "calm" (render/transition.py: screens cut instead of fading), so each screen is
drawn once where a fading one would be drawn twice and blended; calm changes only decoration
(fades, drifting clouds, confetti), never where text or the task's pictures go.
"""

import pytest
from gallery import visit
from layout_check import problems
from screen_driver import ScreenDriver

from balance_game.i18n import available_languages, set_language

SIZES = [(800, 600), (1024, 768), (1280, 720), (1280, 800), (2560, 1080), (720, 1280),
         (3840, 2160)]
TEXT_SCALES = [1.0, 1.5, 2.0]
# Steps of simulated play (60 a second) before a game is drawn: with the simulated player's
# seed, every game is then into its task (the marble rolling, a fish falling, the beat counted
# in, a colour to choose), not still waiting at the centre; steps are cheap, frames are not.
MID_PLAY_STEPS = 130


@pytest.fixture(params=available_languages())
def language(request):
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_text_stays_inside_apart_and_off_pictures(tmp_path, language, size):
    found = []
    for scale in TEXT_SCALES:
        d = ScreenDriver(tmp_path / f"{scale}.db", device="sim", size=size)
        d.ctx.theme.calm = True
        d.ctx.theme.layout_log = log = []
        last_frame = []
        d.window.on_flip = lambda log=log, last=last_frame: (last.clear(), last.extend(log),
                                                             log.clear())
        try:
            for name in visit(d, scale, play_steps=MID_PLAY_STEPS):
                if name.startswith("play-") and d.ctx.session.run.world.phase == "centre":
                    found.append(f"{name} @ text size {scale}: drawn before its task began")
                found += [f"{name} @ text size {scale}: {p}"
                          for p in problems(last_frame, d.window.surface)]
        finally:
            d.close()
    assert not found, f"{len(found)} layout problems:\n" + "\n".join(found[:40])


def test_text_over_a_picture_is_a_problem_unless_it_is_that_pictures_label():
    import pygame

    from balance_game.render.theme import PictureBox, TextBox

    surface = pygame.Surface((200, 100))
    maze = PictureBox(surface, pygame.Rect(0, 40, 200, 60), "maze")
    prompt = TextBox(surface, pygame.Rect(50, 30, 100, 20), "Roll the ball")  # 10 px onto it
    caption = TextBox(surface, pygame.Rect(50, 70, 100, 20), "Your lean", on="maze")
    above = TextBox(surface, pygame.Rect(50, 10, 100, 20), "Try 1 of 6")
    assert problems([maze, prompt, caption, above], surface) == [
        "'Roll the ball' (50, 30, 100, 20) is drawn over the maze (0, 40, 200, 60)"]

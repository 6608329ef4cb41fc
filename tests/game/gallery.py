"""Every screen of the game put up in turn on a ScreenDriver, for screenshots and layout checks.

Each screen is reached the way the game reaches it (the same classes, a real player and session,
the level runner stepping the mechanics) and drawn after a few steps, so what is checked or shot
is what a person would see.
"""

from __future__ import annotations

from collections.abc import Iterator

from screen_driver import ScreenDriver

from balance_game.core.level_run import LevelResult
from balance_game.core.levels import load_levels
from balance_game.game.screens.family import Score
from balance_game.game.screens.navigation import screen
from balance_game.game.start import start_session
from balance_game.i18n import _ as tr
from balance_game.i18n import active_language
from balance_game.storage.players import add_player, update_settings


def first_level_of_each_mechanic():
    chosen = {}
    for spec in load_levels():
        chosen.setdefault(spec.mechanic, spec)
    return list(chosen.values())


FADE_STEPS = 20  # a little over render/transition.FADE_S at 60 steps a second


def _settle(d: ScreenDriver) -> None:
    """Draw, then let the crossfade from the previous screen finish and draw again: the first
    frame of a new screen still shows the old one fading out. A calm player's screens cut
    without a fade, so one frame shows the screen as it stays."""
    if not d.ctx.theme.calm:
        d.frames(1)
    d.steps(FADE_STEPS)
    d.frames(1)


def _show(d: ScreenDriver, scene, steps: int = 2) -> None:
    d.stack.clear_to(scene)
    d.steps(steps)
    _settle(d)


def visit(d: ScreenDriver, text_scale: float = 1.0, play_steps: int = 90) -> Iterator[str]:
    """Put each screen up on ``d`` and yield its name once it is drawn."""
    d.ctx.theme.set_scale(text_scale)
    _show(d, screen("title"))
    yield "title"
    d.stack.push(screen("confirm_stop"))
    _settle(d)
    yield "confirm-stop"
    for name in ("safety", "connect", "player_select"):
        _show(d, screen(name))
        yield name
    _show(d, screen("sensor_check"), steps=play_steps)
    yield "sensor-check"
    _show(d, screen("text_entry", tr("Your name"), lambda *_: None))
    d.scene.type_text("Hans-Jürgen Müller")
    _settle(d)
    yield "text-entry"
    player = add_player(d.db, "Hans-Jürgen Müller")
    update_settings(d.db, player, text_scale=text_scale, language=active_language(),
                    calm=d.ctx.theme.calm)
    start_session(d.ctx, player)
    _show(d, screen("pain", "before"))
    yield "pain"
    _show(d, screen("level_select"))
    yield "levels"
    routine = screen("routine")
    _show(d, routine)
    yield "routine"
    routine.next = len(routine.routine.parts) - 1  # the last part is under way
    routine.rest_until_s = d.ctx.t_s + 15  # resting before it
    _show(d, routine)
    yield "routine-resting"
    routine.next += 1
    routine.earned = ["first_three_stars", "every_game_tried"]
    _show(d, routine)
    yield "routine-done"
    _show(d, screen("title"))  # with a player known: the week's goal and a word of progress
    yield "title-welcome-back"
    _show(d, screen("settings", player))
    yield "settings"
    _show(d, screen("setting_choice", player, "volume"))  # the widest row of choices
    yield "settings-volume"
    _show(d, screen("calendar"))
    yield "calendar"
    _show(d, screen("family"))
    yield "family-players"
    specs = first_level_of_each_mechanic()
    family = screen("family", players=("Hans-Jürgen Müller", "Ann", "Maximilian"), spec=specs[0])
    _show(d, family)
    yield "family-turn"
    family.scores = [Score("Ann", 71.2, 2), Score("Hans-Jürgen Müller", 88.0, 3),
                     Score("Maximilian", None, 0)]
    family.stage = "scores"
    _show(d, family)
    yield "family-scores"
    start_session(d.ctx, player)
    specs = first_level_of_each_mechanic()
    _show(d, screen("intro", specs[0]))
    yield "intro"
    for spec in specs:
        _show(d, screen("play", spec), steps=play_steps)
        yield f"play-{spec.mechanic}"
    d.stack.push(screen("pause"))
    d.ctx.session.pause_for("user", d.ctx.t_s)
    _settle(d)
    yield "pause"
    d.stack.push(screen("help"))
    _settle(d)
    yield "help"
    d.ctx.session.resume_from("user", d.ctx.t_s)
    trace = [(0.3 * (i % 7) / 7 - 0.1, 0.2 * (i % 5) / 5 - 0.1) for i in range(300)]
    result = LevelResult(specs[0].id, specs[0].title, 9, 7, 78.4, 2, 0.52, 0.2)
    _show(d, screen("results", specs[0], [result], trace))
    yield "results"
    _show(d, screen("results", None, [], [], final=True))
    yield "results-nothing-finished"
    _show(d, screen("farewell", tr("See you next time!"), tr("Your training is saved.")))
    yield "farewell"
    for kind in ("quiet", "los", "symmetry"):
        _show(d, screen("assess", kind), steps=play_steps)
        yield f"assess-{kind}"
    _show(d, screen("calibrate"), steps=play_steps)
    yield "calibrate"
    for kind in ("steadi", "single-leg"):
        _show(d, screen("stance", kind), steps=play_steps)
        yield f"stance-{kind}"

"""Assembling a run of the game: database, player, input source, window, scenes, loop.

The windowed game, ``play --headless`` and the tests all come through here, so a headless run
exercises exactly the code a person at the screen does (minus the drawing).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from balance_game.core.levels import LevelSpec, find_level
from balance_game.core.records import TrialRecord
from balance_game.core.stance_tests import KINDS as STANCE_KINDS
from balance_game.devices.base import SwitchesOff
from balance_game.devices.hid_backend import HidBackend
from balance_game.devices.select import SourceOptions, open_source
from balance_game.devices.simulated import SimEvent
from balance_game.game.loop import GameLoop
from balance_game.game.scenes import HEADLESS_SIZE, GameContext, GameOptions, SceneStack
from balance_game.game.screens.navigation import screen
from balance_game.game.start import control_for, start_session
from balance_game.i18n import load_language_data
from balance_game.render.sound import Sound
from balance_game.render.theme import Theme
from balance_game.storage.assessments import get_calibration
from balance_game.storage.db import Database
from balance_game.storage.players import Player, get_or_create_player

DEFAULT_PLAYER = "Guest"


@dataclass(frozen=True)
class RunRequest:
    db_path: Path
    options: GameOptions
    windowed: bool = True
    player: str | None = None
    ability: float = 0.6
    sim_events: tuple[SimEvent, ...] = ()
    hid_backend: HidBackend | None = None  # None: hidapi; the demo hook passes its fake board


@dataclass(frozen=True)
class RunSummary:
    session_id: int | None
    n_trials: int
    active_s: float
    trials: tuple[TrialRecord, ...] = ()  # every trial of the session, in order
    end_reason: str | None = None  # why it ended (see GameSession.limit_reached), if it did


def run_game(request: RunRequest) -> RunSummary:
    options = request.options
    spec = find_level(options.level_id) if options.level_id else None  # fail before any window
    if spec is not None and options.trials:
        spec = replace(spec, trials=options.trials)
    with Database(request.db_path) as db:
        player = None
        if (spec is not None and not options.family) or request.player or options.assessment \
                or options.routine:
            player = get_or_create_player(db, request.player or DEFAULT_PLAYER)
        window = None
        if not options.headless:
            from balance_game.render.window import Window

            window = Window(fullscreen=not request.windowed)
            load_language_data()  # not at the first number on screen: that would drop frames
        control = control_for(player, get_calibration(db, player.id) if player else None)
        source = open_source(options.device, SourceOptions(
            limits=control.limits, seed=options.seed, ability=request.ability,
            weight_kg=(player.weight_kg if player and player.weight_kg else 70.0),
            sim_events=request.sim_events, hid_backend=request.hid_backend,
            viewport=(lambda: window.size) if window else (lambda: HEADLESS_SIZE),
            headless=options.headless,
        ))
        ctx = GameContext(db=db, source=source, control=control, options=options,
                          theme=Theme.for_window(window.size if window else HEADLESS_SIZE),
                          sound=Sound() if window else Sound.silent(),
                          hid_backend=request.hid_backend)
        stack = SceneStack(ctx)
        how = "stopped"  # Ctrl-C, SIGTERM, SIGHUP or an error: the session is closed all the same
        try:
            _first_scene(ctx, stack, spec, player)
            GameLoop(ctx, stack, window).run()
            how = "finished"
        finally:
            session = ctx.current_session
            try:
                if session is not None:
                    session.end(how)
            finally:
                source.close()
                if isinstance(source, SwitchesOff):
                    source.switch_off()  # a board left on drains its batteries
                ctx.sound.close()
                if window is not None:
                    window.close()
        if session is None:
            return RunSummary(None, 0, 0.0)
        return RunSummary(session.recorder.session_id, len(session.trials), session.active_s,
                          tuple(session.trials), session.end_reason)


def _first_scene(ctx: GameContext, stack: SceneStack, spec: LevelSpec | None,
                 player: Player | None) -> None:
    kind = ctx.options.assessment
    if kind and player is not None:
        start_session(ctx, player)
        if kind in STANCE_KINDS:
            stack.push(screen("stance", kind))
        else:
            stack.push(screen("calibrate") if kind == "calibrate" else screen("assess", kind))
    elif ctx.options.routine and player is not None:
        start_session(ctx, player)
        ctx.training_screen = "routine"
        stack.push(screen("routine"))
    elif ctx.options.family and spec is not None:
        stack.push(screen("family", players=ctx.options.family, spec=spec))
    elif spec is not None and player is not None:
        start_session(ctx, player)
        stack.push(screen("play", spec) if ctx.options.headless else screen("intro", spec))
    else:
        stack.push(screen("title"))

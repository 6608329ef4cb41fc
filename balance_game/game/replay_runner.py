"""Setting up a replay: the recorded samples as the source, a scratch session to re-run them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from balance_game.core.levels import find_level
from balance_game.core.records import TrialRecord
from balance_game.devices.replay import ReplaySource
from balance_game.game.clock import ReplayClock
from balance_game.game.loop import GameLoop
from balance_game.game.scenes import HEADLESS_SIZE, GameContext, GameOptions, SceneStack
from balance_game.game.screens.replay import LevelStart, RecordedPause, ReplayScene
from balance_game.game.session import GameSession
from balance_game.game.start import control_for
from balance_game.render.sound import Sound
from balance_game.render.theme import Theme
from balance_game.storage.db import Database
from balance_game.storage.players import get_caps, get_player
from balance_game.storage.sessions import (
    SessionRecorder,
    flush_interval_for,
    session_record,
    session_sample_table,
)


def replay_session(db_path: Path, session_id: int, headless: bool = False,
                   speed: float = 1.0) -> list[TrialRecord]:
    """Re-run a recorded session; returns the trials the replay produced."""
    with Database(db_path) as db:
        record = session_record(db, session_id)
        samples = session_sample_table(db, session_id)
        player = get_player(db, record["player"])
        caps = get_caps(db, player)
    starts = [LevelStart(e["t_s"], find_level(e["reason"]), e["data"].get("difficulty", 0.0))
              for e in record["events"] if e["type"] == "level_start"]
    pauses = [RecordedPause(e["t_s"], e["type"], e["reason"])
              for e in record["events"] if e["type"] in ("pause", "resume")]
    seed = record["seed"] or 0
    options = GameOptions(headless=headless, fast=headless, seed=seed)
    source = ReplaySource(samples, f"replay of session {session_id}", shift_to_zero=False)
    with tempfile.TemporaryDirectory() as scratch, Database(Path(scratch) / "replay.db") as temp:
        control = control_for(player)
        recorder = SessionRecorder(temp, _scratch_player(temp), source.name, seed,
                                   flush_interval_s=flush_interval_for(options.fast))
        session = GameSession(recorder, control, player.weight_kg, seed, None, caps)
        window, clock = None, None
        if not headless:
            from balance_game.render.window import Window

            window = Window(fullscreen=False)
            clock = ReplayClock(speed)
        ctx = GameContext(db=temp, source=source, control=control, options=options,
                          theme=Theme.for_window(window.size if window is not None else HEADLESS_SIZE),
                          sound=Sound.silent(), current_session=session,
                          current_player=player)
        stack = SceneStack(ctx)
        stack.push(ReplayScene(starts, pauses, clock))
        try:
            GameLoop(ctx, stack, window, clock).run()
        finally:
            session.end()
            if window is not None:
                window.close()
        return session.trials


def _scratch_player(db: Database) -> int:
    from balance_game.storage.players import add_player

    return add_player(db, "Replay").id

"""A throwaway database, player and session to run a real level in, for one benchmark."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from balance_game.core.control import ControlMap, Limits
from balance_game.core.levels import LevelSpec, load_levels
from balance_game.core.mechanics import MECHANICS
from balance_game.devices.simulated import SimulatedPlayer
from balance_game.game.clock import FakeClock
from balance_game.game.loop import GameLoop
from balance_game.game.scenes import GameContext, GameOptions, SceneStack
from balance_game.game.screens.play import PlayScene
from balance_game.game.session import GameSession
from balance_game.render.sound import Sound
from balance_game.render.theme import Theme
from balance_game.storage.db import Database
from balance_game.storage.players import add_player
from balance_game.storage.sessions import SessionRecorder

RESOLUTIONS = {"720p": (1280, 720), "1080p": (1920, 1080)}


@dataclass
class Scratch:
    folder: tempfile.TemporaryDirectory
    db: Database
    ctx: GameContext

    def close(self) -> None:
        if self.ctx.current_session is not None:
            self.ctx.current_session.end()
        self.db.close()
        self.folder.cleanup()


def scratch(spec: LevelSpec, fast: bool, seed: int = 0,
            size: tuple[int, int] = RESOLUTIONS["720p"]) -> Scratch:
    """A simulated player of good ability on ``spec``, recorded as a real session would be."""
    folder = tempfile.TemporaryDirectory()
    db = Database(Path(folder.name) / "bench.db")
    player = add_player(db, "Bench")
    limits = Limits.theoretical(170)
    control = ControlMap(limits)
    source = SimulatedPlayer(limits, ability=0.7, seed=seed)
    recorder = SessionRecorder(db, player.id, source.name, seed)
    session = GameSession(recorder, control, 70.0, seed)
    # headless scene behaviour (levels restart by themselves) with no end in sight
    options = GameOptions(headless=True, fast=fast, seconds=1e9, seed=seed, level_id=spec.id,
                          device="sim")
    ctx = GameContext(db=db, source=source, control=control, options=options,
                      theme=Theme.for_window(size), sound=Sound.silent(), current_session=session,
                      current_player=player)
    return Scratch(folder, db, ctx)


def loop_for(run: Scratch, spec: LevelSpec, window, clock=None) -> GameLoop:
    """The real loop on the play screen of ``spec``; a fake clock unless one is given."""
    if window is not None:
        run.ctx.theme = Theme.for_window(window.size)
    stack = SceneStack(run.ctx)
    stack.push(PlayScene(spec))
    return GameLoop(run.ctx, stack, window, clock or FakeClock())


def first_level_of_each_mechanic() -> dict[str, LevelSpec]:
    firsts: dict[str, LevelSpec] = {}
    for spec in load_levels():
        firsts.setdefault(spec.mechanic, spec)
    return {name: firsts[name] for name in MECHANICS if name in firsts}

"""Drive the real game screens in-process: post pygame events, step the loop, draw offscreen."""

from __future__ import annotations

import pygame

from balance_game.core.control import ControlMap, Limits
from balance_game.devices.select import SourceOptions, open_source
from balance_game.game.loop import GameLoop
from balance_game.game.scenes import GameContext, GameOptions, SceneStack
from balance_game.game.screens.title import TitleScene
from balance_game.render.sound import Sound
from balance_game.render.theme import Theme
from balance_game.render.window import OffscreenWindow
from balance_game.storage.db import Database


class ScreenDriver:
    def __init__(self, db_path, device: str = "keyboard", size=(1280, 720), source=None,
                 window=None) -> None:
        """``source``: an input source object to use instead of opening ``device``; ``window``:
        a real window (render/window.Window) instead of an offscreen surface."""
        self.db = Database(db_path)
        limits = Limits.theoretical(None)
        self.window = window or OffscreenWindow(size)
        if source is None:
            source = open_source(device, SourceOptions(limits=limits, seed=1, ability=0.9))
        self.ctx = GameContext(db=self.db, source=source, control=ControlMap(limits),
                               options=GameOptions(device=device), theme=Theme.for_window(size),
                               sound=Sound.silent())
        self.stack = SceneStack(self.ctx)
        self.stack.push(TitleScene())
        self.loop = GameLoop(self.ctx, self.stack, self.window)
        self.loop.ctx.source.start(self.loop.clock.origin_monotonic_s)

    @property
    def scene(self):
        return self.stack.top

    def frames(self, n: int = 1) -> None:
        for _ in range(n):
            self.loop._events()
            self.loop._step()
            self.loop._draw()

    def steps(self, n: int) -> None:
        """Game steps without drawing (a person's seconds pass quickly)."""
        for _ in range(n):
            self.loop._events()
            self.loop._step()

    def key(self, key: int, hold_frames: int = 1) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=""))
        self.frames(hold_frames)
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=""))
        self.frames(1)

    def type(self, text: str) -> None:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.frames(1)

    def save(self, path) -> None:
        pygame.image.save(self.window.surface, str(path))

    def close(self) -> None:
        self.ctx.end_session()
        self.db.close()


def paint_threads(monkeypatch, view_class) -> list[str]:
    """The names of the threads ``view_class`` paints its scenery on, from now on."""
    import threading

    threads: list[str] = []
    paint = view_class.paint_static
    monkeypatch.setattr(view_class, "paint_static", lambda view, surface: (
        threads.append(threading.current_thread().name), paint(view, surface)))
    return threads

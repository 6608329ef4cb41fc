"""Scenes and the stack that holds them (a pushdown automaton of screens).

The top scene gets actions and updates; an overlay (the pause screen) is drawn over the scene
beneath it, which stays frozen. Scenes talk to the rest of the game through ``GameContext``,
which is built complete before any scene runs: a headless run gets a real theme and a silent
sound, so a scene never asks whether they exist. The player and their session come later (a
player is chosen on a screen); the scenes that play are only reached once a session is started,
and read it through ``ctx.session`` / ``ctx.player``, which say so loudly if that is ever not so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from balance_game.core.control import Axes, ControlMap
from balance_game.devices.base import EventActions

if TYPE_CHECKING:
    import pygame

    from balance_game.core.records import DeviceStatus, Goal, Sample
    from balance_game.devices.base import InputSource
    from balance_game.devices.hid_backend import HidBackend
    from balance_game.game.session import GameSession
    from balance_game.render.sound import Sound
    from balance_game.render.theme import Theme
    from balance_game.storage.db import Database
    from balance_game.storage.players import Player


@dataclass
class FrameInput:
    """What the source produced during the last fixed step, and the resulting lean axes."""

    items: list[Sample | DeviceStatus] = field(default_factory=list)
    axes: Axes = field(default_factory=Axes)


HEADLESS_SIZE = (1280, 720)  # the screen a headless run lays itself out for


@dataclass
class GameOptions:
    headless: bool = False
    fast: bool = False
    seconds: float | None = None  # session length limit
    seed: int = 0
    level_id: str | None = None
    device: str = "auto"
    trials: int | None = None  # play this many trials instead of the level's own count
    assessment: str | None = None  # run this clinical test (quiet, los, symmetry, calibrate)
    assess_seconds: float = 30.0  # length of each quiet-stance condition
    attended: bool = False  # a therapist is present and cueing (not independent home practice)
    routine: bool = False  # play today's training (core/routine.py) instead of one level
    check_s: float | None = None  # the routine's steadiness check this long (None: its own)
    family: tuple[str, ...] = ()  # family play: these players take turns on level_id


class NoSession(RuntimeError):
    """A scene that needs the player's session ran before one was started (a programming error)."""


@dataclass
class GameContext:
    db: Database
    source: InputSource
    control: ControlMap
    options: GameOptions
    theme: Theme
    sound: Sound  # silent in headless runs
    current_player: Player | None = None  # set with the session, kept after it ends
    current_session: GameSession | None = None
    frame: FrameInput = field(default_factory=FrameInput)
    t_s: float = 0.0
    quit_requested: bool = False
    origin_monotonic_s: float = 0.0  # session time 0 on the monotonic clock (for new sources)
    hid_backend: HidBackend | None = None  # where boards are looked for (None: hidapi)
    training_screen: str = "level_select"  # where training begins once the player is chosen
    # and checked: choosing a game, or today's routine (the title decides)

    @property
    def session(self) -> GameSession:
        """The session in progress, for the scenes that are only reached with one started."""
        if self.current_session is None:
            raise NoSession("this screen needs a session: start one (start_session) first")
        return self.current_session

    @property
    def player(self) -> Player:
        """The player training, for the scenes that are only reached once one is chosen."""
        if self.current_player is None:
            raise NoSession("this screen needs a player: start their session first")
        return self.current_player

    def end_session(self) -> None:
        """Close the session (if any) and forget it; the player stays chosen."""
        if self.current_session is not None:
            self.current_session.end()
            self.current_session = None

    def cue(self, name: str) -> None:
        """Play a sound cue (silent in headless runs)."""
        self.sound.play(name)

    def music(self, world: int | None) -> None:
        """Play the background music of a world (None fades it out; silent in headless runs)."""
        self.sound.music(world)

    def say(self, text: str) -> None:
        """Speak an instruction, where speech is on and available."""
        self.sound.say(text)

    def source_action(self, event: Any) -> str | None:
        """A menu action from the source's own buttons (a gamepad's), if it has any."""
        return self.source.action_for(event) if isinstance(self.source, EventActions) else None

    @property
    def leaning_input(self) -> bool:
        """Whether menus are steered by leaning (boards and the simulator) or by keys/buttons."""
        return self.source.kind in ("board", "sim", "replay")


class Scene:
    """A screen. Subclasses override what they need."""

    overlay = False
    shows_ended_session = False  # stays up when the session ends (results, replay)
    takes_text = False  # a text field: the loop hands it typed letters, never shortcuts

    def enter(self, ctx: GameContext) -> None:
        """Called when the scene becomes the top of the stack."""

    def handle_action(self, ctx: GameContext, action: str, stack: SceneStack) -> None:
        """confirm / back / pause / help / up / down / left / right."""

    def handle_event(self, ctx: GameContext, event: Any, stack: SceneStack) -> None:
        """Raw pygame events for scenes that need more than actions (typing, clicks)."""

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        """One fixed step of game time."""

    def draw(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """Draw the scene (never change state here)."""

    def prepare(self, ctx: GameContext, surface: pygame.Surface) -> None:
        """Start the slow one-off work of being shown on ``surface`` (the screen before this
        one calls it while it is up), so that this scene's first frame does not wait for it."""

    def goal(self, ctx: GameContext) -> Goal | None:
        """What this scene asks of the player now (the simulated player acts on it)."""
        return None


class SceneStack:
    """The screens, bottom first; each is entered with the context the stack was built for."""

    def __init__(self, ctx: GameContext) -> None:
        self.scenes: list[Scene] = []
        self._ctx = ctx

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)
        scene.enter(self._ctx)

    def pop(self) -> None:
        self.scenes.pop()
        if self.scenes:
            self.scenes[-1].enter(self._ctx)

    def replace(self, scene: Scene) -> None:
        self.scenes.pop()
        self.push(scene)

    def clear_to(self, scene: Scene) -> None:
        self.scenes.clear()
        self.push(scene)

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: the top one and, under overlays, the one beneath."""
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].overlay:
            start -= 1
        return self.scenes[max(start, 0):]

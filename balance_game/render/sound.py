"""Sound cues and spoken instructions.

Cues are synthesised here (no sound files to license) in layers: a melody of soft sine tones in
the 400-900 Hz band, which older ears hear better than high beeps, over a bell, a low tone or a
swish that gives each cue its own character; always backed by something on screen. Background
music comes from render/music.py on a channel of its own, with its own volume. Spoken
instructions use the system's voice (render/speech.py) when there is one, and are silent
otherwise. With no audio device at all (a server, CI) everything is quietly a no-op.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

import numpy as np
import pygame

from balance_game.i18n import active_language
from balance_game.render.music import compose
from balance_game.render.speech import Voice
from balance_game.render.synth import SAMPLE_RATE_HZ, bell, soft, swish

Note = tuple[float, float]  # (frequency Hz, duration s); a rest where the frequency is 0
# cue -> its melody, and the layers under it: (voice, notes, level) with voice soft, bell or swish
CUES: dict[str, list[Note]] = {
    "hit": [(660.0, 0.09), (880.0, 0.14)],
    "success": [(523.0, 0.1), (659.0, 0.1), (784.0, 0.18)],
    "miss": [(440.0, 0.12), (370.0, 0.2)],
    "gate": [(740.0, 0.07)],
    "go": [(587.0, 0.12)],
    "beat": [(600.0, 0.05)],
    "bump": [(330.0, 0.06)],
    "dodge": [(523.0, 0.06), (698.0, 0.1)],
    "pause": [(494.0, 0.15), (392.0, 0.25)],
    "rule": [(523.0, 0.08), (0.0, 0.04), (523.0, 0.08), (784.0, 0.16)],  # a new rule: listen
    "step": [(440.0, 0.06), (587.0, 0.08)],  # lift a foot now: the march's beat
    "star": [(784.0, 0.08), (988.0, 0.16)],
}
LAYERS: dict[str, list[tuple[str, list[Note], float]]] = {
    "hit": [("bell", [(0.0, 0.09), (1320.0, 0.14)], 0.35)],
    "success": [("bell", [(0.0, 0.2), (1047.0, 0.18)], 0.4), ("soft", [(262.0, 0.38)], 0.3),
                ("swish", [(0.0, 0.38)], 0.12)],
    "miss": [("soft", [(220.0, 0.32)], 0.35)],
    "gate": [("swish", [(0.0, 0.07)], 0.2)],
    "go": [("bell", [(1174.0, 0.12)], 0.25)],
    "beat": [("soft", [(300.0, 0.05)], 0.4)],
    "dodge": [("swish", [(0.0, 0.16)], 0.25)],
    "pause": [("soft", [(247.0, 0.4)], 0.3)],
    "star": [("bell", [(1568.0, 0.24)], 0.3), ("swish", [(0.0, 0.12)], 0.15)],
}
MUSIC_FADE_MS = 800


def _voice(kind: str, frequency_hz: float, duration_s: float) -> np.ndarray:
    if frequency_hz <= 0 and kind != "swish":
        return np.zeros(int(SAMPLE_RATE_HZ * duration_s))
    if kind == "bell":
        return bell(frequency_hz, duration_s)
    if kind == "swish":
        return swish(duration_s)
    return soft(frequency_hz, duration_s, release_s=0.04)


def _line(kind: str, notes: list[Note]) -> np.ndarray:
    return np.concatenate([_voice(kind, f, d) for f, d in notes])


def synthesise(cue: str) -> np.ndarray:
    """The cue as 16-bit mono samples: its melody with its layers mixed under it."""
    wave = _line("soft", CUES[cue])
    for kind, notes, level in LAYERS.get(cue, []):
        layer = _line(kind, notes) * level
        n = min(len(wave), len(layer))
        wave[:n] += layer[:n]
    wave = wave / max(1.0, float(np.abs(wave).max()))
    return (wave * 0.6 * 32767).astype(np.int16)


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Audio libraries print pages of C-level noise when a machine has no sound card."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Sound:
    """Cues (``volume``), music (``music_volume``, its own reserved channel) and speech."""

    def __init__(self, volume: float = 0.7, speech: bool = True, audio: bool = True,
                 music_volume: float = 0.4) -> None:
        """``audio=False`` (see ``silent``) never touches the sound card or the speech engine."""
        self.volume = volume
        self.music_volume = music_volume
        self.voice = Voice()
        self.can_speak = audio and self.voice.available  # a silent sound never speaks
        self.speech = speech and self.can_speak
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._music: dict[int, pygame.mixer.Sound] = {}
        self._music_world: int | None = None
        self._music_channel: pygame.mixer.Channel | None = None
        self._channels = 0
        if audio:
            self._open_mixer()

    @classmethod
    def silent(cls) -> Sound:
        """The sound of a headless run: every cue and sentence is quietly dropped."""
        return cls(audio=False)

    @property
    def enabled(self) -> bool:
        return self._channels > 0

    def _open_mixer(self) -> None:
        try:
            with _quiet_stderr():
                pygame.mixer.init(SAMPLE_RATE_HZ, -16, 1)
        except pygame.error:
            return
        mixer = pygame.mixer.get_init()
        self._channels = mixer[2] if mixer else 0
        if self._channels:
            pygame.mixer.set_reserved(1)  # channel 0 is the music's: cues never cut it off
            self._music_channel = pygame.mixer.Channel(0)

    def _make(self, mono: np.ndarray) -> pygame.mixer.Sound:
        mixer = pygame.mixer.get_init()  # as the mixer is now (it may have closed meanwhile)
        if mixer is None:
            raise pygame.error("the mixer is closed")
        channels = mixer[2]
        samples = np.repeat(mono[:, None], channels, axis=1) if channels > 1 else mono
        return pygame.sndarray.make_sound(np.ascontiguousarray(samples))

    def play(self, cue: str) -> None:
        if not self.enabled or cue not in CUES or self.volume <= 0:
            return
        if cue not in self._sounds:
            self._sounds[cue] = self._make(synthesise(cue))
        sound = self._sounds[cue]
        sound.set_volume(self.volume)
        sound.play()

    def music(self, world: int | None) -> None:
        """Loop the music of ``world`` (fading in), or fade the music out with None.

        A world's loop takes a tenth of a second or two to compose, so the first time it is
        composed on a thread of its own and starts when ready: the game never stalls for it."""
        channel = self._music_channel
        if channel is None or world == self._music_world:
            return
        self._music_world = world
        if world is None or self.music_volume <= 0:
            channel.fadeout(MUSIC_FADE_MS)
            return
        if world in self._music:
            self._start_music(channel, world)
        else:
            threading.Thread(target=self._compose, args=(channel, world), daemon=True).start()

    def _compose(self, channel: pygame.mixer.Channel, world: int) -> None:
        wave = compose(world)
        try:
            self._music[world] = self._make(wave)
            if self._music_world == world:  # still wanted once it is ready
                self._start_music(channel, world)
        except (pygame.error, ValueError):  # the sound closed while composing: nothing to play
            return

    def _start_music(self, channel: pygame.mixer.Channel, world: int) -> None:
        channel.set_volume(self.music_volume)
        channel.play(self._music[world], loops=-1, fade_ms=MUSIC_FADE_MS)

    def set_music_volume(self, volume: float) -> None:
        self.music_volume = volume
        if self._music_channel is not None:
            self._music_channel.set_volume(volume)
            if volume <= 0:
                self._music_channel.stop()
                self._music_world = None

    def say(self, text: str) -> None:
        """Speak ``text`` without waiting; a new sentence cuts off the one still speaking."""
        if self.speech:
            self.voice.say(text, self.volume, active_language())

    def close(self) -> None:
        self._music_world = None
        self.voice.stop()
        if self.enabled:
            pygame.mixer.quit()

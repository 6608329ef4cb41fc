"""Sound cues and spoken instructions.

Cues are synthesised here (no sound files to license): soft sine tones in the 400-900 Hz band,
which older ears hear better than high beeps, always backed by something on screen. Spoken
instructions use the system's voice (render/speech.py) when there is one, and are silent
otherwise. With no audio device at all (a server, CI) everything is quietly a no-op.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import numpy as np
import pygame

from balance_game.i18n import active_language
from balance_game.render.speech import Voice

SAMPLE_RATE_HZ = 22050
# cue -> list of (frequency Hz, duration s); a rest where frequency is 0
CUES: dict[str, list[tuple[float, float]]] = {
    "hit": [(660.0, 0.09), (880.0, 0.14)],
    "success": [(523.0, 0.1), (659.0, 0.1), (784.0, 0.18)],
    "miss": [(440.0, 0.12), (370.0, 0.2)],
    "gate": [(740.0, 0.07)],
    "go": [(587.0, 0.12)],
    "beat": [(600.0, 0.05)],
    "bump": [(330.0, 0.06)],
    "dodge": [(523.0, 0.06), (698.0, 0.1)],
    "pause": [(494.0, 0.15), (392.0, 0.25)],
}


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


def _tone(frequency_hz: float, duration_s: float) -> np.ndarray:
    n = int(SAMPLE_RATE_HZ * duration_s)
    if frequency_hz <= 0:
        return np.zeros(n)
    t = np.arange(n) / SAMPLE_RATE_HZ
    envelope = np.minimum(1.0, np.minimum(t / 0.01, (duration_s - t) / 0.04))
    return np.sin(2 * np.pi * frequency_hz * t) * np.clip(envelope, 0.0, 1.0)


def synthesise(cue: str) -> np.ndarray:
    """The cue as 16-bit mono samples."""
    wave = np.concatenate([_tone(f, d) for f, d in CUES[cue]])
    return (wave * 0.6 * 32767).astype(np.int16)


class Sound:
    def __init__(self, volume: float = 0.7, speech: bool = True, audio: bool = True) -> None:
        """``audio=False`` (see ``silent``) never touches the sound card or the speech engine."""
        self.volume = volume
        self.voice = Voice()
        self.can_speak = audio and self.voice.available  # a silent sound never speaks
        self.speech = speech and self.can_speak
        self._sounds: dict[str, pygame.mixer.Sound] = {}
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

    def play(self, cue: str) -> None:
        if not self.enabled or cue not in CUES or self.volume <= 0:
            return
        if cue not in self._sounds:
            mono = synthesise(cue)
            channels = self._channels
            samples = np.repeat(mono[:, None], channels, axis=1) if channels > 1 else mono
            self._sounds[cue] = pygame.sndarray.make_sound(np.ascontiguousarray(samples))
        sound = self._sounds[cue]
        sound.set_volume(self.volume)
        sound.play()

    def say(self, text: str) -> None:
        """Speak ``text`` without waiting; a new sentence cuts off the one still speaking."""
        if self.speech:
            self.voice.say(text, self.volume, active_language())

    def close(self) -> None:
        self.voice.stop()
        if self.enabled:
            pygame.mixer.quit()

"""Voices the cues and the music are built from: numpy arrays of floats in -1..1.

Every voice fades in and out (no clicks) and keeps to soft timbres: sines, a bell of a few
decaying harmonics, and a gentle filtered-noise swish. Older ears hear 400-900 Hz best, so
the cues sit there; the music may go lower.
"""

from __future__ import annotations

import numpy as np

SAMPLE_RATE_HZ = 22050


def note_hz(midi: float) -> float:
    """Equal-tempered pitch of a MIDI note number (A4 = 69 = 440 Hz)."""
    return 440.0 * 2.0 ** ((midi - 69) / 12.0)


def _times(duration_s: float) -> np.ndarray:
    return np.arange(int(SAMPLE_RATE_HZ * duration_s)) / SAMPLE_RATE_HZ


def _fade(wave: np.ndarray, attack_s: float, release_s: float) -> np.ndarray:
    t = np.arange(len(wave)) / SAMPLE_RATE_HZ
    end = len(wave) / SAMPLE_RATE_HZ
    envelope = np.minimum(1.0, np.minimum(t / max(attack_s, 1e-4), (end - t) / max(release_s,
                                                                                   1e-4)))
    return wave * np.clip(envelope, 0.0, 1.0)


def soft(frequency_hz: float, duration_s: float, attack_s: float = 0.01,
         release_s: float | None = None) -> np.ndarray:
    """A sine with a linear fade in and out; a rest when the frequency is 0."""
    t = _times(duration_s)
    if frequency_hz <= 0:
        return np.zeros(len(t))
    release = release_s if release_s is not None else min(0.3, duration_s * 0.4)
    return _fade(np.sin(2 * np.pi * frequency_hz * t), attack_s, release)


def bell(frequency_hz: float, duration_s: float) -> np.ndarray:
    """A struck tone: the fundamental and two quieter harmonics, each dying away."""
    t = _times(duration_s)
    wave = np.zeros(len(t))
    for harmonic, level, decay in ((1, 1.0, 3.0), (2, 0.35, 6.0), (3, 0.12, 9.0)):
        wave += level * np.sin(2 * np.pi * frequency_hz * harmonic * t) * np.exp(-decay * t /
                                                                                 duration_s)
    return _fade(wave / 1.47, 0.005, min(0.05, duration_s * 0.3))


def swish(duration_s: float, seed: int = 0) -> np.ndarray:
    """A soft rush of air: noise smoothed by a moving average, swelling and fading."""
    n = int(SAMPLE_RATE_HZ * duration_s)
    noise = np.random.default_rng(seed).uniform(-1.0, 1.0, n + 16)
    smooth = np.convolve(noise, np.ones(16) / 16, mode="valid")[:n]
    swell = np.sin(np.pi * np.arange(n) / max(1, n)) ** 2
    return smooth * swell * 1.6

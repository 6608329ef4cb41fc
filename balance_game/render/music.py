"""Background music composed by the program: a calm, seamless loop for each world.

No recordings to license: each world gets its own key, tempo and chord progression, and a
seeded random walk on the pentatonic scale gives it a melody, so the same world always plays
the same tune. Three soft layers (a pad of sine chords with slow attack, a bass on the first
and third beats, a bell-like melody) sit well under the cues and the spoken instructions.
The loop is an exact number of bars, and sound that rings past its end wraps to its start, so
it repeats without a click.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from balance_game.render.synth import SAMPLE_RATE_HZ, bell, note_hz, soft

PEAK = 0.45  # of full scale: music stays below the cues (0.6)
PENTATONIC = (0, 2, 4, 7, 9)  # major pentatonic: no note clashes with the chords below
BARS = 8
BEATS_PER_BAR = 4


@dataclass(frozen=True)
class Tune:
    """One world's music: its key (MIDI note of the tonic), tempo and chords (scale degrees)."""

    tonic: int
    bpm: float
    chords: tuple[int, ...]  # root of each bar's chord, in semitones above the tonic
    seed: int


TUNES: tuple[Tune, ...] = (
    Tune(60, 72, (0, 9, 5, 7), 1),  # dawn: C, unhurried
    Tune(62, 84, (0, 5, 7, 5), 2),  # midday: D, bright
    Tune(57, 80, (0, 4, 9, 7), 3),  # afternoon: A, warm
    Tune(55, 76, (0, 9, 2, 7), 4),  # sunset: G, wistful
    Tune(53, 66, (0, 9, 5, 4), 5),  # night: F, slow and low
)


def tune_for(world: int) -> Tune:
    return TUNES[min(max(world, 1), len(TUNES)) - 1]


def compose(world: int) -> np.ndarray:
    """The world's loop as 16-bit mono samples."""
    tune = tune_for(world)
    beat_s = 60.0 / tune.bpm
    total = round(BARS * BEATS_PER_BAR * beat_s * SAMPLE_RATE_HZ)
    track = np.zeros(total)
    rng = random.Random(tune.seed)
    degree = 2
    for bar in range(BARS):
        root = tune.tonic + tune.chords[bar % len(tune.chords)]
        start = bar * BEATS_PER_BAR * beat_s
        for interval in _triad(root - tune.tonic):  # the pad: the bar's chord, held
            _add(track, start, soft(note_hz(root - 12 + interval), BEATS_PER_BAR * beat_s,
                                    attack_s=0.6) * 0.16)
        for beat in (0, 2):  # the bass
            _add(track, start + beat * beat_s, soft(note_hz(root - 24), beat_s * 1.8,
                                                   attack_s=0.02) * 0.22)
        for step in range(BEATS_PER_BAR * 2):  # the melody, in eighth notes with rests
            if rng.random() < 0.45:
                continue
            degree = max(0, min(9, degree + rng.choice((-2, -1, -1, 0, 1, 1, 2))))
            octave, index = divmod(degree, len(PENTATONIC))
            pitch = tune.tonic + 12 * octave + PENTATONIC[index]
            _add(track, start + step * beat_s / 2, bell(note_hz(pitch), beat_s * 1.5) * 0.14)
    peak = float(np.abs(track).max()) or 1.0
    return (track / peak * PEAK * 32767).astype(np.int16)


def _triad(offset: int) -> tuple[int, int, int]:
    """Major or minor triad on a degree of the major scale (ii, iii, vi are minor)."""
    minor = offset % 12 in (2, 4, 9)
    return (0, 3 if minor else 4, 7)


def _add(track: np.ndarray, at_s: float, sound: np.ndarray) -> None:
    """Mix ``sound`` in at ``at_s``; whatever rings past the end wraps round to the start."""
    start = int(at_s * SAMPLE_RATE_HZ) % len(track)
    end = start + len(sound)
    if end <= len(track):
        track[start:end] += sound
    else:
        head = len(track) - start
        track[start:] += sound[:head]
        track[:len(sound) - head] += sound[head:]

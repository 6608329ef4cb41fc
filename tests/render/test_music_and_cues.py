"""The program's own music loops without a seam, differs per world and stays under the cues;
the cues are layered (more than their melody sounds), and volumes are per player."""

import numpy as np
import pytest

from balance_game.render import music
from balance_game.render.sound import CUES, LAYERS, Sound, synthesise
from balance_game.render.synth import SAMPLE_RATE_HZ, bell, note_hz


def test_pitches_are_equal_tempered_around_a440():
    assert note_hz(69) == pytest.approx(440.0)
    assert note_hz(60) == pytest.approx(261.6256, abs=1e-3)  # middle C
    assert note_hz(81) == pytest.approx(880.0)


@pytest.mark.parametrize("world", [1, 3, 5])
def test_each_world_loops_a_whole_number_of_bars_without_a_seam(world):
    wave = music.compose(world).astype(float)
    tune = music.tune_for(world)
    bar_s = music.BEATS_PER_BAR * 60.0 / tune.bpm
    assert len(wave) / SAMPLE_RATE_HZ == pytest.approx(music.BARS * bar_s, abs=1 / SAMPLE_RATE_HZ)
    steps = np.abs(np.diff(wave))
    seam = abs(wave[0] - wave[-1])
    assert seam <= steps.max()  # going round the loop jumps no more than any step inside it
    assert np.abs(wave).max() <= music.PEAK * 32767 + 1  # quieter than the cues (0.6)
    assert np.abs(wave).mean() > 0.02 * 32767  # and not silence


def test_the_worlds_have_different_tunes_and_the_same_world_the_same_tune():
    loops = [music.compose(w) for w in range(1, 6)]
    assert len({loop.tobytes() for loop in loops}) == 5
    assert np.array_equal(music.compose(2), loops[1])


def _energy_at(wave: np.ndarray, hz: float) -> float:
    spectrum = np.abs(np.fft.rfft(wave.astype(float)))
    freqs = np.fft.rfftfreq(len(wave), 1 / SAMPLE_RATE_HZ)
    band = (freqs > hz * 0.97) & (freqs < hz * 1.03)
    return float(spectrum[band].max()) / float(spectrum.max())


def test_the_success_cue_has_its_bell_and_low_tone_under_the_melody():
    wave = synthesise("success")
    for melody_hz, _ in CUES["success"]:
        assert _energy_at(wave, melody_hz) > 0.2
    assert _energy_at(wave, 1047.0) > 0.05  # the bell layer
    assert _energy_at(wave, 262.0) > 0.05  # the low layer
    assert set(LAYERS) <= set(CUES)


def test_a_bell_dies_away():
    tone = bell(660.0, 0.5)
    quarter = len(tone) // 4
    assert np.abs(tone[:quarter]).max() > 3 * np.abs(tone[3 * quarter:]).max()


def test_music_plays_or_stays_quiet_without_failing():
    sound = Sound(volume=0.5, speech=False, music_volume=0.3)
    sound.music(2)
    sound.set_music_volume(0.0)
    sound.music(3)
    sound.music(None)
    sound.close()


def test_music_volume_and_calm_are_kept_per_player(tmp_path, capsys):
    from balance_game.cli import main

    def run(*args: str) -> int:
        with pytest.raises(SystemExit) as stop:
            main([*args, "--db", str(tmp_path / "g.db")])
        return stop.value.code

    assert run("players", "add", "Ada") == 0
    assert run("players", "set", "Ada", "--music-volume", "0.2", "--calm") == 0
    out = capsys.readouterr().out
    assert "music 0.2" in out and "calm on" in out
    assert run("players", "set", "Ada", "--music-volume", "3") == 2
    assert "'--music-volume': '3' is out of range" in capsys.readouterr().err

import numpy as np

from balance_game.render.sound import CUES, Sound, synthesise


def test_every_cue_is_a_short_soft_tone_without_clicks():
    for cue in CUES:
        wave = synthesise(cue)
        assert wave.dtype == np.int16 and 0.04 < len(wave) / 22050 < 0.6
        assert np.abs(wave).max() <= 0.6 * 32767 + 1  # never full scale
        assert abs(int(wave[0])) < 2000 and abs(int(wave[-1])) < 2000  # faded in and out


def test_sound_plays_or_stays_quiet_without_failing():
    sound = Sound(volume=0.5, speech=False)
    for cue in CUES:
        sound.play(cue)
    sound.play("no-such-cue")
    sound.say("hello")  # speech off: nothing happens
    sound.close()


def test_a_silent_sound_never_opens_the_sound_card_or_the_speech_engine():
    import pygame

    pygame.mixer.quit()
    sound = Sound.silent()
    assert not sound.enabled and not sound.speech and not sound.can_speak
    sound.play("hit")
    sound.say("hello")
    assert pygame.mixer.get_init() is None
    sound.close()

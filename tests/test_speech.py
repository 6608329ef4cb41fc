"""The computer's own voice on each system, and settings that say when there is none."""

import pytest

from balance_game.render import speech
from balance_game.render.speech import Voice, speech_command


@pytest.fixture
def every_program_exists(monkeypatch):
    monkeypatch.setattr(speech.shutil, "which", lambda name: f"/usr/bin/{name}")


def test_linux_speaks_with_espeak_ng_in_the_players_language(every_program_exists):
    command = speech_command("linux", "Stand still", 0.5, "de")
    assert command[:3] == ["espeak-ng", "-v", "de"]
    assert command[command.index("-a") + 1] == "100" and command[-1] == "Stand still"


def test_macos_uses_say_and_windows_its_speech_synthesiser(every_program_exists):
    assert speech_command("darwin", "Hello", 1.0, "en") == ["say", "-r", "140", "Hello"]
    command = speech_command("win32", "It's time", 0.3, "en")
    assert command[0].endswith("powershell") and "System.Speech" in command[-1]
    assert "$s.Volume = 30" in command[-1] and "'It''s time'" in command[-1]  # quoted safely


def test_without_a_voice_nothing_is_promised(monkeypatch):
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    assert speech_command("linux", "Hi", 1.0, "en") is None
    assert not Voice("linux").available
    Voice("linux").say("Hi", 1.0, "en")  # silently nothing, no error


def test_the_player_settings_say_speech_is_unavailable(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from balance_game.cli import cli

    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["play", "--headless", "--fast", "--device", "sim", "--seconds",
                               "1", "--player", "Ann", "--db", db]).exit_code == 0
    result = runner.invoke(cli, ["players", "set", "Ann", "--speech", "--language", "de",
                                 "--db", db])
    assert result.exit_code == 0, result.output
    assert "speech unavailable on this computer (install espeak-ng)" in result.output
    assert "language de" in result.output

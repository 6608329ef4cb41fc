"""Spoken instructions through the computer's own voice: espeak-ng on Linux, ``say`` on macOS,
and Windows' built-in speech synthesiser (System.Speech, through PowerShell).

Each is a program the system has or a package installs (README: espeak-ng on Linux), so the game
needs no speech library of its own and speaks in the player's language where the voice has it.
Where none is found, ``Voice.available`` is False and the player's settings say "speech
unavailable" instead of silently promising it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from balance_game.i18n import N_

ESPEAK_VOICES = {"en": "en", "de": "de", "es": "es"}
RATE_WPM = 140  # unhurried: older listeners follow slower speech better


def speech_command(platform: str, text: str, volume: float, language: str) -> list[str] | None:
    """The command that speaks ``text`` on ``platform``, or None where it has no voice."""
    if platform.startswith("linux") or platform.startswith("freebsd"):
        if not shutil.which("espeak-ng"):
            return None
        return ["espeak-ng", "-v", ESPEAK_VOICES.get(language, "en"), "-s", str(RATE_WPM),
                "-a", str(round(200 * volume)), text]
    if platform == "darwin":
        return ["say", "-r", str(RATE_WPM), text] if shutil.which("say") else None
    if platform == "win32":
        shell = shutil.which("powershell") or shutil.which("pwsh")
        if shell is None:
            return None
        quoted = text.replace("'", "''")
        script = ("Add-Type -AssemblyName System.Speech; "
                  "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
                  f"$s.Volume = {round(100 * volume)}; $s.Rate = -2; $s.Speak('{quoted}')")
        return [shell, "-NoProfile", "-NonInteractive", "-Command", script]
    return None


def voice_name(platform: str = sys.platform) -> str:
    """The voice to install, by its name (translated with ``_`` where it is shown)."""
    return {"darwin": N_("macOS voice (say)"), "win32": N_("Windows voice")}.get(platform,
                                                                                "espeak-ng")


class Voice:
    """Speaks one sentence at a time without waiting; a new sentence cuts off the last."""

    def __init__(self, platform: str = sys.platform) -> None:
        self.platform = platform
        self._speaking: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return speech_command(self.platform, "", 1.0, "en") is not None

    def say(self, text: str, volume: float, language: str) -> None:
        command = speech_command(self.platform, text, volume, language)
        if command is None or not text:
            return
        self.stop()
        self._speaking = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        if self._speaking is not None and self._speaking.poll() is None:
            self._speaking.terminate()

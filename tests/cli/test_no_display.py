"""Without a screen the game says so in one line and exits 2, instead of running invisibly."""

import os
import subprocess
import sys

import pygame
import pytest

from balance_game.errors import UserError
from balance_game.render import window


def _without_display():
    return {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}


@pytest.mark.parametrize("args", [["--window"], ["play", "--window"],
                                  ["assess", "quiet", "--player", "A", "--window"],
                                  ["calibrate", "--player", "A", "--fullscreen"]])
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland session check")
def test_no_screen_is_one_line_and_exit_2(tmp_path, args):
    env = _without_display() | {"BALANCE_GAME_DB": str(tmp_path / "d.db"),
                                "BALANCE_GAME_CONFIG": str(tmp_path / "settings.yaml")}
    done = subprocess.run([sys.executable, "-m", "balance_game", *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "no screen was found" in done.stderr


def test_a_display_driver_that_draws_into_memory_is_refused(monkeypatch):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")  # asked for one driver...
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "offscreen")  # ...SDL fell back
    with pytest.raises(UserError, match="no screen was found"):
        window.check_screen()
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "dummy")
    window.check_screen()  # the driver asked for on purpose (tests, CI) is fine

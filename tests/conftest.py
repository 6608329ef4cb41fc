"""Every test runs headless: SDL gets dummy video and audio drivers before pygame is imported."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_settings(monkeypatch, tmp_path):
    """No test reads or writes the machine's own settings file (see balance_game.settings)."""
    monkeypatch.setenv("BALANCE_GAME_CONFIG", str(tmp_path / "config" / "settings.yaml"))
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(tmp_path / "config" / "drivers"))
    # and no test reads the machine's own sysfs (a real board bound to hid-wiimote)
    monkeypatch.setenv("BALANCE_GAME_SYSFS_ROOT", str(tmp_path / "no-sysfs"))
    # nor talks to the machine's own Bluetooth service (tests start a private one when needed)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/no-system-bus")


@pytest.fixture
def run_cli(tmp_path):
    """Run `balance-game ARGS...` in a subprocess, as a person would; returns CompletedProcess."""

    def run(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
        env = {**os.environ, "BALANCE_GAME_DB": str(tmp_path / "cli.db")}
        env.update(kwargs.pop("env", {}))
        return subprocess.run(
            [sys.executable, "-m", "balance_game", *args], capture_output=True, text=True,
            timeout=timeout, env=env, cwd=kwargs.pop("cwd", tmp_path), **kwargs,
        )

    return run

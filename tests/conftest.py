"""Every test runs headless: SDL gets dummy video and audio drivers before pygame is imported."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import subprocess
from pathlib import Path

import pytest
from cli_runner import run_cli_in

REPO = Path(__file__).resolve().parent.parent
# The longest tests (whole simulated levels, tens of seconds each), started first: with two
# workers a long test collected last would run alone at the end while the other worker idles.
LONGEST_FIRST = ("tests/test_difficulty.py::test_staircase_converges",
                 "tests/test_difficulty.py::test_the_staircase_converges",
                 "tests/test_bench.py::test_window_run_reports")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest first (the classic rule for spreading jobs over workers); the rest keep their
    order. The order decides no outcome: every test sets up what it needs."""
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))


@pytest.fixture(autouse=True)
def _private_settings(monkeypatch, tmp_path):
    """No test reads or writes the machine's own settings file (see balance_game.settings)."""
    monkeypatch.setenv("BALANCE_GAME_CONFIG", str(tmp_path / "config" / "settings.yaml"))
    monkeypatch.setenv("BALANCE_GAME_USER_DRIVERS", str(tmp_path / "config" / "drivers"))
    # and no test reads the machine's own sysfs (a real board bound to hid-wiimote)
    monkeypatch.setenv("BALANCE_GAME_SYSFS_ROOT", str(tmp_path / "no-sysfs"))
    # nor talks to the machine's own Bluetooth service (tests start a private one when needed)
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/no-system-bus")


@pytest.fixture(autouse=True)
def _no_language_left_behind():
    """A test that ran a command with --language in-process (click's CliRunner) leaves no run
    language behind: in a real run that choice lasts one process, not the next test's."""
    yield
    from balance_game.i18n import choose_for_run

    choose_for_run(None)


@pytest.fixture
def run_cli(tmp_path):
    """Run `balance-game ARGS...` in a subprocess, as a person would; returns CompletedProcess."""

    def run(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
        return run_cli_in(tmp_path, *args, timeout=timeout, **kwargs)

    return run

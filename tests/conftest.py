"""Every test runs headless: SDL gets dummy video and audio drivers before pygame is imported."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import subprocess
from pathlib import Path

import pytest
from cli_runner import run_cli_in
from xdist.scheduler import LoadGroupScheduling

REPO = Path(__file__).resolve().parent.parent
# The longest tests (whole simulated levels, tens of seconds each), started first: with two
# workers a long test collected last would run alone at the end while the other worker idles.
LONGEST_FIRST = ("tests/test_difficulty.py::test_staircase_converges",
                 "tests/test_difficulty.py::test_the_staircase_converges")
# Tests marked ``realtime`` spend most of their time waiting on the real clock (a session in
# real time, a fake device's pacing, another process): with ``--dist loadgroup`` they run one
# after another on a worker of their own, which then stops, beside one worker per core for the
# rest (``-n auto`` counts it in), so their waits hold up no core and no core has three tests
# to share.
REALTIME_GROUP = "realtime"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """One worker per core, and one for the tests that wait on the real clock."""
    return len(os.sched_getaffinity(0)) + 1


class RealtimeApart(LoadGroupScheduling):
    """xdist's loadgroup, except that the worker given the realtime group runs nothing else
    and stops when it is done (three tests computing at once on two cores cost 12 % more CPU
    here than two)."""

    def __init__(self, config: pytest.Config, log=None) -> None:
        super().__init__(config, log)
        self.kept_apart: set = set()

    def _assign_work_unit(self, node) -> None:
        apart = next(iter(self.workqueue)) == REALTIME_GROUP and len(self.nodes) > 1
        super()._assign_work_unit(node)
        if apart:  # nothing more for it (a worker holds back its last test until told so)
            self.kept_apart.add(node)
            node.shutdown()

    def _reschedule(self, node) -> None:
        if node not in self.kept_apart:
            super()._reschedule(node)


def pytest_xdist_make_scheduler(config: pytest.Config, log) -> LoadGroupScheduling | None:
    return RealtimeApart(config, log) if config.getvalue("dist") == "loadgroup" else None


def pytest_itemcollected(item: pytest.Item) -> None:
    if item.get_closest_marker("realtime"):
        item.add_marker(pytest.mark.xdist_group(REALTIME_GROUP))


@pytest.hookimpl(trylast=True)  # after xdist has named the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Longest first (the classic rule for spreading jobs over workers); the rest keep their
    order. The order decides no outcome: every test sets up what it needs."""
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))
    if getattr(config.option, "loadgroup", False):  # an xdist worker, with --dist loadgroup
        for item in items:
            _name_group(item)


def _name_group(item: pytest.Item) -> None:
    """xdist's scheduler reads a test's group from an "@group" ending of its id, which xdist 3.8
    writes to ``item._nodeid``; pytest 9.2 keeps the id in ``item._id`` instead, so the
    ending is written there (only the order in which tests run depends on it)."""
    suffix = f"@{REALTIME_GROUP}"
    if not item.get_closest_marker("realtime") or item.nodeid.endswith(suffix):
        return
    from _pytest.nodeid import NodeId

    item._id = NodeId.parse(item.nodeid + suffix)


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
    """Run `balance-game ARGS...` as a person would (tests/cli_runner.py); returns
    CompletedProcess."""

    def run(*args: str, timeout: float = 120, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess:
        return run_cli_in(tmp_path, *args, timeout=timeout, env=env)

    return run

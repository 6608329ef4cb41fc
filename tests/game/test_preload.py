"""A test's results must not freeze the window: what they compute with is loaded as it starts."""

import subprocess
import sys

import pytest
from screen_driver import ScreenDriver

from balance_game.game.screens import assess
from balance_game.game.screens.navigation import screen
from balance_game.game.start import start_session
from balance_game.storage.players import add_player

CHECK = """
import sys
from balance_game.game.preload import RESULTS_MODULES, preload_results_modules
assert not [m for m in RESULTS_MODULES if m in sys.modules], "loaded before the preload"
preload_results_modules().join()
missing = [m for m in RESULTS_MODULES if m not in sys.modules]
assert not missing, missing
assert preload_results_modules() is None  # loaded once for the run, not at every test
"""


def test_the_preload_loads_the_results_modules_in_a_thread_of_its_own():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name,args", [("calibrate", ()), ("assess", ("quiet",)),
                                       ("assess", ("los",)), ("stance", ("steadi",))])
def test_every_test_screen_starts_the_preload_once_as_it_starts(tmp_path, monkeypatch, name,
                                                                args):
    started = []
    monkeypatch.setattr(assess, "preload_results_modules", lambda: started.append(1))
    d = ScreenDriver(tmp_path / "p.db", device="sim")
    try:
        start_session(d.ctx, add_player(d.db, "Ann"))
        d.stack.clear_to(screen(name, *args))
        d.steps(3)
        assert started == [1]
        d.stack.push(screen("pause"))  # coming back from a pause does not start it again
        d.steps(1)
        d.stack.pop()
        d.steps(3)
        assert started == [1]
    finally:
        d.close()

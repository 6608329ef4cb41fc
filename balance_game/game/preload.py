"""Loading the signal-processing libraries while a test is under way, not when it ends.

scipy.signal takes over a second to import and scipy.fft a third of one, so the program loads
them only when a measure needs them (the command line and the games stay quick to start). For a
calibration or a balance test that moment is its end, when the results appear: loaded then, the
window froze for 1.4-1.6 s (measured on the real screens with the simulated player). A test
lasts half a minute or more, so the screens that end in one start loading them as the test
starts, in a background thread. Python's import lock makes a results computation that comes
sooner simply wait for the load to finish, as it would have waited anyway.
"""

from __future__ import annotations

import importlib
import sys
import threading

# What the results of a calibration, a limits-of-stability or a standing test compute with.
RESULTS_MODULES = ("scipy.signal", "scipy.fft", "balance_game.dsp.sway", "balance_game.dsp.los")


def preload_results_modules() -> threading.Thread | None:
    """Start importing ``RESULTS_MODULES`` in a daemon thread and return it; None when an
    earlier test of this run has loaded them already."""
    if all(name in sys.modules for name in RESULTS_MODULES):
        return None
    thread = threading.Thread(target=_import_all, args=(RESULTS_MODULES,), name="preload",
                              daemon=True)
    thread.start()
    return thread


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            return  # the results' own import says what is missing, in the main thread

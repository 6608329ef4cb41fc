"""Start-up as a person meets it: the real command, in a fresh process each time."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from balance_game.render.window import FIRST_FRAME_ENV


def _wall_s(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True, timeout=60)
    return time.perf_counter() - start


def version_vs_bare_python(repeats: int) -> dict[str, float]:
    """Median wall time of `balance-game --version` and of `python -c pass`, interleaved."""
    env = dict(os.environ)
    ours, bare = [], []
    for _ in range(repeats):
        ours.append(_wall_s([sys.executable, "-m", "balance_game", "--version"], env))
        bare.append(_wall_s([sys.executable, "-c", "pass"], env))
    version_s, python_s = statistics.median(ours), statistics.median(bare)
    return {"version_s": round(version_s, 3), "python_s": round(python_s, 3),
            "version_above_python_s": round(version_s - python_s, 3)}


def first_frame_s(display: str | None, repeats: int) -> float:
    """Median time from launching `balance-game --window` to its first frame presented.

    The real command runs with a throwaway database and settings; the window notes the moment
    its first present returns (see ``FIRST_FRAME_ENV``) and closes. Without a display the dummy
    video driver stands in (no present cost).
    """
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as scratch:
            stamp = Path(scratch) / "first-frame"
            env = {**os.environ, FIRST_FRAME_ENV: str(stamp), "SDL_AUDIODRIVER": "dummy",
                   "BALANCE_GAME_DB": str(Path(scratch) / "f.db"),
                   "BALANCE_GAME_CONFIG": str(Path(scratch) / "settings.yaml")}
            env.update({"SDL_VIDEODRIVER": "x11", "DISPLAY": display} if display
                       else {"SDL_VIDEODRIVER": "dummy"})
            start = time.monotonic()
            subprocess.run([sys.executable, "-m", "balance_game", "--window"], env=env,
                           check=True, capture_output=True, timeout=60)
            times.append(float(stamp.read_text()) - start)
    return round(statistics.median(times), 3)

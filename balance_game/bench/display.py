"""A display for the window benchmarks: the session's own, or a private Xvfb started for the run.

Under Xvfb there is no GPU: OpenGL is Mesa's llvmpipe, like many home PCs without a working
graphics driver, which is exactly the machine where presenting a frame can cost more than
drawing it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCREEN = "1920x1080x24"


@dataclass(frozen=True)
class Display:
    name: str  # the DISPLAY value
    server_pid: int | None  # Xvfb's process id when the bench started it (its CPU is counted)

    def server_cpu_s(self) -> float | None:
        """CPU seconds the X server has used so far: with direct presenting it does the copy."""
        if self.server_pid is None:
            return None
        fields = Path(f"/proc/{self.server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def display() -> Iterator[Display | None]:
    """The display to open windows on, or None when there is neither one nor Xvfb."""
    if os.environ.get("DISPLAY") and os.environ.get("SDL_VIDEODRIVER", "x11") == "x11":
        yield Display(os.environ["DISPLAY"], None)
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", SCREEN,
                               "-nolisten", "tcp"], pass_fds=(write_fd,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as ready:  # Xvfb writes its display number once it accepts clients
            number = ready.readline().strip()
        if not number:
            yield None
            return
        yield Display(f":{number}", server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)

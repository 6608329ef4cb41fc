"""The window: the only module that opens a display.

It also chooses how SDL presents a frame. The game draws every frame in software into a
surface; SDL then shows that surface either through an OpenGL texture ("framebuffer
acceleration") or by handing the pixels to the window system directly (X11 shared memory). With
a GPU the texture path is cheap, but with a software OpenGL (Mesa llvmpipe: laptops without a
working driver, virtual machines, Xvfb) it costs 5-10 times the drawing itself: 15 ms of CPU per
1080p frame here against 0.5 ms for the direct path. So where the OpenGL renderer is software,
the direct path is chosen; a person's own SDL_FRAMEBUFFER_ACCELERATION always wins.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pygame

from balance_game import __version__
from balance_game.errors import UserError
from balance_game.i18n import N_, _

DEFAULT_WINDOW_SIZE = (1280, 720)
FRAMEBUFFER_HINT = "SDL_FRAMEBUFFER_ACCELERATION"
# OpenGL renderer names (lower case) of rasterisers that run on the CPU
SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader",
                      "gdi generic", "microsoft basic render")
GL_RENDERER = 0x1F01
NO_SCREEN_DRIVERS = ("offscreen", "dummy")  # SDL's fallbacks when it finds no display
NO_SCREEN = N_("no screen was found (no DISPLAY or WAYLAND_DISPLAY); start the game from a "
             "desktop session, or use `balance-game play --headless`")
# `balance-game bench` times launch to first frame through the real command: with this set, the
# window writes the monotonic time of its first present to the named file and asks to close.
FIRST_FRAME_ENV = "BALANCE_GAME_FIRST_FRAME_FILE"


@dataclass(frozen=True)
class Presentation:
    """How frames reach the screen: ``accelerated`` None leaves SDL's own default."""

    accelerated: bool | None
    reason: str


def is_software_renderer(renderer: str) -> bool:
    return any(name in renderer.lower() for name in SOFTWARE_RENDERERS)


def choose_presentation(driver: str, environ: Mapping[str, str], has_render_node: bool,
                        probe: Callable[[], str | None]) -> Presentation:
    """Decide before the window opens. Only X11 offers both paths with a costly default: on
    Windows SDL already draws directly, on Wayland and macOS there is no direct path."""
    if FRAMEBUFFER_HINT in environ:
        return Presentation(None, f"{FRAMEBUFFER_HINT}={environ[FRAMEBUFFER_HINT]} (set by the user)")
    if driver != "x11":
        return Presentation(None, f"SDL default for the {driver} video driver")
    if environ.get("LIBGL_ALWAYS_SOFTWARE", "0") not in ("", "0", "false"):
        return Presentation(False, "direct: LIBGL_ALWAYS_SOFTWARE asks for software OpenGL")
    if not has_render_node:
        return Presentation(False, "direct: no GPU render node (/dev/dri), OpenGL would be software")
    renderer = probe()
    if renderer is None:
        return Presentation(False, "direct: no OpenGL context could be made")
    if is_software_renderer(renderer):
        return Presentation(False, f"direct: OpenGL renderer is software ({renderer})")
    return Presentation(True, f"OpenGL texture: hardware renderer ({renderer})")


def _has_render_node() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    dri = Path("/dev/dri")
    return dri.is_dir() and any(p.name.startswith(("renderD", "card")) for p in dri.iterdir())


def _probe_gl_renderer(size: tuple[int, int]) -> str | None:
    """The OpenGL renderer's name, read from a hidden OpenGL window (about 40 ms). It has the
    game window's size, so the window SDL then reuses for the game sits where it should."""
    library = ctypes.util.find_library("GL")
    if library is None:
        return None
    try:
        pygame.display.set_mode(size, pygame.OPENGL | pygame.HIDDEN)
        get_string = ctypes.CDLL(library).glGetString
        get_string.restype = ctypes.c_char_p
        get_string.argtypes = [ctypes.c_uint]
        name = get_string(GL_RENDERER)
    except (pygame.error, OSError, AttributeError):
        return None
    return name.decode("utf-8", "replace") if name else None


def no_display_on_linux() -> bool:
    """On Linux a window needs an X or Wayland session; without one, say so before SDL probes
    (its probes print their own complaints) unless a driver was chosen on purpose."""
    return (sys.platform.startswith("linux") and not os.environ.get("SDL_VIDEODRIVER")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def check_screen() -> None:
    """A window nobody can see is worse than none: when SDL found no display and fell back to
    drawing into memory (and nobody asked for that with SDL_VIDEODRIVER), say so and stop."""
    driver = pygame.display.get_driver()
    if driver in NO_SCREEN_DRIVERS and os.environ.get("SDL_VIDEODRIVER") != driver:
        pygame.display.quit()
        raise UserError(_(NO_SCREEN))


class Window:
    def __init__(self, fullscreen: bool, size: tuple[int, int] = DEFAULT_WINDOW_SIZE) -> None:
        if no_display_on_linux():
            raise UserError(_(NO_SCREEN))
        try:
            pygame.display.init()
            check_screen()
            pygame.font.init()
            self.presentation = choose_presentation(
                pygame.display.get_driver(), os.environ, _has_render_node(),
                lambda: _probe_gl_renderer(size if not fullscreen else (1, 1)))
            if self.presentation.accelerated is not None:
                # SDL reads its hints from the environment when the window's surface is made
                os.environ[FRAMEBUFFER_HINT] = "1" if self.presentation.accelerated else "0"
            pygame.display.set_caption(f"Balance Game {__version__}")
            flags = pygame.FULLSCREEN if fullscreen else 0
            self.surface = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
        except pygame.error as exc:
            raise UserError(_("cannot open the game window ({error}); run it on a computer with a "
                              "screen, or use `balance-game play --headless`").format(error=exc)
                            ) from None
        pygame.mouse.set_visible(True)
        self._first_frame_file = os.environ.pop(FIRST_FRAME_ENV, None)
        self._closing = False

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def flip(self) -> None:
        pygame.display.flip()
        if self._first_frame_file is not None:
            if not self._closing:
                Path(self._first_frame_file).write_text(repr(time.monotonic()))
                self._closing = True
            # the close button, every frame until the game has gone ("Stop for today?" asks once)
            pygame.event.post(pygame.event.Event(pygame.QUIT))

    def close(self) -> None:
        pygame.display.quit()


class OffscreenWindow:
    """A window-shaped surface with no display behind it: benchmarks and tests draw here."""

    def __init__(self, size: tuple[int, int], on_flip=None) -> None:
        pygame.display.init()  # for the event queue; no window is opened
        pygame.font.init()
        self.surface = pygame.Surface(size)
        self.on_flip = on_flip
        self.presentation = Presentation(None, "offscreen: never presented")

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def flip(self) -> None:
        if self.on_flip is not None:
            self.on_flip()

    def close(self) -> None:
        """Nothing to release: the surface is freed with the object."""

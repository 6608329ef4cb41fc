"""The window: the only module that opens a display."""

from __future__ import annotations

import os
import sys

import pygame

from balance_game import __version__
from balance_game.errors import UserError
from balance_game.i18n import N_, _

DEFAULT_WINDOW_SIZE = (1280, 720)
NO_SCREEN_DRIVERS = ("offscreen", "dummy")  # SDL's fallbacks when it finds no display


NO_SCREEN = N_("no screen was found (no DISPLAY or WAYLAND_DISPLAY); start the game from a "
             "desktop session, or use `balance-game play --headless`")


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
            pygame.display.set_caption(f"Balance Game {__version__}")
            flags = pygame.FULLSCREEN if fullscreen else 0
            self.surface = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
        except pygame.error as exc:
            raise UserError(_("cannot open the game window ({error}); run it on a computer with a "
                              "screen, or use `balance-game play --headless`").format(error=exc)
                            ) from None
        pygame.mouse.set_visible(True)

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def flip(self) -> None:
        pygame.display.flip()

    def close(self) -> None:
        pygame.display.quit()


class OffscreenWindow:
    """A window-shaped surface with no display behind it: benchmarks and tests draw here."""

    def __init__(self, size: tuple[int, int], on_flip=None) -> None:
        pygame.display.init()  # for the event queue; no window is opened
        pygame.font.init()
        self.surface = pygame.Surface(size)
        self.on_flip = on_flip

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def flip(self) -> None:
        if self.on_flip is not None:
            self.on_flip()

    def close(self) -> None:
        """Nothing to release: the surface is freed with the object."""

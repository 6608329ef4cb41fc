"""The window: the only module that opens a display."""

from __future__ import annotations

import pygame

from balance_game import __version__
from balance_game.errors import UserError

DEFAULT_WINDOW_SIZE = (1280, 720)


class Window:
    def __init__(self, fullscreen: bool, size: tuple[int, int] = DEFAULT_WINDOW_SIZE) -> None:
        try:
            pygame.display.init()
            pygame.font.init()
            pygame.display.set_caption(f"Balance Game {__version__}")
            flags = pygame.FULLSCREEN if fullscreen else 0
            self.surface = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
        except pygame.error as exc:
            raise UserError(f"cannot open the game window ({exc}); run it on a computer with a "
                            "screen, or use `balance-game play --headless`") from None
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

"""The window: the only module that opens a display."""

from __future__ import annotations

import pygame

from balance_game import __version__

DEFAULT_WINDOW_SIZE = (1280, 720)


class Window:
    def __init__(self, fullscreen: bool, size: tuple[int, int] = DEFAULT_WINDOW_SIZE) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(f"Balance Game {__version__}")
        if fullscreen:
            self.surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.surface = pygame.display.set_mode(size)
        pygame.mouse.set_visible(True)

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def flip(self) -> None:
        pygame.display.flip()

    def close(self) -> None:
        pygame.display.quit()

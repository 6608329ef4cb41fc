"""Looking for a balance board in the background while a screen explains how to connect it.

Enumerating and opening HID devices can take a moment (and Bluetooth longer), so it runs on its
own thread every ``INTERVAL_S`` and hands over the first board that answers; the screen stays
smooth and the person only has to press SYNC.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from balance_game.errors import UserError
from balance_game.i18n import _

if TYPE_CHECKING:
    from balance_game.devices.board_source import BoardSource
    from balance_game.devices.hid_backend import HidBackend

INTERVAL_S = 2.0


class BoardFinder:
    def __init__(self, backend: HidBackend | None = None) -> None:
        self._backend = backend
        self._found: BoardSource | None = None
        self._problem = ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._look, name="board-finder", daemon=True)
        self._thread.start()

    def _look(self) -> None:
        from balance_game.devices.board_source import open_auto_board

        while not self._stop.is_set():
            try:
                board = open_auto_board(backend=self._backend)
            except UserError as exc:  # e.g. no permission to open it: say how to fix that
                board, problem = None, str(exc)
            else:
                problem = ""
            with self._lock:
                self._problem = problem
                if board is not None and self._stop.is_set():
                    board.close()  # found just as the person chose another device
                    return
                if board is not None:
                    self._found = board
                    return
            self._stop.wait(INTERVAL_S)

    def take(self) -> BoardSource | None:
        """The board, once (None until one answered)."""
        with self._lock:
            board, self._found = self._found, None
        return board

    def status(self) -> str:
        with self._lock:
            return self._problem or _("Looking for the board…")

    def stop(self) -> None:
        """Stop looking without waiting for a search under way (it closes what it finds)."""
        self._stop.set()
        board = self.take()
        if board is not None:
            board.close()

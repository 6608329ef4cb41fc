"""Looking for a balance board in the background while a screen explains how to connect it.

Enumerating and opening HID devices can take a moment (and Bluetooth longer), so it runs on its
own thread every ``INTERVAL_S`` and hands over the first board that answers; the screen stays
smooth and the person only has to press SYNC. With a ``pair`` round (Linux: BlueZ) an unpaired
board is paired, trusted and connected in between, and each step shows in ``status``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from balance_game.errors import UserError
from balance_game.i18n import _

if TYPE_CHECKING:
    from balance_game.devices.board_source import BoardSource
    from balance_game.devices.hid_backend import HidBackend

INTERVAL_S = 2.0
# One round of pairing (Linux: BlueZ), saying each step; False when there is nothing to ask.
Pairer = Callable[[Callable[[str], None]], bool]


class BoardFinder:
    def __init__(self, backend: HidBackend | None = None, pair: Pairer | None = None) -> None:
        self._backend = backend
        self._pair = pair
        self._found: BoardSource | None = None
        self._problem = ""
        self._step = ""
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
            if self._pair is not None and not problem and not self._pair(self._say):
                self._pair = None  # no Bluetooth service to ask: keep looking for the board
            self._stop.wait(INTERVAL_S)

    def _say(self, words: str) -> None:
        with self._lock:
            self._step = words

    def take(self) -> BoardSource | None:
        """The board, once (None until one answered)."""
        with self._lock:
            board, self._found = self._found, None
        return board

    def status(self) -> str:
        with self._lock:
            return self._problem or _(self._step) or _("Looking for the board…")

    def stop(self) -> None:
        """Stop looking without waiting for a search under way (it closes what it finds)."""
        self._stop.set()
        board = self.take()
        if board is not None:
            board.close()

"""Start the game, draw its first frame, and exit: what `bench` times as launch-to-first-frame."""

from balance_game.game.runner import first_frame_only

first_frame_only()

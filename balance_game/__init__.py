"""balance_game: gamified balance training with therapist-grade records."""

__version__ = "0.1.0"

import os as _os

# pygame prints a greeting on import; a command-line tool's output is not the place for it.
_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

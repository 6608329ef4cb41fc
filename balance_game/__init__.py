"""balance_game: gamified balance training with therapist-grade records."""

__version__ = "0.1.0"

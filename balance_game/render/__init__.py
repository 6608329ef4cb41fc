"""Drawing: the window (the only display owner), the theme, and one view per screen or game."""

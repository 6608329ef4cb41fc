"""The game: a fixed-step loop, a stack of scenes, and pure rules for each mechanic."""

"""The pure core: shared records, the rules of every game, protocols, control, difficulty, levels.

Nothing here draws, plays sound, talks to a device or touches the database, so the same inputs and
seed always give the same outputs (replays, the simulated player and the tests rely on it).
"""

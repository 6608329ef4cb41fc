"""The registry of mechanics, by the name level files use."""

from __future__ import annotations

from balance_game.game.mechanics.base import Mechanic
from balance_game.game.mechanics.catch import Catch
from balance_game.game.mechanics.reach import Reach
from balance_game.game.mechanics.rhythm import Rhythm
from balance_game.game.mechanics.tilt import Tilt

MECHANICS: dict[str, Mechanic] = {m.name: m for m in (Reach(), Tilt(), Rhythm(), Catch())}

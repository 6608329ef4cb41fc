"""The registry of mechanics, by the name level files use."""

from __future__ import annotations

from balance_game.game.mechanics.base import Mechanic
from balance_game.game.mechanics.catch import Catch
from balance_game.game.mechanics.reach import Reach
from balance_game.game.mechanics.rhythm import Rhythm
from balance_game.game.mechanics.slalom import Slalom
from balance_game.game.mechanics.steady import Steady
from balance_game.game.mechanics.tilt import Tilt
from balance_game.game.mechanics.track import Track

MECHANICS: dict[str, Mechanic] = {
    m.name: m for m in (Reach(), Steady(), Slalom(), Track(), Tilt(), Rhythm(), Catch())
}

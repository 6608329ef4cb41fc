"""The registry of mechanics, by the name level files use."""

from __future__ import annotations

from balance_game.core.mechanics.base import Mechanic
from balance_game.core.mechanics.catch import Catch
from balance_game.core.mechanics.dual import Dual
from balance_game.core.mechanics.reach import Reach
from balance_game.core.mechanics.rhythm import Rhythm
from balance_game.core.mechanics.slalom import Slalom
from balance_game.core.mechanics.steady import Steady
from balance_game.core.mechanics.tilt import Tilt
from balance_game.core.mechanics.track import Track
from balance_game.core.mechanics.transfer import Transfer

MECHANICS: dict[str, Mechanic] = {
    m.name: m for m in (Reach(), Steady(), Slalom(), Track(), Tilt(), Rhythm(), Catch(), Dual(),
                        Transfer())
}

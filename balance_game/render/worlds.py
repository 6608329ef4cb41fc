"""The five worlds' looks: a palette and a time of day each, so a player sees how far they came.

A level's ``world`` number (levels/*.yaml) picks a ``WorldLook``: world 1 is a dawn meadow, 2 a
bright midday, 3 a golden afternoon, 4 a sunset, 5 a starry night (worlds beyond 5 reuse the
night). The scenery (sky, hills, sun or moon, trees) may be any colour; the *field* a game is
played on (the piste, the lake, the table, the arena) is a material (snow, water, wood, ...)
tinted by the world's light and then held dark enough that every element a player must see
keeps WCAG AA contrast on it: >= 3:1 for the marker, targets, rings and marks, >= 4.5:1 for
text (tests/render/test_worlds.py checks every world and material).
"""

from __future__ import annotations

from dataclasses import dataclass

from balance_game.render.theme import Colour

FIELD_LUMINANCE = 0.03  # a field's relative luminance: dark enough for every task colour
TEXTURE_LUMINANCE = 0.04  # the lighter marks on a field (grain, ripples) stay at 0.04
PLATE_LUMINANCE = 0.012  # the plates behind prompts and labels

MATERIALS: dict[str, Colour] = {
    "snow": (40, 80, 170),  # snow in shade is blue
    "water": (0, 110, 150),
    "wood": (150, 80, 30),
    "air": (40, 80, 180),
    "stage": (110, 50, 150),
    "grass": (40, 120, 50),
    "stone": (120, 110, 95),  # cobbles and stepping stones
}


@dataclass(frozen=True)
class WorldLook:
    """One world's light: its sky, hills, sun or moon and the tint its fields take."""

    number: int
    name: str
    time_of_day: str
    sky_top: Colour
    sky_bottom: Colour
    far_hills: Colour
    near_hills: Colour
    light: Colour  # the tint of the world's light on fields and scenery
    sun: Colour
    sun_height: float  # 0 at the horizon, 1 at the top of the sky
    night: bool = False  # a moon and stars instead of a sun and clouds
    cloud: Colour = (255, 255, 255)
    foliage: Colour = (40, 110, 60)
    snow_light: Colour = (235, 242, 250)

    def field(self, material: str) -> Colour:
        """The colour a game's playing surface of ``material`` takes in this world."""
        return at_luminance(mix(MATERIALS[material], self.light, 0.2), FIELD_LUMINANCE)

    def far_field(self, material: str) -> Colour:
        """The far end of a field, toward the horizon, taking the colour of the sky there: a
        field runs from this (top) to ``field`` (bottom), so each world shows in the field."""
        return at_luminance(mix(MATERIALS[material], self.sky_bottom, 0.6), FIELD_LUMINANCE)

    def texture(self, material: str) -> Colour:
        """The lighter marks on that field (wood grain, ripples, snow tracks)."""
        return at_luminance(mix(MATERIALS[material], self.light, 0.2), TEXTURE_LUMINANCE)

    def plate(self) -> Colour:
        """The plate behind a prompt or label drawn over the scenery."""
        return at_luminance(mix((40, 50, 70), self.light, 0.25), PLATE_LUMINANCE)


WORLDS: tuple[WorldLook, ...] = (
    WorldLook(1, "Dawn meadow", "dawn", sky_top=(88, 96, 168), sky_bottom=(252, 190, 160),
              far_hills=(150, 130, 170), near_hills=(70, 120, 90), light=(255, 190, 170),
              sun=(255, 214, 150), sun_height=0.15, foliage=(50, 110, 80),
              snow_light=(250, 230, 235)),
    WorldLook(2, "Sunny day", "midday", sky_top=(60, 140, 225), sky_bottom=(185, 225, 250),
              far_hills=(110, 170, 140), near_hills=(60, 150, 70), light=(200, 230, 255),
              sun=(255, 248, 200), sun_height=0.85, foliage=(35, 120, 55)),
    WorldLook(3, "Golden afternoon", "afternoon", sky_top=(90, 150, 210),
              sky_bottom=(250, 220, 150), far_hills=(170, 160, 110), near_hills=(120, 130, 50),
              light=(255, 215, 130), sun=(255, 230, 140), sun_height=0.5,
              foliage=(90, 110, 40), snow_light=(252, 242, 220)),
    WorldLook(4, "Sunset", "sunset", sky_top=(60, 40, 110), sky_bottom=(250, 130, 80),
              far_hills=(110, 60, 110), near_hills=(60, 35, 70), light=(255, 140, 100),
              sun=(255, 120, 70), sun_height=0.05, cloud=(255, 180, 170), foliage=(50, 40, 70),
              snow_light=(250, 205, 200)),
    WorldLook(5, "Starry night", "night", sky_top=(6, 10, 32), sky_bottom=(30, 42, 92),
              far_hills=(28, 36, 70), near_hills=(14, 20, 42), light=(120, 150, 255),
              sun=(240, 240, 220), sun_height=0.7, night=True, cloud=(90, 100, 150),
              foliage=(20, 40, 50), snow_light=(170, 185, 225)),
)


def look_for(world: int) -> WorldLook:
    """The look of a level's world (1..9); worlds past the last reuse its look."""
    return WORLDS[min(max(world, 1), len(WORLDS)) - 1]


def mix(a: Colour, b: Colour, share: float) -> Colour:
    """``a`` moved ``share`` of the way toward ``b``."""
    return (round(a[0] + (b[0] - a[0]) * share), round(a[1] + (b[1] - a[1]) * share),
            round(a[2] + (b[2] - a[2]) * share))


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: Colour) -> float:
    """WCAG relative luminance."""
    r, g, b = (_linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def at_luminance(colour: Colour, target: float) -> Colour:
    """``colour`` scaled (same hue) until its luminance is at most ``target``."""
    low, high = 0.0, 1.0
    for _ in range(20):
        mid = (low + high) / 2
        scaled = tuple(min(255, round(c * mid / max(colour) * 255)) for c in colour)
        if luminance(scaled) <= target:  # type: ignore[arg-type]
            low = mid
        else:
            high = mid
    return tuple(min(255, int(c * low / max(colour) * 255)) for c in colour)  # type: ignore[return-value]

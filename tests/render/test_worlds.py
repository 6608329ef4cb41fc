"""Every world keeps what a player must see at WCAG AA contrast on every playing field.

Luminance and contrast come from tests/wcag.py, written out from the WCAG 2.1 definitions (not
imported from the game) and checked against WCAG's own examples in tests/test_theme.py.
"""

import pytest
from wcag import contrast

from balance_game.render import theme
from balance_game.render.tilt_view import MAPLE
from balance_game.render.worlds import MATERIALS, WORLDS, look_for

# what a player must be able to pick out on a field: marker, targets, rings, ticks and crosses
GRAPHICS = {"player": theme.PLAYER, "target": theme.ACCENT, "white": theme.TEXT,
            "good": theme.GOOD, "warn": theme.WARN, "bad": theme.BAD, "outline": theme.OUTLINE}
TEXTS = {"text": theme.TEXT, "dim text": theme.TEXT_DIM, "target text": theme.ACCENT}




def test_contrast_formula_matches_the_wcag_examples():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("material", sorted(MATERIALS))
@pytest.mark.parametrize("look", WORLDS, ids=lambda w: w.name)
def test_task_graphics_and_labels_stand_out_on_every_field(look, material):
    for surface in (look.field(material), look.far_field(material), look.texture(material)):
        for name, colour in GRAPHICS.items():
            assert contrast(colour, surface) >= 3.0, (look.name, material, name, surface)
        for name, colour in TEXTS.items():
            assert contrast(colour, surface) >= 4.5, (look.name, material, name, surface)


@pytest.mark.parametrize("look", WORLDS, ids=lambda w: w.name)
def test_prompts_on_their_plate_read_over_any_sky(look):
    for colour in (theme.TEXT, theme.TEXT_DIM, theme.ACCENT, theme.PLAYER):
        assert contrast(colour, look.plate()) >= 4.5


@pytest.mark.parametrize("look", WORLDS, ids=lambda w: w.name)
def test_maze_rails_stand_out_on_the_wooden_board(look):
    assert contrast(MAPLE, look.field("wood")) >= 3.0


def test_each_world_has_its_own_light_and_time_of_day():
    assert len({w.time_of_day for w in WORLDS}) == len(WORLDS) == 5
    skies = [w.sky_top + w.sky_bottom for w in WORLDS]
    for i, a in enumerate(skies):
        for b in skies[i + 1:]:
            assert sum(abs(x - y) for x, y in zip(a, b, strict=True)) > 90
    # each world tints its fields, so even the field shows where the player is
    assert len({w.field("snow") for w in WORLDS}) == 5


def test_levels_past_the_last_world_keep_its_look():
    assert look_for(1) is WORLDS[0] and look_for(5) is WORLDS[4]
    assert look_for(9) is WORLDS[4] and look_for(0) is WORLDS[0]


def _play_points(view, mechanic):
    """Screen points where the marker or a target can be, per game (lean units -> pixels)."""
    steps = [i / 10 for i in range(-10, 11)]
    if mechanic in ("reach", "steady", "track"):
        reach = 0.95 if mechanic == "reach" else 0.7
        return [view.to_screen(x * reach, y * reach) for x in steps for y in steps
                if x * x + y * y <= 1.0]
    if mechanic == "slalom":
        return [(view.x(x), y) for x in steps for y in range(view.top, view.skier_y, 12)]
    if mechanic == "catch":
        return [(view.x_screen(x), y) for x in steps for y in range(view.shore + 4,
                                                                     view.ground_y, 12)]
    if mechanic == "tilt":
        board = view.board.inflate(-8, -8)
        return [(x, y) for x in range(board.left, board.right, 12)
                for y in range(board.top, board.bottom, 12)]
    if mechanic == "dual":
        square = view.square.inflate(-20, -20)
        return [(x, y) for x in range(square.left, square.right, 12)
                for y in range(square.top, square.bottom, 12)]
    if mechanic == "transfer":  # the stream and its stones, where the feet and the track are
        return [(view.area.centerx + x, y) for y in range(view.horizon + 4, view.area.bottom, 12)
                for x in range(-round(view.half_width(y)) + 12, round(view.half_width(y)) - 12,
                               12)]
    stage = view.area.inflate(-2 * view.curtain_w - 20, -20)  # rhythm
    return [(x, y) for x in range(stage.left, stage.right, 12)
            for y in range(stage.top, stage.bottom, 12)]


@pytest.mark.parametrize("look", WORLDS, ids=lambda w: w.name)
def test_the_painted_scenery_under_the_play_keeps_the_marker_and_targets_visible(look):
    """What the views actually paint where the play happens (not only the palette) leaves the
    marker and the targets at >= 3:1, apart from the odd thin guide line or sparkle."""
    import pygame

    from balance_game.render.theme import Theme
    from balance_game.render.views import VIEWS, view_for

    pygame.init()
    for mechanic in VIEWS:
        view = view_for(mechanic, pygame.Surface((1280, 720)), Theme(720), look.number)
        layer = view.static_layer()
        colours = [tuple(layer.get_at(p))[:3] for p in _play_points(view, mechanic)]
        good = [c for c in colours
                if contrast(c, theme.PLAYER) >= 3.0 and contrast(c, theme.ACCENT) >= 3.0]
        assert len(colours) > 100
        assert len(good) >= 0.97 * len(colours), (mechanic, look.name,
                                                  sorted(set(colours) - set(good))[:5])


@pytest.mark.parametrize("look", WORLDS, ids=lambda w: w.name)
def test_what_stands_on_the_stepping_stones_keeps_aa_contrast(look):
    """The weight-transfer feet stand on stones, not on the water: the toes, rings, outlines
    and numbers drawn over a stone read at WCAG AA too."""
    import pygame

    from balance_game.render.theme import Theme
    from balance_game.render.views import view_for

    view = view_for("transfer", pygame.Surface((1280, 720)), Theme(720), look.number)
    for name, colour in GRAPHICS.items():
        assert contrast(colour, view.stone) >= 3.0, (look.name, name, view.stone)
    for name, colour in TEXTS.items():
        assert contrast(colour, view.stone) >= 4.5, (look.name, name, view.stone)


@pytest.mark.parametrize("look", WORLDS, ids=lambda w: w.name)
def test_the_lake_takes_its_own_colours_and_keeps_aa_contrast(look):
    """The catch game's lake mirrors each world's sky in its own colours (not the shared water
    field): the fish, rock, boat, posts and legend still read on all of them."""
    import pygame

    from balance_game.render.theme import Theme
    from balance_game.render.views import view_for

    view = view_for("catch", pygame.Surface((1280, 720)), Theme(720), look.number)
    for surface in (view.far_field, view.field, view.texture):
        for name, colour in GRAPHICS.items():
            assert contrast(colour, surface) >= 3.0, (look.name, name, surface)
        for name, colour in TEXTS.items():
            assert contrast(colour, surface) >= 4.5, (look.name, name, surface)


def test_the_five_lakes_can_be_told_apart():
    """Near and far water differ clearly between any two worlds (sum of channel differences)."""
    import pygame

    from balance_game.render.theme import Theme
    from balance_game.render.views import view_for

    lakes = [view_for("catch", pygame.Surface((1280, 720)), Theme(720), w.number) for w in WORLDS]
    waters = [lake.field + lake.far_field for lake in lakes]
    for i, a in enumerate(waters):
        for b in waters[i + 1:]:
            assert sum(abs(x - y) for x, y in zip(a, b, strict=True)) > 60, (a, b)

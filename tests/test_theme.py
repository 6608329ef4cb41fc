"""Every text colour on every background the theme uses passes WCAG AAA for body text (7:1)."""

import pytest
from wcag import contrast

from balance_game.render import theme


@pytest.mark.parametrize(("text", "background"), theme.TEXT_PAIRS)
def test_text_pairs_meet_wcag_aaa(text, background):
    assert contrast(text, background) >= 7.0, (text, background)


def test_body_text_is_at_least_four_percent_of_the_screen_height():
    assert theme.SIZES["body"] >= 0.04 and theme.SIZES["small"] >= 0.04


def test_contrast_formula_matches_the_wcag_examples():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_colour_items_stand_out_from_their_zone_and_each_carries_its_name():
    """Non-text contrast (WCAG 1.4.11, 3:1) of every colour item on the dark zone it sits in;
    the rules' colour names are exactly the colours drawn (each item is labelled with it)."""
    from balance_game.core.mechanics.dual import COLOURS

    assert set(theme.ITEM_COLOURS) == set(COLOURS)
    for name, colour in theme.ITEM_COLOURS.items():
        assert contrast(colour, theme.BACKGROUND) >= 3.0, name

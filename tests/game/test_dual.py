"""Think and lean: rules that change, go/no-go, errors by kind, reaction time, sway while deciding."""

import math

import pytest
from mech_play import DT, follow_goal, play, simulate, still, success_rate

from balance_game.core.control import Axes
from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.dual import (
    CATEGORIES,
    COLOUR_WORDS,
    MIN_CLEAR,
    SHAPE_WORDS,
    Item,
    Rule,
    item_label,
)
from balance_game.i18n import _, set_language

DUAL = MECHANICS["dual"]
BASE = {p.name: p.default for p in DUAL.params}


def params(**changes):
    return {**BASE, **changes}


def test_rules_read_plainly_and_pick_the_right_values():
    assert Rule("colour", "blue").text == "Lean to the colour BLUE"
    assert Rule("shape", "star").text == "Lean to the shape STAR"
    assert Rule("number", "even").text == "Lean to an EVEN number"
    assert Rule("word", "fruit").text == "Lean to a FRUIT"
    assert Rule("number", "even").fits("4") and not Rule("number", "even").fits("7")
    assert Rule("word", "animal").fits("owl") and not Rule("word", "animal").fits("hat")
    for kind, categories in CATEGORIES.items():  # every value belongs to one category only
        values = [v for vs in categories.values() for v in vs]
        assert len(values) == len(set(values)), kind


def test_a_player_who_follows_the_rule_gets_every_try_right():
    world = DUAL.new_world(params(nogo_share=0.3, items=4), 30, seed=2)
    outcomes = play(DUAL, world, follow_goal(DUAL), 400)
    assert len(outcomes) == 30 and all(o.success for o in outcomes)
    gos = [o.measures["go"] for o in outcomes]
    assert any(gos) and not all(gos)  # both kinds of try happened
    for o in outcomes:
        m = o.measures
        assert m["errors"] == 0 and m["error"] == "none"
        if m["go"]:
            assert m["choice"] != "none" and m["response_time_s"] > 0
            assert m["reaction_time_s"] <= m["response_time_s"]
        else:
            assert m["choice"] == "none" and m["response_time_s"] is None


def test_standing_still_misses_every_go_try_and_passes_every_no_go_try():
    world = DUAL.new_world(params(nogo_share=0.4, window_s=1.5), 20, seed=3)
    outcomes = play(DUAL, world, still, 200)
    for o in outcomes:
        m = o.measures
        if m["go"]:
            assert not o.success and m["error"] == "no_response"
            assert (m["omission_error"], m["wrong_item_error"], m["commission_error"]) == (1, 0, None)
        else:
            assert o.success
            assert (m["omission_error"], m["wrong_item_error"], m["commission_error"]) == (None, None, 0)
        assert o.t_end_s - o.t_start_s == pytest.approx(1.5, abs=2 * DT)


def test_choosing_a_wrong_item_is_an_error_and_moving_on_no_go_too():
    def wrong(world):
        target = world.target()
        others = [i for i in world.items if i is not target]
        if world.phase != "choose" or not others:
            return Axes()
        return Axes(others[0].x, others[0].y)

    world = DUAL.new_world(params(nogo_share=0.3), 20, seed=4)
    outcomes = play(DUAL, world, wrong, 300)
    assert outcomes and not any(o.success for o in outcomes)
    kinds = {o.measures["error"] for o in outcomes}
    assert kinds == {"wrong_item", "no_go_moved"}
    for o in outcomes:  # a wrong item on a go try; moving on a no-go try is a commission
        m = o.measures
        expected = (0, 1, None) if m["go"] else (None, None, 1)
        assert (m["omission_error"], m["wrong_item_error"], m["commission_error"]) == expected
    assert all(o.score <= 10 for o in outcomes)


def test_the_rule_changes_every_few_tries_and_the_first_after_a_change_is_a_switch():
    world = DUAL.new_world(params(rule_every=3, nogo_share=0.0), 12, seed=5)
    outcomes = play(DUAL, world, follow_goal(DUAL), 300)
    rules = [(o.measures["rule"], o.measures["rule_target"]) for o in outcomes]
    for block in range(4):
        assert len(set(rules[3 * block: 3 * block + 3])) == 1
    assert all(rules[3 * b] != rules[3 * b - 1] for b in range(1, 4))
    switches = [o.measures["switch"] for o in outcomes]
    assert switches == [False, False, False] + [True, False, False] * 3
    kinds = [rule[0] for rule in rules[::3]]
    assert kinds == ["colour", "shape", "number", "word"]  # taken in turn
    # every rule is also said aloud (the play screen speaks the announcements)
    assert world.announcements == [Rule(*rule).text for rule in rules[::3]] + [world.rule.text]


def test_sway_while_deciding_is_the_rms_of_the_marker_before_it_moves():
    """A marker circling 2 % of the limits around the middle (never 5 % from where it was, so
    not yet a movement), then leaving for the item: the sway while deciding is the circle's
    radius (in % LOS), measured before the move."""
    r, f = 0.02, 1.0
    state = {"t": 0.0}

    def circling(world):
        state["t"] += DT
        if world.phase == "choose" and state["t"] - world.t_show_s > 2.0:
            target = world.target()
            return Axes(target.x, target.y)
        a = 2 * math.pi * f * state["t"]
        return Axes(r * math.cos(a), r * math.sin(a))

    world = DUAL.new_world(params(nogo_share=0.0, window_s=5.0), 1, seed=6)
    world.position = (r, 0.0)  # on the circle when the items appear
    DUAL.start_trial(world, 0.0)
    outcomes = play(DUAL, world, circling, 10)
    m = outcomes[0].measures
    assert outcomes[0].success
    assert m["decision_sway_rms_pct"] == pytest.approx(100 * r, rel=0.03)
    assert m["decision_sway_speed_pct_s"] == pytest.approx(100 * 2 * math.pi * r * f, rel=0.05)
    assert m["decision_time_s"] == pytest.approx(m["reaction_time_s"], abs=1.5 * DT)


def test_items_keep_clear_of_the_middle():
    world = DUAL.new_world(params(distance_pct=30.0, item_radius_pct=30.0), 1, seed=1)
    assert world.item_radius == pytest.approx(0.30 - MIN_CLEAR)


def test_a_paused_try_is_dropped_unscored():
    world = DUAL.new_world(params(), 3, seed=1)
    DUAL.start_trial(world, 0.0)
    DUAL.abort_trial(world)
    assert world.phase == "centre" and world.trial_index == 0 and not world.items


def test_the_simulated_player_does_worse_with_less_time_to_choose():
    easy = success_rate(DUAL, params(window_s=5.0), 0.5, 20)
    hard = success_rate(DUAL, params(window_s=1.0), 0.5, 20)
    assert easy > hard + 0.3, (easy, hard)


def test_the_simulated_player_sometimes_chooses_wrong_and_an_abler_one_less_often():
    def wrong_choices(ability):
        outcomes = simulate(DUAL, params(window_s=6.0, nogo_share=0.3), ability, 80, seed=3)
        return sum(o.measures["error"] in ("wrong_item", "no_go_moved") for o in outcomes)

    unsteady, able = wrong_choices(0.1), wrong_choices(0.9)
    assert unsteady > able + 3 and 1 <= able <= 10, (unsteady, able)


# English words of the rule sentences, none of which may be left in a translation
RULE_WORDS = {"Lean", "to", "the", "colour", "shape", "an", "a", "number", "piece", "of",
              "None?", "Stand", "New", "rule:"}  # ("still" is German too)


@pytest.mark.parametrize("code", ["de", "es"])
def test_every_rule_reads_in_the_players_language(code):
    rules = [Rule(kind, category) for kind, categories in CATEGORIES.items()
             for category in categories]
    expected = {"de": ("Lehnen Sie sich zur Farbe BLAU", "Lehnen Sie sich zu einer GERADEN Zahl"),
                "es": ("Inclínese hacia el color AZUL", "Inclínese hacia un número PAR")}[code]
    try:
        set_language(code)
        assert (_(Rule("colour", "blue").text), _(Rule("number", "even").text)) == expected
        for rule in rules:
            shown = _(rule.text)
            assert not RULE_WORDS & set(shown.split()), (code, shown)
            if rule.kind in ("colour", "shape"):  # the named colour or shape, translated
                word = (COLOUR_WORDS if rule.kind == "colour" else SHAPE_WORDS)[rule.category]
                assert shown.endswith(_(word)), (code, shown)
        world = DUAL.new_world(params(nogo_share=0.3), 10, seed=1)
        world.phase, world.switched = "centre", True  # between tries, after a rule change
        for prompt in (_(DUAL.prompt(world)), _(DUAL.trial_prompt(world))):
            assert _(world.rule.text) in prompt and not RULE_WORDS & set(prompt.split()), prompt
    finally:
        set_language("en")


@pytest.mark.parametrize("code", ["de", "es"])
def test_word_cards_and_colour_labels_are_in_the_players_language(code):
    items = [Item("left", kind, value, 0.0, 0.0) for kind in ("colour", "word")
             for values in CATEGORIES[kind].values() for value in values]
    try:
        set_language(code)
        shown = {item.value: _(item_label(item)) for item in items}
    finally:
        set_language("en")
    english = {item.value: _(item_label(item)) for item in items}
    assert len(set(shown.values())) == len(items)  # no two cards read the same
    assert all(shown[v] != english[v] for v in shown if (code, v) != ("de", "orange")), shown
    assert item_label(Item("left", "number", "7", 0.0, 0.0)) == "7"

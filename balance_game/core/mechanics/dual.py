"""Think and lean: lean toward the item that fits a rule, and stay still when none fits.

Cognitive-motor (dual-task) training after Dividat Senso's rule games: a rule ("the blue one",
"the star", "an even number", "an animal") picks one of two to four items shown to the sides;
the player leans into it. The rule changes every few tries, so the player must keep thinking,
and on go/no-go tries no item fits: then the task is to stand still. A colour rule never relies
on colour alone: every coloured item carries its colour's name.

Measures: the reaction time (items shown to the start of the movement), the response time (to
reaching an item), the kind of error (wrong item, no response (omission), moving on a no-go try
(commission)), each kind also as a 0/1 measure on the tries where it can happen, and the
sway while deciding (from the items appearing to the start of the movement), by the pinned
formulas of dsp/sway.py, in % of the player's limits of stability.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.mechanics.common import add_cue, clamp01, rnd
from balance_game.core.records import Goal
from balance_game.i18n import N_, phrase

MOVE_ONSET = 0.05  # lean units away from the start position that count as "started moving"
CHOOSE_S = 0.25  # inside an item this long chooses it: brushing past an edge does not
MIN_CLEAR = 0.15  # lean units between the middle and the nearest edge of an item
NOGO_MOVE = 0.6  # on a no-go try, leaning this share of the way to the items is a response
QUICK_RESPONSE_S = 0.4  # a response this fast scores full marks for speed
CALM_SWAY_PCT = 8.0  # RMS sway while deciding (% LOS) that scores zero for calm

# Where items sit, by how many there are: left and right first, then front, then back.
SLOTS: dict[str, tuple[float, float]] = {
    "left": (-1.0, 0.0), "right": (1.0, 0.0), "front": (0.0, 1.0), "back": (0.0, -1.0)}
SLOT_ORDER = ("left", "right", "front", "back")

COLOURS = ("blue", "orange", "green", "yellow", "purple")
SHAPES = ("circle", "square", "triangle", "star", "diamond")
WORDS: dict[str, tuple[str, ...]] = {
    "animal": ("cat", "dog", "cow", "hen", "fox", "owl"),
    "fruit": ("apple", "pear", "plum", "lemon", "grape"),
    "clothes": ("hat", "coat", "sock", "shoe", "scarf"),
}
NUMBERS: dict[str, tuple[str, ...]] = {
    "even": ("2", "4", "6", "8"),
    "odd": ("1", "3", "5", "7", "9"),
}
CATEGORIES: dict[str, dict[str, tuple[str, ...]]] = {
    "colour": {c: (c,) for c in COLOURS},
    "shape": {s: (s,) for s in SHAPES},
    "number": NUMBERS,
    "word": WORDS,
}
RULE_KINDS = tuple(CATEGORIES)

# What the player reads and hears, one whole sentence (or a sentence and a named word) per rule,
# so each language can say it its own way: German and Spanish words change with gender and case
# ("zur Farbe BLAU", "a una FRUTA"), which a sentence built from English pieces cannot follow.
# Colours and shapes are named after a noun ("the colour BLUE") so no adjective must agree.
COLOUR_WORDS = {"blue": N_("BLUE"), "orange": N_("ORANGE"), "green": N_("GREEN"),
                "yellow": N_("YELLOW"), "purple": N_("PURPLE")}
SHAPE_WORDS = {"circle": N_("CIRCLE"), "square": N_("SQUARE"), "triangle": N_("TRIANGLE"),
               "star": N_("STAR"), "diamond": N_("DIAMOND")}
CATEGORY_RULES = {
    ("number", "even"): N_("Lean to an EVEN number"),
    ("number", "odd"): N_("Lean to an ODD number"),
    ("word", "animal"): N_("Lean to an ANIMAL"),
    ("word", "fruit"): N_("Lean to a FRUIT"),
    ("word", "clothes"): N_("Lean to a piece of CLOTHING"),
}
# The words on the word cards, in the player's language (the rule is about their meaning).
WORD_CARDS = {
    "cat": N_("cat"), "dog": N_("dog"), "cow": N_("cow"), "hen": N_("hen"), "fox": N_("fox"),
    "owl": N_("owl"), "apple": N_("apple"), "pear": N_("pear"), "plum": N_("plum"),
    "lemon": N_("lemon"), "grape": N_("grape"), "hat": N_("hat"), "coat": N_("coat"),
    "sock": N_("sock"), "shoe": N_("shoe"), "scarf": N_("scarf"),
}

PARAMS = (
    ParamSpec("rules", "", "kinds of rule, taken in turn", list(RULE_KINDS), choices=RULE_KINDS),
    ParamSpec("rule_every", "tries", "tries before the rule changes", 6, 1, 20, integer=True,
              harder_when="lower"),
    ParamSpec("items", "items", "items to choose from (2: left and right, 3: and front, "
              "4: and back)", 2, 2, 4, integer=True),
    ParamSpec("nogo_share", "", "share of tries where no item fits and the task is to stand "
              "still", 0.2, 0.0, 0.5),
    ParamSpec("window_s", "s", "time to choose and reach the item", 3.0, 0.8, 8.0,
              harder_when="lower"),
    ParamSpec("distance_pct", "% LOS", "how far from the middle the items sit", 35.0, 10.0,
              80.0, lean_extent=True),
    ParamSpec("item_radius_pct", "% LOS", "size of each item", 16.0, 5.0, 35.0,
              harder_when="lower"),
)


@dataclass(frozen=True)
class Rule:
    kind: str  # colour, shape, number, word
    category: str  # blue, star, even, animal...

    @property
    def text(self) -> str:
        """The rule in a few plain words, the thing the player must keep in mind (a phrase:
        shown and spoken in the player's language)."""
        if self.kind == "colour":
            return phrase("Lean to the colour {colour}",
                          colour=phrase(COLOUR_WORDS[self.category]))
        if self.kind == "shape":
            return phrase("Lean to the shape {shape}", shape=phrase(SHAPE_WORDS[self.category]))
        return phrase(CATEGORY_RULES[self.kind, self.category])

    def fits(self, value: str) -> bool:
        return value in CATEGORIES[self.kind][self.category]


@dataclass(frozen=True)
class Item:
    slot: str  # left, right, front, back
    kind: str
    value: str  # a colour name, a shape name, a digit or a word
    x: float
    y: float


def item_label(item: Item) -> str:
    """What is written on an item: its digit, or its colour's or word's name (English here,
    translated with ``_`` where it is drawn)."""
    names = {"colour": COLOUR_WORDS, "word": WORD_CARDS}.get(item.kind, {})
    return names.get(item.value, item.value)


@dataclass(kw_only=True)
class DualWorld(World):
    """Phases: centre -> choose -> centre ... -> done."""

    rule: Rule = Rule("colour", "blue")  # replaced by the first rule as the world is made
    rule_trials: int = 0  # tries played under the current rule
    switched: bool = False  # the coming try is the first under a changed rule
    kind_turn: int = 0
    items: list[Item] = field(default_factory=list)
    go: bool = True
    t_show_s: float = 0.0
    start_position: tuple[float, float] = (0.0, 0.0)
    reaction_time_s: float | None = None
    deciding: list[tuple[float, float, float]] = field(default_factory=list)  # t, x, y
    max_toward: float = 0.0  # the furthest lean toward the right item (or any, on no-go)
    inside: Item | None = None  # the item the marker is in now, and for how long
    inside_s: float = 0.0

    @property
    def distance(self) -> float:
        return self.params["distance_pct"] / 100.0

    @property
    def item_radius(self) -> float:
        """Items never reach into the middle, where the body's small first shift away from a
        movement (and quiet sway) would brush them."""
        return min(self.params["item_radius_pct"] / 100.0, self.distance - MIN_CLEAR)

    @property
    def time_left_share(self) -> float:
        """Of the response window, while choosing: 1 when the items appear, 0 at the end."""
        if self.phase != "choose":
            return 0.0
        return clamp01(1.0 - (self.t_s - self.t_show_s) / self.params["window_s"])

    def target(self) -> Item | None:
        """The item that fits the rule, or None on a no-go try."""
        return next((i for i in self.items if self.rule.fits(i.value)), None)


class Dual(Rules[DualWorld]):
    world_type = DualWorld
    start_when_still = True  # the sway while deciding starts from a quiet stance
    name = "dual"
    title = N_("Think and lean")
    params = PARAMS
    score_measures = ("reaction_time_s", "errors", "decision_sway_rms_pct")

    def new_world(self, params: Mapping[str, Any], n_trials: int, seed: int) -> DualWorld:
        world = super().new_world(params, n_trials, seed)
        self._new_rule(world)
        world.switched = False  # the level's first rule follows no other: not a switch
        return world

    def abort_trial(self, world: DualWorld) -> None:
        if world.phase == "choose":
            world.items = []
            self.back_to_centre(world)

    def goal(self, world: DualWorld) -> Goal | None:
        if world.phase == "choose":
            target = world.target()
            others = tuple((i.x, i.y) for i in world.items if i is not target)
            if target is None:
                return Goal(0.0, 0.0, precision=0.05, decoys=others)
            return Goal(target.x, target.y, precision=world.item_radius * 0.5, decoys=others)
        if world.phase == "centre":
            return Goal(0.0, 0.0, precision=0.05)
        return None

    def prompt(self, world: DualWorld) -> str:
        if world.phase == "centre" and world.switched:
            return phrase("New rule: {rule}", rule=world.rule.text)
        return super().prompt(world)

    def trial_prompt(self, world: DualWorld) -> str:
        if world.params["nogo_share"] > 0:
            return phrase("{rule}. None? Stand still", rule=world.rule.text)
        return world.rule.text

    def feedback(self, outcome: Judged) -> str:
        error = str(outcome.measures.get("error", ""))
        if outcome.success:
            return N_("Right!") if outcome.measures.get("go", True) else N_("Right, and you stood still!")
        return {
            "wrong_item": N_("That one does not fit the rule: look again"),
            "no_go_moved": N_("None fitted: stay still next time"),
        }.get(error, N_("Too slow: lean a little sooner"))

    # --- stepping ----------------------------------------------------------------------
    def play(self, world: DualWorld, previous: tuple[float, float], dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        return self._choose(world, dt_s, t_s) if world.phase == "choose" else []

    def _new_rule(self, world: DualWorld) -> None:
        kinds = list(world.params["rules"])
        first = world.kind_turn == 0
        kind = kinds[world.kind_turn % len(kinds)]
        world.kind_turn += 1
        choices = [c for c in CATEGORIES[kind]
                   if first or (kind, c) != (world.rule.kind, world.rule.category)]
        world.rule = Rule(kind, world.rng.choice(choices))
        world.rule_trials = 0
        world.switched = True
        add_cue(world.cues, "rule")
        add_cue(world.announcements, world.rule.text)

    def start_trial(self, world: DualWorld, t_s: float) -> None:
        """Show the items: one fits the rule (or, on a no-go try, none does)."""
        self.apply_pending(world)
        rng, rule = world.rng, world.rule
        n = min(4, max(2, round(world.params["items"])))
        world.go = rng.random() >= world.params["nogo_share"]
        categories = CATEGORIES[rule.kind]
        fitting = list(categories[rule.category])
        others = [v for c, values in categories.items() if c != rule.category for v in values
                  if v not in fitting]
        values = rng.sample(others, n - 1 if world.go else n)
        if world.go:
            values.insert(rng.randrange(n), rng.choice(fitting))
        d = world.distance
        world.items = [Item(slot, rule.kind, value, SLOTS[slot][0] * d, SLOTS[slot][1] * d)
                       for slot, value in zip(SLOT_ORDER, values, strict=False)]
        world.t_show_s = t_s
        world.start_position = world.position
        world.reaction_time_s = None
        world.deciding = [(t_s, *world.position)]
        world.max_toward = 0.0
        world.inside, world.inside_s = None, 0.0
        world.phase = "choose"
        add_cue(world.cues, "go")

    def _choose(self, world: DualWorld, dt_s: float, t_s: float) -> list[TrialOutcome]:
        x, y = world.position
        if world.reaction_time_s is None:  # still deciding: the sway before the move
            if math.dist(world.position, world.start_position) > MOVE_ONSET:
                world.reaction_time_s = t_s - world.t_show_s
            else:
                world.deciding.append((t_s, x, y))
        target = world.target()
        if target is not None:
            d = world.distance
            along = (x * target.x + y * target.y) / d
            world.max_toward = max(world.max_toward, along / d)
        else:
            world.max_toward = max(world.max_toward, math.hypot(x, y) / world.distance)
        inside = next((i for i in world.items
                       if math.dist(world.position, (i.x, i.y)) <= world.item_radius), None)
        world.inside_s = world.inside_s + dt_s if inside is world.inside and inside else 0.0
        world.inside = inside
        chosen = inside if world.inside_s >= CHOOSE_S else None
        if target is None and (chosen is not None or world.max_toward >= NOGO_MOVE):
            return [self._finish(world, t_s, chosen, "no_go_moved")]
        if chosen is not None:
            return [self._finish(world, t_s, chosen, "none" if chosen is target else "wrong_item")]
        if t_s - world.t_show_s >= world.params["window_s"]:
            return [self._finish(world, t_s, None, "none" if target is None else "no_response")]
        return []

    def _finish(self, world: DualWorld, t_s: float, chosen: Item | None,
                error: str) -> TrialOutcome:
        measures = self._measures(world, t_s, chosen, error)
        success = error == "none"
        outcome = TrialOutcome(
            index=world.trial_index, t_start_s=world.t_show_s, t_end_s=t_s, success=success,
            score=self._score(world, measures, success), measures=measures,
        )
        add_cue(world.cues, "hit" if success else "miss")
        world.last_result = outcome
        world.trial_index += 1
        world.rule_trials += 1
        world.switched = False
        if world.rule_trials >= round(world.params["rule_every"]):
            self._new_rule(world)
        world.items = []
        self.back_to_centre(world)
        return outcome

    # --- measures and score --------------------------------------------------------------
    def _measures(self, world: DualWorld, t_s: float, chosen: Item | None,
                  error: str) -> dict[str, Any]:
        from balance_game.dsp.sway import window_sway  # numpy loads only when a try is scored

        times = [p[0] for p in world.deciding]
        sway = window_sway(times, [100.0 * p[1] for p in world.deciding],
                           [100.0 * p[2] for p in world.deciding])
        responded = chosen is not None
        return {
            "rule": world.rule.kind,
            "rule_target": world.rule.category,
            "switch": world.switched,
            "go": world.go,
            "items": len(world.items),
            "window_s": world.params["window_s"],
            "distance_pct": world.params["distance_pct"],
            "item_radius_pct": world.params["item_radius_pct"],
            "choice": chosen.slot if chosen else "none",
            "error": error,
            "errors": int(error != "none"),
            # the go/no-go error kinds, each scored only on the tries where it can happen, so a
            # session's mean is its rate: omissions of go tries, commissions of no-go tries
            "omission_error": int(error == "no_response") if world.go else None,
            "commission_error": None if world.go else int(error == "no_go_moved"),
            "wrong_item_error": int(error == "wrong_item") if world.go else None,
            "reaction_time_s": rnd(world.reaction_time_s),
            "response_time_s": rnd(t_s - world.t_show_s) if responded else None,
            "decision_time_s": rnd(times[-1] - times[0]),
            "decision_sway_rms_pct": rnd(sway["rms"], 2) if sway else None,
            "decision_sway_speed_pct_s": rnd(sway["mean_velocity"], 2) if sway else None,
        }

    def _score(self, world: DualWorld, m: dict[str, Any], success: bool) -> float:
        calm = clamp01(1.0 - (m["decision_sway_rms_pct"] or 0.0) / CALM_SWAY_PCT)
        if not success:
            if m["error"] == "no_response":
                return round(30.0 * clamp01(world.max_toward), 1)
            return 10.0
        if not m["go"]:
            still = clamp01(1.0 - world.max_toward / NOGO_MOVE)
            return round(40.0 + 60.0 * (0.5 * still + 0.5 * calm), 1)
        window = world.params["window_s"]
        quick = clamp01(1.0 - (m["response_time_s"] - QUICK_RESPONSE_S)
                        / max(window - QUICK_RESPONSE_S, 0.3))
        return round(40.0 + 60.0 * (0.6 * quick + 0.4 * calm), 1)

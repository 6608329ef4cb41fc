"""Today's training: a 10-15 minute routine built from the prescription and the player's record.

A routine is a short warm-up, three or four games and one quick steadiness check, with a rest
after every part but the last. It is built here, purely, from what the caller read: the levels the
player may play (allowed and unlocked), how they have done on each, the prescription if there is
one, and the minutes trained this week. The same inputs and seed always give the same routine, so
a therapist can be shown exactly what the game asked for, and a test can check it.

How the games are chosen: the prescription's games first when there is one; without one, the
games where the player is weakest (fewest stars, then least played), one level per game, the
furthest unlocked level of that game. How long: the week's remaining minutes shared over the days
left, kept between 10 and 15 minutes (never more than a prescription's own session length), so a
player behind on the week gets a somewhat longer routine and one ahead a shorter, never a scolding.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from balance_game.core.levels import LevelSpec

MIN_MINUTES = 10.0
MAX_MINUTES = 15.0
FOUR_GAMES_FROM_MIN = 13.0  # from this length on there is room for a fourth game
WARMUP_MIN = 1.5
CHECK_S = 30.0  # quick steadiness check: one eyes-open stance, the pragmatic minimum for sway
# measures (docs/sway-measures.md)
CHECK_SETUP_S = 5.0  # standing still before the check starts recording
REST_S = 20.0  # a short rest after each part (SilverFit: a short break after each exercise)
MIN_TRIALS = 3
MAX_TRIALS = 30
WARMUP_MECHANICS = ("rhythm", "reach", "track")  # gentle weight shifts before the harder games
# Seconds a trial takes, gaps included, measured with the simulated player (ability 0.6) on
# each game's world-2 level; used to turn a part's minutes into a number of trials.
TRIAL_S = {"catch": 3.0, "dual": 4.3, "reach": 5.8, "rhythm": 3.2, "slalom": 3.5, "steady": 4.4,
           "tilt": 9.0, "track": 7.2, "transfer": 4.1}
DEFAULT_TRIAL_S = 6.0


@dataclass(frozen=True)
class LevelRecord:
    """How the player has done on a level so far (absent: never played)."""

    best_stars: int
    plays: int


@dataclass(frozen=True)
class RoutinePart:
    kind: str  # "warmup", "game" or "check"
    level_id: str | None  # None for the steadiness check
    trials: int  # trials to play (0 for the check)
    seconds: float  # the planned length of the part itself
    rest_s: float  # rest after it (0 after the last part)


@dataclass(frozen=True)
class Routine:
    parts: tuple[RoutinePart, ...]
    minutes: float  # the planned total, rests included
    prescribed: bool

    @property
    def games(self) -> tuple[RoutinePart, ...]:
        return tuple(p for p in self.parts if p.kind == "game")


def routine_minutes(minutes_this_week: float, minutes_per_week: float, today: date,
                    prescribed_minutes: float | None = None) -> float:
    """The routine's length: the week's remaining minutes over the days left, within 10-15."""
    days_left = 7 - today.weekday()  # today included
    share = max(0.0, minutes_per_week - minutes_this_week) / days_left
    top = MAX_MINUTES if prescribed_minutes is None else min(MAX_MINUTES, prescribed_minutes)
    low = min(MIN_MINUTES, top)
    return round(min(top, max(low, share)), 1)


def weakest_first(levels: Sequence[LevelSpec], record: Mapping[str, LevelRecord],
                  rng: random.Random) -> list[str]:
    """Mechanics ordered weakest first: fewest stars at their best level, then fewest plays;
    ties are broken by the seed so equal games take turns from day to day."""
    mechanics = sorted({s.mechanic for s in levels})
    rng.shuffle(mechanics)

    def strength(mechanic: str) -> tuple[int, int]:
        played = [record[s.id] for s in levels if s.mechanic == mechanic and s.id in record]
        return (max((r.best_stars for r in played), default=0), sum(r.plays for r in played))

    return sorted(mechanics, key=strength)  # stable: the shuffle decides among equals


def furthest_level(levels: Sequence[LevelSpec], mechanic: str) -> LevelSpec:
    """The mechanic's most advanced level on offer (levels are given unlocked only)."""
    return max((s for s in levels if s.mechanic == mechanic), key=lambda s: (s.world, s.order))


def _trials(mechanic: str, seconds: float) -> int:
    count = round(seconds / TRIAL_S.get(mechanic, DEFAULT_TRIAL_S))
    return max(MIN_TRIALS, min(MAX_TRIALS, count))


def _warmup_mechanic(available: Sequence[str], in_games: set[str]) -> str:
    """A gentle game not among today's games, else any other, else the first of the games."""
    others = [m for m in available if m not in in_games]
    gentle = [m for m in WARMUP_MECHANICS if m in others]
    return (gentle or others or list(available))[0]


def build_routine(levels: Sequence[LevelSpec], record: Mapping[str, LevelRecord],
                  minutes: float, seed: int, preferred: Sequence[str] = (),
                  prescribed: bool = False) -> Routine:
    """The parts of today's training, ``minutes`` long in all.

    ``levels``: the levels the player may play today (allowed and unlocked), in menu order;
    ``preferred``: mechanics to take first (the prescription's), the weakest fill up.
    """
    if not levels:
        raise ValueError("no level is open to this player: a routine needs at least one")
    rng = random.Random(seed)
    n_games = 4 if minutes >= FOUR_GAMES_FROM_MIN else 3
    order = [m for m in dict.fromkeys(preferred) if any(s.mechanic == m for s in levels)]
    order += [m for m in weakest_first(levels, record, rng) if m not in order]
    games = [furthest_level(levels, m) for m in order[:n_games]]
    warm_mechanic = _warmup_mechanic(order, {g.mechanic for g in games})
    warm = min((s for s in levels if s.mechanic == warm_mechanic), key=lambda s: (s.world, s.order))
    n_rests = len(games) + 1  # after the warm-up and after each game; none after the check
    game_s = (minutes * 60 - WARMUP_MIN * 60 - CHECK_S - CHECK_SETUP_S - n_rests * REST_S) / len(games)
    parts = [RoutinePart("warmup", warm.id, _trials(warm.mechanic, WARMUP_MIN * 60),
                         WARMUP_MIN * 60, REST_S)]
    parts += [RoutinePart("game", g.id, _trials(g.mechanic, game_s), round(game_s, 1), REST_S)
              for g in games]
    parts.append(RoutinePart("check", None, 0, CHECK_S + CHECK_SETUP_S, 0.0))
    return Routine(tuple(parts), minutes, prescribed)


def with_trials(routine: Routine, trials: int | None, check_s: float | None = None) -> Routine:
    """The same routine with every level part capped at ``trials`` and the check ``check_s``
    long (a short demonstration or a test run)."""
    parts = []
    for part in routine.parts:
        if part.kind == "check" and check_s is not None:
            part = RoutinePart(part.kind, None, 0, check_s + CHECK_SETUP_S, part.rest_s)
        elif part.level_id is not None and trials is not None:
            part = RoutinePart(part.kind, part.level_id, min(part.trials, trials), part.seconds,
                               part.rest_s)
        parts.append(part)
    return Routine(tuple(parts), routine.minutes, routine.prescribed)

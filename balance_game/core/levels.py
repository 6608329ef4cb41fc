"""Level definitions: levels/*.yaml loaded and validated into LevelSpec records.

A level names its mechanic, fixes some of that mechanic's parameters and gives others as a
difficulty range (easy value, hard value). The game plays a level at a difficulty in 0..1 and
interpolates every ranged parameter, so adaptive difficulty moves one number, and a therapist
edits plain YAML. The file format is documented in levels/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from balance_game.core.mechanics import MECHANICS
from balance_game.core.mechanics.base import ParamSpec
from balance_game.core.validation import (
    Checker,
    DataFileError,
    checked,
    excerpt,
    load_yaml,
    one_line,
)
from balance_game.errors import UserError
from balance_game.i18n import _, phrase
from balance_game.resources import levels_dir

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
TOP_KEYS_REQUIRED = ("id", "title", "world", "mechanic", "instructions", "trials")
TOP_KEYS_OPTIONAL = ("order", "params", "difficulty", "stars", "requires")
DEFAULT_STARS = (40.0, 65.0, 85.0)


@dataclass(frozen=True)
class LevelSpec:
    id: str
    title: str
    world: int
    order: int
    mechanic: str
    instructions: str
    trials: int
    params: Mapping[str, Any]  # fixed values, every parameter of the mechanic resolved
    ranges: Mapping[str, tuple[float, float]]  # name -> (easy, hard)
    start_difficulty: float
    stars: tuple[float, float, float]  # mean score for 1, 2 and 3 stars
    requires: tuple[str, ...]
    path: Path

    def params_at(self, difficulty: float) -> dict[str, Any]:
        """Every parameter's value at ``difficulty`` (0 easiest, 1 hardest)."""
        d = min(1.0, max(0.0, difficulty))
        values = dict(self.params)
        for name, (easy, hard) in self.ranges.items():
            values[name] = round(easy + (hard - easy) * d, 4)
        return values

    def stars_for(self, mean_score: float) -> int:
        return sum(mean_score >= threshold for threshold in self.stars)


def _check_param(check: Checker, spec: ParamSpec, value: Any, path: str) -> Any:
    if spec.is_list:
        items = check.list_of(value, path)
        if items is None:
            return None
        picked = [check.choice(item, f"{path}[{i}]", spec.choices) for i, item in enumerate(items)]
        return None if None in picked else picked
    return check.number(value, path, spec.low, spec.high, integer=spec.integer)


def _check_ranges(check: Checker, specs: Mapping[str, ParamSpec], data: Any,
                  fixed: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    ranges: dict[str, tuple[float, float]] = {}
    if data is None:
        return ranges
    mapping = check.mapping(data, "difficulty.ranges")
    for name, pair in (mapping or {}).items():
        path = f"difficulty.ranges.{name}"
        spec = specs.get(name)
        if spec is None or spec.is_list:
            numeric = [n for n, s in specs.items() if not s.is_list]
            check.problem(path, phrase("is not a numeric parameter of this mechanic"),
                          phrase("one of: {choices}", choices=", ".join(numeric)))
            continue
        if name in fixed:
            check.problem(path, phrase("is also fixed in params"),
                          phrase("set it in params or here, not both"))
            continue
        if not (isinstance(pair, list) and len(pair) == 2):
            check.problem(path, phrase("is not a pair"), phrase("[easy value, hard value]"))
            continue
        easy = check.number(pair[0], f"{path}[0]", spec.low, spec.high, spec.integer)
        hard = check.number(pair[1], f"{path}[1]", spec.low, spec.high, spec.integer)
        if easy is not None and hard is not None:
            ranges[name] = (float(easy), float(hard))
    return ranges


def _check_stars(check: Checker, value: Any) -> tuple[float, float, float]:
    if value is None:
        return DEFAULT_STARS
    if not (isinstance(value, list) and len(value) == 3):
        check.problem("stars", phrase("is not a list of three scores"),
                      phrase("e.g. [40, 65, 85], rising"))
        return DEFAULT_STARS
    checked_scores = [check.number(v, f"stars[{i}]", 0, 100) for i, v in enumerate(value)]
    scores = [float(s) for s in checked_scores if s is not None]
    if len(scores) < 3:
        return DEFAULT_STARS
    if not scores[0] < scores[1] < scores[2]:
        check.problem("stars", phrase("must rise"),
                      phrase("three scores from 0 to 100, e.g. [40, 65, 85]"))
    return (scores[0], scores[1], scores[2])


def parse_level(path: Path, data: Any) -> LevelSpec:
    """Validate one level's parsed YAML; raises DataFileError listing every problem."""
    check = Checker(path)
    top = check.top(data)
    check.keys(top, "", TOP_KEYS_REQUIRED, TOP_KEYS_OPTIONAL)
    level_id = top.get("id")
    if "id" in top and not (isinstance(level_id, str) and ID_PATTERN.match(level_id)):
        check.problem("id", phrase("is {value}", value=repr(level_id)),
                      phrase("lower-case letters, digits and dashes, e.g. reach-01"))
    title = check.text(top.get("title"), "title", 60) if "title" in top else None
    world = check.number(top.get("world"), "world", 1, 9, integer=True) if "world" in top else 1
    order = check.number(top.get("order", 1), "order", 1, 99, integer=True)
    instructions = (check.text(top.get("instructions"), "instructions", 400)
                    if "instructions" in top else None)
    trials = check.number(top.get("trials"), "trials", 1, 500, integer=True) if "trials" in top else 1
    mechanic = None
    if "mechanic" in top:
        mechanic = check.choice(top["mechanic"], "mechanic", sorted(MECHANICS))
    specs = {s.name: s for s in MECHANICS[mechanic].params} if mechanic else {}
    fixed: dict[str, Any] = {}
    params_data = top.get("params", {})
    for name, value in (check.mapping(params_data, "params") or {}).items():
        if name not in specs:
            if mechanic:
                check.problem(f"params.{name}",
                              phrase("is not a parameter of {mechanic}", mechanic=mechanic),
                              phrase("known: {names}", names=", ".join(specs)))
            continue
        fixed[name] = _check_param(check, specs[name], value, f"params.{name}")
    difficulty = top.get("difficulty", {}) or {}
    start, ranges = 0.0, {}
    diff_map = check.mapping(difficulty, "difficulty")
    if diff_map is not None:
        check.keys(diff_map, "difficulty", (), ("start", "ranges"))
        start = check.number(diff_map.get("start", 0.0), "difficulty.start", 0, 1) or 0.0
        if mechanic:
            ranges = _check_ranges(check, specs, diff_map.get("ranges"), fixed)
    stars = _check_stars(check, top.get("stars"))
    requires = top.get("requires", [])
    if not (isinstance(requires, list) and all(isinstance(r, str) for r in requires)):
        check.problem("requires", phrase("is not a list of level ids"),
                      phrase("e.g. [reach-01]"))
        requires = []
    check.raise_if_any()
    resolved = {name: spec.default for name, spec in specs.items() if name not in ranges}
    resolved.update(fixed)
    return LevelSpec(
        id=checked(level_id, ""), title=checked(title, ""), world=int(checked(world, 1)),
        order=int(checked(order, 1)), mechanic=checked(mechanic, ""),
        instructions=checked(instructions, ""), trials=int(checked(trials, 1)),
        params=resolved, ranges=ranges,
        start_difficulty=float(start), stars=stars, requires=tuple(requires), path=path,
    )


def load_level_file(path: Path) -> LevelSpec:
    try:
        stat = path.stat()
    except OSError:  # load_yaml says what is wrong with the path, in one line
        return parse_level(path, load_yaml(path))
    return _parsed(path, stat.st_size, stat.st_mtime_ns)


# Screens list the levels on every visit (menu, routine, family, results) and parsing 80-odd
# YAML files costs a noticeable pause each time: a file is parsed again only once its size or
# modification time changes. A file that fails raises, and an exception is never kept, so a
# broken file reports its problems every time. Specs are frozen and shared.
@lru_cache(maxsize=512)
def _parsed(path: Path, size: int, mtime_ns: int) -> LevelSpec:
    return parse_level(path, load_yaml(path))


def level_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or levels_dir()).glob("*.yaml"))


def check_files(paths: list[Path], also_known: Iterable[str] = ()) -> list[str]:
    """Every problem in these level files, one line each: their own, duplicate ids across
    them, and ``requires`` naming no level among them or ``also_known`` (such a level would
    stay locked for ever)."""
    problems: list[str] = []
    seen: dict[str, Path] = {}
    specs: list[LevelSpec] = []
    for path in paths:
        try:
            spec = load_level_file(path)
        except DataFileError as exc:
            problems.extend(exc.problems)
            continue
        if spec.id in seen:
            problems.append(_("{file}: id: {id} is already used by {other} (give every level its "
                              "own id)").format(file=path, id=repr(spec.id),
                                                other=seen[spec.id].name))
        seen[spec.id] = path
        specs.append(spec)
    known = set(seen) | set(also_known)
    for spec in specs:
        for required in spec.requires:
            if required == spec.id or required not in known:
                why = (_("is the level itself") if required == spec.id
                       else _("names no level"))
                problems.append(one_line(_("{file}: requires: {id} {why} (the level would stay "
                                           "locked; use ids from `balance-game levels`)").format(
                    file=spec.path, id=repr(excerpt(required)), why=why)))
    return problems


def readable_level_ids(folder: Path | None = None) -> list[str]:
    """The ids of the levels in ``folder`` (default: the game's) whose files load."""
    ids = []
    for path in level_files(folder):
        try:
            ids.append(load_level_file(path).id)
        except DataFileError:
            continue
    return ids


def load_levels(folder: Path | None = None) -> list[LevelSpec]:
    """All levels, in play order (world, then order); any broken file is an error."""
    paths = level_files(folder)
    problems = check_files(paths)
    if problems:
        raise DataFileError(problems)
    specs = [load_level_file(p) for p in paths]
    return sorted(specs, key=lambda s: (s.world, s.order, s.id))


def find_level(level_id: str, folder: Path | None = None) -> LevelSpec:
    levels = load_levels(folder)
    for spec in levels:
        if spec.id == level_id:
            return spec
    known = ", ".join(s.id for s in levels)
    raise UserError(_("unknown level {level} (known levels: {known})").format(
        level=repr(level_id), known=known))

"""Tilt: lean to tilt a table and roll a ball through a simple maze into a hole.

Wii Fit's Table Tilt and the Biodex maze as one game. The player's lean sets the table's tilt,
the ball accelerates down the slope and is slowed by friction, and the maze's walls stop it.
A trial is one hole: a new ball appears on the start pad and must drop into the lit hole within
the time limit. A ball only drops when it crosses the hole slowly enough, so the game trains
fine, graded two-dimensional control of the centre of pressure as well as larger shifts.

The maze is a grid of square cells (one unit each) with walls between some neighbours, made
once per level from the seed: a random spanning tree with a few extra openings, so there are
short loops and no long dead ends.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from balance_game.core.mechanics.base import Judged, ParamSpec, Rules, TrialOutcome, World
from balance_game.core.records import Goal
from balance_game.i18n import N_

COLS, ROWS = 7, 4  # maze size in cells; the board is COLS x ROWS units, y up
START_CELL = (3, 1)
EXTRA_OPENINGS = 0.3  # share of the remaining inner walls removed after the spanning tree
BALL_RADIUS = 0.18
WALL_HALF = 0.05
ACCEL_FULL_TILT = 3.0  # units/s² at full tilt
FRICTION_PER_S = 1.2  # rolling friction: the ball's speed decays at this rate (top speed 2.5/s)
RESTITUTION = 0.35
HIT_SPEED = 0.35  # units/s into a wall that counts as a wall hit (not a graze)
CAPTURE_SPEED = 1.3  # units/s: a faster ball rolls over the hole
READY_S = 0.6  # a new ball sits on the start pad this long before it is let go
SUBSTEPS = 2
LOOKAHEAD_S = 0.3  # the steering aims from where the ball will be a moment from now
STEER_GAIN = 0.8  # per second: how hard the steering corrects the ball's velocity
CRUISE = 1.3  # units/s: how fast a competent player rolls the ball along a straight stretch
BRAKE = 1.6  # per second: how early the ball is slowed before a corner or the hole

PARAMS = (
    ParamSpec("path_cells", "cells", "length of the route from the start pad to the hole",
              3, 1, 8, integer=True),
    ParamSpec("hole_radius_pct", "% cell", "size of the hole, as a share of a maze cell",
              34.0, 20.0, 48.0, harder_when="lower"),
    ParamSpec("full_tilt_pct", "% LOS", "lean that tilts the table fully (more = bigger leans)",
              40.0, 15.0, 80.0, lean_extent=True),
    ParamSpec("time_limit_s", "s", "time allowed to get the ball into the hole", 10.0, 3.0, 30.0,
              harder_when="lower"),
    ParamSpec("centre_radius_pct", "% LOS", "size of the centre zone before the first ball",
              15.0, 4.0, 30.0, harder_when="lower"),
)

Cell = tuple[int, int]
Vec = tuple[float, float]


@dataclass
class Maze:
    """Walls between neighbouring cells; ``open`` holds the passable pairs (both orders)."""

    open: set[tuple[Cell, Cell]]

    @classmethod
    def generate(cls, rng: random.Random) -> Maze:
        passages: set[tuple[Cell, Cell]] = set()
        seen = {START_CELL}
        stack = [START_CELL]
        while stack:
            cell = stack[-1]
            fresh = [n for n in _neighbours(cell) if n not in seen]
            if not fresh:
                stack.pop()
                continue
            nxt = rng.choice(fresh)
            passages |= {(cell, nxt), (nxt, cell)}
            seen.add(nxt)
            stack.append(nxt)
        for cell in sorted(_all_cells()):
            for n in _neighbours(cell):
                if cell < n and (cell, n) not in passages and rng.random() < EXTRA_OPENINGS:
                    passages |= {(cell, n), (n, cell)}
        return cls(passages)

    def route(self, start: Cell, end: Cell) -> list[Cell]:
        """The shortest route from ``start`` to ``end``, both included."""
        back: dict[Cell, Cell | None] = {start: None}
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            if cell == end:
                break
            for n in _neighbours(cell):
                if n not in back and (cell, n) in self.open:
                    back[n] = cell
                    queue.append(n)
        path: list[Cell] = []
        node: Cell | None = end
        while node is not None:
            path.append(node)
            node = back.get(node)
        return path[::-1]

    def distances(self, start: Cell) -> dict[Cell, int]:
        dist = {start: 0}
        queue = deque([start])
        while queue:
            cell = queue.popleft()
            for n in _neighbours(cell):
                if n not in dist and (cell, n) in self.open:
                    dist[n] = dist[cell] + 1
                    queue.append(n)
        return dist

    def wall_segments(self) -> list[tuple[Vec, Vec]]:
        """Every wall as a segment in board units: the outer frame and the inner walls."""
        segs: list[tuple[Vec, Vec]] = [
            ((0.0, 0.0), (COLS, 0.0)), ((0.0, ROWS), (COLS, ROWS)),
            ((0.0, 0.0), (0.0, ROWS)), ((COLS, 0.0), (COLS, ROWS)),
        ]
        for c in range(COLS):
            for r in range(ROWS):
                if c + 1 < COLS and ((c, r), (c + 1, r)) not in self.open:
                    segs.append(((c + 1.0, r), (c + 1.0, r + 1.0)))
                if r + 1 < ROWS and ((c, r), (c, r + 1)) not in self.open:
                    segs.append(((c, r + 1.0), (c + 1.0, r + 1.0)))
        return segs


def _all_cells() -> list[Cell]:
    return [(c, r) for c in range(COLS) for r in range(ROWS)]


def _neighbours(cell: Cell) -> list[Cell]:
    c, r = cell
    out = [(c + dc, r + dr) for dc, dr in ((1, 0), (-1, 0), (0, 1), (0, -1))]
    return [(x, y) for x, y in out if 0 <= x < COLS and 0 <= y < ROWS]


def cell_centre(cell: Cell) -> Vec:
    return (cell[0] + 0.5, cell[1] + 0.5)


def cell_of(p: Vec) -> Cell:
    return (min(COLS - 1, max(0, int(p[0]))), min(ROWS - 1, max(0, int(p[1]))))


@dataclass(kw_only=True)
class TiltWorld(World):
    """Phases: centre -> ready -> roll -> ready ... -> done."""

    maze: Maze
    walls: list[tuple[Vec, Vec]]
    ready_s: float = 0.0
    ball: Vec = (START_CELL[0] + 0.5, START_CELL[1] + 0.5)
    velocity: Vec = (0.0, 0.0)
    hole_cell: Cell = START_CELL
    route: list[Cell] = field(default_factory=list)
    t_go_s: float = 0.0
    distance_rolled: float = 0.0
    wall_hits: int = 0
    roll_overs: int = 0  # crossed the hole too fast to drop in
    over_hole: bool = False

    @property
    def hole(self) -> Vec:
        return cell_centre(self.hole_cell)

    @property
    def hole_radius(self) -> float:
        return self.params["hole_radius_pct"] / 100.0

    @property
    def full_tilt(self) -> float:
        return self.params["full_tilt_pct"] / 100.0

    @property
    def centre_radius(self) -> float:
        return self.params["centre_radius_pct"] / 100.0

    @property
    def tilt(self) -> Vec:
        """The table's tilt, -1..1 per axis: the player's lean against a full tilt's."""
        x, y = self.position
        return _clamp(x / self.full_tilt), _clamp(y / self.full_tilt)

    @property
    def ball_speed(self) -> float:
        return math.hypot(*self.velocity)

    @property
    def time_left_share(self) -> float:
        if self.phase != "roll":
            return 1.0
        return _clamp01(1.0 - (self.t_s - self.t_go_s) / self.params["time_limit_s"])

    @property
    def too_fast_near_hole(self) -> bool:
        near = math.dist(self.ball, self.hole) < 0.8
        return self.phase == "roll" and near and self.ball_speed > CAPTURE_SPEED


class Tilt(Rules[TiltWorld]):
    world_type = TiltWorld
    name = "tilt"
    title = N_("Table tilt")
    params = PARAMS
    score_measures = ("time_to_hole_s", "wall_hits", "path_efficiency")

    def new_world(self, params: Mapping[str, Any], n_trials: int, seed: int) -> TiltWorld:
        rng = random.Random(seed)
        maze = Maze.generate(rng)
        return TiltWorld(params=dict(params), n_trials=n_trials, rng=rng, maze=maze,
                         walls=maze.wall_segments())

    def abort_trial(self, world: TiltWorld) -> None:
        if world.phase in ("ready", "roll"):
            self._park_ball(world)
            world.phase = "centre"
            world.settle_s = 0.0

    def goal(self, world: TiltWorld) -> Goal | None:
        if world.phase == "centre":
            return Goal(0.0, 0.0, precision=world.centre_radius * 0.5)
        if world.phase not in ("ready", "roll"):
            return None
        # while the new ball waits on its pad, a competent player already leans its way
        tx, ty = steer(world)
        return Goal(tx * world.full_tilt, ty * world.full_tilt, precision=world.full_tilt * 0.15)

    def trial_prompt(self, world: TiltWorld) -> str:
        if world.phase == "ready":
            return N_("Here comes a new ball")
        if world.too_fast_near_hole:
            return N_("Slow down")
        return N_("Lean to roll the ball into the hole")

    # --- stepping ----------------------------------------------------------------------
    def feedback(self, outcome: Judged) -> str:
        m = outcome.measures
        if outcome.success:
            return N_("In the hole!")
        if m.get("roll_overs"):
            return N_("Rolled over it: ease off near the hole")
        return N_("Out of time: a steady lean keeps the ball rolling")

    def play(self, world: TiltWorld, previous: Vec, dt_s: float,
             t_s: float) -> list[TrialOutcome]:
        if world.phase == "ready":
            world.ready_s += dt_s
            if world.ready_s >= READY_S:
                world.phase = "roll"
                world.t_go_s = t_s
            return []
        for _ in range(SUBSTEPS):
            self._physics(world, dt_s / SUBSTEPS)
        if self._captured(world):
            world.cues.append("hit")
            return [self._finish(world, t_s, success=True)]
        if t_s - world.t_go_s >= world.params["time_limit_s"]:
            world.cues.append("miss")
            return [self._finish(world, t_s, success=False)]
        return []

    def start_trial(self, world: TiltWorld, t_s: float) -> None:
        self._new_ball(world)

    def _new_ball(self, world: TiltWorld) -> None:
        self.apply_pending(world)
        wanted = round(world.params["path_cells"])
        dist = world.maze.distances(START_CELL)
        choices = [c for c, d in dist.items() if c != START_CELL and c != world.hole_cell]
        best = min(abs(dist[c] - wanted) for c in choices)
        world.hole_cell = world.rng.choice(sorted(c for c in choices if abs(dist[c] - wanted) == best))
        world.route = world.maze.route(START_CELL, world.hole_cell)
        self._park_ball(world)
        world.phase = "ready"
        world.ready_s = 0.0
        world.distance_rolled = 0.0
        world.wall_hits = 0
        world.roll_overs = 0
        world.over_hole = False

    def _park_ball(self, world: TiltWorld) -> None:
        world.ball = cell_centre(START_CELL)
        world.velocity = (0.0, 0.0)

    def _physics(self, world: TiltWorld, dt: float) -> None:
        vx, vy = world.velocity
        ax = ACCEL_FULL_TILT * world.tilt[0] - FRICTION_PER_S * vx
        ay = ACCEL_FULL_TILT * world.tilt[1] - FRICTION_PER_S * vy
        vx, vy = vx + ax * dt, vy + ay * dt
        x, y = world.ball
        nx, ny = x + vx * dt, y + vy * dt
        reach = BALL_RADIUS + WALL_HALF
        hit = False
        for a, b in world.walls:
            cx, cy = _closest_on_segment((nx, ny), a, b)
            dx, dy = nx - cx, ny - cy
            d = math.hypot(dx, dy)
            if d >= reach or d == 0.0:
                continue
            ux, uy = dx / d, dy / d
            nx, ny = cx + ux * reach, cy + uy * reach
            into = vx * ux + vy * uy
            if into < 0:
                vx -= (1.0 + RESTITUTION) * into * ux
                vy -= (1.0 + RESTITUTION) * into * uy
                hit = hit or -into > HIT_SPEED
        if hit:
            world.wall_hits += 1
            world.cues.append("bump")
        world.distance_rolled += math.dist((x, y), (nx, ny))
        world.ball, world.velocity = (nx, ny), (vx, vy)

    def _captured(self, world: TiltWorld) -> bool:
        over = math.dist(world.ball, world.hole) <= world.hole_radius
        if over and world.ball_speed <= CAPTURE_SPEED:
            return True
        if over and not world.over_hole:
            world.roll_overs += 1
        world.over_hole = over
        return False

    def _finish(self, world: TiltWorld, t_s: float, success: bool) -> TrialOutcome:
        measures = self._measures(world, t_s, success)
        outcome = TrialOutcome(
            index=world.trial_index, t_start_s=world.t_go_s, t_end_s=t_s, success=success,
            score=self._score(world, measures, success), measures=measures,
        )
        world.last_result = outcome
        world.trial_index += 1
        if world.trial_index >= world.n_trials:
            world.phase = "done"
        else:
            self._new_ball(world)
        return outcome

    def _measures(self, world: TiltWorld, t_s: float, success: bool) -> dict[str, Any]:
        shortest = float(len(world.route) - 1)
        efficiency = None
        if success and world.distance_rolled > 0:
            efficiency = round(min(1.0, shortest / world.distance_rolled), 4)
        remaining = _route_distance(world, world.ball)
        return {
            "path_cells": int(shortest),
            "hole_radius_pct": world.params["hole_radius_pct"],
            "full_tilt_pct": world.params["full_tilt_pct"],
            "time_to_hole_s": round(t_s - world.t_go_s, 3) if success else None,
            "wall_hits": world.wall_hits,
            "roll_overs": world.roll_overs,
            "path_efficiency": efficiency,
            "distance_rolled_cells": round(world.distance_rolled, 3),
            "progress_pct": round(100.0 * _clamp01(1.0 - remaining / max(shortest, 1e-9)), 1),
        }

    def _score(self, world: TiltWorld, m: dict[str, Any], success: bool) -> float:
        if not success:
            return round(30.0 * m["progress_pct"] / 100.0, 1)
        limit = world.params["time_limit_s"]
        par = 0.9 * m["path_cells"] + 0.5  # a brisk, clean roll
        speed = _clamp01(1.0 - (m["time_to_hole_s"] - par) / max(limit - par, 0.5))
        clean = _clamp01(1.0 - 0.25 * m["wall_hits"] - 0.15 * m["roll_overs"])
        efficiency = m["path_efficiency"] or 0.0
        return round(40.0 + 60.0 * (0.35 * speed + 0.35 * clean + 0.30 * efficiency), 1)


def steer(world: TiltWorld) -> Vec:
    """The tilt (-1..1 per axis) a competent player would set now: along the maze's route to
    the hole at a cruising speed, slowing down to drop the ball in gently."""
    v = world.velocity
    p = (world.ball[0] + v[0] * LOOKAHEAD_S, world.ball[1] + v[1] * LOOKAHEAD_S)
    route = world.maze.route(cell_of(p), world.hole_cell)
    if len(route) <= 1:
        target, cruise = world.hole, 0.6
    else:
        here, nxt = route[0], route[1]
        dx, dy = nxt[0] - here[0], nxt[1] - here[1]
        run = 1  # roll on to the end of the straight stretch of the route, not cell by cell
        while run + 1 < len(route) and (route[run + 1][0] - route[run][0],
                                        route[run + 1][1] - route[run][1]) == (dx, dy):
            run += 1
        centre = cell_centre(here)
        off = (p[1] - centre[1]) if dx else (p[0] - centre[0])  # across the doorway
        # off the doorway's line: first line up with it, then roll through
        lined_up = abs(off) <= 0.16
        end = cell_centre(route[run])
        target = end if lined_up else (centre[0] + 0.25 * dx, centre[1] + 0.25 * dy)
        cruise = CRUISE if len(route) > 2 else 0.9
    to_x, to_y = target[0] - p[0], target[1] - p[1]
    d = math.hypot(to_x, to_y)
    final_d = math.dist(p, world.hole) if len(route) <= 2 else 9.0
    v_want = min(cruise, BRAKE * d, 0.25 + 0.9 * final_d)
    wx, wy = (to_x / d * v_want, to_y / d * v_want) if d > 1e-6 else (0.0, 0.0)
    gain = STEER_GAIN
    tx = (gain * (wx - v[0]) + FRICTION_PER_S * wx) / ACCEL_FULL_TILT
    ty = (gain * (wy - v[1]) + FRICTION_PER_S * wy) / ACCEL_FULL_TILT
    return _clamp(tx), _clamp(ty)


def _route_distance(world: TiltWorld, p: Vec) -> float:
    route = world.maze.route(cell_of(p), world.hole_cell)
    if len(route) <= 1:
        return math.dist(p, world.hole)
    return math.dist(p, cell_centre(route[1])) + len(route) - 2


def _closest_on_segment(p: Vec, a: Vec, b: Vec) -> Vec:
    ax, ay = a
    bx, by = b
    abx, aby = bx - ax, by - ay
    t = ((p[0] - ax) * abx + (p[1] - ay) * aby) / (abx * abx + aby * aby)
    t = min(1.0, max(0.0, t))
    return ax + t * abx, ay + t * aby


def _clamp(value: float) -> float:
    return min(1.0, max(-1.0, value))


def _clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))

"""Helpers for the tilt, rhythm and catch tests: drive a mechanic with a policy or with the
simulated player (through the real control mapping), and play levels headless."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from balance_game.cli import main as cli_main
from balance_game.core.control import Axes, ControlMap, Limits
from balance_game.core.records import Sample
from balance_game.devices.simulated import SimulatedPlayer

DT = 1 / 60


def play(mechanic, world, policy, seconds: float):
    outcomes, t = [], 0.0
    for _ in range(int(seconds / DT)):
        t += DT
        outcomes += mechanic.step(world, policy(world), DT, t)
        if mechanic.finished(world):
            break
    return outcomes


def follow_goal(mechanic):
    def policy(world):
        goal = mechanic.goal(world)
        return Axes(goal.lean_x, goal.lean_y) if goal else Axes()

    return policy


def still(world):
    return Axes()


def simulate(mechanic, params, ability: float, n_trials: int, seed: int, max_s: float = 900):
    """A simulated player of ``ability`` plays ``n_trials`` trials; returns the outcomes."""
    limits = Limits.theoretical(170)
    control = ControlMap(limits)
    player = SimulatedPlayer(limits, ability, seed=seed)
    world = mechanic.new_world(params, n_trials, seed)
    axes, t, outcomes = Axes(), 0.0, []
    while not mechanic.finished(world) and t < max_s:
        t += DT
        player.set_goal(mechanic.goal(world))
        samples = [s for s in player.poll(t) if isinstance(s, Sample)]
        if samples:
            axes = control.axes(samples[-1].cop_x_mm, samples[-1].cop_y_mm)
        outcomes += mechanic.step(world, axes, DT, t)
    return outcomes


def success_rate(mechanic, params, ability: float, n_trials: int, seeds=(1, 2)) -> float:
    outcomes = [o for seed in seeds for o in simulate(mechanic, params, ability, n_trials, seed)]
    return sum(o.success for o in outcomes) / len(outcomes)


def play_level_headless(level_id: str, db: Path, ability: float = 0.6) -> list[dict]:
    """`balance-game play --headless --fast --device sim --level ID`; returns the trials."""
    code = 0
    try:
        cli_main(["play", "--headless", "--fast", "--device", "sim", "--level", level_id,
                  "--ability", str(ability), "--db", str(db)])
    except SystemExit as exc:
        code = exc.code or 0
    assert code == 0, f"{level_id}: exit status {code}"
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT success, score, measures_json FROM trials ORDER BY id").fetchall()
    return [{"success": bool(s), "score": sc, "measures": json.loads(m)} for s, sc, m in rows]

"""Sweep levels x abilities x seeds with the simulated player; print a Markdown table.

The same run as ``balance-game simulate --level ID --ability A --trials N --seed S``, done
in-process and in parallel. Usage::

    python docs/difficulty_sweep.py [--trials 80] [--seeds 0] [--abilities 0.2,0.5,0.9] [LEVEL ...]
"""

from __future__ import annotations

import argparse
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def run_one(job: tuple[str, float, int, int]) -> tuple[str, float, int, float, float]:
    from balance_game.game.runner import RunRequest, run_game
    from balance_game.game.scenes import GameOptions

    level_id, ability, trials, seed = job
    options = GameOptions(headless=True, fast=True, seed=seed, level_id=level_id, device="sim",
                          trials=trials)
    with tempfile.TemporaryDirectory() as scratch:
        summary = run_game(RunRequest(db_path=Path(scratch) / "s.db", options=options,
                                      player="Simulated", ability=ability))
    records = summary.trials
    last = records[len(records) // 2:]
    rate = sum(r.success for r in last) / len(last) if last else 0.0
    return level_id, ability, seed, rate, records[-1].difficulty if records else float("nan")


def main() -> None:
    from balance_game.core.levels import load_levels

    parser = argparse.ArgumentParser()
    parser.add_argument("levels", nargs="*")
    parser.add_argument("--trials", type=int, default=80)
    parser.add_argument("--seeds", default="0")
    parser.add_argument("--abilities", default="0.2,0.5,0.9")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    levels = args.levels or [s.id for s in load_levels()]
    abilities = [float(a) for a in args.abilities.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]
    jobs = [(lv, a, args.trials, s) for lv in levels for a in abilities for s in seeds]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(run_one, jobs))
    table: dict[tuple[str, float], list[tuple[float, float]]] = {}
    for level_id, ability, _seed, rate, final in results:
        table.setdefault((level_id, ability), []).append((rate, final))
    head = " | ".join(f"{a:.1f}: success / final" for a in abilities)
    print(f"| level | {head} |")
    print("|---|" + "---|" * len(abilities))
    for lv in levels:
        cells = []
        for a in abilities:
            runs = table[(lv, a)]
            cells.append(" ".join(f"{r:.2f} / {f:.2f}" for r, f in runs))
        print(f"| {lv} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()

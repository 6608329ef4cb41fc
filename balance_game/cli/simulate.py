"""`balance-game simulate`: a simulated player of a given ability plays a real level, fast."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import ABILITY, SEED
from balance_game.core.difficulty import DEFAULT_TARGET_SUCCESS
from balance_game.game.runner import RunRequest, run_game
from balance_game.game.scenes import GameOptions
from balance_game.i18n import N_, _, ngettext


@command()
@click.option("--level", "level_id", required=True, help=N_("Level id (see `balance-game levels`)."))
@click.option("--ability", type=ABILITY, required=True,
              help=N_("0 = very unsteady, 1 = athlete."))
@click.option("--trials", type=click.IntRange(1, 5000), default=200, show_default=True)
@click.option("--seed", type=SEED, default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object."))
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help=N_("Keep the simulated session in this database (default: a throwaway one)."))
def simulate(level_id: str, ability: float, trials: int, seed: int, as_json: bool,
             db: str | None) -> None:
    """Run a level headless and fast with a simulated player; report how difficulty adapted."""
    options = GameOptions(headless=True, fast=True, seed=seed, level_id=level_id, device="sim",
                          trials=trials)
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(db) if db else Path(scratch) / "simulate.db"
        summary = run_game(RunRequest(db_path=db_path, options=options, player="Simulated",
                                      ability=ability))
    records = summary.trials
    last_half = records[len(records) // 2:]
    rate = sum(r.success for r in last_half) / len(last_half) if last_half else 0.0
    result = {
        "level": level_id,
        "ability": ability,
        "trials": len(records),
        "target_success": DEFAULT_TARGET_SUCCESS,
        "success_rate_last_half": round(rate, 4),
        "final_difficulty": records[-1].difficulty if records else None,
        "difficulty_trajectory": [r.difficulty for r in records],
    }
    if as_json:
        click.echo(json.dumps(result))
        return
    click.echo(_("{level}: ability {ability}, {trials}, success in the last half {rate} (target "
                 "{target}), final difficulty {difficulty}").format(
        level=level_id, ability=f"{ability:.2f}",
        trials=ngettext("{n} trial", "{n} trials", len(records)).format(n=len(records)),
        rate=f"{rate:.0%}", target=f"{DEFAULT_TARGET_SUCCESS:.0%}",
        difficulty=result["final_difficulty"]))


COMMANDS = [simulate]

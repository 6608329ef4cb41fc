"""`balance-game bench`: the performance figures, measured headless on simulated input."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.option("--quick", is_flag=True, help="Shorter runs (a minute instead of several).")
def bench(as_json: bool, quick: bool) -> None:
    """Frame times per mechanic, input latency, reader throughput, measure timing, memory, storage."""
    from balance_game.bench import TARGETS, run_all

    def progress(step: str) -> None:
        click.echo(f"  {step}...", err=True)

    results = run_all(quick, progress)
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        target = TARGETS.get(key)
        if isinstance(value, dict):
            worst = max(value.values()) if value else None
            value = ", ".join(f"{k} {v:g}" for k, v in value.items()) + f"  (worst {worst:g})"
        click.echo(f"{key:<22} {value}" + (f"   target {target:g}" if target is not None else ""))


COMMANDS = [bench]

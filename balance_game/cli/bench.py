"""`balance-game bench`: the performance figures, measured on simulated input."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from balance_game.cli.help_text import command
from balance_game.i18n import N_


def _frame_table(title: str, table: dict[str, Any], metrics: tuple[str, ...]) -> list[str]:
    head = "".join(f"{m + ' p50/p99/max':>26}" for m in metrics)
    lines = [title, f"  {'mechanic':<10}{head}"]
    for mechanic, figures in table.items():
        cells = "".join(
            f"{figures[m]['p50']:>10.2f}{figures[m]['p99']:>8.2f}{figures[m]['max']:>8.2f}"
            for m in metrics)
        lines.append(f"  {mechanic:<10}{cells}")
    return lines


def _world_matrix(title: str, table: dict[str, Any], cell: Callable[[dict[str, Any]], str],
                  width: int) -> list[str]:
    """One row per mechanic, one column per world."""
    worlds = list(next(iter(table.values()))) if table else []
    lines = [title, f"  {'mechanic':<10}" + "".join(f"{w:>{width}}" for w in worlds)]
    for mechanic, by_world in table.items():
        lines.append(f"  {mechanic:<10}" + "".join(f"{cell(by_world[w]):>{width}}" for w in worlds))
    return lines


def _window_cell(figures: dict[str, Any]) -> str:
    cpu, latency = figures["cpu_ms"], figures["latency_ms"]
    return f"{cpu['p99']:.1f}/{cpu['max']:.1f}/{latency['p99']:.1f}"


def format_results(r: dict[str, Any]) -> list[str]:
    """The bench's figures as a person reads them: tables, then each target against its figure."""
    from balance_game.bench.scratch import RESOLUTIONS

    m = r["machine"]
    lines = [f"python {m['python']}, pygame-ce {m['pygame']}, SDL {m['sdl']}, {m['cpus']} CPUs, "
             f"load {m['load_1m_at_start']} -> {m['load_1m_at_end']}"]
    window = r["window"]
    if window.get("display"):
        lines.append(f"real window on {window['display']}"
                     f"{' (Xvfb started by bench)' if window['own_xvfb'] else ''}: "
                     f"{window['presentation']}")
        for label in RESOLUTIONS:
            lines += _world_matrix(f"through the window at {label}, each mechanic in each world "
                                   "(ms: frame CPU p99 / frame CPU max / latency p99; CPU = "
                                   "process CPU per frame, latency = sample arrival to present)",
                                   window[label], _window_cell, 18)
        for label, ms in window.get("x_server_cpu_ms_per_frame", {}).items():
            lines.append(f"  X server CPU per frame at {label}: {ms:.2f} ms")
        for label, pct in window.get("host_steal_pct", {}).items():
            lines.append(f"  CPU time taken by the virtual machine's host during the runs at "
                         f"{label}: {pct:.2f} % (worst repeat)")
    else:
        lines.append(window.get("note", "no window figures"))
    for label in RESOLUTIONS:
        lines += _frame_table(f"offscreen at {label} (update + drawing, no present; ms)",
                              r["offscreen"][label], ("cpu_ms", "wall_ms"))
        lines += _world_matrix(f"offscreen at {label}, each mechanic in each world (ms: frame "
                               "CPU p99 / wall p99)", r["offscreen_worlds"][label],
                               lambda f: f"{f['cpu_ms_p99']:.2f}/{f['wall_ms_p99']:.2f}", 14)
    s, sway, rd = r["startup"], r["sway"], r["reader"]
    lines += [
        f"--version {s['version_s']:.3f} s, python -c pass {s['python_s']:.3f} s "
        f"(+{s['version_above_python_s']:.3f} s); first frame {s['first_frame_s']:.3f} s",
        f"reader at 1 kHz while drawing: {rd['reports_per_s']} reports/s, {rd['drops']} drops, "
        f"{rd['malformed']} malformed, largest gap {rd['max_gap_ms']} ms",
        f"sway measures, jittered 60 s: {sway['sway_ms_jittered_60s']} ms CPU "
        f"(gridded {sway['sway_ms_gridded_60s']} ms); micromotion "
        f"{sway['micromotion_ms_jittered_60s'] or 'not installed'}",
        f"database {r['db_bytes_per_hour'] / 1e6:.1f} MB per hour; memory over the soak "
        f"{r['soak_rss_mb']} MB; peak RSS {r['peak_rss_mb']} MB",
        "targets (printed, never asserted):",
    ]
    for c in r["checks"]:
        sign = "<=" if c["kind"] == "max" else ">="
        measured = "—" if c["measured"] is None else f"{c['measured']:g}"
        lines.append(f"  {c['figure']:<32} {measured:>10} {sign} {c['target']:<10.4g} "
                     f"{c['verdict']:<13}{c['where']}")
    return lines


@command()
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object."))
@click.option("--quick", is_flag=True, help=N_("Shorter runs (about two minutes instead of ten)."))
def bench(as_json: bool, quick: bool) -> None:
    """Frame times per mechanic, input latency, reader throughput, measure timing, memory, storage."""
    from balance_game.bench import run_all

    def progress(step: str) -> None:
        click.echo(f"  {step}...", err=True)

    results = run_all(quick, progress)
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    for line in format_results(results):
        click.echo(line)


COMMANDS = [bench]

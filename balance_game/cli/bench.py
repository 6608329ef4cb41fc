"""`balance-game bench`: the performance figures, measured on simulated input."""

from __future__ import annotations

import json
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
            lines += _frame_table(f"through the window at {label} (ms; cpu = process CPU per frame, "
                                  "latency = sample arrival to present)", window[label],
                                  ("cpu_ms", "interval_ms", "latency_ms"))
        for label, ms in window.get("x_server_cpu_ms_per_frame", {}).items():
            lines.append(f"  X server CPU per frame at {label}: {ms:.2f} ms")
    else:
        lines.append(window.get("note", "no window figures"))
    for label in RESOLUTIONS:
        lines += _frame_table(f"offscreen at {label} (update + drawing, no present; ms)",
                              r["offscreen"][label], ("cpu_ms", "wall_ms"))
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

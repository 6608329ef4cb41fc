"""``balance-game metrics FILE``: the sway measures of one recorded trial, for a therapist.

Every report names its pipeline and its validity, so a number is never read without knowing how
it was made or whether the recording could support it.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from balance_game.cli.help_text import command
from balance_game.dsp.sway import MEASURE_NAMES, SwayReport, compute_measures, unit_of
from balance_game.i18n import N_
from balance_game.storage.samples_csv import read_samples_file

PIPELINE_NOTES = {
    "raw": "as recorded, mean removed (comparable with published lab values)",
    "standard": "resampled to 100 Hz, gaps > 0.2 s flagged, 10 Hz zero-lag low-pass",
}


def format_report(source: str, report: SwayReport) -> str:
    """An aligned plain-text table: header facts, then one measure per line with its unit."""
    width = max(len(name) for name in MEASURE_NAMES)
    if report.fs_hz:
        sampling = f"{report.n_samples} at {report.fs_hz:.2f} Hz ({report.duration_s:.2f} s)"
    else:
        sampling = f"{report.n_samples}"
    lines = [
        f"{'file':<{width}}  {source}",
        f"{'pipeline':<{width}}  {report.pipeline}: {PIPELINE_NOTES[report.pipeline]}",
        f"{'valid':<{width}}  {'yes' if report.valid else 'NO: ' + report.reason}",
        f"{'samples':<{width}}  {sampling}",
        "",
    ]
    for name in MEASURE_NAMES:
        value = getattr(report, name)
        shown = "—" if value is None else f"{value:.4f}"
        lines.append(f"{name:<{width}}  {shown:>12}  {unit_of(name)}")
    return "\n".join(lines)


@command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--raw", is_flag=True, help=N_("Use the raw pipeline (as recorded) instead of standard."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print one JSON object instead of a table."))
def metrics(file: Path, raw: bool, as_json: bool) -> None:
    """Sway measures of a samples CSV (columns t_s, cop_x_mm, cop_y_mm; others are ignored).

    Invalid trials (too short, too sparse, too gappy) are reported with the reason and no numbers.
    """
    table = read_samples_file(file)
    report = compute_measures(
        table.t_s, table.cop_x_mm, table.cop_y_mm, pipeline="raw" if raw else "standard"
    )
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(format_report(str(file), report))


COMMANDS = [metrics]

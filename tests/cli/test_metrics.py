"""``balance-game metrics``: the BDS numbers through a samples CSV, the JSON keys, bad input."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from balance_game.cli import main
from balance_game.dsp.sway import MEASURE_NAMES, compute_measures

BDS = Path(__file__).resolve().parents[1] / "data" / "bds"
TRIALS = sorted(p.stem for p in BDS.glob("BDS*.txt"))
KEYS = ["pipeline", "valid", "reason", "n_samples", "duration_s", "fs_hz", *MEASURE_NAMES]


def bds_as_samples_csv(trial: str, folder: Path) -> tuple[Path, np.ndarray]:
    """A samples CSV of one BDS trial: x = ML (COPy), y = AP (COPx), cm → mm, full precision."""
    data = np.loadtxt(BDS / f"{trial}.txt", skiprows=1)
    t, x, y = data[:, 0], 10.0 * data[:, 2], 10.0 * data[:, 1]
    path = folder / f"{trial}.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["t_s", "total_kg", "cop_x_mm", "cop_y_mm"])  # extra columns are fine
        writer.writerows(zip(t.tolist(), [""] * len(t), x.tolist(), y.tolist(), strict=True))
    return path, np.vstack([t, x, y])


def run(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    out = capsys.readouterr()
    return stop.value.code, out.out, out.err


def reference(trial):
    with open(BDS / "BDSinfoCOP_subset.tsv", newline="") as f:
        return next(r for r in csv.DictReader(f, delimiter="\t") if r["Trial"] == trial)


@pytest.mark.parametrize("trial", TRIALS)
def test_raw_json_on_bds_gives_the_library_and_the_authors_numbers(trial, tmp_path, capsys):
    path, (t, x, y) = bds_as_samples_csv(trial, tmp_path)
    code, out, err = run(["metrics", str(path), "--raw", "--json"], capsys)
    assert code == 0 and err == ""
    got = json.loads(out)
    assert list(got) == KEYS
    assert got == compute_measures(t, x, y, pipeline="raw").to_dict()
    ref = reference(trial)
    assert got["ellipse95_area_mm2"] / 100 == pytest.approx(float(ref["COParea"]), rel=1e-5)
    assert got["mean_velocity_mm_s"] / 10 == pytest.approx(float(ref["COPvelo"]), rel=1e-5)
    assert got["mean_power_frequency_hz"] == pytest.approx(float(ref["COPmfreq"]), rel=1e-5)


def test_table_lists_every_measure_with_unit_pipeline_and_validity(tmp_path, capsys):
    path, (t, x, y) = bds_as_samples_csv("BDS00160", tmp_path)
    code, out, _ = run(["metrics", str(path)], capsys)
    assert code == 0
    assert "standard" in out and "valid" in out and "yes" in out
    report = compute_measures(t, x, y)
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    for name in MEASURE_NAMES:
        value, _unit = rows[name]
        assert float(value) == pytest.approx(getattr(report, name), abs=6e-5)
    assert rows["ellipse95_area_mm2"][1] == "mm²"
    assert rows["mean_velocity_mm_s"][1] == "mm/s"


def test_invalid_trial_reports_the_reason_and_no_numbers(tmp_path, capsys):
    path = tmp_path / "short.csv"
    rows = "".join(f"{i / 100},{i % 3},1\n" for i in range(300))  # 3 s
    path.write_text("t_s,cop_x_mm,cop_y_mm\n" + rows)
    code, out, _ = run(["metrics", str(path), "--json"], capsys)
    got = json.loads(out)
    assert code == 0 and got["valid"] is False and "too short" in got["reason"]
    assert all(got[name] is None for name in MEASURE_NAMES)
    code, out, _ = run(["metrics", str(path)], capsys)
    assert "NO: too short" in out


@pytest.mark.parametrize(
    "text",
    ["t_s,cop_x_mm\n0,1\n", "t_s,cop_x_mm,cop_y_mm\n0,abc,1\n", "", "t_s,cop_x_mm,cop_y_mm\n"],
)
def test_malformed_csv_is_one_line_on_stderr_and_exit_2(text, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(text)
    done = subprocess.run(
        [sys.executable, "-m", "balance_game", "metrics", str(path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("balance-game: error: ")


def test_missing_file_is_a_user_error(tmp_path, capsys):
    code, _, err = run(["metrics", str(tmp_path / "nope.csv")], capsys)
    assert code == 2 and "cannot read" in err and len(err.strip().splitlines()) == 1

"""Inputs of any size in bounded memory, and samples files that say what is wrong with them
(issue 18, items 4 and 8: /dev/zero, huge CSVs, BOM, backward time, impossible values)."""

import sys

import pytest

from balance_game.devices.replay import ReplaySource
from balance_game.errors import UserError
from balance_game.storage import samples_csv
from balance_game.storage.samples_csv import COLUMNS, read_samples_file

HEADER = ",".join(COLUMNS)


def _csv(tmp_path, rows, header=HEADER, prefix=""):
    path = tmp_path / "s.csv"
    path.write_text(prefix + header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _rows(n, start=0.0):
    return [f"{start + i / 100:.2f},10,10,10,10,40,{i % 7 - 3},{i % 5 - 2}" for i in range(n)]


# Runs the command as its only child and prints that child's peak memory (KiB): RUSAGE_CHILDREN
# of the test process itself would include every other subprocess the suite started before.
PEAK_OF_CHILD = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=60)\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.stderr.write(done.stderr)\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /dev/zero")
def test_replay_from_dev_zero_exits_2_in_bounded_memory(cli):
    done = cli("-c", PEAK_OF_CHILD, sys.executable, "-m", "balance_game", "play", "--headless",
               "--fast", "--device", "replay:/dev/zero", "--seconds", "2", python_args=True,
               timeout=90)
    returncode, peak_kib = (int(v) for v in done.stdout.split())
    assert returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "/dev/zero" in done.stderr
    assert peak_kib / 1024 < 300, peak_kib / 1024


def test_a_line_without_end_is_refused_at_the_line_limit(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(HEADER.encode() + b"\n" + b"1" * (samples_csv.MAX_LINE_CHARS * 3))
    with pytest.raises(UserError, match="line 2: longer than"):
        read_samples_file(path)


def test_too_many_rows_is_a_clear_error_before_memory_grows(tmp_path, monkeypatch):
    monkeypatch.setattr(samples_csv, "MAX_SAMPLES", 500)
    path = _csv(tmp_path, _rows(501))
    with pytest.raises(UserError, match="more than 500 samples"):
        read_samples_file(path)
    assert len(read_samples_file(_csv(tmp_path, _rows(500)))) == 500


def test_metrics_on_an_oversized_csv_is_one_line_exit_2(cli, tmp_path, monkeypatch):
    path = _csv(tmp_path, _rows(3000))
    done = cli("metrics", path, env={"BALANCE_GAME_MAX_SAMPLES": "2000"})
    assert done.returncode == 2 and "more than 2000 samples" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_table_holds_samples_compactly(tmp_path):
    """Eight columns of float64: about 64 bytes a sample, so the cap bounds the memory."""
    table = read_samples_file(_csv(tmp_path, _rows(1000)))
    assert table.nbytes <= 1000 * 8 * 8


def test_replay_makes_samples_as_it_plays(tmp_path):
    source = ReplaySource.from_file(_csv(tmp_path, _rows(300, start=5.0)))
    first = source.poll(0.5)
    assert len(first) == 51 and first[0].t_s == 0.0  # shifted to start at zero
    assert first[0].corners_kg == (10.0, 10.0, 10.0, 10.0)
    rest = source.poll(100.0)
    assert len(rest) == 250 and rest[-1].state == "ended"


def test_a_byte_order_mark_is_accepted(tmp_path):
    table = read_samples_file(_csv(tmp_path, _rows(10), prefix="\ufeff"))
    assert len(table) == 10


def test_time_running_backwards_is_named_as_such(tmp_path):
    rows = _rows(10)
    rows[5], rows[6] = rows[6], rows[5]
    with pytest.raises(UserError, match="line 8: t_s goes backwards"):
        read_samples_file(_csv(tmp_path, rows))


@pytest.mark.parametrize(("column", "value", "why"), [
    ("cop_x_mm", "1e12", "cop_x_mm is 1e\\+12 mm"),
    ("cop_y_mm", "-5000", "cop_y_mm is -5000 mm"),
    ("tl_kg", "99999", "tl_kg is 99999 kg"),
    ("total_kg", "-400", "total_kg is -400 kg"),
])
def test_physically_impossible_values_are_refused_with_their_reason(tmp_path, column, value,
                                                                    why):
    rows = [r.split(",") for r in _rows(10)]
    rows[3][COLUMNS.index(column)] = value
    with pytest.raises(UserError, match=f"line 5: {why}.*impossible"):
        read_samples_file(_csv(tmp_path, [",".join(r) for r in rows]))


def test_metrics_of_a_constant_huge_cop_is_refused(cli, tmp_path):
    rows = [f"{i / 100:.2f},,,,,,1e12,1e12" for i in range(3000)]
    done = cli("metrics", _csv(tmp_path, rows))
    assert done.returncode == 2 and "impossible" in done.stderr

import math

import pytest

from balance_game.core.records import Sample
from balance_game.errors import UserError
from balance_game.storage.samples_csv import COLUMNS, read_samples_file, write_samples_file


def test_round_trip_keeps_corners_and_cop_only_rows(tmp_path):
    path = tmp_path / "s.csv"
    samples = [
        Sample(0.0, 12.5, -3.25, (18.2, 19.1, 16.3, 16.9)),
        Sample(0.01, 1.0, 2.0, None),
    ]
    assert write_samples_file(path, samples) == 2
    assert path.read_text().splitlines()[0] == ",".join(COLUMNS)
    back = list(read_samples_file(path).samples())
    assert back[0].corners_kg == (18.2, 19.1, 16.3, 16.9)
    assert math.isclose(back[0].total_kg, 70.5)
    assert back[1].corners_kg is None and back[1].cop_y_mm == 2.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty file"),
        ("t_s,cop_x_mm\n0,1\n", "missing column cop_y_mm"),
        ("t_s,cop_x_mm,cop_y_mm\n0,abc,1\n", "line 2: cop_x_mm is 'abc', not a number"),
        ("t_s,cop_x_mm,cop_y_mm\n0,1\n", "line 2: 2 cells"),
        ("t_s,cop_x_mm,cop_y_mm\n", "no samples"),
        ("t_s,cop_x_mm,cop_y_mm\n0,nan,1\n", "finite number"),
    ],
)
def test_malformed_files_name_the_problem(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(UserError, match=message):
        read_samples_file(path)

"""Hostile YAML in every data file a person can hand over (issue 18, item 3 and 8).

An alias bomb, a deep nest, a huge file or a duplicated key must end in one short line naming
the file, quickly, for levels, prescriptions, device profiles and the settings file alike.
"""

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from balance_game.core.levels import load_level_file
from balance_game.core.prescriptions import load_prescription
from balance_game.core.validation import DataFileError, load_yaml
from balance_game.devices.profiles import load_profile
from balance_game.errors import UserError
from balance_game.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[2]


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The classic "billion laughs": each level refers to the previous one ``width`` times."""
    names = "abcdefghijklmnop"
    lines = ["a: &a lol"]
    for prev, name in itertools.pairwise(names[:levels]):
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * width)}]")
    lines.append(f"title: *{names[levels - 1]}")
    return "\n".join(lines) + "\n"


LOADERS = {
    "level": load_level_file,
    "prescription": load_prescription,
    "profile": load_profile,
}


def test_the_bomb_is_small():
    assert len(alias_bomb().encode()) <= 400


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_an_alias_bomb_is_refused_in_one_short_line(tmp_path, kind):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(alias_bomb())
    with pytest.raises(UserError) as caught:
        LOADERS[kind](path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400, message[:500]
    assert str(path) in message and "alias" in message


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_deep_nesting_is_refused(tmp_path, kind):
    path = tmp_path / f"{kind}.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(UserError) as caught:
        LOADERS[kind](path)
    assert "nested" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_an_oversized_file_is_refused_before_parsing(tmp_path, kind):
    path = tmp_path / f"{kind}.yaml"
    path.write_text("notes: |\n" + "  x\n" * 200_000)
    with pytest.raises(UserError) as caught:
        LOADERS[kind](path)
    assert "too big" in str(caught.value)


def test_a_duplicate_key_names_both_lines(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("player: Ann\nminutes_per_session: 15\nweekly_sessions: 3\n"
                    "minutes_per_session: 120\n")
    with pytest.raises(DataFileError) as caught:
        load_yaml(path)
    message = str(caught.value)
    assert "minutes_per_session" in message and "line 2" in message and "line 4" in message


def test_a_nested_duplicate_key_is_an_error_too(tmp_path):
    path = tmp_path / "level.yaml"
    path.write_text("params:\n  speed: 1\n  speed: 2\n")
    with pytest.raises(DataFileError, match=r"line 2.*line 3"):
        load_yaml(path)


def test_merge_keys_and_a_few_aliases_still_work(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("base: &b {x: 1, y: 2}\nmore:\n  <<: *b\n  y: 3\nlist: [*b, *b]\n")
    assert load_yaml(path)["more"] == {"x": 1, "y": 3}


def test_a_long_bad_value_is_quoted_as_a_short_excerpt(tmp_path):
    path = tmp_path / "level.yaml"
    path.write_text("id: " + "x" * 50_000 + "\n")
    with pytest.raises(UserError) as caught:
        load_level_file(path)
    assert len(str(caught.value).splitlines()[0]) < 400


def test_a_settings_alias_bomb_is_set_aside(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text(alias_bomb())
    warnings: list[str] = []
    assert load_settings(path, warn=warnings.append) == Settings()
    (warning,) = warnings
    assert "\n" not in warning and len(warning) < 400
    assert not path.exists() and list(tmp_path.glob("settings.yaml.broken-*"))


def _cli(tmp_path, *args, **env):
    return subprocess.run([sys.executable, "-m", "balance_game", *args], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path,
                          env={**os.environ, "BALANCE_GAME_DB": str(tmp_path / "d.db"),
                               **env})


def test_levels_check_on_a_bomb_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb())
    done = _cli(tmp_path, "levels", "check", str(path))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and len(done.stderr) < 400


def test_prescribing_a_bomb_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb())
    assert _cli(tmp_path, "players", "add", "Ann").returncode == 0
    done = _cli(tmp_path, "players", "prescribe", "Ann", str(path))
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and len(done.stderr) < 400


def test_a_settings_bomb_does_not_hang_a_command(tmp_path):
    config = tmp_path / "config" / "settings.yaml"
    config.parent.mkdir()
    config.write_text(alias_bomb())
    done = _cli(tmp_path, "play", "--headless", "--fast", "--seconds", "1",
                BALANCE_GAME_CONFIG=str(config))
    assert done.returncode == 0, done.stderr
    assert len(done.stderr.strip().splitlines()) <= 1


BOTH_PARSERS = pytest.mark.parametrize("events", ["libyaml", "python"])


def _loader(events: str) -> type:
    from balance_game.core import yaml_limits

    if events == "python":
        return yaml_limits.limited_loader(yaml_limits.PythonEvents)
    if not yaml_limits.yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    return yaml_limits.LimitedLoader


@BOTH_PARSERS
def test_every_shipped_file_reads_as_pyyaml_s_own_safe_loader_reads_it(events):
    """The limited loader, on libyaml's events or PyYAML's own, builds the same values as
    ``yaml.safe_load`` (the reference) for every level and device profile shipped."""
    import yaml

    from balance_game.core.yaml_limits import parse_limited

    files = sorted(REPO.glob("levels/*.yaml")) + sorted(REPO.glob("drivers/**/*.yaml"))
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert parse_limited(text, _loader(events)) == yaml.safe_load(text), path


@BOTH_PARSERS
@pytest.mark.parametrize("text,refusal", [
    (alias_bomb(), "alias"),
    ("a: " + "[" * 45 + "]" * 45 + "\n", "nested"),  # past our 40, short of libyaml's 1000
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nested"),  # past libyaml's own limit too
    ("a: 1\nb: 2\na: 3\n", "twice"),
])
def test_both_parsers_refuse_the_same_attacks_with_the_same_words(events, text, refusal):
    from balance_game.core.yaml_limits import YamlRefused, parse_limited

    with pytest.raises(YamlRefused) as caught:
        parse_limited(text, _loader(events))
    assert refusal in str(caught.value.reason)

"""Machine-level settings: declared once, validated, never fatal, kept when broken, owner-only."""

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balance_game import settings as settings_module
from balance_game.cli import main
from balance_game.settings import (
    SETTINGS,
    Settings,
    SettingsError,
    load_settings,
    parse_settings,
    read_settings,
    save_settings,
    settings_path,
    update_settings,
)


def _load(path):
    warnings = []
    return load_settings(path, warn=warnings.append), warnings


def test_declared_once_with_defaults_and_labels():
    assert [s.key for s in SETTINGS] == ["device", "windowed", "last_player"]
    assert all(s.label for s in SETTINGS)
    assert Settings().as_dict() == {s.key: s.default for s in SETTINGS}


def test_the_path_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BALANCE_GAME_CONFIG", str(tmp_path / "x.yaml"))
    assert settings_path() == tmp_path / "x.yaml"
    monkeypatch.delenv("BALANCE_GAME_CONFIG")
    assert settings_path().parts[-2:] == ("balance_game", "settings.yaml")


def test_a_missing_file_means_the_defaults_quietly(tmp_path):
    path = tmp_path / "settings.yaml"
    assert _load(path) == (Settings(), [])
    assert not path.exists()


def test_saved_settings_read_back_and_are_private(tmp_path):
    path = tmp_path / "new" / "folder" / "settings.yaml"
    wanted = Settings(device="hid:hid-loadcell-generic", windowed=True, last_player="Ann Ö")
    save_settings(wanted, path)
    assert _load(path) == (wanted, [])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "# Open a window instead of going fullscreen" in path.read_text()
    assert update_settings(path, last_player=None) == Settings("hid:hid-loadcell-generic", True)
    assert [p.name for p in path.parent.iterdir()] == ["settings.yaml"]  # no temporary left


@pytest.mark.parametrize(("content", "problem"), [
    (b"device: [unclosed\n", "YAML syntax error at line"),
    (b"\xff\xfe\x00garbage", "not UTF-8 text"),
    (b"- a list\n", "is not a mapping"),
    (b"windowed: yes please\n", "windowed: 'yes please' is not valid (true or false)"),
    (b"windowed: 1\n", "windowed: 1 is not valid"),
    (b"device: joystick9\n", "device: 'joystick9' is not valid (auto, wbb"),
    (b"colour: blue\n", "'colour' is not a known setting"),
    (b"last_player: 2001-13-45\n", "a value cannot be read"),
])
def test_a_corrupted_file_is_reported_replaced_by_defaults_and_kept(tmp_path, content, problem):
    path = tmp_path / "settings.yaml"
    path.write_bytes(content)
    loaded, warnings = _load(path)
    assert loaded == Settings()
    (warning,) = warnings
    assert "\n" not in warning and str(path) in warning and problem in warning, warning
    (kept,) = tmp_path.glob("settings.yaml.broken-*")
    assert kept.read_bytes() == content and kept.name in warning
    assert _load(path) == (Settings(), [])  # reported once; the next save cannot overwrite it
    save_settings(Settings(windowed=True), path)
    assert kept.read_bytes() == content


def test_a_bad_file_that_cannot_be_moved_is_left_untouched(tmp_path, monkeypatch):
    path = tmp_path / "settings.yaml"
    path.write_text("windowed: maybe\n")

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    loaded, (warning,) = _load(path)
    assert loaded == Settings() and "left as it is" in warning
    assert path.read_text() == "windowed: maybe\n"


yaml_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(data=yaml_like | st.dictionaries(st.sampled_from(["device", "windowed", "last_player"]),
                                        yaml_like, max_size=3))
def test_fuzz_parse_settings_gives_settings_or_a_settings_error(data):
    try:
        result = parse_settings(data)
    except SettingsError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(result, Settings)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_fuzz_the_settings_file_never_stops_the_game(tmp_path, content):
    path = tmp_path / "settings.yaml"
    path.write_bytes(content)
    try:
        read_settings(path)
    except SettingsError as exc:
        assert "\n" not in str(exc)
    warnings = []
    assert isinstance(load_settings(path, warn=warnings.append), Settings)
    assert len(warnings) <= 1
    for kept in tmp_path.glob("settings.yaml.broken-*"):
        kept.unlink()


# --- used by the commands -------------------------------------------------------------------
@pytest.fixture
def captured_runs(monkeypatch):
    runs = []

    def fake_run_game(request):
        runs.append(request)
        from balance_game.game.runner import RunSummary

        return RunSummary(None, 0, 0.0)

    monkeypatch.setattr("balance_game.cli.play.run_game", fake_run_game)
    return runs


def _main(*args):
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    return exit_.value.code


def test_play_takes_device_and_window_from_the_settings(captured_runs):
    save_settings(Settings(device="sim", windowed=True))
    assert _main("play") == 0
    assert _main("play", "--device", "keyboard", "--fullscreen") == 0
    save_settings(Settings())
    assert _main("play") == 0
    assert [(r.options.device, r.windowed) for r in captured_runs] == [
        ("sim", True), ("keyboard", False), ("auto", False)]


def test_the_bare_command_opens_a_window_when_the_settings_say_so(monkeypatch):
    opened = []
    monkeypatch.setattr("balance_game.cli.play.run_menu_game",
                        lambda db, windowed: opened.append(windowed))
    save_settings(Settings(windowed=True))
    assert _main() == 0 and _main("--fullscreen") == 0
    assert opened == [True, False]


def test_a_broken_settings_file_does_not_stop_a_real_session(run_cli, tmp_path):
    path = Path(os.environ["BALANCE_GAME_CONFIG"])
    path.parent.mkdir(parents=True)
    path.write_text("device: sim\nwindowed: [\n")
    result = run_cli("play", "--headless", "--fast", "--seconds", "1", "--device", "sim")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "using the default settings" in result.stderr
    assert "Traceback" not in result.stderr
    (kept,) = path.parent.glob("settings.yaml.broken-*")
    assert kept.read_text() == "device: sim\nwindowed: [\n"


def test_settings_module_names_its_error_type():
    assert issubclass(settings_module.SettingsError, settings_module.UserError)

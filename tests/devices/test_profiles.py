import textwrap

import pytest

from balance_game.devices.cell_profile import CellBoardProfile
from balance_game.devices.profiles import (
    GamepadProfile,
    WiiProfile,
    load_profile,
    load_profiles,
)
from balance_game.errors import UserError
from balance_game.i18n import set_language
from balance_game.resources import drivers_dir


def test_every_file_in_drivers_loads():
    files = sorted(drivers_dir().glob("*.yaml"))
    assert files, "drivers/ has no profiles"
    profiles = load_profiles()
    assert len(profiles) == len(files)
    assert isinstance(profiles["wii-balance-board"], WiiProfile)
    assert isinstance(profiles["hid-loadcell-generic"], CellBoardProfile)
    assert isinstance(profiles["serial-hx711-example"], CellBoardProfile)
    assert isinstance(profiles["gamepad-standard"], GamepadProfile)


def test_wii_profile_holds_the_protocol_data():
    wii = load_profiles()["wii-balance-board"]
    assert (wii.identity.vendor_id, wii.identity.product_id) == (0x057E, 0x0306)
    assert wii.identity.product_string == "Nintendo RVL-WBC-01"
    assert wii.extension_id[-2:] == b"\x04\x02"
    assert wii.report_mode == bytes([0x12, 0x04, 0x34])
    assert (wii.geometry.width_mm, wii.geometry.depth_mm) == (433, 238)


def _with(tmp_path, base: str, old: str, new: str):
    text = (drivers_dir() / base).read_text()
    assert old in text
    path = tmp_path / base
    path.write_text(text.replace(old, new))
    return path


@pytest.mark.parametrize(
    ("base", "old", "new", "message"),
    [
        ("gamepad-standard.yaml", "dead_zone: 0.12", "",
         "dead_zone: missing (a number from 0 to 0.9)"),
        ("gamepad-standard.yaml", "dead_zone: 0.12", "dead_zone: 0.12\ncolour: red",
         "colour: unknown key (valid keys: axes, buttons, dead_zone, id, kind, name, sdl_names)"),
        ("wii-balance-board.yaml", "width_mm: 433", "width_mm: wide",
         "geometry.width_mm: 'wide' is a str (a number from 50 to 2000)"),
        ("wii-balance-board.yaml", "width_mm: 433", "width_mm: 4330",
         "geometry.width_mm: 4330 is out of range (a number from 50 to 2000)"),
        ("hid-loadcell-generic.yaml", "format: int32", "format: int12",
         "report.format: is the text 'int12' "
         "(one of: int16, uint16, int24, uint24, int32, uint32, float32)"),
        ("hid-loadcell-generic.yaml", "byte_order: little", "byte_order: little\n  middle: 3",
         "report.middle: is not a known key (known keys: format, byte_order, report_id)"),
        ("gamepad-standard.yaml", "  pause: 7", "  pause: -1",
         "buttons.pause: -1 is out of range (an integer from 0 to 63)"),
        ("gamepad-standard.yaml", "    invert: true", "    invert: yes please",
         "axes.lean_y.invert: 'yes please' is a str (true or false)"),
        ("wii-balance-board.yaml", 'report_mode: "12 04 34"', 'report_mode: "12 0G"',
         "init.report_mode: '12 0G' is not hex bytes (hex bytes like \"12 04 34\")"),
    ],
)
def test_profile_errors_name_file_key_and_what_is_valid(tmp_path, base, old, new, message):
    path = _with(tmp_path, base, old, new)
    with pytest.raises(UserError) as err:
        load_profile(path)
    assert str(err.value) == f"{path}: {message}"


def test_yaml_syntax_error(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(textwrap.dedent("""\
        id: broken
        kind: gamepad
        axes: [unclosed
        """))
    with pytest.raises(UserError) as err:
        load_profile(path)
    assert str(err.value).startswith(f"{path}: YAML syntax error at line 4")
    assert str(err.value).endswith("(check indentation and colons)")


def test_unknown_kind_and_top_level_not_a_mapping(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("id: x\nkind: toaster\n")
    with pytest.raises(UserError) as err:
        load_profile(path)
    assert str(err.value) == f"{path}: kind: 'toaster' is not known (one of board, gamepad)"
    path.write_text("- just\n- a list\n")
    with pytest.raises(UserError) as err:
        load_profile(path)
    expected = f"{path}: (top level): ['just', 'a list'] is a list (a mapping of keys)"
    assert str(err.value) == expected


def test_duplicate_ids_are_refused(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text((drivers_dir() / "gamepad-standard.yaml").read_text())
    with pytest.raises(UserError, match=r"b\.yaml: id: 'gamepad-standard' is also used by a.yaml"):
        load_profiles(tmp_path)


def test_board_without_transport(tmp_path):
    path = _with(tmp_path, "wii-balance-board.yaml", "transport: wii\n", "")
    with pytest.raises(UserError) as err:
        load_profile(path)
    assert str(err.value) == f"{path}: transport: missing (one of wii, hid_loadcell, serial)"


@pytest.mark.parametrize(("code", "message"), [
    ("de", "geometry.width_mm: 4330 liegt außerhalb des Bereichs (eine Zahl von 50 bis 2000)"),
    ("es", "geometry.width_mm: 4330 está fuera de rango (un número de 50 a 2000)"),
])
def test_profile_errors_in_the_runs_language(tmp_path, code, message):
    """The words translated; the file, the key path and the value as written."""
    path = _with(tmp_path, "wii-balance-board.yaml", "width_mm: 433", "width_mm: 4330")
    set_language(code)
    try:
        with pytest.raises(UserError) as err:
            load_profile(path)
    finally:
        set_language("en")
    assert str(err.value) == f"{path}: {message}"

"""The command line speaks the run's language: --help (click's headings included), messages and
the problems found in data files; names a person types and machine-readable output stay as
they are."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from balance_game.cli import cli
from balance_game.devices.select import DEVICE_CHOICES
from balance_game.i18n import set_language


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    set_language("en")


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), env=env, prog_name="balance-game")
    assert result.exit_code == 0, result.output
    return result.output


def test_help_in_german_with_the_language_option():
    text = _help("--language", "de", "--help")
    assert text.startswith("Aufruf: balance-game [OPTIONS]")
    assert "\nOptionen:\n" in text and "\nBefehle:\n" in text
    assert "Diese Hilfe anzeigen und beenden." in text
    assert "Ohne Befehl öffnet sich das Spielfenster" in text  # the group's own docstring
    assert "Ein Level spielen." in text  # a command's line in the list
    # what a person types is never translated
    assert "--language [en|de|es]" in text and "  play " in text
    assert "Usage:" not in text and "Show this message" not in text


def test_help_of_a_command_in_spanish_with_the_equals_form():
    text = _help("--language=es", "players", "set", "--help")
    assert text.startswith("Uso: balance-game players set [OPTIONS] NAME")
    assert "Cambiar los topes del terapeuta" in text
    assert "Tope del terapeuta: dificultad máxima, de 0 a 1." in " ".join(text.split())
    assert "--max-difficulty" in text and "Therapist cap" not in text


def test_help_follows_the_computer_language_without_the_option():
    text = _help("play", "--help", env={"LANGUAGE": "de", "LC_ALL": "", "LANG": ""})
    assert "Ein Level spielen. Ohne --level" in " ".join(text.split())
    assert "[Standard: 0]" in text  # click's "[default: 0]" on --seed, in our words


def test_english_help_is_unchanged():
    text = _help("--language", "en", "play", "--help")
    assert text.startswith("Usage: balance-game play [OPTIONS]")
    assert "Play a level. Without --level" in text and "[default: 0]" in text


def test_the_device_help_names_every_device_choice():
    text = " ".join(_help("--language", "en", "play", "--help").split())
    for choice in DEVICE_CHOICES.split("|"):
        assert choice in text.replace(", ", " ").replace(" or ", " "), choice


def test_german_help_loads_no_heavy_library():
    code = ("import sys\nfrom balance_game.cli import main\n"
            "try:\n    main(['--language', 'de', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pygame', 'scipy', 'numpy', 'sqlite3', 'yaml') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Aufruf:" in out.stdout and out.stdout.strip().splitlines()[-1] == "[]"


def test_a_broken_level_file_is_reported_in_german(run_cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: reach-99\nmechanic: reach\ntrials: 0\ncolour: red\n", encoding="utf-8")
    result = run_cli("--language", "de", "levels", "check", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    # file and field as written, the words in German, the shape FILE: field: problem (fix)
    assert f"{bad}: trials: ist 0, außerhalb des Bereichs (eine ganze Zahl von 1 bis 500)" in lines
    assert f"{bad}: colour: ist kein bekannter Schlüssel (bekannte Schlüssel: " in result.stderr


def test_a_yaml_syntax_error_is_reported_in_spanish(run_cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: reach-99\n  mechanic: [reach\n", encoding="utf-8")
    check = run_cli("--language", "es", "levels", "check", str(bad))
    assert check.returncode == 2
    assert f"{bad}: error de sintaxis YAML en línea 2, columna " in check.stderr
    assert "(revise la sangría y los dos puntos)" in check.stderr


def test_a_bad_number_and_a_usage_error_in_german(run_cli):
    result = run_cli("--language", "de", "play", "--headless", "--seconds", "nan")
    assert result.returncode == 2
    assert ("Ungültiger Wert für '--seconds': 'nan' ist keine endliche Zahl (eine Zahl von 0.1 "
            "bis 86400)") in result.stderr
    assert result.stderr.startswith("balance-game: Fehler: ")
    fast = run_cli("--language", "de", "play", "--fast")
    assert fast.returncode == 2 and "--fast braucht --headless" in fast.stderr


def test_json_output_keeps_english_keys(run_cli):
    result = run_cli("--language", "de", "levels", "--json")
    assert result.returncode == 0
    first = json.loads(result.stdout)[0]
    assert {"id", "mechanic", "world", "title"} <= set(first)


@pytest.mark.parametrize("args, german", [
    (("nosuch",), "Befehl 'nosuch' gibt es nicht."),
    (("play", "--levl", "x"), "Option '--levl' gibt es nicht. (Mögliche Optionen: --help, --level)"),
    (("export", "--format", "xml", "--player", "x", "--out", "x"),
     "Ungültiger Wert für '--format': 'xml' ist keiner von 'csv', 'json', 'fhir'."),
    (("play", "--level"), "Option '--level' braucht einen Wert."),
    (("play", "extra", "more"), "Unerwartete zusätzliche Argumente (extra more)"),
    (("export", "--out", "x"), "Option '--player' fehlt."),
])
def test_click_s_own_usage_errors_in_german(run_cli, args, german):
    result = run_cli("--language", "de", *args)
    assert result.returncode == 2
    assert result.stderr.startswith(f"balance-game: Fehler: {german}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_errors_follow_the_computer_language(run_cli):
    result = run_cli("play", "--bogus", env={"LANGUAGE": "es"})
    assert result.returncode == 2
    assert result.stderr.startswith("balance-game: error: No existe la opción '--bogus'.")

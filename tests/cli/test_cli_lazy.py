"""The command registry: every command is listed, runs --help, and loads nothing heavy up front."""

import importlib
import pkgutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import balance_game.cli as cli_package
from balance_game.cli import COMMANDS, cli


def _commands_in_modules() -> dict[str, tuple[str, click.Command]]:
    found = {}
    for info in pkgutil.iter_modules(cli_package.__path__):
        module = importlib.import_module(f"balance_game.cli.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            found[command.name] = (info.name, command)
    return found


def test_the_registry_lists_every_command_with_its_own_first_line():
    found = _commands_in_modules()
    assert set(found) == set(COMMANDS)
    for name, (module, command) in found.items():
        assert COMMANDS[name][0] == module, name
        assert COMMANDS[name][1] == command.get_short_help_str(limit=10_000), name


def _every_command_path(group: click.Group, prefix: tuple[str, ...] = ()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _every_command_path(command, (*prefix, name))


@pytest.mark.parametrize("path", list(_every_command_path(cli)), ids=" ".join)
def test_every_command_and_subcommand_has_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ") and " ".join(path) in result.output.splitlines()[0]


def test_an_unknown_command_is_one_line_and_status_2(run_cli):
    result = run_cli("nonsense")
    assert result.returncode == 2
    assert "No such command 'nonsense'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["metrics", "--help"],
                                  ["export", "--help"], ["report", "--help"]])
def test_help_and_version_load_no_heavy_library(args):
    """Start-up cost is imports: --help and --version must not pull in the game or the numerics."""
    code = ("import sys\nfrom balance_game.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pygame', 'scipy', 'matplotlib', 'reportlab', 'hid') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    if args in (["--version"], ["--help"]):
        code = code.replace("'pygame', 'scipy'", "'pygame', 'scipy', 'numpy', 'sqlite3', 'yaml'")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip().splitlines()[-1] == "[]"

"""levels/README.md documents every parameter of every mechanic, so the docs cannot drift."""

import importlib.util
from pathlib import Path

from balance_game.core.mechanics import MECHANICS

REPO = Path(__file__).resolve().parents[2]
README = REPO / "levels" / "README.md"


def test_every_param_spec_is_documented_in_levels_readme():
    text = README.read_text(encoding="utf-8")
    missing = [f"{m.name}.{p.name}" for m in MECHANICS.values() for p in m.params
               if f"`{p.name}`" not in text]
    assert not missing, f"add these to levels/README.md (python docs/param_tables.py): {missing}"
    for mechanic in MECHANICS.values():
        assert f"### {mechanic.name}" in text, mechanic.name


def test_the_parameter_tables_match_the_param_specs():
    script = REPO / "docs" / "param_tables.py"
    spec = importlib.util.spec_from_file_location("param_tables", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = README.read_text(encoding="utf-8")
    assert module.render(text) == text, "levels/README.md is stale: run python docs/param_tables.py"

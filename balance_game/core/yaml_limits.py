"""A YAML parser with limits, for data files a person may hand over (levels, plans, profiles).

PyYAML's safe loader still lets a few hundred bytes expand to billions of values through
aliases (the "billion laughs"), nest deep enough to exhaust the stack, and quietly keep the
last of two equal keys. This loader counts while it composes, before anything is built: the
expanded size of every node (an alias counts as the whole value it stands for), the nesting
depth, and it refuses a key given twice in one mapping, naming both lines.

Scanning and parsing into events is libyaml's work where PyYAML has it (its wheels do): about
six times quicker than PyYAML's own scanner (the 43 levels and profiles: 280 -> 48 ms), which
every command that reads levels paid at start. Composing, where the limits are counted, and
building values stay PyYAML's Python code, whichever parser produced the events.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from balance_game.core.validation import excerpt
from balance_game.i18n import phrase

MAX_DEPTH = 40  # a level or a profile is a few levels deep
MAX_EXPANDED_NODES = 50_000  # every value counted as often as aliases repeat it
MERGE_TAG = "tag:yaml.org,2002:merge"
LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


class YamlRefused(yaml.YAMLError):
    """The text is valid YAML but breaks a limit; ``reason`` says which, for one line (a phrase,
    said in the run's language where it is shown)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PythonEvents(Reader, Scanner, Parser):
    """PyYAML's own reader, scanner and parser: the events, where libyaml is missing."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


def _event_source() -> type:
    """libyaml's parser when PyYAML was built with it, else PyYAML's own."""
    if yaml.__with_libyaml__:
        from yaml._yaml import CParser

        return CParser
    return PythonEvents


class LimitedComposer(Composer):
    """PyYAML's composer that refuses alias bombs, deep nesting and duplicate keys."""

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0
        self._weights: dict[int, int] = {}

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _too_deep()
        node = super().compose_node(parent, index)
        self._depth -= 1
        if node is None:
            return None
        if id(node) not in self._weights:  # an alias reuses its anchor's weight
            self._weights[id(node)] = self._weight(node)
        if self._weights[id(node)] > MAX_EXPANDED_NODES:
            raise YamlRefused(phrase("aliases expand to more than {n} values",
                                     n=MAX_EXPANDED_NODES))
        return node

    def _weight(self, node: Node) -> int:
        if isinstance(node, SequenceNode):
            return 1 + sum(self._weights.get(id(child), 1) for child in node.value)
        if isinstance(node, MappingNode):
            return 1 + sum(self._weights.get(id(k), 1) + self._weights.get(id(v), 1)
                           for k, v in node.value)
        return 1

    def compose_mapping_node(self, anchor: Any) -> MappingNode:
        node = super().compose_mapping_node(anchor)
        seen: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, ScalarNode) or key.tag == MERGE_TAG:
                continue
            line = key.start_mark.line + 1
            if key.value in seen:
                raise YamlRefused(phrase("key {key} is given twice, at line {first} and line "
                                         "{second} (keep one)", key=repr(excerpt(key.value)),
                                         first=seen[key.value], second=line))
            seen[key.value] = line
        return node


def limited_loader(events: type[Any]) -> type:
    """A safe loader whose events come from ``events`` (a parser class taking the text)."""

    def __init__(self: Any, stream: str) -> None:
        events.__init__(self, stream)
        LimitedComposer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    # the composer first: libyaml's parser has a composer of its own, without the limits
    return type(f"Limited{events.__name__}", (LimitedComposer, events, SafeConstructor, Resolver),
                {"__init__": __init__})


LimitedLoader = limited_loader(_event_source())


def parse_limited(text: str, loader: type = LimitedLoader) -> Any:
    """Parse one YAML document within the limits; raises yaml.YAMLError (YamlRefused for a limit)."""
    parser = loader(text)
    try:
        return parser.get_single_data()
    except yaml.YAMLError as exc:
        # libyaml scans ahead of the composer and meets its own depth limit (1000) first
        if getattr(exc, "problem", None) == LIBYAML_TOO_DEEP:
            raise _too_deep() from None
        raise
    finally:
        parser.dispose()


def _too_deep() -> YamlRefused:
    return YamlRefused(phrase("nested more than {n} levels deep", n=MAX_DEPTH))

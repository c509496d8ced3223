"""Judges by name: the kinds below, configured and calibrated in ``configs/judges.yaml``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from mdsum.config import config_dir, load_yaml
from mdsum.errors import ConfigError
from mdsum.judges.base import Judge, Match
from mdsum.registry import Registry

JUDGES: Registry[Judge] = Registry(
    "judge kind",
    {
        "lexical": "mdsum.judges.lexical:LexicalJudge",
        "embedding": "mdsum.judges.embedding:EmbeddingJudge",
        "lm": "mdsum.judges.lm:LMJudge",
        "ensemble": "mdsum.judges.ensemble:EnsembleJudge",
    },
)

MIN_DEFAULT_KAPPA = 0.6  # a judge that agrees less with the hand labels is never the default


@dataclass(frozen=True)
class JudgeConfig:
    """One named entry of ``configs/judges.yaml``; ``calibration`` is what `mdsum eval calibrate` measured."""

    name: str
    kind: str
    params: Mapping[str, Any]
    calibration: Mapping[str, Any]
    description: str = ""

    @property
    def kappa(self) -> float | None:
        value = self.calibration.get("kappa")
        return None if value is None else float(value)


@dataclass(frozen=True)
class JudgeCatalogue:
    default: str | None  # None when no judge reaches MIN_DEFAULT_KAPPA
    entries: Mapping[str, JudgeConfig]
    path: Path


def read_judge_catalogue(path: str | Path | None = None) -> JudgeCatalogue:
    """Parse and check a judge config file (default: ``configs/judges.yaml``)."""
    path = Path(path or config_dir() / "judges.yaml")
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("judges"), dict):
        raise ConfigError(f"{path}: expected a mapping with a 'judges' mapping")
    entries = {}
    for name, entry in data["judges"].items():
        if not isinstance(entry, dict) or entry.get("kind") not in JUDGES:
            raise ConfigError(f"{path}: judge '{name}' needs a 'kind' among {', '.join(JUDGES.names())}")
        params, calibration = entry.get("params") or {}, entry.get("calibration") or {}
        if not isinstance(params, dict) or not isinstance(calibration, dict):
            raise ConfigError(f"{path}: params and calibration of judge '{name}' must be mappings")
        entries[name] = JudgeConfig(
            name, entry["kind"], MappingProxyType(params), MappingProxyType(calibration), entry.get("description", "")
        )
    default = data.get("default")
    if default is not None:
        if default not in entries:
            raise ConfigError(f"{path}: default judge '{default}' is not configured")
        kappa = entries[default].kappa
        if kappa is None or kappa < MIN_DEFAULT_KAPPA:
            raise ConfigError(
                f"{path}: default judge '{default}' has Cohen's kappa {kappa} < {MIN_DEFAULT_KAPPA}; "
                "set default: null or calibrate a better judge"
            )
    return JudgeCatalogue(default, MappingProxyType(entries), path)


@lru_cache(maxsize=None)
def judge_catalogue() -> JudgeCatalogue:
    return read_judge_catalogue()


def judge_names() -> list[str]:
    return sorted(judge_catalogue().entries)


def build_judge(name: str, catalogue: JudgeCatalogue | None = None, **overrides: Any) -> Judge:
    """The configured judge ``name`` with its calibrated threshold, parameters overridable."""
    catalogue = catalogue or judge_catalogue()
    if name not in catalogue.entries:
        raise ConfigError(f"unknown judge '{name}' (known: {', '.join(sorted(catalogue.entries))})")
    entry = catalogue.entries[name]
    cls = JUDGES.load(entry.kind)
    params = {**entry.params, **overrides}
    unknown = sorted(set(params) - {f.name for f in dataclasses.fields(cls)} - {"name"})
    if unknown:
        raise ConfigError(f"judge '{name}': unknown parameter(s) {', '.join(unknown)}")
    params = {key: tuple(value) if isinstance(value, list) else value for key, value in params.items()}
    return cls(name=name, **params)


__all__ = [
    "JUDGES", "MIN_DEFAULT_KAPPA", "Judge", "JudgeCatalogue", "JudgeConfig", "Match",
    "build_judge", "judge_catalogue", "judge_names", "read_judge_catalogue",
]

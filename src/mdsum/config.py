"""Where the YAML configs live and how they are read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from mdsum.errors import ConfigError


def config_dir() -> Path:
    """``$MDSUM_CONFIGS``, else the configs shipped in the wheel, else the checkout's ``configs/``."""
    override = os.environ.get("MDSUM_CONFIGS")
    if override:
        return Path(override)
    packaged = Path(__file__).parent / "configs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "configs"


def load_yaml(path: str | Path) -> Any:
    """Read one YAML file, turning every failure into a one-line `ConfigError`."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config not found: {path}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(f"{path}{where}: {problem}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read config {path}: {error}") from None

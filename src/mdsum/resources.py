"""Where the files mdsum ships live: ``configs/``, ``eval/`` and ``seeds/``.

An installed wheel carries them as package data (``mdsum/configs``, ...); a source checkout has them at
its root. Either way each folder can be pointed elsewhere by an environment variable, so a deployment
can use its own catalogues or checklists without editing the installed package.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

OVERRIDES = {"configs": "MDSUM_CONFIGS", "eval": "MDSUM_EVAL", "seeds": "MDSUM_SEEDS"}
CHECKOUT = Path(__file__).resolve().parents[2]  # src/mdsum/resources.py -> the checkout's root


def shipped_path(folder: str, *parts: str, overridable: bool = True) -> Path:
    """``folder/parts...`` under ``$MDSUM_<FOLDER>`` if set, else the wheel's package data, else the checkout.

    ``overridable=False`` is for what defines the file formats (the JSON schemas): those belong to
    this version of the code, not to whichever data folder the environment points at.
    """
    if folder not in OVERRIDES:
        raise ValueError(f"mdsum ships {', '.join(OVERRIDES)}, not {folder!r}")
    override = os.environ.get(OVERRIDES[folder]) if overridable else None
    if override:
        return Path(override).joinpath(*parts)
    packaged = files("mdsum").joinpath(folder)  # a real directory: pip installs wheels unzipped
    base = packaged if isinstance(packaged, Path) and packaged.is_dir() else CHECKOUT / folder
    return base.joinpath(*parts)

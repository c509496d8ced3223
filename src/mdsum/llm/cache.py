"""The on-disk model cache: converted weights, written atomically and trusted only when complete.

A conversion is built in a temporary directory beside its final place (same filesystem)
and renamed into place after a completion marker recording the source hash is written, so
a conversion killed half-way leaves only a temporary directory that the next run deletes,
never a directory that a later run would load.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = "mdsum-complete.json"
_PARTIAL_PREFIX = ".partial-"


def cache_root() -> Path:
    """``$MDSUM_CACHE``, default ``~/.cache/mdsum``."""
    return Path(os.environ.get("MDSUM_CACHE") or Path.home() / ".cache" / "mdsum").expanduser()


def is_complete(directory: Path, source_sha256: str) -> bool:
    """True when ``directory`` holds a finished conversion of exactly this source."""
    try:
        marker = json.loads((directory / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return marker.get("source_sha256") == source_sha256


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One converter at a time per entry, across threads and processes."""
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def cached_build(key: str, source_sha256: str, build: Callable[[Path], None]) -> Path:
    """The cache directory for ``key``, calling ``build(tmp_dir)`` first if it is not complete.

    ``build`` fills the temporary directory it is given; if it raises, nothing is kept.
    """
    root = cache_root() / "models"
    root.mkdir(parents=True, exist_ok=True)
    final = root / key
    if is_complete(final, source_sha256):
        return final
    with _exclusive(root / f"{key}.lock"):
        if is_complete(final, source_sha256):  # another process finished while we waited
            return final
        for leftover in root.glob(f"{_PARTIAL_PREFIX}{key}-*"):  # from a killed conversion
            shutil.rmtree(leftover, ignore_errors=True)
        if final.exists():  # no marker or another source: never trusted
            shutil.rmtree(final)
        partial = Path(tempfile.mkdtemp(prefix=f"{_PARTIAL_PREFIX}{key}-", dir=root))
        try:
            build(partial)
            marker = partial / MARKER
            marker.write_text(json.dumps({"source_sha256": source_sha256, "key": key}), encoding="utf-8")
            os.replace(partial, final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
    return final

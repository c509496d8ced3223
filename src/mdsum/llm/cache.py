"""The on-disk model cache: converted weights, written atomically and trusted only when complete.

A conversion is built in a temporary directory beside its final place (same filesystem)
and renamed into place after a completion marker recording the source hash is written, so
a conversion killed half-way leaves only a temporary directory that the next run deletes,
never a directory that a later run would load. The marker also records every converted
file's SHA-256, size and modification time. Before the directory is handed out, size and time
are compared (re-hashing a 1.1 GB GGUF file would cost seconds on every load); with
``$MDSUM_VERIFY=1`` every file is hashed again. A file changed on disk since (an edit, or with
``MDSUM_VERIFY`` a flipped bit) is reported and the conversion rebuilt from its verified source.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = "mdsum-complete.json"
VERIFY_VARIABLE = "MDSUM_VERIFY"
_PARTIAL_PREFIX = ".partial-"


def cache_root() -> Path:
    """``$MDSUM_CACHE``, default ``~/.cache/mdsum``."""
    return Path(os.environ.get("MDSUM_CACHE") or Path.home() / ".cache" / "mdsum").expanduser()


def is_complete(directory: Path, source_sha256: str) -> bool:
    """True when ``directory`` holds a finished conversion of exactly this source, every file as converted."""
    marker = _read_marker(directory)
    return marker.get("source_sha256") == source_sha256 and _recorded(marker) and not _changed_files(directory, marker)


def _recorded(marker: dict) -> bool:
    """Whether the marker records the converted files (older markers did not, or only their hashes)."""
    files = marker.get("files")
    return isinstance(files, dict) and bool(files) and all(isinstance(record, dict) for record in files.values())


def _changed_files(directory: Path, marker: dict) -> list[str]:
    """The files that differ from the marker's record."""
    recorded = marker["files"]
    present = _file_records(directory, hashed=os.environ.get(VERIFY_VARIABLE) == "1")
    return sorted(
        name for name in recorded.keys() | present.keys() if not _same_file(recorded.get(name), present.get(name))
    )


def _same_file(recorded: dict | None, present: dict | None) -> bool:
    """Size and time agree, and the hash too where it was taken now."""
    if recorded is None or present is None:
        return False
    return all(recorded.get(field) == value for field, value in present.items())


def _file_records(directory: Path, hashed: bool) -> dict[str, dict]:
    """Size, modification time and (if ``hashed``) SHA-256 of every file in ``directory`` but the marker."""
    records = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name != MARKER:
            status = path.stat()
            record: dict = {"bytes": status.st_size, "mtime_ns": status.st_mtime_ns}
            if hashed:
                with path.open("rb") as handle:
                    record["sha256"] = hashlib.file_digest(handle, "sha256").hexdigest()
            records[path.relative_to(directory).as_posix()] = record
    return records


def _read_marker(directory: Path) -> dict:
    try:
        marker = json.loads((directory / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return marker if isinstance(marker, dict) else {}


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
        if final.exists():  # no marker, another source or changed files: never trusted
            previous = _read_marker(final)
            if previous.get("source_sha256") == source_sha256 and _recorded(previous):
                changed = _changed_files(final, previous)
                print(
                    f"mdsum: warning: {final}: {', '.join(changed)} changed since the conversion; converting again",
                    file=sys.stderr,
                )
            shutil.rmtree(final)
        partial = Path(tempfile.mkdtemp(prefix=f"{_PARTIAL_PREFIX}{key}-", dir=root))
        try:
            build(partial)
            marker = partial / MARKER
            record = {"source_sha256": source_sha256, "key": key, "files": _file_records(partial, hashed=True)}
            marker.write_text(json.dumps(record, indent=1), encoding="utf-8")
            os.replace(partial, final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
    return final

"""A content-addressed JSON cache, so a re-run or an interrupted run resumes where it stopped.

Keys hash what determines a result (cluster content + summariser config + budget; judge
config + summary + fact), never names or times. Each entry is written to a temporary file
and renamed into place, so a killed run leaves whole entries or none; an entry that does
not parse or whose key does not match is reported, removed and recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def content_key(*parts: Any) -> str:
    """SHA-256 of the parts' canonical JSON (sorted keys, tuples as lists)."""
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "items"):
        return dict(value.items())
    if hasattr(value, "_asdict"):
        return value._asdict()
    if hasattr(value, "__dataclass_fields__"):
        return {name: getattr(value, name) for name in value.__dataclass_fields__}
    raise TypeError(f"cannot hash a {type(value).__name__}")


def _warn_on_stderr(message: str) -> None:
    print(f"mdsum: warning: {message}", file=sys.stderr)


class ResultCache:
    """``root/<kind>/<key[:2]>/<key>.json``; ``get`` returns None for a missing or corrupt entry."""

    def __init__(self, root: str | Path, warn: Callable[[str], None] = _warn_on_stderr) -> None:
        self.root = Path(root)
        self.warn = warn

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any | None:
        path = self._path(kind, key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(entry, dict) or entry.get("key") != key or "value" not in entry:
                raise ValueError("key mismatch")
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            self.warn(f"corrupt cache entry {path} ({error.__class__.__name__}): recomputing it")
            path.unlink(missing_ok=True)
            return None
        return entry["value"]

    def put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump({"key": key, "value": value}, handle, ensure_ascii=False)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get_or_compute(self, kind: str, key: str, compute: Callable[[], Any]) -> Any:
        """The cached value, else ``compute()``'s, stored before it is returned."""
        value = self.get(kind, key)
        if value is None:
            value = compute()
            self.put(kind, key, value)
        return value

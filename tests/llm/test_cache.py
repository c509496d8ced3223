import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from mdsum.llm.cache import MARKER, cache_root, cached_build, is_complete


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MDSUM_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _write_weights(directory):
    (directory / "weights.safetensors").write_text("weights")


def test_cache_root_follows_the_environment(cache):
    assert cache_root() == cache


def test_build_runs_once_and_is_then_trusted(cache):
    calls = []

    def build(directory):
        calls.append(directory)
        _write_weights(directory)

    first = cached_build("m-1", "abc", build)
    second = cached_build("m-1", "abc", build)
    assert first == second and len(calls) == 1
    assert (first / "weights.safetensors").read_text() == "weights"
    assert is_complete(first, "abc") and not is_complete(first, "other")


def test_failed_build_leaves_nothing_behind(cache):
    def build(directory):
        _write_weights(directory)
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        cached_build("m-1", "abc", build)
    assert sorted(p.name for p in (cache / "models").iterdir()) == ["m-1.lock"]


def test_directory_without_marker_is_rebuilt(cache):
    stale = cache / "models" / "m-1"
    stale.mkdir(parents=True)
    (stale / "weights.safetensors").write_text("half written")
    final = cached_build("m-1", "abc", _write_weights)
    assert (final / "weights.safetensors").read_text() == "weights"
    assert (final / MARKER).is_file()


def test_marker_of_another_source_is_rebuilt(cache):
    cached_build("m-1", "old-hash", _write_weights)
    calls = []
    cached_build("m-1", "new-hash", lambda d: (calls.append(d), _write_weights(d)))
    assert calls and is_complete(cache / "models" / "m-1", "new-hash")


def test_conversion_killed_mid_write_recovers_cleanly(cache):
    """A process killed while writing leaves a partial directory; the next run ignores and removes it."""
    script = textwrap.dedent("""
        import time
        from mdsum.llm.cache import cached_build
        def build(directory):
            with open(directory / "weights.safetensors", "w") as handle:
                handle.write("half")
                handle.flush()
                time.sleep(60)
        cached_build("m-1", "abc", build)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], env=os.environ.copy())
    models = cache / "models"
    deadline = time.monotonic() + 60
    while not list(models.glob(".partial-m-1-*/weights.safetensors")):
        assert child.poll() is None and time.monotonic() < deadline, "the child never started writing"
        time.sleep(0.1)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert list(models.glob(".partial-m-1-*")) and not (models / "m-1").exists()

    final = cached_build("m-1", "abc", _write_weights)
    assert (final / "weights.safetensors").read_text() == "weights"
    assert not list(models.glob(".partial-m-1-*"))


def test_a_converted_file_changed_on_disk_is_warned_and_rebuilt(cache, capsys):
    """Issue 12, finding 6: the marker records each converted file's SHA-256; a flipped byte is caught at load."""
    calls = []

    def build(directory):
        calls.append(directory)
        (directory / "model").mkdir()
        (directory / "model" / "weights.safetensors").write_bytes(bytes(range(256)))

    final = cached_build("m-1", "abc", build)
    weights = final / "model" / "weights.safetensors"
    flipped = bytearray(weights.read_bytes())
    flipped[100] ^= 0x01
    weights.write_bytes(bytes(flipped))
    assert not is_complete(final, "abc")

    assert cached_build("m-1", "abc", build) == final and len(calls) == 2
    assert weights.read_bytes() == bytes(range(256))
    assert "model/weights.safetensors changed since the conversion" in capsys.readouterr().err
    assert cached_build("m-1", "abc", build) == final and len(calls) == 2  # intact again: trusted


def test_a_marker_without_file_hashes_is_rebuilt(cache):
    """Issue 12, finding 6: a conversion whose files cannot be checked (an older marker) is not trusted."""
    final = cached_build("m-1", "abc", _write_weights)
    (final / MARKER).write_text('{"source_sha256": "abc", "key": "m-1"}')
    assert not is_complete(final, "abc")
    calls = []
    cached_build("m-1", "abc", lambda d: (calls.append(d), _write_weights(d)))
    assert calls and is_complete(final, "abc")


def test_size_and_time_are_trusted_and_verify_hashes_again(cache, monkeypatch):
    """A loaded cache entry costs a stat per file; MDSUM_VERIFY=1 re-hashes (a flip that kept size and time)."""
    final = cached_build("m-1", "abc", lambda d: (d / "weights.gguf").write_bytes(bytes(range(256))))
    weights = final / "weights.gguf"
    status = weights.stat()
    flipped = bytearray(weights.read_bytes())
    flipped[7] ^= 0x01
    weights.write_bytes(bytes(flipped))
    os.utime(weights, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert is_complete(final, "abc")
    monkeypatch.setenv("MDSUM_VERIFY", "1")
    assert not is_complete(final, "abc")

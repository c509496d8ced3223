"""The `mdsum` command run as a user runs it: a subprocess, stdout, stderr and exit code."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

SUMMARISER = ["--summariser", "lead"]  # the fastest real summariser keeps these tests quick


def mdsum(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "mdsum", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def one_line_error(result, fragment):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mdsum: error: ")
    assert fragment in lines[0]


@pytest.mark.parametrize("command", [[], ["summarise"], ["list"]])
def test_every_command_has_help(command):
    result = mdsum(*command, "--help")
    assert result.returncode == 0
    assert "usage: mdsum" in result.stdout


def test_list_shows_the_default_and_every_summariser():
    result = mdsum("list")
    assert result.returncode == 0
    starred = [line for line in result.stdout.splitlines() if line.startswith("*")]
    assert len(starred) == 1
    for name in ["lead", "lexrank", "textrank", "centroid-mmr", "submodular"]:
        assert f" {name} " in result.stdout


def test_summarise_seeds_as_text_within_budget(seeds_dir):
    result = mdsum("summarise", seeds_dir, *SUMMARISER, "--words", 120)
    assert result.returncode == 0, result.stderr
    assert 0 < len(result.stdout.split()) <= 120


def test_summarise_seeds_as_json_has_provenance(seeds_dir, tmp_path):
    out = tmp_path / "summary.json"
    result = mdsum("summarise", seeds_dir, *SUMMARISER, "--format", "json", "--out", out)
    assert result.returncode == 0, result.stderr
    summary = json.loads(out.read_text())
    assert summary["cluster_id"] == "seeds"
    assert all(sentence["sources"] for sentence in summary["sentences"])


def test_batch_skips_bad_clusters_and_resumes(tmp_path):
    batch = tmp_path / "batch.jsonl"

    def good(i):
        return json.dumps(
            {"id": f"c{i}", "documents": [f"Story {i} begins here today.", f"Story {i} goes on in a second report."]}
        )

    batch.write_text("\n".join([good(1), "{not json", json.dumps({"id": "empty", "documents": []}), good(2)]) + "\n")
    out = tmp_path / "out.jsonl"

    first = mdsum("summarise", batch, *SUMMARISER, "--words", 20, "--out", out)
    assert first.returncode == 1
    assert [json.loads(line)["cluster_id"] for line in out.read_text().splitlines()] == ["c1", "c2"]
    assert "skipped" in first.stderr and "2 written, 2 skipped" in first.stderr

    batch.write_text(batch.read_text() + good(3) + "\n")
    second = mdsum("summarise", batch, *SUMMARISER, "--words", 20, "--out", out)
    assert "resuming" in second.stderr and "1 written" in second.stderr
    assert [json.loads(line)["cluster_id"] for line in out.read_text().splitlines()] == ["c1", "c2", "c3"]


def test_one_document_cluster_is_summarised_with_a_note(tmp_path, seeds_dir):
    single = tmp_path / "single"
    single.mkdir()
    (single / "only.txt").write_text(next(seeds_dir.glob("*.txt")).read_text())
    result = mdsum("summarise", single, *SUMMARISER, "--words", 50)
    assert result.returncode == 0
    assert "one-document cluster" in result.stderr
    assert result.stdout.strip()


def article_folder(tmp_path, name, content: bytes):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "a.txt").write_bytes(content)
    (folder / "b.txt").write_text("A second article says the talks ended in Geneva on Friday.")
    return folder


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00data" * 10, "binary"),
        ("Caf\u00e9 talks ended.".encode("latin-1"), "UTF-8"),
        (b"<!DOCTYPE html><html><body><p>The talks ended.</p></body></html>", "HTML"),
        (("The talks went on and on. " * 200_000).encode(), "MB"),
    ],
    ids=["empty", "binary", "non-utf8", "html", "5MB"],
)
def test_bad_article_is_one_clear_line(tmp_path, content, fragment):
    folder = article_folder(tmp_path, "bad", content)
    one_line_error(mdsum("summarise", folder, *SUMMARISER), fragment)


def test_missing_path_is_one_clear_line(tmp_path):
    one_line_error(mdsum("summarise", tmp_path / "nowhere"), "nowhere")


def test_unknown_summariser_is_one_clear_line(seeds_dir):
    one_line_error(mdsum("summarise", seeds_dir, "--summariser", "nope"), "unknown summariser 'nope'")


def test_zero_words_is_one_clear_line(seeds_dir):
    one_line_error(mdsum("summarise", seeds_dir, "--words", 0), "--words must be a positive integer")


@pytest.mark.parametrize(
    "out", ["missing/out.jsonl", "a-file/out.txt", "."], ids=["no-folder", "under-a-file", "folder"]
)
def test_unwritable_out_is_one_clear_line(tmp_path, seeds_dir, out):
    """Issue 12, finding 3: an --out that cannot be written is one error line, not a traceback."""
    (tmp_path / "a-file").write_text("not a folder")
    one_line_error(mdsum("summarise", seeds_dir, *SUMMARISER, "--out", out, cwd=tmp_path), "cannot write")


def test_single_cluster_onto_earlier_jsonl_results_is_appended_not_overwritten(tmp_path, seeds_dir):
    """Issue 12, finding 4: -o x.jsonl with one cluster writes JSONL (the suffix's format) and resumes."""
    out = tmp_path / "results.jsonl"
    earlier = json.dumps({"cluster_id": "earlier", "sentences": [], "summariser": "lead"}) + "\n"
    out.write_text(earlier)
    assert mdsum("summarise", seeds_dir, *SUMMARISER, "-o", out).returncode == 0
    assert mdsum("summarise", seeds_dir, *SUMMARISER, "-o", out).returncode == 0  # resumed: seeds already there
    assert [json.loads(line)["cluster_id"] for line in out.read_text().splitlines()] == ["earlier", "seeds"]


def test_format_that_contradicts_the_suffix_is_refused(tmp_path, seeds_dir):
    """Issue 12, finding 4: -f json -o x.jsonl would put indented JSON in a .jsonl; refused, nothing written."""
    one_line_error(mdsum("summarise", seeds_dir, *SUMMARISER, "-f", "json", "-o", tmp_path / "x.jsonl"), "x.jsonl")
    assert not (tmp_path / "x.jsonl").exists()


def test_a_file_that_is_no_earlier_output_is_not_overwritten(tmp_path, seeds_dir):
    """Issue 12, finding 4: only an earlier output of the same format is replaced."""
    notes = tmp_path / "notes"
    notes.write_text("my notes\n")
    one_line_error(mdsum("summarise", seeds_dir, *SUMMARISER, "-o", notes), "not overwriting")
    assert notes.read_text() == "my notes\n"


def test_duplicate_cluster_ids_are_reported_and_never_taken_as_done(tmp_path):
    """Issue 12, finding 5: "dup" twice, and 12345 next to "12345": the second of each is refused, on resume too."""
    story = ["The talks in Geneva ended on Friday with no breakthrough.", "The envoy said a new round would follow."]
    records = [{"id": "dup", "documents": story}, {"id": "dup", "documents": story[::-1]}]
    records += [{"id": 12345, "documents": story}, {"id": "12345", "documents": story[::-1]}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(record) + "\n" for record in records))
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        result = mdsum("summarise", batch, *SUMMARISER, "-o", out)
        assert result.returncode == 1
        assert result.stderr.count("duplicate cluster id") == 2
    assert [json.loads(line)["cluster_id"] for line in out.read_text().splitlines()] == ["dup", "12345"]


def test_a_one_word_article_is_one_line(tmp_path):
    """Issue 12, finding 10: a cluster nothing can be summarised from prints one error line, not skipped and error."""
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text("Hello")
    one_line_error(mdsum("summarise", folder), "no text to summarise")


def test_a_cluster_of_headlines_and_questions_is_one_line_saying_why(tmp_path):
    """Nothing the default summariser may tell (a headline, a question): an error, not an empty summary and 0."""
    folder = tmp_path / "no-story"
    folder.mkdir()
    (folder / "a.txt").write_text("Photo Gallery\nWhat happened next at the talks in Geneva?\n")
    result = mdsum("summarise", folder)
    one_line_error(result, "no summary of cluster 'no-story': ")
    assert "every line is a headline, question or caption" in result.stderr


def test_a_budget_no_sentence_fits_is_one_line_saying_why(seeds_dir):
    one_line_error(mdsum("summarise", seeds_dir, "--words", 3), "fits in 3 words")


def test_utf16_with_a_bom_is_read(tmp_path):
    """Issue 12, finding 10: Windows "Unicode" text (UTF-16 with its BOM) is text, not a binary file."""
    text = "The talks in Geneva ended on Friday with no breakthrough, the envoy said."
    folder = article_folder(tmp_path, "utf16", text.encode("utf-16"))
    result = mdsum("summarise", folder, *SUMMARISER)
    assert result.returncode == 0, result.stderr
    assert "Geneva" in result.stdout


def write_stories(path, count):
    """``count`` small two-document clusters, c0 ... c<count-1>."""
    lines = (
        json.dumps(
            {
                "id": f"c{i}",
                "documents": [
                    f"Story {i} begins here today. It rained in the city.",
                    f"Story {i} goes on. More later.",
                ],
            }
        )
        for i in range(count)
    )
    path.write_text("\n".join(lines) + "\n")


def test_one_and_two_workers_write_the_same_output(tmp_path):
    batch = tmp_path / "batch.jsonl"
    write_stories(batch, 12)
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.jsonl"
        result = mdsum("summarise", batch, *SUMMARISER, "--words", 20, "--workers", workers, "--out", out)
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_text())
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["cluster_id"] for line in outputs[0].splitlines()] == [f"c{i}" for i in range(12)]


def test_a_killed_run_resumes_writing_every_cluster_exactly_once(tmp_path):
    batch, out = tmp_path / "batch.jsonl", tmp_path / "out.jsonl"
    count = 1000
    write_stories(batch, count)
    command = [sys.executable, "-m", "mdsum", "summarise", str(batch), *SUMMARISER, "--workers", "2", "--out", str(out)]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 240
    while run.poll() is None and time.monotonic() < deadline:
        if out.exists() and out.stat().st_size > 2000:
            break
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)  # the whole run, workers too, as a crash or the OOM killer would
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed; make the batch bigger"
    assert 0 < len(out.read_bytes().splitlines()) < count

    resumed = mdsum("summarise", batch, *SUMMARISER, "--workers", 2, "--out", out)
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming" in resumed.stderr
    assert [json.loads(line)["cluster_id"] for line in out.read_text().splitlines()] == [f"c{i}" for i in range(count)]


@pytest.mark.parametrize(
    "flag, value, fragment",
    [
        ("--max-sentences", 5, "sentences, over the limit of 5"),
        ("--max-cluster-bytes", 1000, "MB of articles, over the 0.001 MB limit"),
        ("--time-limit", 1e-9, "took longer than 1e-09 s to summarise"),
    ],
)
def test_each_per_cluster_limit_can_be_set(seeds_dir, flag, value, fragment):
    one_line_error(mdsum("summarise", seeds_dir, *SUMMARISER, flag, value), fragment)


@pytest.mark.parametrize("flag", ["--max-sentences", "--max-cluster-bytes", "--time-limit"])
def test_a_limit_must_be_positive(seeds_dir, flag):
    one_line_error(mdsum("summarise", seeds_dir, flag, 0), f"{flag} must be positive, got 0")


def test_limits_hold_in_every_worker(tmp_path):
    """The worker processes read and summarise under the command's limits, not their own defaults."""
    batch = tmp_path / "batch.jsonl"
    write_stories(batch, 4)
    result = mdsum("summarise", batch, *SUMMARISER, "--workers", 2, "--max-sentences", 1, "--out", tmp_path / "o.jsonl")
    assert result.returncode == 1
    assert result.stderr.count("sentences, over the limit of 1") == 4
    assert "0 written, 4 skipped" in result.stderr

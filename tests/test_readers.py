import hashlib
import json

import pytest

from mdsum.errors import InputError
from mdsum.model import Cluster
from mdsum.readers import MAX_ARTICLE_BYTES, Batch, ReadFailure, document_from_text, read_inputs
from mdsum.summarisers import build_summariser

ARTICLE = "GENEVA, July 14 (Xinhua) -- The U.N. envoy said the talks ended. A new round starts in September.\n"
OTHER = "The opposition said it would attend. Mr De Mistura welcomed that.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def only_cluster(batch: Batch) -> Cluster:
    assert not batch.is_batch and batch.total == 1
    (cluster,) = batch.items
    return cluster


# --- the forms of input ---------------------------------------------------------------


def test_a_folder_of_articles_is_one_cluster(seeds_dir, seed_cluster):
    assert only_cluster(read_inputs([seeds_dir])) == seed_cluster
    assert seed_cluster.id == "seeds"
    assert [document.id for document in seed_cluster.documents] == sorted(p.stem for p in seeds_dir.glob("*.txt"))


def test_txt_files_given_together_are_one_cluster(tmp_path):
    first, second = write(tmp_path / "event" / "b.txt", ARTICLE), write(tmp_path / "event" / "a.txt", OTHER)
    cluster = only_cluster(read_inputs([first, str(second)]))
    assert cluster.id == "event"
    assert [document.id for document in cluster.documents] == ["b", "a"]
    assert cluster.documents[0].sentences == (
        "The U.N. envoy said the talks ended.",
        "A new round starts in September.",
    )
    assert cluster.documents[0].source == "Xinhua"


def test_a_one_document_cluster_is_allowed(tmp_path):
    cluster = only_cluster(read_inputs([write(tmp_path / "solo" / "a.txt", ARTICLE)]))
    assert len(cluster.documents) == 1


def test_several_folders_are_a_batch_and_a_bad_one_is_skipped(tmp_path):
    write(tmp_path / "one" / "a.txt", ARTICLE)
    write(tmp_path / "bad" / "a.txt", "")
    write(tmp_path / "two" / "a.txt", OTHER)
    batch = read_inputs([tmp_path / "one", tmp_path / "bad", tmp_path / "two"])
    assert batch.is_batch and batch.total == 3
    one, bad, two = batch.items
    assert (one.id, two.id) == ("one", "two")
    assert isinstance(bad, ReadFailure) and bad.item == str(tmp_path / "bad") and "empty" in bad.message


def test_a_folder_of_cluster_folders_is_a_batch(tmp_path):
    write(tmp_path / "all" / "x" / "a.txt", ARTICLE)
    write(tmp_path / "all" / "y" / "a.txt", OTHER)
    batch = read_inputs([tmp_path / "all"])
    assert batch.is_batch and batch.total == 2
    assert [cluster.id for cluster in batch.items] == ["x", "y"]


def test_jsonl_clusters_with_their_references(tmp_path):
    path = jsonl(
        tmp_path / "data.jsonl",
        {
            "id": "c1",
            "documents": [ARTICLE, OTHER],
            "summary": "Talks ended.",
            "references": ["Talks ended.", "No deal."],
        },
        {"id": "c2", "documents": [{"text": OTHER}], "summaries": ["They will attend."]},
        {"documents": [ARTICLE]},
        {"id": 0, "documents": [ARTICLE]},
    )
    batch = read_inputs([path])
    assert batch.is_batch and batch.total == 4
    c1, c2, c3, c4 = batch.items
    assert c1.id == "c1" and [d.id for d in c1.documents] == ["d0", "d1"]
    assert c1.references == ("Talks ended.", "No deal.")
    assert (
        c2.references == ("They will attend.",)
        and c2.documents[0].sentences[0] == "The opposition said it would attend."
    )
    assert c3.id == f"{path}:3"
    assert c4.id == "0"


def test_multi_news_joined_documents(tmp_path):
    record = {"document": f"{ARTICLE} ||||| {OTHER} ||||| ", "summary": "– Talks ended."}
    (cluster,) = read_inputs([jsonl(tmp_path / "mn.jsonl", record)]).items
    assert len(cluster.documents) == 2
    assert cluster.documents[1].sentences == ("The opposition said it would attend.", "Mr De Mistura welcomed that.")
    assert cluster.references == ("– Talks ended.",)


@pytest.fixture(scope="module")
def hf_dataset():
    datasets = pytest.importorskip("datasets")
    return datasets.Dataset.from_list(
        [
            {"id": "c1", "documents": [ARTICLE, OTHER], "document": None, "summary": "Talks ended."},
            {"id": "c2", "documents": None, "document": f"{OTHER} ||||| {ARTICLE}", "summary": "They attend."},
            {"id": "c3", "documents": [], "document": None, "summary": "Nothing."},
        ]
    )


def check_hf_batch(batch: Batch, expected_total):
    assert batch.is_batch and batch.total == expected_total
    c1, c2, c3 = batch.items
    assert (c1.id, len(c1.documents), c1.references) == ("c1", 2, ("Talks ended.",))
    assert (c2.id, len(c2.documents)) == ("c2", 2)
    assert isinstance(c3, ReadFailure) and "(id c3)" in c3.item and "empty document list" in c3.message


def test_datasets_json_file(tmp_path, hf_dataset):
    hf_dataset.to_json(tmp_path / "data.json")
    check_hf_batch(read_inputs([tmp_path / "data.json"]), None)


def test_datasets_parquet_file(tmp_path, hf_dataset):
    hf_dataset.to_parquet(tmp_path / "data.parquet")
    check_hf_batch(read_inputs([tmp_path / "data.parquet"]), 3)


def test_datasets_saved_to_disk(tmp_path, hf_dataset):
    hf_dataset.save_to_disk(tmp_path / "saved")
    check_hf_batch(read_inputs([tmp_path / "saved"]), 3)


def test_a_batch_streams_from_several_sources(tmp_path):
    write(tmp_path / "folder" / "a.txt", ARTICLE)
    path = jsonl(tmp_path / "data.jsonl", {"id": "c1", "documents": [OTHER]}, "{not json")
    batch = read_inputs([tmp_path / "folder", path])
    assert batch.total == 3
    items = iter(batch.items)
    assert iter(items) is items  # read lazily, not a list built up front
    assert next(items).id == "folder"
    path.write_text("", encoding="utf-8")  # the file is read only when the batch reaches it
    assert list(items) == []


def test_real_benchmark_files_read_completely(shared_data_dir):
    """The two benchmark sets (the 2,000 training clusters beside them are for fitting, not testing)."""
    batch = read_inputs([shared_data_dir / "multiling2011_3.jsonl", shared_data_dir / "multinews_test_50.jsonl"])
    clusters = list(batch.items)
    assert batch.total == len(clusters) == 53
    assert all(isinstance(cluster, Cluster) and cluster.references for cluster in clusters)
    assert all(document.sentences for cluster in clusters for document in cluster.documents)


# --- bad input ------------------------------------------------------------------------


def assert_refused(paths, *phrases):
    with pytest.raises(InputError) as caught:
        read_inputs(paths)
    message = str(caught.value)
    assert "\n" not in message
    for phrase in phrases:
        assert phrase in message, message


def test_no_paths():
    assert_refused([], "no input")


def test_missing_path(tmp_path):
    assert_refused([tmp_path / "nope.txt"], "no such file or folder", "nope.txt")


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"The talks\x00\x01\x02 ended.", "binary"),
        ("Les pourparlers sont termin\u00e9s.".encode("latin-1"), "not UTF-8"),
        (b"<!DOCTYPE html>\n<html><body><p>The talks ended.</p></body></html>", "HTML"),
        (b"<div class='story'><p>The talks ended.</p></div>", "HTML"),
        (b"The talks ended. " * (5_000_000 // 17), "over the 1 MB limit"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "html-page", "html-fragment", "5 MB"],
)
def test_a_bad_article_is_refused_naming_the_file(tmp_path, content, phrase):
    path = tmp_path / "event" / "bad.txt"
    path.parent.mkdir()
    path.write_bytes(content)
    assert_refused([path], str(path), phrase)
    write(tmp_path / "event" / "good.txt", ARTICLE)
    assert_refused([path.parent], str(path), phrase)  # one bad article spoils its cluster


def test_an_article_at_the_size_limit_is_read(tmp_path):
    sentence = "The talks ended. "
    path = write(tmp_path / "big" / "a.txt", sentence * (MAX_ARTICLE_BYTES // len(sentence)))
    assert len(only_cluster(read_inputs([path])).documents[0].sentences) == MAX_ARTICLE_BYTES // len(sentence)


def test_a_folder_without_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    assert_refused([tmp_path / "empty"], "no .txt articles", str(tmp_path / "empty"))


def test_unsupported_file_type(tmp_path):
    assert_refused([write(tmp_path / "a.docx", "x")], "unsupported file type", ".docx")


def test_txt_files_and_batch_sources_do_not_mix(tmp_path):
    assert_refused([write(tmp_path / "a.txt", ARTICLE), jsonl(tmp_path / "b.jsonl")], "not both")


def test_bad_jsonl_lines_are_failures_and_the_rest_come_through(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                json.dumps({"id": "good1", "documents": [ARTICLE]}).encode(),
                b"{not json",
                json.dumps({"id": "nodocs", "summary": "x"}).encode(),
                json.dumps({"id": "nothing", "documents": []}).encode(),
                json.dumps(["a", "list"]).encode(),
                json.dumps({"id": "huge", "documents": ["x " * MAX_ARTICLE_BYTES]}).encode(),
                json.dumps({"id": "html", "documents": ["<html><body>x</body></html>"]}).encode(),
                b'{"id": "latin", "documents": ["termin\xe9"]}',
                json.dumps({"id": "good2", "documents": [OTHER, "  "]}).encode(),
            ]
        )
        + b"\n"
    )
    items = list(read_inputs([path]).items)
    assert [item.id for item in items if isinstance(item, Cluster)] == ["good1", "good2"]
    failures = {item.item: item.message for item in items if isinstance(item, ReadFailure)}
    assert failures.keys() == {
        f"{path}:2",
        f"{path}:3 (id nodocs)",
        f"{path}:4 (id nothing)",
        f"{path}:5",
        f"{path}:6 (id huge)",
        f"{path}:7 (id html)",
        f"{path}:8",
    }
    expected = {
        2: "not valid JSON",
        3: "no 'documents'",
        4: "empty document list",
        5: "JSON object",
        6: "over the 1 MB limit",
        7: "HTML",
        8: "not UTF-8",
    }
    for item, message in failures.items():
        line = int(item.split(":")[-1].split()[0])
        assert expected[line] in message and "\n" not in message


# --- documents and the seed manifest ----------------------------------------------------


def test_document_from_text_carries_clean_text_sentences_and_metadata():
    raw = "Talks end in Geneva without a deal\n\nSource: Xinhua| 2017-07-15 07:11:57|Editor: ZD\n\n" + ARTICLE
    document = document_from_text("x", raw)
    assert (document.id, document.title, document.source, document.date) == (
        "x",
        "Talks end in Geneva without a deal",
        "Xinhua",
        "2017-07-15",
    )
    assert document.text == "The U.N. envoy said the talks ended. A new round starts in September."
    assert document.sentences == ("The U.N. envoy said the talks ended.", "A new round starts in September.")


def test_articles_written_in_capitals_are_read_as_sentences_a_summariser_can_use(tmp_path):
    cluster = only_cluster(
        read_inputs([write(tmp_path / f"{k}.txt", text.upper()) for k, text in enumerate((ARTICLE, OTHER))])
    )
    assert cluster.documents[0].sentences == (
        "The u.n. envoy said the talks ended.",
        "A new round starts in september.",
    )
    assert build_summariser("themes").summarise(cluster, 60).sentences  # in capitals, no sentence was prose


def test_seed_files_match_the_manifest(seeds_dir, seed_cluster):
    manifest = json.loads((seeds_dir / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["documents"]
    assert sorted(entry["file"] for entry in entries) == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for entry in entries:
        assert hashlib.sha256((seeds_dir / entry["file"]).read_bytes()).hexdigest() == entry["sha256"], entry["file"]
        document = seed_cluster.document(entry["id"])
        assert (document.title, document.source, document.date) == (entry["title"], entry["source"], entry["date"])


def test_in_a_batch_an_unreadable_source_is_a_failure(tmp_path):
    write(tmp_path / "one" / "a.txt", ARTICLE)
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really parquet")
    batch = read_inputs([tmp_path / "empty", tmp_path / "broken.parquet", tmp_path / "one"])
    empty, broken, one = batch.items
    assert isinstance(empty, ReadFailure) and "no .txt articles" in empty.message
    assert isinstance(broken, ReadFailure) and str(tmp_path / "broken.parquet") in broken.item
    assert one.id == "one"


def test_dataset_dict_saved_to_disk(tmp_path, hf_dataset):
    from datasets import DatasetDict

    DatasetDict({"test": hf_dataset}).save_to_disk(tmp_path / "saved")
    batch = read_inputs([tmp_path / "saved"])
    check_hf_batch(batch, 3)
    assert [item.item for item in read_inputs([tmp_path / "saved"]).items if isinstance(item, ReadFailure)] == [
        f"{tmp_path / 'saved'}[test][2] (id c3)"
    ]


def test_an_article_pasted_twice_is_read_once():
    """Issue 12, finding 9: its lines are not all page debris; the article is summarisable, once."""
    article = "The envoy said the talks ended without a breakthrough.\n\nA new round will start in September, he added."
    document = document_from_text("twice", f"{article}\n\n{article}")
    assert document.sentences == (
        "The envoy said the talks ended without a breakthrough.",
        "A new round will start in September, he added.",
    )


def test_a_cluster_over_the_byte_limit_is_refused_before_it_is_split(tmp_path):
    from mdsum.limits import Limits, applied

    article = ARTICLE * 20
    path = jsonl(tmp_path / "b.jsonl", {"id": "big", "documents": [article] * 3}, {"id": "ok", "documents": [article]})
    with applied(Limits(cluster_bytes=len(article.encode()) * 2)):
        big, ok = read_inputs([path]).items
        folder = tmp_path / "folder"
        for name in "abc":
            write(folder / f"{name}.txt", article)
        with pytest.raises(InputError, match=r"^cluster 'folder' is 0\.0 MB of articles, over the 0\.\d+ MB limit$"):
            read_inputs([folder])
    assert isinstance(big, ReadFailure) and "cluster 'big' is" in big.message and "MB limit" in big.message
    assert isinstance(ok, Cluster) and ok.id == "ok"


def test_a_sites_template_phrases_run_into_the_text_are_not_sentences():
    promo = "Breaking News Emails Get breaking news alerts and special reports."
    document = document_from_text("d0", f"{promo} Image copyright AFP Image caption The talks ended on Friday.")
    assert document.sentences == ("The talks ended on Friday.",)
    assert document_from_text("d1", promo).sentences == ()  # nothing left to summarise: the summariser says so

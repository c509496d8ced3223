"""The one catalogue mechanism: every problem of a hand-written catalogue as FILE:LINE: path: message,
parameters checked against the configured class, and catalogues passed as values, never cached."""

import re

import pytest

from mdsum.errors import ConfigError
from mdsum.judges import JudgeCatalogue, build_judge
from mdsum.llm.specs import ModelCatalogue
from mdsum.model import Cluster, Document
from mdsum.summarisers import SummariserCatalogue, build_summariser

CLUSTER = Cluster(
    "talks",
    [
        Document(
            "a",
            "The seventh round of talks ended in Geneva on Friday. No one walked out.",
            ("The seventh round of talks ended in Geneva on Friday.", "No one walked out."),
            date="2017-07-14",
        ),
        Document(
            "b",
            "The envoy said the next round opens in October. Both sides will attend.",
            ("The envoy said the next round opens in October.", "Both sides will attend."),
            date="2017-09-27",
        ),
    ],
)


def write(tmp_path, text, name="catalogue.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rejected(catalogue, path, line, message):
    """``catalogue.read(path)`` fails with exactly ``FILE:LINE: message`` (``message`` a prefix)."""
    with pytest.raises(ConfigError, match=rf"^{re.escape(f'{path}:{line}: {message}')}"):
        catalogue.read(path)


LEXRANK = "default: lexrank\nsummarisers:\n  lexrank:\n    algorithm: lexrank\n    params:\n"


def test_yaml_syntax_error_names_its_line(tmp_path):
    path = write(tmp_path, "default: lead\nsummarisers:\n  lead: {algorithm: lead\n  other: 1\n")
    with pytest.raises(ConfigError, match=rf"^{re.escape(str(path))}:\d+: YAML syntax: .*started on line 3"):
        SummariserCatalogue.read(path)


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"absent\.yaml: file not found"):
        JudgeCatalogue.read(tmp_path / "absent.yaml")


def test_unknown_judge_kind_names_its_line(tmp_path):
    path = write(tmp_path, "default: null\njudges:\n  oracle:\n    kind: oracle\n")
    rejected(JudgeCatalogue, path, 4, "judges.oracle.kind: unknown judge kind 'oracle' (known: embedding, ensemble")


def test_unknown_parameter_names_its_line_and_the_known_ones(tmp_path):
    path = write(tmp_path, LEXRANK + "      threshold: 0.1\n      dampin: 0.8\n")
    rejected(
        SummariserCatalogue,
        path,
        7,
        "summarisers.lexrank.params.dampin: unknown parameter (known: damping, min_words, redundancy, threshold)",
    )


def test_parameter_of_the_wrong_type_names_its_line(tmp_path):
    path = write(tmp_path, LEXRANK + "      threshold: 0.1\n      damping: high\n")
    rejected(
        SummariserCatalogue,
        path,
        7,
        "summarisers.lexrank.params.damping: Input should be a valid number, "
        "unable to parse string as a number, got 'high'",
    )


def test_unknown_key_in_an_entry_names_its_line(tmp_path):
    path = write(tmp_path, "default: lead\nsummarisers:\n  lead:\n    algorithm: lead\n    colour: blue\n")
    rejected(SummariserCatalogue, path, 5, "summarisers.lead.colour: Extra inputs are not permitted")


def test_unknown_default_names_its_line(tmp_path):
    path = write(tmp_path, "judges:\n  lexical: {kind: lexical}\ndefault: nobody\n")
    rejected(JudgeCatalogue, path, 3, "default: default judge 'nobody' is not configured (known: lexical)")


@pytest.mark.parametrize(
    "source, line, message",
    [
        ("{hub: org/model, path: /models/x}", 4, "models.a.source: give exactly one of hub, path or packaged"),
        ("{}", 4, "models.a.source: give exactly one of hub, path or packaged"),
        ("\n      git: org/model", 5, "models.a.source.git: Extra inputs are not permitted"),
        ("{hub: ''}", 4, "models.a.source.hub: String should have at least 1 character"),
    ],
    ids=["two sources", "no source", "unknown source", "empty hub"],
)
def test_bad_model_source_names_its_line(tmp_path, source, line, message):
    path = write(tmp_path, f"default: a\nmodels:\n  a:\n    source: {source}\n    family: chat\n")
    rejected(ModelCatalogue, path, line, message)


def test_the_class_own_checks_run_with_the_entry_line(tmp_path):
    path = write(
        tmp_path,
        "judges:\n  both:\n    kind: ensemble\n    params: {members: [a, b], weights: [1]}\n"
        "  a: {kind: lexical}\n  b: {kind: lexical}\n",
    )
    rejected(JudgeCatalogue, path, 4, "judges.both.params: judge 'both': weights must be one non-negative number")


def test_every_problem_is_counted(tmp_path):
    path = write(
        tmp_path, "default: a\nsummarisers:\n  a: {algorithm: lead, params: {min_words: x}}\n  b: {algorithm: nope}\n"
    )
    with pytest.raises(ConfigError, match=r":3: summarisers\.a\.params\.min_words: .* \(and 1 more problems\)$"):
        SummariserCatalogue.read(path)


def test_a_reference_must_name_an_entry_of_the_same_file(tmp_path):
    """A catalogue of one's own never silently borrows a selector or a member from the shipped one."""
    path = write(tmp_path, "default: fuse\nsummarisers:\n  fuse: {algorithm: abstractive}\n")
    rejected(
        SummariserCatalogue, path, 3, "summarisers.fuse.params.selector: no summariser 'lexrank' in this catalogue"
    )
    path = write(
        tmp_path,
        "judges:\n  pair: {kind: ensemble, params: {members: [lexical, embedding]}}\n  lexical: {kind: lexical}\n",
    )
    rejected(JudgeCatalogue, path, 2, "judges.pair.params.members: no judge 'embedding' in this catalogue")


def test_parameters_take_the_types_of_the_class_fields(tmp_path):
    path = write(
        tmp_path,
        "judges:\n  pair: {kind: ensemble, params: {members: [lexical, strict], weights: [3, 1]}}\n"
        "  lexical: {kind: lexical}\n  strict: {kind: lexical, params: {content_weight: 1}}\n",
    )
    pair = build_judge("pair", JudgeCatalogue.read(path))
    assert pair.members == ("lexical", "strict") and pair.weights == (3.0, 1.0)


def test_overrides_are_checked_when_building():
    with pytest.raises(ConfigError, match=r"^summariser 'lexrank': damping: Input should be a valid number"):
        build_summariser("lexrank", damping="high")


def test_an_ensemble_builds_its_members_from_its_own_catalogue(tmp_path):
    path = write(
        tmp_path,
        "judges:\n  pair: {kind: ensemble, params: {members: [strict]}}\n"
        "  strict: {kind: lexical, params: {threshold: 0.9, content_weight: 1.0}}\n",
    )
    (member,) = build_judge("pair", JudgeCatalogue.read(path)).judges
    assert (member.name, member.threshold, member.content_weight) == ("strict", 0.9, 1.0)


def test_a_model_summariser_selects_and_falls_back_through_its_own_catalogue(tmp_path, tiny_chat_model, monkeypatch):
    from mdsum.summarisers.model_summariser import ModelSummariser

    monkeypatch.setattr(ModelSummariser, "_write", lambda self, loaded, prompt, words: "")  # nothing usable
    path = write(
        tmp_path,
        f"default: fuse\nsummarisers:\n  fuse: {{algorithm: abstractive, params: "
        f"{{model: '{tiny_chat_model}', selector: picker, max_output_tokens: 40}}}}\n"
        "  picker: {algorithm: lead}\n",
    )
    summary = build_summariser(catalogue=SummariserCatalogue.read(path)).summarise(CLUSTER, 40)
    assert any("picked by 'picker'" in note for note in summary.notes)
    assert any("fell back to the extractive 'picker' summary" in note for note in summary.notes)


def test_the_default_catalogue_is_read_afresh(tmp_path, monkeypatch):
    """No process-wide copy: pointing MDSUM_CONFIGS elsewhere (or rewriting the file) takes effect at once."""
    assert build_summariser().name == SummariserCatalogue.read().default
    write(tmp_path, "default: picker\nsummarisers:\n  picker: {algorithm: lead}\n", name="summarisers.yaml")
    monkeypatch.setenv("MDSUM_CONFIGS", str(tmp_path))
    assert build_summariser().name == "picker"
    write(tmp_path, "default: other\nsummarisers:\n  other: {algorithm: lead}\n", name="summarisers.yaml")
    assert build_summariser().name == "other"

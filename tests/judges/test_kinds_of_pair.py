"""Every configured judge on one hand-made pair of each kind: negation, wrong actor, wrong number, a part of a
compound fact, paraphrase. Model judges read through a stand-in that answers as a careful reader would, so these
test what each judge asks and how it turns the answer into a verdict; how well the real models read is what
`mdsum eval calibrate` measures on the gold."""

from __future__ import annotations

import pytest
from support import FILLER, KINDS_OF_PAIR, careful_reading, summary

from mdsum.judges import JudgeCatalogue, build_judge

CATALOGUE = JudgeCatalogue.read()
KINDS = pytest.mark.parametrize("kind", KINDS_OF_PAIR)


def judges_of_kind(kind: str) -> list[str]:
    return [name for name in CATALOGUE.names() if CATALOGUE.entries[name].kind == kind]


@KINDS
def test_lexical(kind):
    sentence, fact, covered = KINDS_OF_PAIR[kind]
    assert build_judge("lexical", CATALOGUE).judge(summary(FILLER, sentence), fact).covered is covered


@KINDS
@pytest.mark.parametrize("name", judges_of_kind("entailment"))
def test_entailment(scripted_entailment, name, kind):
    asker = scripted_entailment(0.9, 0.1, reads=careful_reading)
    sentence, fact, covered = KINDS_OF_PAIR[kind]
    verdict = build_judge(name, CATALOGUE).judge(summary(FILLER, sentence), fact)
    assert verdict.covered is covered
    [(document, claim)] = asker.asked
    assert sentence in document and fact.statement in claim


@KINDS
@pytest.mark.parametrize("name", judges_of_kind("lm"))
def test_lm(scripted_lm, name, kind):
    model = scripted_lm(0.9, 0.1, reads=lambda prompt: careful_reading(*prompt.split("Does the summary state", 1)))
    sentence, fact, covered = KINDS_OF_PAIR[kind]
    assert build_judge(name, CATALOGUE).judge(summary(FILLER, sentence), fact).covered is covered
    [prompt] = model.prompts
    assert sentence in prompt


@pytest.fixture(scope="module")
def shipped_ensembles():
    ensembles = [build_judge(name, CATALOGUE) for name in judges_of_kind("ensemble")]
    runnable = [ensemble for ensemble in ensembles if ensemble.unavailable_reason() is None]
    if not runnable:
        pytest.skip("no configured ensemble can run here (a member's model is absent)")
    return runnable


@KINDS
def test_ensemble(shipped_ensembles, kind):
    sentence, fact, covered = KINDS_OF_PAIR[kind]
    for ensemble in shipped_ensembles:
        assert ensemble.judge(summary(FILLER, sentence), fact).covered is covered, ensemble.name


@KINDS
def test_embedding_credits_the_paraphrase_and_is_fooled_by_every_misstatement(kind):
    """Closeness in MiniLM space cannot see a negation, an actor, a number or a missing half: the reason
    the embedding judge is calibrated, paired with `lexical` in the ensemble, and never the default."""
    sentence, fact, _ = KINDS_OF_PAIR[kind]
    assert build_judge("embedding", CATALOGUE).judge(summary(FILLER, sentence), fact).covered is True
    assert CATALOGUE.default != "embedding"

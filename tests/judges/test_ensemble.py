from __future__ import annotations

import math

import pytest
from support import FILLER, PAIRS, ROUND_ENDED, TRAPS, fact, summary

from mdsum.errors import ConfigError
from mdsum.judges import build_judge
from mdsum.judges.ensemble import EnsembleJudge
from mdsum.judges.lexical import LexicalJudge

SUMMARY = summary(FILLER, PAIRS[0][0])


def test_single_member_mean_is_that_member():
    ensemble = EnsembleJudge(name="e", members=("lexical",))
    lexical = ensemble.judges[0]
    assert ensemble.judge(SUMMARY, ROUND_ENDED).score == lexical.judge(SUMMARY, ROUND_ENDED).score


def test_vote_counts_members_that_say_covered():
    covered = summary(PAIRS[0][0])
    assert EnsembleJudge(name="e", members=("lexical",), mode="vote").judge(covered, ROUND_ENDED).score == 1.0
    assert EnsembleJudge(name="e", members=("lexical",), mode="vote").judge(summary(FILLER), ROUND_ENDED).score == 0.0


def test_weights_mix_scores(monkeypatch):
    ensemble = EnsembleJudge(name="e", members=("lexical", "lexical-strict"), weights=(3, 1))
    strict = LexicalJudge(name="lexical-strict", content_weight=1.0)
    loose = LexicalJudge(name="lexical", content_weight=0.0)
    object.__setattr__(ensemble, "judges", (loose, strict))  # what cached_property would have built
    mixed = ensemble.judge(SUMMARY, ROUND_ENDED).score
    expected = (3 * loose.judge(SUMMARY, ROUND_ENDED).score + strict.judge(SUMMARY, ROUND_ENDED).score) / 4
    assert mixed == pytest.approx(expected)


def test_logistic_mode_is_the_probability_of_the_fitted_model():
    ensemble = EnsembleJudge(name="e", members=("lexical",), weights=(4.0,), intercept=-2.0, mode="logistic")
    lexical = ensemble.judges[0].judge(SUMMARY, ROUND_ENDED).score
    assert ensemble.judge(SUMMARY, ROUND_ENDED).score == pytest.approx(1 / (1 + math.exp(-(4.0 * lexical - 2.0))))


def test_only_logistic_weights_may_be_negative():
    assert EnsembleJudge(name="e", members=("lexical",), weights=(-1.0,), mode="logistic").weights == (-1.0,)
    with pytest.raises(ConfigError, match="non-negative"):
        EnsembleJudge(name="e", members=("lexical",), weights=(-1.0,), mode="mean")


@pytest.fixture(scope="module")
def shipped():
    """The configured ensemble, with the weights `mdsum eval calibrate --fit-ensemble` fitted."""
    ensemble = build_judge("ensemble")
    reason = ensemble.unavailable_reason()
    if reason:
        pytest.skip(f"the ensemble cannot run here: {reason}")
    return ensemble


@pytest.mark.parametrize("sentence, fact, covered", PAIRS + TRAPS)
def test_configured_ensemble_on_hand_made_pairs(shipped, sentence, fact, covered):
    """Negated, reversed, another actor, a wrong number, a part left out: the fitted ensemble is not fooled."""
    assert shipped.judge(summary(FILLER, sentence), fact).covered is covered


def test_configured_ensemble_inherits_the_lexical_paraphrase_limit(shipped):
    """Fitted on the seeds' gold, the lexical member carries the weight; a paraphrase with none of the fact's
    terms is not credited, however close its embedding (the entailment judge is the one for that)."""
    transition = fact("The government will not discuss a political transition.", names=[["transition"]], negated=True)
    assert not shipped.judge(summary("Damascus refuses to talk about handing over power."), transition).covered


@pytest.mark.parametrize(
    "options",
    [{"members": ()}, {"weights": (1.0, 2.0, 3.0)}, {"weights": (-1.0, 1.0)}, {"mode": "median"}, {"members": ("e",)}],
)
def test_bad_settings_are_config_errors(options):
    with pytest.raises(ConfigError):
        EnsembleJudge(name="e", **options)


def test_config_includes_members_settings():
    config = EnsembleJudge(name="e", members=("lexical",)).config
    assert config["member_configs"][0]["kind"] == "lexical"

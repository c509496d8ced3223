from __future__ import annotations

import pytest
from support import FILLER, PAIRS, ROUND_ENDED, summary

from mdsum.errors import ConfigError
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

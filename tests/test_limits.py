"""Per-cluster limits: refused with one line naming the cluster, and tighter limits only where applied."""

import pytest

from mdsum import limits
from mdsum.errors import InputError
from mdsum.limits import Deadline, Limits, applied


def test_limits_refuse_with_one_line_naming_the_cluster_and_the_limit():
    with pytest.raises(InputError, match=r"^cluster 'c' has 3001 sentences, over the limit of 3000$"):
        limits.check_sentences(3001, "c")
    with pytest.raises(InputError, match=r"^cluster 'c' is 2\.5 MB of articles, over the 2 MB limit$"):
        limits.check_cluster_bytes(2_500_000, "c")
    limits.check_sentences(3000, "c")
    limits.check_cluster_bytes(2_000_000, "c")


def test_applied_limits_hold_inside_the_block_only():
    with applied(Limits(sentences=10)), pytest.raises(InputError, match="over the limit of 10"):
        limits.check_sentences(11, "c")
    limits.check_sentences(11, "c")
    assert limits.current() == limits.DEFAULT_LIMITS


def test_a_passed_deadline_refuses_the_cluster():
    Deadline("c", seconds=60).check()
    with pytest.raises(InputError, match=r"^cluster 'c' took longer than 0 s to summarise; refused$"):
        Deadline("c", seconds=0).check()
    with applied(Limits(seconds=5)):
        assert Deadline("c").seconds == 5

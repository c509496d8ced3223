"""The demo's article boxes: added up to the limit, removed without a gap, filled from a cluster."""

from __future__ import annotations

import pytest

from mdsum.demo import app
from mdsum.demo.inputs import MAX_ARTICLES
from mdsum.errors import InputError
from mdsum.model import Cluster, Document


def test_add_box_stops_at_the_limit():
    assert app.add_box(2) == 3
    with pytest.raises(InputError, match="at most"):
        app.add_box(MAX_ARTICLES)


def test_remove_box_moves_the_boxes_below_up():
    ids, texts, visible = app.remove_box(1, ["a", "b", "c"], ["A", "B", "C"], 3)
    assert ids[:2] == ["a", "c"] and texts == ["A", "C", ""] and visible == 2
    assert len(set(ids)) == 3


def test_fill_boxes_shows_every_document_and_pads_to_the_limit():
    cluster = Cluster("c", (Document("x", "X.", ("X.",)), Document("y", "Y.", ("Y.",))))
    ids, texts, visible = app.fill_boxes(cluster)
    assert visible == 2 and ids[:2] == ["x", "y"] and texts[:2] == ["X.", "Y."]
    assert len(ids) == len(texts) == MAX_ARTICLES and len(set(ids)) == MAX_ARTICLES

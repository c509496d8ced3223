"""The salience model file: exported trees predict as scikit-learn does, the SHA-256 is checked,
and the fitting script runs end to end on a tiny synthetic set."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from support import REPO_ROOT

from mdsum.errors import ModelError
from mdsum.summarisers import build_summariser
from mdsum.summarisers.salience import TreeEnsemble, load_model, write_model
from mdsum.summarisers.salience_features import FEATURES
from mdsum.summarisers.salience_fit import export_trees, fit_trees


def fitted(rows: int = 400, seed: int = 3):
    generator = np.random.default_rng(seed)
    features = generator.random((rows, len(FEATURES))) * 10
    targets = np.sin(features[:, 0]) + features[:, 4] * features[:, 6] / 10 + generator.normal(0, 0.1, rows)
    return features, fit_trees(features, targets, seed=0, max_iter=30, min_samples_leaf=5)


def test_exported_trees_predict_what_scikit_learn_predicts():
    features, model = fitted()
    ensemble = TreeEnsemble.from_json(json.loads(json.dumps(export_trees(model, {}))))
    np.testing.assert_allclose(ensemble.predict(features), model.predict(features), rtol=1e-9, atol=1e-9)


def test_a_damaged_model_file_is_one_clear_error(tmp_path):
    _, model = fitted()
    path = tmp_path / "model.json"
    write_model(path, export_trees(model, {}))
    assert len(load_model(str(path)).roots) == 30
    damaged = tmp_path / "damaged.json"
    damaged.write_text(path.read_text().replace('"baseline":', '"baseline": 1e3 + '), encoding="utf-8")
    (tmp_path / "damaged.json.sha256").write_text((tmp_path / "model.json.sha256").read_text(), encoding="utf-8")
    with pytest.raises(ModelError, match="does not match its SHA-256"):
        load_model(str(damaged))
    (tmp_path / "lonely.json").write_text(path.read_text(), encoding="utf-8")
    with pytest.raises(ModelError, match="missing or unreadable"):
        load_model(str(tmp_path / "lonely.json"))


def test_a_refitted_model_under_the_same_name_is_another_version_so_no_cached_summary_is_reused(tmp_path):
    path = tmp_path / "model.json"
    write_model(path, export_trees(fitted(seed=3)[1], {}))
    before = build_summariser("learned", scorer=str(path)).versions
    write_model(path, export_trees(fitted(seed=4)[1], {}))
    after = build_summariser("learned", scorer=str(path)).versions
    assert before != after and before[0] == after[0]


def test_the_shipped_model_loads_and_matches_the_features():
    assert len(load_model().roots) > 0


def synthetic_clusters(count: int) -> list[dict]:
    """Clusters whose first sentence is shared by every article and echoed by the reference."""
    random_words = random.Random(7)
    vocabulary = [
        "harbour",
        "bridge",
        "council",
        "repair",
        "traffic",
        "mayor",
        "cyclists",
        "lane",
        "shops",
        "closure",
        "route",
        "bus",
        "steel",
    ]
    clusters = []
    for number in range(count):
        lead = f"The council reopened bridge number {number} on Monday after a long repair."
        documents = [
            " ".join([lead] + [" ".join(random_words.choices(vocabulary, k=9)).capitalize() + "." for _ in range(4)])
            for _ in range(3)
        ]
        clusters.append({"id": f"c{number}", "documents": documents, "summary": f"{lead} Traffic is back."})
    return clusters


def test_the_fitting_script_fits_writes_and_chooses_settings(tmp_path, monkeypatch, capsys):
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps(cluster) + "\n" for cluster in synthetic_clusters(8)), encoding="utf-8")
    monkeypatch.syspath_prepend(str(REPO_ROOT / "benchmarks"))
    import fit_salience

    out = tmp_path / "model.json"
    assert fit_salience.main(["--data", str(data), "--out", str(out), "--held-out", "2", "--iterations", "5"]) == 0
    printed = capsys.readouterr().out
    assert "fitted on 6 clusters" in printed and "best on the held-out clusters" in printed
    assert len(load_model(str(out)).roots) == 5

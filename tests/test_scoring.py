"""The trained scorer, the features it reads, and the assignment of links."""

from __future__ import annotations

import json

import numpy as np

from articles.engine.assignment import assign
from articles.engine.features import FEATURES, contrast_groups, rarity
from articles.engine.scoring import WEIGHTS, trained_scorer


def test_the_weights_file_names_every_feature_in_order() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert len(data["coef"]) == len(FEATURES)
    assert 0 < data["threshold"] <= data["extra_threshold"] <= 1


def test_scores_are_probabilities() -> None:
    scorer = trained_scorer()
    x = np.vstack([np.zeros(len(FEATURES)), np.ones(len(FEATURES))])
    p = scorer.probabilities(x)
    assert ((p > 0) & (p < 1)).all()


def test_a_close_encoding_and_shared_rare_words_score_higher() -> None:
    scorer = trained_scorer()
    col = {name: k for k, name in enumerate(FEATURES)}
    weak = np.zeros(len(FEATURES))
    weak[col["cosine"]] = 0.2
    strong = weak.copy()
    strong[col["cosine"]] = 0.9
    strong[col["context_cosine"]] = 0.9
    strong[col["rare_shared"]] = 0.8
    strong[col["lemma_overlap"]] = 0.6
    assert scorer.probabilities(strong[None])[0] > scorer.probabilities(weak[None])[0]


def test_everyday_words_weigh_less_than_rare_ones() -> None:
    assert rarity("said") < rarity("police") < rarity("sappers")


def test_every_contrast_row_parses_into_groups() -> None:
    table = contrast_groups()
    assert table["kill"][0] == table["injure"][0]
    assert table["kill"][1] != table["injure"][1]


def test_the_assignment_is_one_to_one_above_the_threshold_with_extra_links_for_strong_pairs() -> None:
    p = np.array([[0.9, 0.8, 0.1], [0.85, 0.2, 0.1], [0.1, 0.1, 0.3]])
    assert assign(p, threshold=0.5, extra_threshold=0.95) == [(0, 1), (1, 0)]
    assert assign(p, threshold=0.5, extra_threshold=0.84) == [(0, 0), (0, 1), (1, 0)]
    assert assign(np.zeros((0, 0)), 0.5, 0.9) == []

"""Training the link scorer: a logistic regression whose similarity weights never go below zero."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from articles.engine.features import FEATURES
from articles.engine.training import MONOTONE, choose_settings, fit, fit_two_stages


def _pairs(x: np.ndarray, y: np.ndarray) -> list[Any]:
    return [SimpleNamespace(x=x, y=y)]


def test_it_learns_that_a_closer_pair_is_likelier() -> None:
    rng = np.random.default_rng(0)
    x = rng.random((400, len(FEATURES)))
    context = FEATURES.index("context_cosine")
    y = (x[:, context] + 0.1 * rng.standard_normal(400) > 0.7).astype(np.int8)
    scorer = fit(_pairs(x, y))
    low, high = x[:1].copy(), x[:1].copy()
    low[0, context], high[0, context] = 0.2, 0.9
    assert scorer.probabilities(high)[0] > scorer.probabilities(low)[0]


def test_a_similarity_that_the_labels_reward_less_still_gets_no_negative_weight() -> None:
    rng = np.random.default_rng(1)
    x = rng.random((400, len(FEATURES)))
    cosine, context = FEATURES.index("cosine"), FEATURES.index("context_cosine")
    x[:, cosine] = x[:, context] + 0.05 * rng.standard_normal(400)
    # given the sentence's similarity, labels fall as the claim's rises: an unbounded fit weighs it negatively
    y = (x[:, context] - 0.5 * x[:, cosine] > 0.3).astype(np.int8)
    scorer = fit(_pairs(x, y))
    assert all(scorer.coef[FEATURES.index(name)] >= 0 for name in MONOTONE if name in FEATURES)


def test_the_second_stage_is_fitted_on_scores_from_models_that_did_not_see_the_pair() -> None:
    rng = np.random.default_rng(2)
    context = FEATURES.index("context_cosine")
    pairs = []
    for _ in range(4):
        x = rng.random((12, len(FEATURES)))
        y = (x[:, context] > 0.6).astype(np.int8)
        pairs.append(SimpleNamespace(x=x, y=y, shape=(3, 4)))
    scorer = fit_two_stages(pairs)
    assert scorer.second is not None
    weights = dict(zip(scorer.second.features, scorer.second.coef, strict=True))
    assert all(w >= 0 for f, w in weights.items() if not f.startswith("crowd"))
    # one candidate that reads closer than before, among the same rivals, is likelier
    for row in range(12):
        low, high = pairs[0].x.copy(), pairs[0].x.copy()
        low[row, context], high[row, context] = 0.1, 0.9
        p_high, p_low = scorer.probabilities(high, (3, 4)), scorer.probabilities(low, (3, 4))
        assert p_high[row] > p_low[row]


def _figures(recall: float, precision: float, conflicts: float) -> dict[str, float]:
    return {"recall": recall, "precision": precision, "conflicts": conflicts, "false_conflicts": 0.0}


def test_of_settings_within_noise_of_the_best_it_ships_the_one_that_catches_most_conflicts() -> None:
    tried = [
        (0.668, (0.2, 0.5, 0.5), _figures(0.64, 0.69, 0.65)),
        (0.665, (0.25, 0.5, 0.0), _figures(0.62, 0.71, 0.72)),
        (0.665, (0.2, 0.5, 0.0), _figures(0.65, 0.68, 0.72)),
        (0.640, (0.2, 0.4, 0.0), _figures(0.70, 0.59, 0.80)),
    ]
    # the last catches more conflicts but is clearly worse; of the two that tie on conflicts, the more precise
    assert choose_settings(tried) == (0.25, 0.5, 0.0)


def test_a_clearly_better_objective_wins_whatever_its_conflicts() -> None:
    tried = [
        (0.70, (0.3, 0.5, 0.0), _figures(0.66, 0.75, 0.50)),
        (0.66, (0.2, 0.5, 0.0), _figures(0.65, 0.67, 0.90)),
    ]
    assert choose_settings(tried) == (0.3, 0.5, 0.0)

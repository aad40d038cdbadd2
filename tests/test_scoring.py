"""The trained scorer, the features it reads, and the assignment of links."""

from __future__ import annotations

import json

import numpy as np

from articles.engine.assignment import assign
from articles.engine.features import FEATURES, STACKED, rarity, stacked_features
from articles.engine.scoring import WEIGHTS, Scorer, trained_scorer
from articles.engine.verdicts import contrast_groups


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


def test_the_second_stage_reads_each_pair_against_its_rivals() -> None:
    # A (2 claims) x B (3 claims): A0's best is B1, A1's best is B1 too, B1's best is A0.
    first = np.array([[0.2, 0.8, 0.1], [0.6, 0.7, 0.05]]).ravel()
    x = stacked_features(first, (2, 3))
    col = {name: k for k, name in enumerate(STACKED)}
    row = {(i, j): x[i * 3 + j] for i in range(2) for j in range(3)}
    assert row[0, 1][col["mutual_first"]] == 1.0
    assert row[1, 1][col["mutual_first"]] == 0.0  # A1's best, but B1's best is A0
    assert row[1, 1][col["share_of_best_a"]] == 1.0
    assert row[1, 1][col["share_of_best_b"]] == np.float64(0.7 / 0.8)
    assert abs(row[0, 1][col["lead_a"]] - 0.6) < 1e-9  # 0.8 stands 0.6 above A0's next best
    assert abs(row[1, 0][col["lead_a"]] - (0.6 - 0.7)) < 1e-9  # below A1's best
    assert row[1, 2][col["neighbours"]] == 0.8  # A0-B1 before it; nothing after
    assert row[0, 0][col["neighbours"]] == 0.7  # A1-B1 after it
    assert row[0, 1][col["first_logit"]] > 0 > row[0, 0][col["first_logit"]]


def test_the_shipped_scorer_has_a_second_stage_that_rewards_a_stronger_first_score() -> None:
    scorer = trained_scorer()
    assert scorer.second is not None
    weights = dict(zip(scorer.second.features, scorer.second.coef, strict=True))
    # a pair's own and its neighbours' scores only speak for it; a claim that matches everything against it
    assert all(w >= 0 for f, w in weights.items() if not f.startswith("crowd"))
    assert weights["crowd_a"] <= 0 and weights["crowd_b"] <= 0
    col = FEATURES.index("context_cosine")
    x = np.zeros((4, len(FEATURES)))
    x[:, col] = [0.9, 0.3, 0.3, 0.2]
    p = scorer.probabilities(x, (2, 2))
    assert p.shape == (4,) and p[0] > p[3]
    assert scorer.probabilities(x).shape == (4,)  # without a shape: the first stage alone


def test_a_scorer_with_a_second_stage_survives_its_json() -> None:
    scorer = trained_scorer()
    again = Scorer.from_json(json.loads(json.dumps(scorer.to_json())))
    x = np.random.default_rng(0).random((6, len(FEATURES)))
    assert np.allclose(again.probabilities(x, (2, 3)), scorer.probabilities(x, (2, 3)), atol=1e-5)


def test_headlines_are_matched_with_each_other_before_a_body_claim_takes_one() -> None:
    # A0 and B0 are the headlines. A0 reads close to B's body claim B1, and A1 (body) a little like B0; the
    # matching that adds up most would pair A0-B1 and A1-B0, but the headlines belong together.
    p = np.array([[0.9, 0.95], [0.45, 0.1]])
    pairs = assign(p, 0.3, 0.99, headlines_a=frozenset({0}), headlines_b=frozenset({0}))
    assert pairs == [(0, 0)]


def test_a_matched_pair_far_below_its_claims_best_is_dropped() -> None:
    # A0 belongs with B0 (0.9), which A1 holds more strongly still (0.95); the matching then gives A0 the
    # weak B1 (0.25), far below A0's best
    p = np.array([[0.9, 0.25], [0.95, 0.05]])
    assert assign(p, threshold=0.2, extra_threshold=0.85) == [(0, 0), (0, 1), (1, 0)]
    assert assign(p, threshold=0.2, extra_threshold=0.85, near_best=0.3) == [(0, 0), (1, 0)]


def test_a_further_link_that_tells_the_fact_again_elsewhere_needs_the_elsewhere_threshold() -> None:
    # A0 is matched with B0 (0.9); B1 sits in the next sentence of B, B2 four sentences away, both at 0.55.
    p = np.array([[0.9, 0.55, 0.55], [0.1, 0.1, 0.1]])
    sentences_b = [3, 4, 7]
    both = [(0, 0), (0, 1), (0, 2)]
    assert assign(p, 0.35, 0.5) == both
    # the claim beside its counterpart continues the fact; the one far off tells it again and is held back
    split = assign(p, 0.35, 0.5, sentences_a=[0, 1], sentences_b=sentences_b, elsewhere=0.6)
    assert split == [(0, 0), (0, 1)]
    assert assign(p, 0.35, 0.5, sentences_a=[0, 1], sentences_b=sentences_b, elsewhere=0.5) == both
    # without the claims' sentences every further link is taken as continuing one
    assert assign(p, 0.35, 0.5, elsewhere=0.6) == both


def test_a_headline_link_is_not_a_fact_that_a_further_link_continues() -> None:
    # B0 is B's headline and B1 the lead sentence under it. A0 is matched with the headline (0.9) and reaches
    # the lead at 0.55, which A1, far from A0 in A, holds more strongly.
    p = np.array([[0.9, 0.55, 0.05], [0.1, 0.95, 0.1]])
    heads = frozenset({0})
    assert assign(p, 0.35, 0.5, headlines_b=heads) == [(0, 0), (0, 1), (1, 1)]
    pairs = assign(p, 0.35, 0.5, headlines_b=heads, sentences_a=[5, 9], sentences_b=[0, 1, 2], elsewhere=0.6)
    assert pairs == [(0, 0), (1, 1)]

"""Training the link scorer on hand-labelled article pairs, with leave-one-pair-out figures.

A candidate pair of claims is a positive example when its two claims overlap the quotes of a gold pair
(required or optional) on both sides. The thresholds of the assignment are chosen on the held-out
predictions, never on the pair being scored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from articles.engine.analysis import Analysis, analyse
from articles.engine.evaluation import Score, score_comparison
from articles.engine.features import FEATURES, STACKED, stacked_features
from articles.engine.linear import Logistic
from articles.engine.pipeline import Prepared, decide
from articles.engine.sameevent import evidence
from articles.engine.sameevent import fit as fit_same_event
from articles.engine.scoring import Scorer
from articles.engine.serialize import result_to_dict

# Inverse strength of the L2 penalty, chosen by leave-one-pair-out figures (0.003 against 0.001, 0.01, 0.03
# and 0.1).
C = 0.003


@dataclass(slots=True)
class GoldPair:
    name: str
    gold: dict[str, Any]
    analysis_a: Analysis
    analysis_b: Analysis
    prepared: Prepared
    x: np.ndarray
    y: np.ndarray
    shape: tuple[int, int]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def find_pairs(folder: Path) -> list[tuple[str, Path, Path, Path]]:
    """(name, text A, text B, gold) for both layouts: ``NAME/{a,b}.txt + gold.json`` and ``NAME_{a,b}.txt +
    NAME.gold.json``."""
    out: list[tuple[str, Path, Path, Path]] = []
    for gold in sorted(folder.glob("*/gold.json")):
        out.append((gold.parent.name, gold.parent / "a.txt", gold.parent / "b.txt", gold))
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        a, b = folder / f"{name}_a.txt", folder / f"{name}_b.txt"
        if a.is_file() and b.is_file():
            out.append((name, a, b, gold))
    return out


def _quote_span(body: str, quote: str) -> tuple[int, int] | None:
    i = body.find(quote)
    return None if i < 0 else (i, i + len(quote))


# A claim that holds less than this share of a gold quote, next to one that holds more, only touches it.
MAIN_SHARE = 0.5


def labels(prep: Prepared, gold: dict[str, Any]) -> np.ndarray:
    """1 for the pairs of claims that state a gold pair's fact, 0 for the rest, and -1 (left out of training)
    for pairs where a claim only touches a gold quote that another claim of its article holds."""
    claims_a, claims_b = prep.built[0].claims, prep.built[1].claims
    text_a, text_b = prep.analyses[0].text, prep.analyses[1].text
    y = np.zeros((len(claims_a), len(claims_b)), dtype=np.int8)
    for pair in [*gold.get("required", []), *gold.get("optional", [])]:
        ra, rb = _quote_span(text_a, pair["a"]), _quote_span(text_b, pair["b"])
        if ra is None or rb is None:
            continue
        held_a = {i: _held(c.start, c.end, ra) for i, c in enumerate(claims_a) if _held(c.start, c.end, ra)}
        held_b = {j: _held(c.start, c.end, rb) for j, c in enumerate(claims_b) if _held(c.start, c.end, rb)}
        if not held_a or not held_b:
            continue
        most_a, most_b = max(held_a.values()), max(held_b.values())
        for i, share_a in held_a.items():
            for j, share_b in held_b.items():
                if share_a >= MAIN_SHARE * most_a and share_b >= MAIN_SHARE * most_b:
                    y[i, j] = 1
                elif y[i, j] == 0:
                    y[i, j] = -1
    return y.ravel()


def _held(start: int, end: int, quote: tuple[int, int]) -> int:
    """How many characters of the quote the claim holds."""
    return max(0, min(end, quote[1]) - max(start, quote[0]))


def load_pair(name: str, path_a: Path, path_b: Path, gold_path: Path) -> GoldPair:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pub_a = _date(gold.get("a", {}).get("published"))
    pub_b = _date(gold.get("b", {}).get("published"))
    an_a = analyse(path_a.read_text(encoding="utf-8"), pub_a)
    an_b = analyse(path_b.read_text(encoding="utf-8"), pub_b)
    prep = Prepared(an_a, an_b)
    shape = (len(prep.built[0].claims), len(prep.built[1].claims))
    return GoldPair(name, gold, an_a, an_b, prep, prep.features(), labels(prep, gold), shape)


# Similarities and shared evidence can only speak for a link: the closer two claims read, the likelier they
# state one fact. Their weights are kept at zero or above, so that no mix of these correlated measures turns a
# closer pair away; distances (how far below the best match, how far apart in the articles) only speak against.
MONOTONE = (
    frozenset(f for f in FEATURES if f.endswith("cosine"))
    | frozenset(
        """agreement lexical hand_tuned lemma_overlap rare_shared names_shared numbers_shared counted_shared
    predicates_shared predicates_close predicate_best_a predicate_best_b dates_shared times_close same_speaker
    mutual_best rank_a rank_b lemma_rank_a lemma_rank_b word_best_a word_best_b part_best_a part_best_b""".split()
    )
    | frozenset(STACKED) - {"crowd_a", "crowd_b"}
)
DECREASING = frozenset(
    ("cosine_gap_a", "cosine_gap_b", "word_gap_a", "word_gap_b", "position_gap", "crowd_a", "crowd_b")
)


def fit(pairs: list[GoldPair], c: float = C) -> Scorer:
    """The first stage: L2-penalised logistic regression (scikit-learn's objective, penalty 1 / (2c)) with
    the weights of the ``MONOTONE`` features bounded below by zero and the ``DECREASING`` ones above."""
    x = np.vstack([p.x[p.y >= 0] for p in pairs])
    y = np.concatenate([p.y[p.y >= 0] for p in pairs]).astype(np.float64)
    mean, scale, coef, intercept = _logistic(x, y, _bounds(FEATURES), c)
    return Scorer(FEATURES, mean, scale, coef, intercept, 0.5, 0.9)


# The first stage's scores that the second stage learns from come from models that did not see the pair.
INNER_FOLDS = 3


def fit_two_stages(pairs: list[GoldPair], c: float = C) -> Scorer:
    """The first stage on all the pairs, then the second stage on the first stage's scores, each pair's
    scores coming from a first stage fitted without it (``INNER_FOLDS`` folds)."""
    first = fit(pairs, c)
    folds = [pairs[k::INNER_FOLDS] for k in range(INNER_FOLDS)] if len(pairs) >= INNER_FOLDS else [pairs]
    rows: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    for fold in folds:
        rest = [p for p in pairs if all(p is not q for q in fold)]
        inner = fit(rest, c) if rest else first
        for p in fold:
            stacked = stacked_features(inner.first_probabilities(p.x), p.shape)
            rows.append(stacked[p.y >= 0])
            targets.append(p.y[p.y >= 0])
    x, y = np.vstack(rows), np.concatenate(targets).astype(np.float64)
    mean, scale, coef, intercept = _logistic(x, y, _bounds(STACKED), SECOND_C)
    return replace(first, second=Logistic(STACKED, mean, scale, coef, intercept))


SECOND_C = 1.0


Bound = tuple[float | None, float | None]


def _bounds(names: tuple[str, ...]) -> list[Bound]:
    """Bounds of the weights (then the intercept): at or above zero for the ``MONOTONE`` features, at or
    below for the ``DECREASING`` ones."""
    up: Bound = (0.0, None)
    down: Bound = (None, 0.0)
    free: Bound = (None, None)
    return [up if f in MONOTONE else down if f in DECREASING else free for f in names] + [free]


def _logistic(
    x: np.ndarray, y: np.ndarray, bounds: list[Bound], c: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Standardised bounded logistic regression: the mean and scale of the features, weights, intercept."""
    from scipy.optimize import minimize

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    n = z.shape[1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        logits = z @ w[:n] + w[n]
        p = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        value = float(np.sum(np.logaddexp(0.0, logits) - y * logits) + (w[:n] @ w[:n]) / (2 * c))
        return value, np.append(z.T @ (p - y) + w[:n] / c, np.sum(p - y))

    found = minimize(
        loss, np.zeros(n + 1), jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 5000}
    )
    return mean, scale, found.x[:n], float(found.x[n])


def evaluate(pair: GoldPair, scorer: Scorer) -> Score:
    result = decide(pair.prepared, scorer.probabilities(pair.x, pair.shape), scorer, same_event=False)
    return score_comparison(pair.gold, result_to_dict(result))


def pooled(scores: list[Score]) -> dict[str, float]:
    req = sum(s.required for s in scores)
    found = sum(s.required_found for s in scores)
    links = sum(s.links for s in scores)
    good = sum(s.good_links for s in scores)
    return {
        "recall": found / req if req else 1.0,
        "precision": good / links if links else 0.0,
        "false_conflicts": float(sum(s.false_conflicts for s in scores)),
        "conflicts": sum(s.conflicts_caught for s in scores) / max(1, sum(s.conflicts_total for s in scores)),
    }


def _with_thresholds(
    scorer: Scorer,
    threshold: float,
    extra: float,
    near: float = 0.0,
    conflict: float = 0.0,
    mutual: float = 1.0,
    elsewhere: float = 0.0,
) -> Scorer:
    return replace(
        scorer,
        threshold=threshold,
        extra_threshold=extra,
        near_best=near,
        conflict_threshold=conflict,
        mutual_threshold=mutual,
        elsewhere_threshold=elsewhere,
    )


THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
EXTRA = (0.4, 0.5, 0.6, 0.7, 0.8, 0.95)
NEAR_BEST = (0.0, 0.3, 0.5, 0.7, 0.8)
CONFLICT = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
MUTUAL = (1.0, 0.1, 0.15, 0.2, 0.25, 0.3)
ELSEWHERE = (0.0, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9)


# Differences in the objective smaller than this are noise on the labelled pairs (one link more or less).
OBJECTIVE_NOISE = 0.005


def _objective(m: dict[str, float]) -> float:
    """The F1 of recall and precision, less a little for each false conflict."""
    r, p = m["recall"], m["precision"]
    return (2 * r * p / (r + p) if r + p else 0.0) - 0.02 * m["false_conflicts"]


def choose_settings[S](tried: list[tuple[float, S, dict[str, float]]]) -> S:
    """Of (objective, settings, pooled figures) tried, the settings to ship. Those within
    ``OBJECTIVE_NOISE`` of the best objective are as good as it: of them, the one that catches the most
    conflicts (what an editor needs most), then the most precise."""
    top = max(value for value, _, _ in tried)
    _, settings, _ = max(
        (item for item in tried if item[0] >= top - OBJECTIVE_NOISE),
        key=lambda item: (item[2]["conflicts"], item[2]["precision"], item[0]),
    )
    return settings


def leave_one_out(
    pairs: list[GoldPair], c: float = C
) -> tuple[dict[str, float], tuple[float, float, float, float, float, float], list[Score]]:
    """Pooled held-out figures: each pair scored by a model trained on all the others, thresholds chosen
    once for all folds on the held-out predictions."""
    models = [fit_two_stages([q for q in pairs if q is not p], c) for p in pairs]
    tried: list[tuple[float, tuple[float, float, float], dict[str, float]]] = []
    for t in THRESHOLDS:
        for e in EXTRA:
            for near in NEAR_BEST:
                if e < t:
                    continue
                scores = [
                    evaluate(p, _with_thresholds(m, t, e, near)) for p, m in zip(pairs, models, strict=True)
                ]
                figures = pooled(scores)
                tried.append((_objective(figures), (t, e, near), figures))
    t, e, near = choose_settings(tried)

    def best(values: list[float], scorer: Callable[[Scorer, float], Scorer]) -> float:
        """Of ``values``, the one to ship by the same rule as the thresholds (``choose_settings``)."""
        found: list[tuple[float, float, dict[str, float]]] = []
        for v in values:
            figures = pooled([evaluate(p, scorer(m, v)) for p, m in zip(pairs, models, strict=True)])
            found.append((_objective(figures), v, figures))
        return choose_settings(found)

    # Then how sure a further link must be when it tells a fact again elsewhere rather than continuing one.
    elsewhere = best(
        [w for w in ELSEWHERE if not w or w > e],
        lambda m, w: _with_thresholds(m, t, e, near, elsewhere=w),
    )
    # Then how far below the threshold two claims that are each other's best match may still be linked.
    mutual = best(
        [u for u in MUTUAL if u < t or u == 1.0],
        lambda m, u: _with_thresholds(m, t, e, near, 0.0, u, elsewhere),
    )
    # Then how sure a link must be to be called a conflict: conflicts caught, less twice those that gold
    # rules out and half those on links gold does not make at all.
    best_conflict: tuple[float, float, list[Score]] | None = None
    for k in CONFLICT:
        held = [
            evaluate(p, _with_thresholds(m, t, e, near, k, mutual, elsewhere))
            for p, m in zip(pairs, models, strict=True)
        ]
        value = sum(s.conflicts_caught - 2 * s.false_conflicts - 0.5 * s.stray_conflicts for s in held)
        if best_conflict is None or value > best_conflict[0]:
            best_conflict = (value, k, held)
    assert best_conflict is not None
    _, k, scores = best_conflict
    return pooled(scores), (t, e, near, k, mutual, elsewhere), scores


def same_event_data(pairs: list[GoldPair], scorer: Scorer) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The same-event measures of every labelled pair (positives) and of every cross pairing of one pair's
    A with another pair's B (negatives), scored by ``scorer``."""
    rows: list[np.ndarray] = []
    labels_: list[int] = []
    names: list[str] = []
    for p in pairs:
        for q in pairs:
            prep = p.prepared if p is q else Prepared(p.analysis_a, q.analysis_b)
            x = p.x if p is q else prep.features()
            found = evidence(
                (prep.built[0].claims, prep.built[1].claims),
                prep.encodings,
                scorer.probabilities(x, (len(prep.built[0].claims), len(prep.built[1].claims))),
                (p.analysis_a.published, q.analysis_b.published),
            )
            # Each pairing twice: as dated, and as if neither date were known, which happens to users.
            for row in (found.vector(), found.undated().vector()):
                rows.append(row)
                labels_.append(int(p is q))
                names.append(p.name if p is q else f"{p.name}/{q.name}")
    return np.vstack(rows), np.asarray(labels_, dtype=np.int8), names


def same_event_held_out(x: np.ndarray, y: np.ndarray, names: list[str]) -> list[str]:
    """Leave-one-pair-out: each labelled pair's own row and every cross row that uses one of its articles
    are judged by a model fitted without them. Returns the names of the rows judged wrongly."""
    pair_names = [n for n in names if "/" not in n]
    wrong: list[str] = []
    for held in pair_names:
        out = np.array([held in n.split("/") for n in names])
        model = fit_same_event(x[~out], y[~out])
        for k in np.flatnonzero(out):
            if (model.probability(x[k]) >= 0.5) != bool(y[k]):
                wrong.append(names[k])
    return wrong

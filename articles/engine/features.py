"""The features stage: named evidence for every candidate pair of claims, one row per pair.

Each feature is a number a reader can check against the two claims (how close their encodings are, which
rare words, names, figures and dates they share, who said them, where they stand in their articles). The
trained scorer weighs them; nothing here decides a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from articles.engine.verdicts import contrast_groups, synonyms

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from articles.engine.types import Claim

DATA = Path(__file__).parent / "data"

FEATURES = (
    "cosine",  # encoder similarity of the two claims
    "cosine_gap_a",  # how far below A's best match in B this pair is (0 for the best)
    "cosine_gap_b",  # how far below B's best match in A
    "mutual_best",  # each is the other's closest by encoding
    "rank_a",  # 1 / rank of B's claim among A's claim's matches by encoding
    "rank_b",  # 1 / rank of A's claim among B's claim's matches by encoding
    "context_cosine",  # encoder similarity of the sentences the two claims come from
    "lemma_rank_a",  # 1 / rank by shared rare words among A's claim's candidates
    "lemma_rank_b",  # 1 / rank by shared rare words among B's claim's candidates
    "agreement",  # encoding and shared words point the same way (their product)
    "lexical",  # rarity-weighted overlap of names, dates, figures and words, the sentence as context
    "hand_tuned",  # the hand-tuned lexical aligner links the pair (its gates and one-to-one assignment)
    "lemma_overlap",  # shared content lemmas, weighted by their rarity in general English
    "rare_shared",  # the rarest shared lemma's weight
    "generic_only",  # every shared lemma is an everyday word
    "names_shared",  # people, places and organisations in both claims
    "names_exclusive",  # names of one claim the other article never mentions
    "numbers_shared",  # equal figures
    "predicates_shared",  # the same verb with the same argument ("blow up>temple")
    "predicates_close",  # the closest verbs and arguments by word vectors ("torch>car" ~ "burn>vehicle")
    "predicate_best_a",  # B's claim is A's claim's closest by predicates
    "predicate_best_b",  # A's claim is B's claim's closest by predicates
    "counted_shared",  # figures of the same counted thing
    "dates_shared",  # dates of the same value
    "dates_apart",  # both date the fact and no date agrees
    "times_close",  # clock times within the tolerance of approximate times
    "times_apart",  # both give a clock time and none is close
    "same_speaker",  # both credited to the same named source
    "contrast",  # contrasting event words (killed / injured) on the two sides
    "position_gap",  # difference of relative positions in the articles
    "headline_pair",  # both are headlines
    "headline_mixed",  # one is a headline, the other is not among the first claims
    "short",  # the shorter claim has few content words
    "word_cosine",  # similarity of the two claims' word vectors (rarity-weighted means)
    "word_context_cosine",  # similarity of the word vectors of their sentences
    "word_best_a",  # B's claim is A's claim's closest by word vectors
    "word_best_b",  # A's claim is B's claim's closest by word vectors
    "word_gap_a",  # how far below A's best match in B by word vectors
    "word_gap_b",  # how far below B's best match in A by word vectors
    "part_cosine",  # the closest parts of the two claims by word vectors (a long claim bundles facts)
    "part_best_a",  # B's claim holds the part closest to a part of A's claim
    "part_best_b",  # A's claim holds the part closest to a part of B's claim
    "dated_event",  # both date the same event, told by one verb or two synonyms ("quit" / "left")
)


# The second stage reads each pair against its rivals: the first stage's scores of the other pairs that share
# one of its claims, and of the pairs next to it in both articles.
STACKED = (
    "first_logit",  # the first stage's score, as log-odds
    "neighbours",  # the best first-stage score of the claims just before or just after both claims
    "share_of_best_a",  # the pair's score as a share of the best score of A's claim
    "share_of_best_b",  # ... and of B's claim
    "mutual_first",  # each claim is the other's best match by the first stage
    "lead_a",  # how far the pair's score stands above A's claim's next best (negative below its best)
    "lead_b",  # ... and above B's claim's next best
    "crowd_a",  # how many matches the first stage expects A's claim to have (a claim that matches everything
    "crowd_b",  # states the story's topic, not a fact); and B's claim
)


def stacked_features(first: NDArray[np.float64], shape: tuple[int, int]) -> NDArray[np.float64]:
    """A (len(A) * len(B), len(STACKED)) matrix from the first stage's probabilities (row i * len(B) + j)."""
    na, nb = shape
    out = np.zeros((na * nb, len(STACKED)), dtype=np.float64)
    if not na or not nb:
        return out
    p = first.reshape(na, nb)
    col = {name: k for k, name in enumerate(STACKED)}
    clipped = np.clip(p, 1e-4, 1 - 1e-4)
    out[:, col["first_logit"]] = np.log(clipped / (1 - clipped)).ravel()
    padded = np.zeros((na + 2, nb + 2))
    padded[1:-1, 1:-1] = p
    out[:, col["neighbours"]] = np.maximum(padded[:-2, :-2], padded[2:, 2:]).ravel()
    best_a, best_b = p.max(axis=1, keepdims=True), p.max(axis=0, keepdims=True)
    out[:, col["share_of_best_a"]] = (p / np.maximum(best_a, 1e-9)).ravel()
    out[:, col["share_of_best_b"]] = (p / np.maximum(best_b, 1e-9)).ravel()
    out[:, col["mutual_first"]] = ((p >= best_a) & (p >= best_b)).ravel()
    out[:, col["lead_a"]] = (p - _other_best(p, axis=1)).ravel()
    out[:, col["lead_b"]] = (p - _other_best(p, axis=0)).ravel()
    out[:, col["crowd_a"]] = np.broadcast_to(np.log1p(p.sum(axis=1, keepdims=True)), p.shape).ravel()
    out[:, col["crowd_b"]] = np.broadcast_to(np.log1p(p.sum(axis=0, keepdims=True)), p.shape).ravel()
    return out


def _other_best(p: NDArray[np.float64], axis: int) -> NDArray[np.float64]:
    """For each cell, the best value along the axis among the other cells."""
    if p.shape[axis] < 2:
        return np.zeros_like(p)
    top = np.sort(p, axis=axis)
    first = np.take(top, [-1], axis=axis)
    second = np.take(top, [-2], axis=axis)
    return np.where(p >= first, second, first)


@dataclass(frozen=True, slots=True)
class Encodings:
    """One article's word vectors: a row per claim, and a row per claim for the sentence it comes from."""

    claims: NDArray[np.float32]
    sentences: NDArray[np.float32]
    parts: NDArray[np.float32]  # a row per part of a claim (wordvectors.parts)
    owner: NDArray[np.intp]  # the claim of each part


@dataclass(slots=True)
class ClaimView:
    """What the features need of one claim."""

    claim: Claim
    lemmas: frozenset[str]
    names: frozenset[str]
    # exact figures, and ranges ("40-60 hours") as their bounds
    numbers: frozenset[float | tuple[float, float]]
    counted: frozenset[str]
    predicates: frozenset[str]
    dates: frozenset[str]
    speakers: frozenset[str]
    times: tuple[int, ...]  # clock times, minutes after midnight
    events: frozenset[str]  # the verbs the claim's dates belong to
    position: float
    lead: bool  # a headline, or among the first claims of the text


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def rarity(lemma: str) -> float:
    """Weight of a lemma by how rare it is in general English (0 for the commonest words, up to 1)."""
    return max(0.0, min(1.0, (7.0 - _zipf(lemma)) / 5.0))


def _ranks(values: NDArray[np.float64], axis: int) -> NDArray[np.float64]:
    """1 for the largest value along the axis, 2 for the next, and so on."""
    order = np.argsort(-values, axis=axis, kind="stable")
    return np.argsort(order, axis=axis, kind="stable").astype(np.float64) + 1.0


TIME_CLOSE_MINUTES = 45


def _minutes_apart(x: int, y: int) -> int:
    return min(abs(x - y), 24 * 60 - abs(x - y))


def _indicator(sets: list[frozenset[Any]], index: dict[Any, int]) -> NDArray[np.float64]:
    """A (len(sets), len(index)) matrix of ones where a set holds an item, set in one assignment."""
    out = np.zeros((len(sets), len(index)), dtype=np.float64)
    rows = [i for i, items in enumerate(sets) for _ in items]
    cols = [index[w] for items in sets for w in items]
    out[rows, cols] = 1.0
    return out


def _shared(sets_a: list[frozenset[Any]], sets_b: list[frozenset[Any]]) -> NDArray[np.float64]:
    """How many items each pair of sets has in common, as a (len(A), len(B)) matrix."""
    index = {item: k for k, item in enumerate({x for s in (*sets_a, *sets_b) for x in s})}
    if not index:
        return np.zeros((len(sets_a), len(sets_b)))
    return _indicator(sets_a, index) @ _indicator(sets_b, index).T


def _split_predicates(views: list[ClaimView]) -> list[tuple[int, str, str]]:
    """(claim, verb, argument) for each predicate of each claim; a phrasal verb by its verb ("blow up")."""
    out: list[tuple[int, str, str]] = []
    for k, view in enumerate(views):
        for predicate in sorted(view.predicates):
            verb, _, argument = predicate.partition(">")
            out.append((k, verb.split()[0], argument))
    return out


def _close_predicates(views_a: list[ClaimView], views_b: list[ClaimView]) -> NDArray[np.float64]:
    """For each pair of claims, the best of the lesser of the word-vector similarities of a verb of one and a
    verb of the other and of their arguments (1 for the same verb with the same argument)."""
    from articles.engine.wordvectors import single_word_vectors

    out = np.zeros((len(views_a), len(views_b)))
    split_a, split_b = _split_predicates(views_a), _split_predicates(views_b)
    if not split_a or not split_b:
        return out
    words = sorted({w for _, verb, argument in (*split_a, *split_b) for w in (verb, argument)})
    vectors = single_word_vectors(words)
    sim = np.clip(vectors @ vectors.T, 0.0, 1.0)
    np.fill_diagonal(sim, 1.0)
    index = {w: k for k, w in enumerate(words)}
    verb_a = np.array([index[verb] for _, verb, _ in split_a])
    verb_b = np.array([index[verb] for _, verb, _ in split_b])
    arg_a = np.array([index[argument] for _, _, argument in split_a])
    arg_b = np.array([index[argument] for _, _, argument in split_b])
    scores = np.minimum(sim[verb_a][:, verb_b], sim[arg_a][:, arg_b])
    owner_a = np.array([k for k, _, _ in split_a])[:, None]
    owner_b = np.array([k for k, _, _ in split_b])[None, :]
    np.maximum.at(out, (owner_a, owner_b), scores)
    return out


def _contrast(a: frozenset[str], b: frozenset[str]) -> float:
    table = contrast_groups()
    ga = {table[w] for w in a - b if w in table}
    gb = {table[w] for w in b - a if w in table}
    rows_a = {r: g for r, g in ga}
    return float(any(r in rows_a and rows_a[r] != g for r, g in gb))


def pair_features(
    views_a: list[ClaimView],
    views_b: list[ClaimView],
    enc_a: NDArray[np.float32],
    enc_b: NDArray[np.float32],
    ctx_a: NDArray[np.float32],
    ctx_b: NDArray[np.float32],
    words_a: Encodings,
    words_b: Encodings,
    names_in_a: frozenset[str],
    names_in_b: frozenset[str],
    lexical: dict[tuple[int, int], float],
    hand_tuned: set[tuple[int, int]],
    bare_a: NDArray[np.float32],
    bare_b: NDArray[np.float32],
) -> NDArray[np.float64]:
    """A (len(A) * len(B), len(FEATURES)) matrix; row i * len(B) + j is the pair (A[i], B[j])."""
    na, nb = len(views_a), len(views_b)
    out = np.zeros((na * nb, len(FEATURES)), dtype=np.float64)
    if not na or not nb:
        return out
    col = {name: k for k, name in enumerate(FEATURES)}
    cos = (enc_a @ enc_b.T).astype(np.float64)
    # the closer of the claims as written and without their speakers: a shared speaker can make two claims
    # read alike, and a long attribution can hide a close paraphrase
    cos = np.maximum(cos, (bare_a @ bare_b.T).astype(np.float64))
    best_a = cos.max(axis=1, keepdims=True)
    best_b = cos.max(axis=0, keepdims=True)
    out[:, col["cosine"]] = cos.ravel()
    out[:, col["cosine_gap_a"]] = (best_a - cos).ravel()
    out[:, col["cosine_gap_b"]] = (best_b - cos).ravel()
    # Being the best of few candidates is little evidence: ranks count in proportion to the choice there was.
    choice_a, choice_b = 1.0 - 1.0 / nb, 1.0 - 1.0 / na
    out[:, col["mutual_best"]] = ((cos >= best_a) & (cos >= best_b)).ravel() * min(choice_a, choice_b)
    out[:, col["rank_a"]] = (1.0 / _ranks(cos, axis=1)).ravel() * choice_a
    out[:, col["rank_b"]] = (1.0 / _ranks(cos, axis=0)).ravel() * choice_b
    out[:, col["context_cosine"]] = (ctx_a @ ctx_b.T).astype(np.float64).ravel()
    word_cos = (words_a.claims @ words_b.claims.T).astype(np.float64)
    word_best_a = word_cos.max(axis=1, keepdims=True)
    word_best_b = word_cos.max(axis=0, keepdims=True)
    out[:, col["word_cosine"]] = word_cos.ravel()
    out[:, col["word_context_cosine"]] = (words_a.sentences @ words_b.sentences.T).astype(np.float64).ravel()
    out[:, col["word_best_a"]] = (word_cos >= word_best_a).ravel()
    out[:, col["word_best_b"]] = (word_cos >= word_best_b).ravel()
    out[:, col["word_gap_a"]] = (word_best_a - word_cos).ravel()
    out[:, col["word_gap_b"]] = (word_best_b - word_cos).ravel()
    # The best pair of parts of each pair of claims: each claim's parts are consecutive rows.
    starts_a = np.searchsorted(words_a.owner, np.arange(na))
    starts_b = np.searchsorted(words_b.owner, np.arange(nb))
    parts = (words_a.parts @ words_b.parts.T).astype(np.float64)
    part = np.maximum.reduceat(np.maximum.reduceat(parts, starts_a, axis=0), starts_b, axis=1)
    out[:, col["part_cosine"]] = part.ravel()
    events_b = [j for j, v in enumerate(views_b) if v.events]
    for i, va in enumerate(views_a):
        for j in events_b if va.events else ():
            out[i * nb + j, col["dated_event"]] = any(
                synonyms(x, y) or x == y for x in va.events for y in views_b[j].events
            )
    out[:, col["part_best_a"]] = (part >= part.max(axis=1, keepdims=True)).ravel()
    out[:, col["part_best_b"]] = (part >= part.max(axis=0, keepdims=True)).ravel()
    # Shared lemmas, weighted by rarity: with W[i, w] the weight of lemma w in claim i, (W_a W_b^T)[i, j] sums
    # the squared weights of the lemmas both claims use.
    vocab = sorted({w for v in (*views_a, *views_b) for w in v.lemmas})
    index = {w: k for k, w in enumerate(vocab)}
    weight = np.array([rarity(w) for w in vocab], dtype=np.float64)
    has_a, has_b = (
        _indicator([v.lemmas for v in views_a], index),
        _indicator([v.lemmas for v in views_b], index),
    )
    wa, wb = has_a * weight, has_b * weight
    norm_a = np.sqrt((wa * wa).sum(axis=1))
    norm_b = np.sqrt((wb * wb).sum(axis=1))
    norm_a[norm_a == 0] = 1.0
    norm_b[norm_b == 0] = 1.0
    out[:, col["lemma_overlap"]] = ((wa @ wb.T) / np.outer(norm_a, norm_b)).ravel()
    # The rarest shared lemma of each pair, over the lemmas that both articles use at all.
    both = np.flatnonzero(has_a.any(axis=0) & has_b.any(axis=0))
    rare = np.zeros((na, nb))
    if both.size:
        rare = (wa[:, None, both] * has_b[None, :, both]).max(axis=2)
    any_shared = (has_a[:, both] @ has_b[:, both].T) > 0
    out[:, col["rare_shared"]] = rare.ravel()
    out[:, col["generic_only"]] = (any_shared & (rare < 0.3)).ravel()
    out[:, col["names_shared"]] = _shared([v.names for v in views_a], [v.names for v in views_b]).ravel()
    exclusive_a = np.array([len(v.names - names_in_b) for v in views_a], dtype=np.float64)
    exclusive_b = np.array([len(v.names - names_in_a) for v in views_b], dtype=np.float64)
    out[:, col["names_exclusive"]] = (exclusive_a[:, None] + exclusive_b[None, :]).ravel()
    out[:, col["numbers_shared"]] = _shared(
        [v.numbers for v in views_a], [v.numbers for v in views_b]
    ).ravel()
    out[:, col["predicates_shared"]] = (
        _shared([v.predicates for v in views_a], [v.predicates for v in views_b]) > 0
    ).ravel()
    deeds = _close_predicates(views_a, views_b)
    out[:, col["predicates_close"]] = deeds.ravel()
    if deeds.size:
        out[:, col["predicate_best_a"]] = ((deeds > 0) & (deeds >= deeds.max(axis=1, keepdims=True))).ravel()
        out[:, col["predicate_best_b"]] = ((deeds > 0) & (deeds >= deeds.max(axis=0, keepdims=True))).ravel()
    out[:, col["counted_shared"]] = _shared(
        [v.counted for v in views_a], [v.counted for v in views_b]
    ).ravel()
    dates = _shared([v.dates for v in views_a], [v.dates for v in views_b])
    out[:, col["dates_shared"]] = dates.ravel()
    dated_a = np.array([bool(v.dates) for v in views_a])
    dated_b = np.array([bool(v.dates) for v in views_b])
    out[:, col["dates_apart"]] = (np.outer(dated_a, dated_b) & (dates == 0)).ravel()
    speakers = _shared([v.speakers for v in views_a], [v.speakers for v in views_b])
    out[:, col["same_speaker"]] = (speakers > 0).ravel()
    table = contrast_groups()
    contrasting_b = [j for j, v in enumerate(views_b) if any(w in table for w in v.lemmas)]
    timed_b = [j for j, v in enumerate(views_b) if v.times]
    for i, va in enumerate(views_a):
        if any(w in table for w in va.lemmas):
            for j in contrasting_b:
                out[i * nb + j, col["contrast"]] = _contrast(va.lemmas, views_b[j].lemmas)
        if va.times:
            for j in timed_b:
                close = any(
                    _minutes_apart(x, y) <= TIME_CLOSE_MINUTES for x in va.times for y in views_b[j].times
                )
                out[i * nb + j, col["times_close" if close else "times_apart"]] = 1.0
    position_a = np.array([v.position for v in views_a])
    position_b = np.array([v.position for v in views_b])
    out[:, col["position_gap"]] = np.abs(position_a[:, None] - position_b[None, :]).ravel()
    head_a = np.array([v.claim.kind == "headline" for v in views_a])
    head_b = np.array([v.claim.kind == "headline" for v in views_b])
    lead_a = np.array([v.lead for v in views_a])
    lead_b = np.array([v.lead for v in views_b])
    out[:, col["headline_pair"]] = np.outer(head_a, head_b).ravel()
    mixed = np.outer(head_a, ~head_b & ~lead_b) | np.outer(~head_a & ~lead_a, head_b)
    out[:, col["headline_mixed"]] = mixed.ravel()
    size_a = np.array([len(v.lemmas) for v in views_a])
    size_b = np.array([len(v.lemmas) for v in views_b])
    out[:, col["short"]] = (np.minimum(size_a[:, None], size_b[None, :]) <= 2).ravel()
    overlap = out[:, col["lemma_overlap"]].reshape(na, nb)
    out[:, col["lemma_rank_a"]] = np.where(overlap > 0, choice_a / _ranks(overlap, axis=1), 0.0).ravel()
    out[:, col["lemma_rank_b"]] = np.where(overlap > 0, choice_b / _ranks(overlap, axis=0), 0.0).ravel()
    out[:, col["agreement"]] = out[:, col["cosine"]] * out[:, col["lemma_overlap"]]
    for (i, j), value in lexical.items():
        out[i * nb + j, col["lexical"]] = value
    for i, j in hand_tuned:
        out[i * nb + j, col["hand_tuned"]] = 1.0
    return out

"""Lexical evidence for alignment: rarity-weighted overlap of the concepts (names, dates, figures, words) of
two claims, with the sentence around each claim as weaker context."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
from scipy.sparse import csr_matrix

from articles.engine.clauses import looks_like_verb
from articles.engine.counting import noun_and_state
from articles.engine.lexicon import content_tokens, lemma
from articles.engine.types import Claim

# Above this score a greedy one-to-one assignment decides; between MUTUAL_MIN and it, only mutual best matches.
LINK_THRESHOLD = 0.26
MUTUAL_MIN = 0.2
# A further link is kept when its score is this close to the best score of both its claims.
NEAR_BEST = 0.75
# ... and never below this score.
EXTRA_MIN = 0.35
# A fact is told at most a few times in one article: more links from one claim are noise.
MAX_LINKS_PER_CLAIM = 3
# Each name in a claim that the other article never mentions makes a match less likely.
EXCLUSIVE_NAME_FACTOR = 0.75
# Figures of the same thing more than this many times apart are about different facts.
MAGNITUDE_APART = 20.0
MAGNITUDE_FACTOR = 0.5


# How much a token counts when it is not the claim's own words.
ATTRIBUTION_FACTOR = 0.5  # a named source the claim is credited to
CONTEXT_FACTOR = 0.3  # words of the other clauses of the same sentence (the subject of "have been involved")
# Clauses with no verb ("For government forces, the recapture of Palmyra") are weaker evidence of a fact.
FRAGMENT_FACTOR = 0.7
HEADLINE_REACH = 3  # a headline may link to the other headline or to the first claims of the text
POSITION_BONUS = 0.04  # claims at similar relative positions in the two articles are likelier to match


@dataclass(slots=True)
class Features:
    """What alignment compares: concept tokens of one claim, each with a factor for how it was found."""

    claim: Claim
    index: int
    factors: dict[str, float] = field(default_factory=dict)
    position: float = 0.0
    fragment: bool = False
    lead: bool = False  # among the first claims of the text after the headline
    names: set[str] = field(default_factory=set)  # own people, places and organisations
    figures: list[tuple[str, float]] = field(default_factory=list)  # (what is counted, a value) pairs
    tokens: set[str] = field(default_factory=set)
    weights: dict[str, float] = field(default_factory=dict)
    total: float = 0.0


def own_tokens(body: str, claim: Claim, masked: list[tuple[int, int]]) -> set[str]:
    """Concept tokens of a claim's own words: entities by canonical id, dates by value, numbers, content words."""
    spans = list(masked)
    tokens: set[str] = set()
    for ent in claim.entities:
        if not any(ms <= ent.start and ent.end <= me for ms, me in masked):
            tokens.add("e:" + ent.canonical)
        spans.append((ent.start, ent.end))
    for d in claim.dates:
        tokens.add("d:" + d.value)
        if len(d.value) > 4:
            # a month or day also meets another month or day of the same year ("May 2015" ~ "June 2015")
            tokens.add("y:" + d.value[:4])
        spans.append((d.start, d.end))
    for q in claim.quantities:
        if q.low is not None and q.low == q.high:
            tokens.add(f"n:{q.low:g}")
        # what is counted, so "11 minutes" meets "less than eight minutes", £ meets $, "1,000 people were
        # injured" meets "640 others were injured"
        if q.kind in ("money", "age", "percent", "duration"):
            tokens.add("q:" + q.kind)
        else:
            noun, state = noun_and_state(q, body)
            if noun:
                tokens.add(f"q:{q.kind}:{lemma(noun)}")
            if state:
                tokens.add(f"q:{state}")
    for s, e, tok in content_tokens(body[claim.start : claim.end]):
        s += claim.start
        e += claim.start
        if any(ms < e and s < me for ms, me in spans):
            continue
        tokens.add(tok)
    return tokens


def build_features(
    body: str,
    claims: list[Claim],
    masked_spans: dict[str, list[tuple[int, int]]],
    sources: dict[str, frozenset[str]],
) -> list[Features]:
    """Features of every claim of one article, with the credited source and the sentence's other clauses."""
    own = [own_tokens(body, c, masked_spans.get(c.id, [])) for c in claims]
    by_sentence: dict[int, set[str]] = {}
    for c, toks in zip(claims, own, strict=True):
        by_sentence.setdefault(c.sentence, set()).update(toks)
    previous_sentence: dict[int, int] = {}
    order = sorted(by_sentence)
    for before, after in pairwise(order):
        previous_sentence[after] = before
    out: list[Features] = []
    n = max(len(claims) - 1, 1)
    body_rank = 0
    for i, (c, toks) in enumerate(zip(claims, own, strict=True)):
        lead = c.kind != "headline" and body_rank < HEADLINE_REACH
        body_rank += c.kind != "headline"
        context = by_sentence[c.sentence] - toks
        if _opens_with_reference(c.text) and c.sentence in previous_sentence:
            # "That was down from £7.1 million" speaks of the previous sentence's subject
            context |= by_sentence[previous_sentence[c.sentence]] - toks
        factors = dict.fromkeys(context, CONTEXT_FACTOR)
        for canonical in sources.get(c.id, ()):
            factors["e:" + canonical] = max(factors.get("e:" + canonical, 0.0), ATTRIBUTION_FACTOR)
        factors.update(dict.fromkeys(toks, 1.0))
        fragment = c.kind != "headline" and not any(
            looks_like_verb(w) for w in c.text.replace(",", " ").split()
        )
        names = {"e:" + e.canonical for e in c.entities if e.kind in ("person", "place", "org")} & toks
        out.append(Features(c, i, factors, i / n, fragment, lead, names, _figures(body, c), set(factors)))
    return out


_REFERENCES = frozenset("that this it he she they these those its his her their there such".split())


def _opens_with_reference(text: str) -> bool:
    first = text.lstrip("“\"‘' ").split(" ", 1)[0].lower().strip(",")
    return first in _REFERENCES


def _figures(body: str, claim: Claim) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for q in claim.quantities:
        value = q.low if q.low is not None else q.high
        if value is None or q.kind != "count":
            continue
        noun, state = noun_and_state(q, body)
        for key in (state, noun and lemma(noun)):
            if key:
                out.append((key, value))
    return out


def _magnitudes_apart(fa: Features, fb: Features) -> bool:
    """Both claims count the same thing but orders of magnitude apart: two different facts (a war's
    270,000 dead is not a battle's 400)."""
    for key, va in fa.figures:
        for other, vb in fb.figures:
            if key == other and max(va, vb) > MAGNITUDE_APART * max(min(va, vb), 1.0):
                return True
    return False


def _weigh(features: list[Features], df: Counter[str], n_docs: int) -> None:
    for f in features:
        f.weights = {t: math.log(1.0 + n_docs / df[t]) * factor for t, factor in f.factors.items()}
        f.total = sum(w for t, w in f.weights.items() if f.factors[t] == 1.0)


def _is_word(token: str) -> bool:
    """A word or a name, as opposed to a number, date or kind of figure."""
    return token[:2] not in ("n:", "d:", "y:", "q:")


def scored_pairs(
    features_a: list[Features], features_b: list[Features]
) -> dict[tuple[int, int], tuple[float, int]]:
    """Rarity-weighted concept overlap of every pair of claims that share enough evidence: (index in A,
    index in B) to (a score in 0..1, how many words they share)."""
    df: Counter[str] = Counter()
    for f in features_a + features_b:
        df.update(f.tokens)
    _weigh(features_a + features_b, df, len(features_a) + len(features_b))
    # every name an article mentions, datelines and attributions included
    names_a = {"e:" + e.canonical for f in features_a for e in f.claim.entities}
    names_b = {"e:" + e.canonical for f in features_b for e in f.claim.entities}
    alone_a = [_exclusive_names(f, names_b) for f in features_a]
    alone_b = [_exclusive_names(f, names_a) for f in features_b]
    # The overlap of every pair at once, as products of sparse (claims x tokens) matrices: A's own tokens
    # against B's own tokens and context, A's context against B's own; a token that is context on both sides
    # never counts.
    vocabulary = {
        t: k for k, t in enumerate(dict.fromkeys(t for f in features_a + features_b for t in f.factors))
    }
    own_a, context_a = _token_matrices(features_a, vocabulary)
    own_b, context_b = _token_matrices(features_b, vocabulary)
    words = np.array([_is_word(t) for t in vocabulary], dtype=np.float64)
    overlap = (
        own_a.weights @ own_b.ones.T + own_a.ones @ context_b.weights.T + context_a.weights @ own_b.ones.T
    ).toarray()
    own_shared = (own_a.ones @ own_b.ones.T).toarray()
    words_shared = (own_a.ones.multiply(words[None, :]).tocsr() @ own_b.ones.T).toarray()
    totals_a = np.array([f.total for f in features_a], dtype=np.float64)
    totals_b = np.array([f.total for f in features_b], dtype=np.float64)
    # two claims are compared only when they share two of their own tokens, one of them a word or name
    candidates = (own_shared >= 2) & (words_shared >= 1) & (totals_a[:, None] > 0) & (totals_b[None, :] > 0)
    rows, columns = np.nonzero(candidates)
    # cosine-style: the rarity-weighted overlap against the weight of each claim's own tokens
    value = np.minimum(1.0, overlap[rows, columns] / np.sqrt(totals_a[rows] * totals_b[columns]))
    fragment_a = np.array([f.fragment for f in features_a], dtype=bool)
    fragment_b = np.array([f.fragment for f in features_b], dtype=bool)
    value *= np.where(fragment_a[rows] | fragment_b[columns], FRAGMENT_FACTOR, 1.0)
    position_a = np.array([f.position for f in features_a], dtype=np.float64)
    position_b = np.array([f.position for f in features_b], dtype=np.float64)
    value += POSITION_BONUS * (1.0 - np.abs(position_a[rows] - position_b[columns]))
    alone = np.minimum(
        2, np.asarray(alone_a, dtype=np.int64)[rows] + np.asarray(alone_b, dtype=np.int64)[columns]
    )
    value *= EXCLUSIVE_NAME_FACTOR**alone
    counted_a = np.array([bool(f.figures) for f in features_a], dtype=bool)
    counted_b = np.array([bool(f.figures) for f in features_b], dtype=bool)
    for k in np.nonzero(counted_a[rows] & counted_b[columns])[0]:
        if _magnitudes_apart(features_a[rows[k]], features_b[columns[k]]):
            value[k] *= MAGNITUDE_FACTOR
    shared_words = words_shared[rows, columns].astype(np.int64)
    return {
        (i, j): (v, w)
        for i, j, v, w in zip(
            rows.tolist(), columns.tolist(), value.tolist(), shared_words.tolist(), strict=True
        )
    }


@dataclass(frozen=True, slots=True)
class _Tokens:
    """Claims x tokens: each token's weight in its claim, and a one where the claim has it."""

    weights: csr_matrix
    ones: csr_matrix


def _token_matrices(features: list[Features], vocabulary: dict[str, int]) -> tuple[_Tokens, _Tokens]:
    """The claims' own tokens and their context tokens (a factor below one), as sparse matrices."""
    out = []
    for own in (True, False):
        rows, columns, weights = [], [], []
        for f in features:
            for t, factor in f.factors.items():
                if (factor == 1.0) == own:
                    rows.append(f.index)
                    columns.append(vocabulary[t])
                    weights.append(f.weights[t])
        shape = (len(features), len(vocabulary))
        matrix = csr_matrix((np.asarray(weights, dtype=np.float64), (rows, columns)), shape=shape)
        ones = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
        out.append(_Tokens(matrix, ones))
    return out[0], out[1]


def lexical_scores(
    features_a: list[Features],
    features_b: list[Features],
    pairs: dict[tuple[int, int], tuple[float, int]] | None = None,
) -> dict[tuple[int, int], float]:
    """The overlap score of every pair that shares evidence, one of the trained scorer's features
    (``pairs``: scored_pairs() of the same features, when already computed)."""
    if pairs is None:
        pairs = scored_pairs(features_a, features_b)
    return {key: score for key, (score, _) in pairs.items()}


def _exclusive_names(f: Features, other_names: set[str]) -> int:
    """How many people, places and organisations of a claim the other article never mentions."""
    return sum(1 for t in f.names if t not in other_names)


def _headline_allowed(fa: Features, fb: Features) -> bool:
    """Headlines summarise the top of a story: they link to each other or to the first claims of the text."""
    if fa.claim.kind == "headline":
        return fb.claim.kind == "headline" or fb.lead
    if fb.claim.kind == "headline":
        return fa.lead
    return True


def hand_tuned_links(
    features_a: list[Features],
    features_b: list[Features],
    pairs: dict[tuple[int, int], tuple[float, int]] | None = None,
) -> list[tuple[int, int, float]]:
    """The hand-tuned aligner's pairs (index in A, index in B, score), one of the trained scorer's features:
    one-to-one best matches between the texts, further links for facts that one article tells twice or
    splits over two clauses, and each headline's best matches."""
    if pairs is None:
        pairs = scored_pairs(features_a, features_b)
    body: dict[tuple[int, int], float] = {}
    headline: dict[tuple[int, int], float] = {}
    for (i, j), (score, words) in pairs.items():
        fa, fb = features_a[i], features_b[j]
        if not _headline_allowed(fa, fb):
            continue
        # a weak match needs two shared words, not one word and a date
        if score >= LINK_THRESHOLD or (score >= MUTUAL_MIN and words >= 2):
            is_headline = fa.claim.kind == "headline" or fb.claim.kind == "headline"
            (headline if is_headline else body)[(i, j)] = score
    claims_a = [f.claim for f in features_a]
    claims_b = [f.claim for f in features_b]
    return sorted(_assign(body, claims_a, claims_b) + _assign(headline, claims_a, claims_b))


def _assign(
    scores: dict[tuple[int, int], float], claims_a: list[Claim], claims_b: list[Claim]
) -> list[tuple[int, int, float]]:
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (i, j), s in scores.items():
        best_a[i] = max(best_a.get(i, 0.0), s)
        best_b[j] = max(best_b.get(j, 0.0), s)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    partner_a: dict[int, int] = {}
    partner_b: dict[int, int] = {}
    pairs: list[tuple[int, int, float]] = []
    for (i, j), s in ranked:
        # below the link threshold, only two claims that are each other's best match are joined
        mutual = s >= best_a[i] and s >= best_b[j]
        if s < LINK_THRESHOLD and not mutual:
            continue
        if i not in partner_a and j not in partner_b:
            partner_a[i] = j
            partner_b[j] = i
            pairs.append((i, j, s))
    links_a: Counter[int] = Counter(partner_a.keys())
    links_b: Counter[int] = Counter(partner_b.keys())
    for (i, j), s in ranked:
        if partner_a.get(i) == j or s < EXTRA_MIN:
            continue
        if links_a[i] >= MAX_LINKS_PER_CLAIM or links_b[j] >= MAX_LINKS_PER_CLAIM:
            continue
        # One fact told twice, or split over clauses of one sentence: each claim is among the other's best
        # matches, or the claim is a sibling clause of the one its counterpart already matched.
        near_best = s >= NEAR_BEST * best_a[i] and s >= NEAR_BEST * best_b[j]
        sibling = (
            j in partner_b and _same_sentence(claims_a, i, partner_b[j]) and s >= NEAR_BEST * best_a[i]
        ) or (i in partner_a and _same_sentence(claims_b, j, partner_a[i]) and s >= NEAR_BEST * best_b[j])
        if near_best or sibling:
            pairs.append((i, j, s))
            links_a[i] += 1
            links_b[j] += 1
    return pairs


def _same_sentence(claims: list[Claim], x: int, y: int) -> bool:
    return claims[x].sentence == claims[y].sentence

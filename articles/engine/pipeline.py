"""Entry points of the claim engine: analyse one article, compare two analysed articles.

The stages, in order: parse (spaCy) → facts and values (``reading``) → encodings (``analysis``) → features →
scoring (the trained model) → assignment → verdicts.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from articles.engine.align import build_features, hand_tuned_links, lexical_scores, scored_pairs
from articles.engine.analysis import Analysis, analyse
from articles.engine.assignment import assign
from articles.engine.counting import noun_and_state
from articles.engine.encoder import DIMENSIONS
from articles.engine.features import ClaimView, Encodings, pair_features
from articles.engine.lexicon import content_tokens, lemma
from articles.engine.reading import BuiltClaims, build_claims, link_across
from articles.engine.sameevent import evidence, judge_same_event
from articles.engine.scoring import Scorer, trained_scorer
from articles.engine.sentences import sourcing_spans
from articles.engine.types import Claim, ComparisonResult, Document, Link
from articles.engine.verdicts import EMPTY_EVENTS, Side, clock_times, judge
from articles.engine.wordvectors import WORD_DIMENSIONS, part_vectors

ENGINE_VERSION = "2.34"
# Below this score an agreement is told as likely, not as certain ("probably the same fact").
SURE_LINK = 0.6

_GENERIC_SOURCES = frozenset(("he", "she", "they", "it", "we", "i", "the source", "a source", "sources"))
LEAD_CLAIMS = 3  # a headline may stand for the first few claims of the text


def extract_claims(text: str, published: dt.date | None = None, prefix: str = "c") -> list[Claim]:
    """The claims of one article; spans and ids do not depend on any other article."""
    return claims_of(analyse(text, published), prefix)


def claims_of(analysis: Analysis, prefix: str = "c") -> list[Claim]:
    """The claims of an analysed article on its own (names joined within it only)."""
    (read,) = link_across([analysis.read])
    return build_claims(read, prefix).shown()


def compare_texts(
    text_a: str,
    text_b: str,
    published_a: dt.date | None = None,
    published_b: dt.date | None = None,
    *,
    title_a: str = "",
    title_b: str = "",
    source_a: str = "",
    source_b: str = "",
) -> ComparisonResult:
    """Claims of both articles, aligned, each link labelled agree/partial/conflict; the rest only_a/only_b."""
    return compare_analyses(
        analyse(text_a, published_a),
        analyse(text_b, published_b),
        title_a=title_a,
        title_b=title_b,
        source_a=source_a,
        source_b=source_b,
    )


class Prepared:
    """Both articles' claims with their names joined across the pair, and what the features need of them."""

    def __init__(self, analysis_a: Analysis, analysis_b: Analysis) -> None:
        read_a, read_b = link_across([analysis_a.read, analysis_b.read])
        self.analyses = (analysis_a, analysis_b)
        self.built = (build_claims(read_a, "a"), build_claims(read_b, "b"))
        for analysis, built in zip(self.analyses, self.built, strict=True):
            _mask_no_fact(analysis, built)
        self.views = (
            _views(analysis_a, self.built[0]),
            _views(analysis_b, self.built[1]),
        )
        self.encodings = (_encodings(analysis_a, self.built[0]), _encodings(analysis_b, self.built[1]))
        self.bare = (_encodings(analysis_a, self.built[0], True), _encodings(analysis_b, self.built[1], True))
        self.contexts = (_contexts(analysis_a, self.built[0]), _contexts(analysis_b, self.built[1]))
        self.words = (_word_encodings(analysis_a, self.built[0]), _word_encodings(analysis_b, self.built[1]))
        self.names = (
            frozenset(e.canonical for c in self.built[0].claims for e in c.entities),
            frozenset(e.canonical for c in self.built[1].claims for e in c.entities),
        )

    def features(self) -> np.ndarray:
        (built_a, built_b), (analysis_a, analysis_b) = self.built, self.analyses
        features_a = build_features(analysis_a.text, built_a.claims, built_a.masked_spans, built_a.sources)
        features_b = build_features(analysis_b.text, built_b.claims, built_b.masked_spans, built_b.sources)
        pairs = scored_pairs(features_a, features_b)
        lexical = lexical_scores(features_a, features_b, pairs)
        hand_tuned = {(i, j) for i, j, _ in hand_tuned_links(features_a, features_b, pairs)}
        return pair_features(
            self.views[0], self.views[1], *self.encodings, *self.contexts, *self.words, *self.names, lexical,
            hand_tuned, *self.bare,
        )  # fmt: skip


def compare_analyses(
    analysis_a: Analysis,
    analysis_b: Analysis,
    *,
    title_a: str = "",
    title_b: str = "",
    source_a: str = "",
    source_b: str = "",
    scorer: Scorer | None = None,
) -> ComparisonResult:
    """Compare two analysed articles without reading either again."""
    scorer = scorer or trained_scorer()
    prep = Prepared(analysis_a, analysis_b)
    shape = (len(prep.built[0].claims), len(prep.built[1].claims))
    probabilities = scorer.probabilities(prep.features(), shape)
    return decide(prep, probabilities, scorer, (title_a, title_b), (source_a, source_b))


def decide(
    prep: Prepared,
    probabilities: np.ndarray,
    scorer: Scorer,
    titles: tuple[str, str] = ("", ""),
    sources: tuple[str, str] = ("", ""),
    *,
    same_event: bool = True,
) -> ComparisonResult:
    """Assignment and verdicts: the links that the scored pairs make, each labelled and explained; then,
    unless ``same_event`` is false, whether the two articles report one event."""
    analysis_a, analysis_b = prep.analyses
    built_a, built_b = prep.built
    claims_a, claims_b = built_a.claims, built_b.claims
    text_a, text_b = analysis_a.text, analysis_b.text
    published_a, published_b = analysis_a.published, analysis_b.published
    # date lines ("Published: November 28, 2005") are shown with their dates, in no link
    doc_a = Document(
        titles[0], sources[0], published_a.isoformat() if published_a else None, text_a, built_a.shown()
    )
    doc_b = Document(
        titles[1], sources[1], published_b.isoformat() if published_b else None, text_b, built_b.shown()
    )
    matrix = probabilities.reshape(len(claims_a), len(claims_b))
    links: list[Link] = []
    linked_a: set[int] = set()
    linked_b: set[int] = set()
    headlines_a = frozenset(k for k, c in enumerate(claims_a) if c.kind == "headline")
    headlines_b = frozenset(k for k, c in enumerate(claims_b) if c.kind == "headline")
    pairs = assign(
        matrix, scorer.threshold, scorer.extra_threshold, headlines_a, headlines_b, scorer.near_best,
        scorer.mutual_threshold, sentences_a=[c.sentence for c in claims_a],
        sentences_b=[c.sentence for c in claims_b], elsewhere=scorer.elsewhere_threshold,
    )  # fmt: skip
    for i, j in pairs:
        ca, cb = claims_a[i], claims_b[j]
        side_a = Side(
            ca, text_a, published_a.year if published_a else None, _named_sources(built_a, ca),
            built_a.masked_spans.get(ca.id, []), prep.views[0][i].lemmas,
        )  # fmt: skip
        side_b = Side(
            cb, text_b, published_b.year if published_b else None, _named_sources(built_b, cb),
            built_b.masked_spans.get(cb.id, []), prep.views[1][j].lemmas,
        )  # fmt: skip
        relation, explanation = judge(
            side_a, side_b, _shared_words(text_a, ca, cb), sure=bool(matrix[i, j] >= SURE_LINK)
        )
        if relation == "conflict" and matrix[i, j] < scorer.conflict_threshold:
            relation, explanation = "partial", f"perhaps not the same fact: {explanation}"
        links.append(Link((ca.id,), (cb.id,), relation, round(float(matrix[i, j]), 3), explanation))
        linked_a.add(i)
        linked_b.add(j)
    for i, c in enumerate(claims_a):
        if i not in linked_a:
            links.append(Link((c.id,), (), "only_a", 0.0, "only in A"))
    for j, c in enumerate(claims_b):
        if j not in linked_b:
            links.append(Link((), (c.id,), "only_b", 0.0, "only in B"))
    judged = None
    if same_event:
        found = evidence((claims_a, claims_b), prep.encodings, probabilities, (published_a, published_b))
        judged = judge_same_event(found)
    return ComparisonResult(doc_a, doc_b, links, judged)


def _encodings(analysis: Analysis, built: BuiltClaims, bare: bool = False) -> np.ndarray:
    """A row per claim: its encoding, or with ``bare`` its encoding without its speaker where it has one."""
    out = np.zeros((len(built.claims), DIMENSIONS), dtype=np.float32)
    for k, c in enumerate(built.claims):
        span = (c.start, c.end)
        row = analysis.bare_encodings.get(span) if bare else None
        row = analysis.encodings.get(span) if row is None else row
        if row is not None:
            out[k] = row
    return out


def _contexts(analysis: Analysis, built: BuiltClaims) -> np.ndarray:
    out = np.zeros((len(built.claims), DIMENSIONS), dtype=np.float32)
    for k, c in enumerate(built.claims):
        row = analysis.sentence_encodings.get(c.sentence)
        if row is not None:
            out[k] = row
    return out


def _word_encodings(analysis: Analysis, built: BuiltClaims) -> Encodings:
    claims = np.zeros((len(built.claims), WORD_DIMENSIONS), dtype=np.float32)
    sentences = np.zeros_like(claims)
    for k, c in enumerate(built.claims):
        row = analysis.word_encodings.get((c.start, c.end))
        if row is not None:
            claims[k] = row
        row = analysis.sentence_word_encodings.get(c.sentence)
        if row is not None:
            sentences[k] = row
    # the parts' word vectors as analysed (a claim is a clause); read again only for an older stored analysis
    stored = [analysis.part_encodings.get((c.start, c.end)) for c in built.claims]
    if not stored or any(rows is None or not len(rows) for rows in stored):
        vectors, owner = part_vectors([c.text for c in built.claims])
    else:
        vectors = np.vstack([rows for rows in stored if rows is not None])
        owner = np.repeat(np.arange(len(stored)), [len(rows) for rows in stored if rows is not None])
    return Encodings(claims, sentences, vectors, owner)


def _mask_no_fact(analysis: Analysis, built: BuiltClaims) -> None:
    """Leave out of matching, besides the attribution a claim carries, the words in it that name who says
    something (one speaker's two claims share the speaker, "same_speaker", not a fact) and those that say why
    a source goes unnamed ("speaking on condition of anonymity": two wire stories share them, not a fact)."""
    for claim in built.claims:
        masked = built.masked_spans.get(claim.id, [])
        extra = [
            (s, e)
            for s, e in analysis.speakers.get((claim.start, claim.end), ())
            if not any(ms <= s and e <= me for ms, me in masked)
        ]
        extra += sourcing_spans(analysis.text, claim.start, claim.end)
        if extra:
            built.masked_spans[claim.id] = sorted([*masked, *extra])


def _lemmas(analysis: Analysis, claim: Claim, masked: list[tuple[int, int]]) -> frozenset[str]:
    """The claim's content lemmas less the words that name who said it (or its date line) and the words of
    its dates: two quotes of one speaker share the speaker's name, and two facts of one day the day, not a
    fact ("same_speaker" and "dates_shared" say what they share)."""
    span = (claim.start, claim.end)
    lemmas = analysis.lemmas.get(span, ())
    starts = analysis.lemma_starts.get(span)
    apart = [*masked, *((d.start, d.end) for d in claim.dates)]
    if not apart or starts is None or len(starts) != len(lemmas):
        return frozenset(lemmas)
    return frozenset(
        w for w, at in zip(lemmas, starts, strict=True) if not any(s <= at < e for s, e in apart)
    )


def _views(analysis: Analysis, built: BuiltClaims) -> list[ClaimView]:
    claims = built.claims
    n = max(len(claims) - 1, 1)
    views: list[ClaimView] = []
    body_rank = 0
    for k, c in enumerate(claims):
        masked = built.masked_spans.get(c.id, [])
        counted: set[str] = set()
        for q in c.quantities:
            if q.kind in ("money", "age", "percent", "duration"):
                counted.add(q.kind)
            else:
                noun, state = noun_and_state(q, analysis.text)
                counted.update(x for x in (noun and lemma(noun), state) if x)
        views.append(
            ClaimView(
                claim=c,
                lemmas=_lemmas(analysis, c, masked),
                names=frozenset(
                    e.canonical for e in c.entities if not any(s <= e.start and e.end <= t for s, t in masked)
                ),
                numbers=frozenset(
                    q.low if q.low == q.high else (q.low, q.high)
                    for q in c.quantities
                    if q.low is not None and q.high is not None
                ),
                counted=frozenset(counted),
                predicates=frozenset(analysis.predicates.get((c.start, c.end), ())),
                dates=frozenset(d.value for d in c.dates),
                speakers=_named_sources(built, c),
                times=tuple(minutes for minutes, _ in clock_times(c.text)),
                events=frozenset(d.event for d in c.dates if d.event not in EMPTY_EVENTS),
                position=k / n,
                lead=c.kind == "headline" or body_rank < LEAD_CLAIMS,
            )
        )
        body_rank += c.kind != "headline"
    return views


def _named_sources(built: BuiltClaims, claim: Claim) -> frozenset[str]:
    """Canonical ids of the named sources a claim is credited to (generic 'a source' counts as none)."""
    if not claim.attribution or claim.attribution.lower() in _GENERIC_SOURCES:
        return frozenset()
    return built.sources.get(claim.id, frozenset())


def _shared_words(body: str, ca: Claim, cb: Claim) -> list[str]:
    """The words of A's claim behind the match, one per concept, names first."""
    names_b = {e.canonical for e in cb.entities}
    words: list[str] = []
    seen: set[str] = set()
    for ent in ca.entities:
        if ent.canonical in names_b and ent.canonical not in seen:
            seen.add(ent.canonical)
            words.append(ent.text)
    tokens_b = {tok for _, _, tok in content_tokens(cb.text)}
    for s, e, tok in content_tokens(ca.text):
        if tok in tokens_b and tok not in seen and not tok[:1].isdigit():
            seen.add(tok)
            words.append(ca.text[s:e])
    return words

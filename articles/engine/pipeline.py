"""Entry points of the claim engine: extract the claims of one article, compare two articles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from articles.engine.align import Features, align, build_features
from articles.engine.attribution import Attribution, find_attribution, find_quotes
from articles.engine.clauses import split_clauses
from articles.engine.dates import extract_dates
from articles.engine.entities import extract_entities, link_entities
from articles.engine.lexicon import content_tokens
from articles.engine.quantities import extract_quantities
from articles.engine.sentences import is_heading, split_sentences
from articles.engine.types import Claim, ComparisonResult, DateRef, Document, Entity, Link, Quantity, Quote
from articles.engine.verdicts import Side, judge

ENGINE_VERSION = "1.1"

_GENERIC_SOURCES = frozenset(("he", "she", "they", "it", "we", "i", "the source", "a source", "sources"))


@dataclass(slots=True)
class SentenceRead:
    """Everything read from one sentence, before it is cut into claims."""

    index: int
    start: int
    end: int
    headline: bool
    quantities: list[Quantity]
    dates: list[DateRef]
    entities: list[Entity]
    quotes: list[Quote]
    attribution: Attribution | None
    dateline: tuple[int, int] | None = None  # "TEHRAN —" before a story's first sentence


@dataclass(slots=True)
class ArticleRead:
    text: str
    published: dt.date | None
    sentences: list[SentenceRead]


def read_article(text: str, published: dt.date | None) -> ArticleRead:
    """Sentences of an article with their numbers, dates, names, quotes and attribution."""
    sentences: list[SentenceRead] = []
    seen_text = False
    for index, (start, end) in enumerate(split_sentences(text)):
        if is_heading(text, start, end):
            continue
        chunk = text[start:end]
        dates = extract_dates(chunk, published, start)
        quantities = [
            q
            for q in extract_quantities(chunk, start)
            if not any(d.start < q.end and q.start < d.end for d in dates) or q.kind in ("duration", "age")
        ]
        line_alone = _whole_line(text, start, end)
        headline = not seen_text and line_alone and not chunk.rstrip().endswith((".", "!", "?"))
        seen_text = True
        sentences.append(
            SentenceRead(
                index=index,
                start=start,
                end=end,
                headline=headline,
                quantities=quantities,
                dates=dates,
                entities=extract_entities(chunk, start),
                quotes=find_quotes(chunk, start),
                attribution=find_attribution(chunk, start),
                dateline=_dateline(chunk, start),
            )
        )
    return ArticleRead(text, published, sentences)


# "TEHRAN —", "TOLEDO, Ohio —", "LONDON (Reuters) -": where a story was filed, not part of its facts.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s+[A-Z][A-Za-z. ]+)?(?:\s*\([A-Za-z ]+\))?\s*[—–-]{1,2}\s")


def _dateline(chunk: str, start: int) -> tuple[int, int] | None:
    m = _DATELINE.match(chunk)
    return (start, start + m.end()) if m else None


def _whole_line(text: str, start: int, end: int) -> bool:
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    return not text[before + 1 : start].strip() and not text[end : after if after >= 0 else len(text)].strip()


@dataclass(slots=True)
class BuiltClaims:
    """Claims of one article, with the spans left out of matching (attribution, dateline) and the names
    each claim is credited to."""

    claims: list[Claim]
    masked_spans: dict[str, list[tuple[int, int]]]
    sources: dict[str, frozenset[str]]


def build_claims(article: ArticleRead, prefix: str) -> BuiltClaims:
    """Cut each sentence into clause claims, each carrying its sentence's attribution."""
    text = article.text
    claims: list[Claim] = []
    masked_spans: dict[str, list[tuple[int, int]]] = {}
    sources: dict[str, frozenset[str]] = {}
    for sent in article.sentences:
        spans = [(sent.start, sent.end)] if sent.headline else split_clauses(text, sent.start, sent.end)
        for start, end in spans:
            claim_id = f"{prefix}{len(claims) + 1}"

            def inside(s: int, e: int, lo: int = start, hi: int = end) -> bool:
                return lo <= s and e <= hi

            quantities = [q for q in sent.quantities if inside(q.start, q.end)]
            dates = [d for d in sent.dates if inside(d.start, d.end)]
            quotes = [q for q in sent.quotes if q.start < end and start < q.end]
            kind = "headline" if sent.headline else _kind(quantities, dates, quotes)
            attribution = sent.attribution
            claims.append(
                Claim(
                    id=claim_id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    kind=kind,
                    sentence=sent.index,
                    quantities=quantities,
                    dates=dates,
                    entities=[e for e in sent.entities if inside(e.start, e.end)],
                    attribution=attribution.source if attribution else None,
                    quotes=quotes,
                )
            )
            masked = [(attribution.start, attribution.end)] if attribution else []
            if sent.dateline and start <= sent.dateline[0] < end:
                masked.append(sent.dateline)
            if masked:
                masked_spans[claim_id] = masked
            if attribution:
                sources[claim_id] = frozenset(
                    e.canonical
                    for e in sent.entities
                    if attribution.start <= e.start and e.end <= attribution.end
                )
    return BuiltClaims(claims, masked_spans, sources)


def _kind(quantities: list[Quantity], dates: list[DateRef], quotes: list[Quote]) -> str:
    if quantities:
        return "quantity"
    if dates:
        return "date"
    if quotes:
        return "quote"
    return "event"


def _link_across(articles: list[ArticleRead]) -> None:
    """Give every variant of a name one canonical id across all the given articles."""
    mentions = [s.entities for art in articles for s in art.sentences]
    linked = link_entities(mentions)
    k = 0
    for art in articles:
        for s in art.sentences:
            s.entities = linked[k]
            k += 1


def extract_claims(text: str, published: dt.date | None = None, prefix: str = "c") -> list[Claim]:
    """The claims of one article; spans and ids do not depend on any other article."""
    article = read_article(text, published)
    _link_across([article])
    return build_claims(article, prefix).claims


def _named_sources(built: BuiltClaims, claim: Claim) -> frozenset[str]:
    """Canonical ids of the named sources a claim is credited to (generic 'a source' counts as none)."""
    if not claim.attribution or claim.attribution.lower() in _GENERIC_SOURCES:
        return frozenset()
    return built.sources.get(claim.id, frozenset())


def _shared_words(body: str, fa: Features, fb: Features) -> list[str]:
    """The words of A's claim behind the match, one per concept, names first."""
    shared = fa.tokens & fb.tokens
    words: list[str] = []
    seen: set[str] = set()
    for ent in fa.claim.entities:
        token = "e:" + ent.canonical
        if token in shared and token not in seen:
            seen.add(token)
            words.append(ent.text)
    for s, e, tok in content_tokens(fa.claim.text):
        if tok in shared and tok not in seen:
            seen.add(tok)
            words.append(body[fa.claim.start + s : fa.claim.start + e])
    return words


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
    read_a = read_article(text_a, published_a)
    read_b = read_article(text_b, published_b)
    _link_across([read_a, read_b])
    built_a = build_claims(read_a, "a")
    built_b = build_claims(read_b, "b")
    claims_a, claims_b = built_a.claims, built_b.claims
    doc_a = Document(title_a, source_a, published_a.isoformat() if published_a else None, text_a, claims_a)
    doc_b = Document(title_b, source_b, published_b.isoformat() if published_b else None, text_b, claims_b)
    features_a = build_features(text_a, claims_a, built_a.masked_spans, built_a.sources)
    features_b = build_features(text_b, claims_b, built_b.masked_spans, built_b.sources)
    links: list[Link] = []
    linked_a: set[int] = set()
    linked_b: set[int] = set()
    for i, j, link_score in align(features_a, features_b):
        ca, cb = claims_a[i], claims_b[j]
        side_a = Side(
            ca, text_a, published_a.year if published_a else None, _named_sources(built_a, ca),
            built_a.masked_spans.get(ca.id, []),
        )  # fmt: skip
        side_b = Side(
            cb, text_b, published_b.year if published_b else None, _named_sources(built_b, cb),
            built_b.masked_spans.get(cb.id, []),
        )  # fmt: skip
        relation, explanation = judge(side_a, side_b, _shared_words(text_a, features_a[i], features_b[j]))
        links.append(Link((ca.id,), (cb.id,), relation, link_score, explanation))
        linked_a.add(i)
        linked_b.add(j)
    for i, c in enumerate(claims_a):
        if i not in linked_a:
            links.append(Link((c.id,), (), "only_a", 0.0, "only in A"))
    for j, c in enumerate(claims_b):
        if j not in linked_b:
            links.append(Link((), (c.id,), "only_b", 0.0, "only in B"))
    return ComparisonResult(doc_a, doc_b, links)

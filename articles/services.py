"""Storing what comes in and what the engine finds: articles, their claims, comparisons and their links."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from articles import engine
from articles.carryover import carry_over
from articles.engine import ENGINE_VERSION
from articles.importing import ArticleMeta, ParsedArticle
from articles.models import Analysis, Article, Claim, Comparison, Link, Outlet, content_hash

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from articles.engine.types import Claim as EngineClaim
    from articles.engine.types import ComparisonResult
    from articles.engine.types import Link as EngineLink


_ENGINE_VERSION_AT_IMPORT = ENGINE_VERSION


def current_engine_version() -> str:
    """The engine version to store and look up, read at call time so that a new version takes effect
    without a restart (and tests can bump it): this module's ENGINE_VERSION if changed, else the engine's."""
    here: str = globals()["ENGINE_VERSION"]
    return here if here != _ENGINE_VERSION_AT_IMPORT else engine.ENGINE_VERSION


class DuplicateArticle(Exception):
    def __init__(self, article: Article) -> None:
        self.article = article
        super().__init__(f"already imported as article #{article.pk} “{article}”")


def import_article(
    parsed: ParsedArticle, meta: ArticleMeta, *, filename: str = "", added_by: User | None = None
) -> Article:
    """Store a parsed file; the publication date falls back on its date line. Raises DuplicateArticle.

    A new text for a stored article (the same URL, or the same outlet and headline) becomes its new version.
    """
    existing = Article.objects.filter(content_hash=content_hash(parsed.body)).first()
    if existing is not None:
        raise DuplicateArticle(existing)
    from articles import versions  # it uses this module's helpers

    held = versions.version_holding(content_hash(parsed.body))
    if held is not None:  # an earlier text of a stored article
        raise DuplicateArticle(held.article)
    earlier = versions.earlier_article(parsed, meta)
    if earlier is not None:  # the same URL (or outlet and headline), a new text: a new version
        return versions.add_version(earlier, parsed, meta).article
    outlet = Outlet.objects.get_or_create(name=meta.outlet)[0] if meta.outlet else None
    return Article.objects.create(
        outlet=outlet,
        title=parsed.title,
        url=meta.url,
        published=meta.published or parsed.dateline,
        body=parsed.body,
        filename=filename,
        added_by=added_by,
    )


def store_claims(
    article: Article, claims: Iterable[EngineClaim], engine_version: str | None = None
) -> dict[tuple[int, int], Claim]:
    """The article's stored claims by span, adding those of ``claims`` not stored yet."""
    engine_version = engine_version or current_engine_version()
    stored = {(c.start, c.end): c for c in article.claims.filter(engine_version=engine_version)}
    new: list[Claim] = []
    for claim in claims:
        span = (claim.start, claim.end)
        if span in stored:
            continue
        if article.body[claim.start : claim.end] != claim.text:
            raise ValueError(f"claim {claim.id} of article #{article.pk}: its text is not body[start:end]")
        stored[span] = Claim(
            article=article,
            engine_version=engine_version,
            start=claim.start,
            end=claim.end,
            sentence=claim.sentence,
            kind=claim.kind,
            text=claim.text,
            quantities=[dataclasses.asdict(q) for q in claim.quantities],
            dates=[dataclasses.asdict(d) for d in claim.dates],
            entities=[dataclasses.asdict(e) for e in claim.entities],
            attribution=claim.attribution or "",
        )
        new.append(stored[span])
    Claim.objects.bulk_create(new)
    return stored


def article_analysis(article: Article) -> engine.Analysis:
    """The current engine's analysis of an article: read from the database, or made once and stored."""
    published = article.published.isoformat() if article.published else None
    version = current_engine_version()
    row = Analysis.objects.filter(article=article, engine_version=version).first()
    if row is not None and row.data.get("published") == published:
        try:
            return engine.analysis_from_json(article.body, row.data, bytes(row.encodings))
        except (ValueError, KeyError, TypeError):
            pass  # stored by an older layout of the same version: analyse again below
    analysis = engine.analyse(article.body, article.published)
    values = {"data": engine.analysis_to_json(analysis), "encodings": engine.encodings_to_bytes(analysis)}
    try:
        with transaction.atomic():
            Analysis.objects.update_or_create(article=article, engine_version=version, defaults=values)
    except IntegrityError:  # stored at the same moment by another worker: theirs is as good
        pass
    return analysis


def ensure_claims(article: Article) -> int:
    """Extract and store the article's claims for the current engine unless done; how many were added."""
    if article.claims.filter(engine_version=current_engine_version()).exists():
        return 0
    claims = engine.claims_of(article_analysis(article), prefix="c")
    try:
        with transaction.atomic():
            return len(store_claims(article, claims))
    except IntegrityError:  # stored at the same moment by another worker (the spans are unique)
        if article.claims.filter(engine_version=current_engine_version()).exists():
            return 0
        raise


@dataclasses.dataclass(frozen=True)
class EventCheck:
    """The engine's judgement of whether two articles report one event, before they are compared: ``likely``
    is None until the current engine has read both."""

    likely: bool | None
    why: str = ""
    comparison: Comparison | None = None


def same_event_check(article_a: Article, article_b: Article) -> EventCheck:
    """From the pair's stored comparison, else from both articles' stored readings (a fraction of a second,
    nothing stored); not judged while either article waits to be read."""
    version = current_engine_version()
    stored = (
        Comparison.objects.filter(article_a=article_a, article_b=article_b, engine_version=version)
        .only("pk", "same_event", "same_event_why")
        .first()
    )
    if stored is not None and stored.same_event is not None:
        return EventCheck(stored.same_event, stored.same_event_why, stored)
    read = Analysis.objects.filter(article__in=(article_a, article_b), engine_version=version).count()
    if read < 2:
        return EventCheck(None, comparison=stored)
    result = engine.compare_analyses(article_analysis(article_a), article_analysis(article_b))
    judged = result.same_event
    if judged is None:
        return EventCheck(None, comparison=stored)
    return EventCheck(judged.likely, judged.why, stored)


def judge_same_event(
    article_a: Article, article_b: Article, analyses: dict[int, engine.Analysis]
) -> tuple[bool, float, str]:
    """Whether the pair reports one event, how likely and why: from its stored comparison, else compared in
    memory and stored nowhere (reading either article first where the current engine has not)."""
    stored = (
        Comparison.objects.filter(
            article_a=article_a, article_b=article_b, engine_version=current_engine_version()
        )
        .only("same_event", "same_event_score", "same_event_why")
        .first()
    )
    if stored is not None and stored.same_event is not None:
        return stored.same_event, stored.same_event_score or 0.0, stored.same_event_why
    for article in (article_a, article_b):
        if article.pk not in analyses:
            analyses[article.pk] = article_analysis(article)
    judged = engine.compare_analyses(analyses[article_a.pk], analyses[article_b.pk]).same_event
    if judged is None:
        return False, 0.0, ""
    return judged.likely, judged.score, judged.why[:300]


def compare_articles(
    article_a: Article, article_b: Article, *, analyses: dict[int, engine.Analysis] | None = None
) -> tuple[Comparison, bool]:
    """The comparison of the pair under the current engine, computed and stored unless it exists.

    ``analyses`` keeps each article's analysis once read, for a caller comparing many pairs (a story).
    """
    version = current_engine_version()
    existing = Comparison.objects.filter(
        article_a=article_a, article_b=article_b, engine_version=version
    ).first()
    if existing is not None:
        return existing, False
    if analyses is None:
        analyses = {}
    for article in (article_a, article_b):
        if article.pk not in analyses:
            analyses[article.pk] = article_analysis(article)
    result = engine.compare_analyses(
        analyses[article_a.pk],
        analyses[article_b.pk],
        title_a=article_a.title,
        title_b=article_b.title,
        source_a=article_a.outlet_name(),
        source_b=article_b.outlet_name(),
    )
    try:
        return _store_comparison(article_a, article_b, result, version), True
    except IntegrityError:  # the same pair stored at this moment by another worker: theirs is as good
        existing = Comparison.objects.filter(
            article_a=article_a, article_b=article_b, engine_version=version
        ).first()
        if existing is None:
            raise
        return existing, False


def _store_comparison(
    article_a: Article, article_b: Article, result: ComparisonResult, version: str
) -> Comparison:
    with transaction.atomic():
        spans_a = store_claims(article_a, result.a.claims)
        spans_b = store_claims(article_b, result.b.claims)
        claims_a = {c.id: spans_a[(c.start, c.end)] for c in result.a.claims}
        claims_b = {c.id: spans_b[(c.start, c.end)] for c in result.b.claims}
        judged = result.same_event
        comparison = Comparison.objects.create(
            article_a=article_a,
            article_b=article_b,
            engine_version=version,
            same_event=judged.likely if judged else None,
            same_event_score=judged.score if judged else None,
            same_event_why=judged.why[:300] if judged else "",
        )
        Link.objects.bulk_create(
            row for link in result.links for row in _link_rows(comparison, link, claims_a, claims_b)
        )
        carry_over(comparison)
    return comparison


def _link_rows(
    comparison: Comparison, link: EngineLink, claims_a: dict[str, Claim], claims_b: dict[str, Claim]
) -> list[Link]:
    """One row per pairwise join, as in the JSON contract; one row per claim for a one-sided link."""
    if link.relation == "only_a":
        pairs: list[tuple[Claim | None, Claim | None]] = [(claims_a[a], None) for a in link.a]
    elif link.relation == "only_b":
        pairs = [(None, claims_b[b]) for b in link.b]
    else:
        pairs = [(claims_a[a], claims_b[b]) for a in link.a for b in link.b]
    return [
        Link(
            comparison=comparison,
            claim_a=claim_a,
            claim_b=claim_b,
            relation=link.relation,
            score=link.score,
            explanation=link.explanation,
        )
        for claim_a, claim_b in pairs
    ]

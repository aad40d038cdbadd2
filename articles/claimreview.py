"""schema.org ClaimReview JSON-LD for each confirmed discrepancy, so that fact-checking tools find it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from articles.models import Article, Claim, Comparison, Flag, Link

# How a discrepancy rates on schema.org's 1 (false) to 5 (true) scale, and its words.
RATINGS = {
    Link.Relation.CONFLICT: (1, "Conflicting reports"),
    Link.Relation.PARTIAL: (3, "Partly different reports"),
}


def claim_review(link: Link, comparison: Comparison, base_url: str) -> dict[str, Any]:
    """One ClaimReview: what article A claims, reviewed against article B."""
    assert link.claim_a is not None and link.claim_b is not None
    value, words = RATINGS[link.reported_relation()]  # type: ignore[index]
    confirmed = [f for f in link.flags.all() if f.status == Flag.Status.CONFIRMED]
    reviewed_on = max(f.updated_at for f in confirmed)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base_url}{comparison.get_absolute_url()}#link-{link.pk}",
        "datePublished": reviewed_on.date().isoformat(),
        "author": {"@type": "Organization", "name": "NewsCompare"},
        "claimReviewed": link.claim_a.text,
        "itemReviewed": _claim(link.claim_a, comparison.article_a, base_url),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": words,
            "ratingExplanation": f"{link.explanation} Compared with: “{link.claim_b.text}”"
            f" ({comparison.article_b.outlet_name() or 'another report'}).".strip(),
        },
    }


def _claim(claim: Claim, article: Article, base_url: str) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    appearance["url"] = article.url or f"{base_url}{article.get_absolute_url()}"
    if article.published:
        appearance["datePublished"] = article.published.isoformat()
    if article.outlet_name():
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet_name()}
    return {"@type": "Claim", "appearance": [appearance]}


def claim_reviews(comparison: Comparison, links: Sequence[Link], base_url: str) -> list[dict[str, Any]]:
    """A ClaimReview per link that is a discrepancy an editor confirmed (links with prefetched flags)."""
    return [claim_review(link, comparison, base_url) for link in links if link.is_confirmed_discrepancy()]


def claim_reviews_json(comparison: Comparison, links: Sequence[Link], base_url: str) -> str:
    """The reviews as a JSON-LD script body ('' when there are none), safe inside <script>."""
    reviews = claim_reviews(comparison, links, base_url)
    if not reviews:
        return ""
    text = json.dumps(reviews if len(reviews) > 1 else reviews[0], ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""The comparison page's heavy parts (highlighted bodies, the link list) in Django's cache.

Each comparison has a version in the cache; signals on every model the page shows replace it, so that
entries of an older version are never read again. Without a cache, or with a broken one, parts are
built on every request.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model, Q
from django.db.models.signals import post_delete, post_save

from articles.models import Analysis, Article, Claim, Comparison, Flag, FlagEvent, Link, Outlet

logger = logging.getLogger(__name__)

# Entries of a replaced version are never read again; they leave the cache when it is full or stale.
PART_TIMEOUT = 24 * 3600
# Bumped whenever the shape of a cached part changes, so that a new release never reads an old one.
FORMAT = 2
# A sentinel rendered in place of the CSRF token, replaced by the reader's own token on the way out.
CSRF_SENTINEL = "csrf-token-placeholder-3f9a1c"


def _version_key(comparison_id: int) -> str:
    return f"comparison:{comparison_id}:version"


def cached_part[T](comparison_id: int, name: str, build: Callable[[], T]) -> T:
    """The part ``name`` of a comparison's page, from the cache or built (and then cached)."""
    try:
        version = cache.get(_version_key(comparison_id))
        if version is None:
            version = uuid.uuid4().hex
            cache.set(_version_key(comparison_id), version, None)
        key = f"comparison:{comparison_id}:{version}:{FORMAT}:{name}"
        value: T | None = cache.get(key)
    except Exception:  # a cache that is down must not take the page with it
        logger.warning("cache unavailable: building comparison %s without it", comparison_id, exc_info=True)
        return build()
    if value is not None:
        return value
    value = build()
    try:
        cache.set(key, value, PART_TIMEOUT)
    except Exception:
        logger.warning("cache unavailable: comparison %s not stored", comparison_id, exc_info=True)
    return value


def invalidate(comparison_ids: Iterable[int]) -> None:
    """Give each comparison a new version now and again once the transaction commits, so a reader
    who filled the cache from data not committed yet cannot leave it behind."""
    ids = sorted(set(comparison_ids))
    if not ids:
        return

    def bump() -> None:
        try:
            cache.set_many({_version_key(pk): uuid.uuid4().hex for pk in ids}, None)
        except Exception:
            logger.warning("cache unavailable: could not invalidate comparisons %s", ids, exc_info=True)

    bump()
    transaction.on_commit(bump)


# -- which comparisons show a row --------------------------------------------------------------------


def comparisons_of_claims(claim_ids: Iterable[int | None]) -> list[int]:
    ids = [pk for pk in claim_ids if pk is not None]
    if not ids:
        return []
    return list(
        Link.objects.filter(Q(claim_a__in=ids) | Q(claim_b__in=ids))
        .values_list("comparison_id", flat=True)
        .distinct()
    )


def comparisons_of_articles(article_ids: Iterable[int]) -> list[int]:
    ids = list(article_ids)
    return list(
        Comparison.objects.filter(Q(article_a__in=ids) | Q(article_b__in=ids)).values_list("id", flat=True)
    )


def comparisons_of_flag(flag: Flag) -> list[int]:
    if flag.link_id is not None:
        link = Link.objects.filter(pk=flag.link_id).values_list("comparison_id", flat=True).first()
        return [link] if link is not None else []
    return comparisons_of_claims([flag.claim_id])


# Each model the page shows, with the comparisons a change of one of its rows touches.
AFFECTED: dict[type[Model], Callable[[Any], list[int]]] = {
    Comparison: lambda c: [c.pk, *comparisons_of_articles([c.article_a_id, c.article_b_id])],
    Link: lambda link: [link.comparison_id],
    Flag: comparisons_of_flag,
    FlagEvent: lambda event: comparisons_of_flag(event.flag),
    # Claims are marked in the bodies of every comparison of their article.
    Claim: lambda claim: comparisons_of_articles([claim.article_id]),
    Analysis: lambda analysis: comparisons_of_articles([analysis.article_id]),
    # Headlines, outlets and dates are part of the cached head of the page.
    Article: lambda article: comparisons_of_articles([article.pk]),
    Outlet: lambda outlet: comparisons_of_articles(outlet.articles.values_list("id", flat=True)),
}


def register(model: type[Model], affected: Callable[[Any], list[int]]) -> None:
    """Invalidate the comparisons ``affected`` returns whenever a row of ``model`` is saved or deleted."""
    AFFECTED[model] = affected
    uid = f"articles.caching.{model._meta.label}"
    post_save.connect(_changed, sender=model, dispatch_uid=uid + ".save", weak=False)
    post_delete.connect(_changed, sender=model, dispatch_uid=uid + ".delete", weak=False)


def _changed(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loaddata: rows may point to rows not loaded yet
        return
    try:
        ids = AFFECTED[sender](instance)
    except Exception:  # a row deleted with its parents: the parents' own signals cover it
        logger.debug("no comparisons found for %r", instance, exc_info=True)
        return
    invalidate(ids)


for _model, _affected in list(AFFECTED.items()):
    register(_model, _affected)

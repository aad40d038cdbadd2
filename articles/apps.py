"""The articles app: stored articles, their claims, comparisons and editors' flags."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "News comparison"

    def ready(self) -> None:
        from articles.roles import ensure_groups

        # After migrate, when our permissions exist, so that every database has the two roles.
        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="articles.ensure_groups")
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="articles.ensure_search_index")
        # Cache invalidation: signals on every model the comparison page shows.
        import articles.caching  # noqa: F401


def _ensure_search_index(using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    from articles.search import ensure_search_index

    # A later migration that rebuilds a SQLite table drops the triggers that keep the index in step.
    ensure_search_index(connections[using])

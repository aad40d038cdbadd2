"""The articles app: stored articles, their claims, comparisons and editors' flags."""

from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "News comparison"

    def ready(self) -> None:
        from articles.roles import ensure_groups

        # After migrate, when our permissions exist, so that every database has the two roles.
        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="articles.ensure_groups")

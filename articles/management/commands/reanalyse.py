"""`manage.py reanalyse`: compare every stored pair again with the current engine, carrying editors' work."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from articles.models import Comparison, Leftover
from articles.services import compare_articles, current_engine_version, ensure_claims


class Command(BaseCommand):
    help = (
        "Read every article again and compare every stored pair with the current engine version, carrying "
        "flags, editors' verdicts and manual links over to the new claims; what cannot be carried over is "
        "listed on the new comparison's page. Does nothing for pairs already compared by this version."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        version = current_engine_version()
        pairs: dict[tuple[int, int], Comparison] = {}
        for comparison in Comparison.objects.select_related("article_a", "article_b").order_by("created_at"):
            pairs.setdefault((comparison.article_a_id, comparison.article_b_id), comparison)
        made = 0
        for comparison in pairs.values():
            if comparison.engine_version == version:
                continue
            ensure_claims(comparison.article_a)
            ensure_claims(comparison.article_b)
            new, created = compare_articles(comparison.article_a, comparison.article_b)
            if not created:
                continue
            made += 1
            leftovers = Leftover.objects.filter(comparison=new).count()
            left = f"; {leftovers} item(s) could not be carried over" if leftovers else ""
            self.stdout.write(
                f"Comparison #{comparison.pk} (engine {comparison.engine_version}) compared again "
                f"as #{new.pk} (engine {version}){left}"
            )
        self.stdout.write(f"{made} comparison(s) made with engine {version}.")

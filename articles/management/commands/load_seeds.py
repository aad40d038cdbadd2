"""`manage.py load_seeds`: import the seed articles, extract their claims and compare them; safe to rerun."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.importing import ArticleFileError, ArticleMeta, read_article, read_manifest
from articles.models import Article, Link
from articles.services import DuplicateArticle, compare_articles, ensure_claims, import_article


class Command(BaseCommand):
    help = (
        "Import the seed articles listed in seeds/manifest.json, extract their claims and compare each "
        "pair. Does nothing that is already done."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        seeds_dir = settings.SEEDS_DIR
        try:
            manifest = read_manifest(seeds_dir)
        except ArticleFileError as error:
            raise CommandError(str(error)) from None
        if not manifest:
            raise CommandError(f"{seeds_dir / 'manifest.json'}: no seeds listed")
        articles = [self._load(seeds_dir / name, manifest[name]) for name in sorted(manifest)]
        for article_a, article_b in combinations(articles, 2):
            comparison, created = compare_articles(article_a, article_b)
            counts = ", ".join(
                f"{n} {Link.Relation(relation).label}" for relation, n in comparison.counts().items()
            )
            state = "compared" if created else "already compared"
            self.stdout.write(f"Comparison #{comparison.pk} {state}: {counts}")

    def _load(self, path: Path, meta: ArticleMeta) -> Article:
        try:
            article = import_article(read_article(path), meta, filename=path.name)
            state = "imported"
        except DuplicateArticle as duplicate:
            article = duplicate.article
            state = "already loaded"
        except ArticleFileError as error:
            raise CommandError(f"{path}: {error}") from None
        claims = ensure_claims(article)
        extracted = f", {claims} claims extracted" if claims else ""
        self.stdout.write(f"Article #{article.pk} “{article}” {state}{extracted}")
        return article

"""`manage.py load_seeds`: import the seed articles, extract their claims and compare them; then the demo
story (seeds/story/) and the article with two versions (seeds/versions/). Safe to rerun."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from itertools import combinations
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.importing import ArticleFileError, ArticleMeta, read_article, read_manifest
from articles.models import Article, ArticleVersion, Link, Story, StoryArticle, content_hash
from articles.services import DuplicateArticle, compare_articles, ensure_claims, import_article
from articles.stories import compare_all_pairs
from articles.versions import read_changes


class Command(BaseCommand):
    help = (
        "Import the seed articles listed in seeds/manifest.json, extract their claims and compare each "
        "pair; then the demo story in seeds/story/ (its articles compared pair by pair) and the article "
        "with two versions in seeds/versions/. Does nothing that is already done."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--skip-demo",
            action="store_true",
            help="load only the seed pair, not the demo story and versions",
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
        if not options["skip_demo"]:
            self._load_story(seeds_dir / "story")
            self._load_versions(seeds_dir / "versions")

    def _load_story(self, directory: Path) -> None:
        """The demo story: its articles, confirmed in it, and every pair of them compared."""
        manifest = self._manifest(directory)
        if not manifest:
            return
        about = json.loads((directory / "story.json").read_text(encoding="utf-8"))
        story, created = Story.objects.get_or_create(
            title=about["title"], defaults={"summary": about.get("summary", "")}
        )
        self.stdout.write(f"Story #{story.pk} “{story}” {'created' if created else 'already loaded'}")
        for name in sorted(manifest):
            article = self._load(directory / name, manifest[name])
            StoryArticle.objects.get_or_create(article=article, defaults={"story": story})
        compared = compare_all_pairs(story)
        self.stdout.write(f"Story #{story.pk}: {compared} pair(s) compared")

    def _load_versions(self, directory: Path) -> None:
        """The demo article with versions: each file, in name order, a newer text of the same article."""
        manifest = self._manifest(directory)
        for name in sorted(manifest):
            path = directory / name
            try:
                parsed = read_article(path)
            except ArticleFileError as error:
                raise CommandError(f"{path}: {error}") from None
            held = ArticleVersion.objects.filter(content_hash=content_hash(parsed.body)).first()
            if held is not None or Article.objects.filter(content_hash=content_hash(parsed.body)).exists():
                self.stdout.write(f"{name}: already loaded")
                continue
            article = import_article(parsed, manifest[name], filename=name)
            ensure_claims(article)
            latest = article.versions.order_by("-number").first()
            if latest is not None:
                read_changes(latest)  # at once, so that the demo shows it without the worker
            count = article.versions.count() or 1
            self.stdout.write(f"Article #{article.pk} “{article}” loaded as version {count}")

    def _manifest(self, directory: Path) -> dict[str, ArticleMeta]:
        try:
            return read_manifest(directory)
        except ArticleFileError as error:
            raise CommandError(str(error)) from None

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

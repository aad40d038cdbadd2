"""`manage.py import_articles PATH...`: store article files and their claims, reporting bad files."""

from __future__ import annotations

from argparse import ArgumentParser
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from articles.importing import ArticleFileError, metadata_for, read_article
from articles.management.arguments import date_argument, url_argument
from articles.services import DuplicateArticle, ensure_claims, import_article


def article_files(paths: list[Path]) -> Iterator[Path]:
    """Each named file, and the .txt files directly inside each named folder, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
        else:
            yield path


class Command(BaseCommand):
    help = (
        "Import plain-text articles (files, or folders of .txt files) and extract their claims. Outlet, "
        "publication date and URL come from the options, else from a manifest.json beside the file."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--outlet", default="", help="the outlet that published the articles")
        parser.add_argument("--published", type=date_argument, metavar="YYYY-MM-DD")
        parser.add_argument("--url", type=url_argument, help="the article's address (one file only)")

    def handle(self, *args: Any, **options: Any) -> None:
        files = list(article_files(options["paths"]))
        if not files:
            raise CommandError("no article files: the folders given hold no .txt files")
        if options["url"] and len(files) > 1:
            raise CommandError("--url names one article: give a single file with it")
        failed = 0
        for path in files:
            try:
                self._import(path, options)
            except (ArticleFileError, DuplicateArticle) as error:
                failed += 1
                self.stderr.write(f"{path}: {error}")
        imported = len(files) - failed
        self.stdout.write(f"{imported} of {len(files)} file(s) imported.")
        if failed:
            raise CommandError(f"{failed} file(s) could not be imported (see above).")

    def _import(self, path: Path, options: dict[str, Any]) -> None:
        parsed = read_article(path)
        meta = metadata_for(path)
        meta = replace(
            meta,
            outlet=options["outlet"] or meta.outlet,
            published=options["published"] or meta.published,
            url=options["url"] or meta.url,
        )
        article = import_article(parsed, meta, filename=path.name)
        claims = ensure_claims(article)
        self.stdout.write(f"{path}: imported as article #{article.pk} “{article}” ({claims} claims)")

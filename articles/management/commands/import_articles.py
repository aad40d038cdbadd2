"""`manage.py import_articles PATH_OR_URL...`: store articles (files, folders, web pages) and their claims,
reporting each one that cannot be imported."""

from __future__ import annotations

from argparse import ArgumentParser
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from articles.fetching import fetch
from articles.importing import ArticleFileError, metadata_for, read_article, read_document
from articles.management.arguments import date_argument, url_argument
from articles.services import DuplicateArticle, ensure_claims, import_article
from articles.stories import propose_story


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def article_files(paths: list[Path]) -> Iterator[Path]:
    """Each named file, and the .txt files directly inside each named folder, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
        else:
            yield path


class Command(BaseCommand):
    help = (
        "Import articles (plain-text or HTML files, folders of .txt files, or http(s) URLs of web pages) and "
        "extract their claims. Outlet, publication date and URL come from the options, else from a "
        "manifest.json beside the file or the page's metadata."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--outlet", default="", help="the outlet that published the articles")
        parser.add_argument("--published", type=date_argument, metavar="YYYY-MM-DD")
        parser.add_argument("--url", type=url_argument, help="the article's address (one file only)")

    def handle(self, *args: Any, **options: Any) -> None:
        sources: list[Path | str] = []
        for value in options["paths"]:
            sources.extend([value] if is_url(value) else article_files([Path(value)]))
        files = sources
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

    def _import(self, path: Path | str, options: dict[str, Any]) -> None:
        if isinstance(path, str):
            parsed, meta = read_document(path, fetch(path), url=path)
        elif path.suffix.lower() in (".html", ".htm"):
            parsed, meta = read_document(path.name, _read_bytes(path))
        else:
            parsed, meta = read_article(path), metadata_for(path)
        meta = replace(
            meta,
            outlet=options["outlet"] or meta.outlet,
            published=options["published"] or meta.published,
            url=options["url"] or meta.url,
        )
        name = path if isinstance(path, str) else path.name
        article = import_article(parsed, meta, filename=name[-255:])
        claims = ensure_claims(article)
        versions = article.versions.count()
        if versions > 1:  # the same URL (or outlet and headline) with a new text
            self.stdout.write(
                f"{path}: imported as version {versions} of article #{article.pk} “{article}” ({claims} claims)"
            )
        else:
            self.stdout.write(f"{path}: imported as article #{article.pk} “{article}” ({claims} claims)")
        proposed = propose_story(article)
        if proposed is not None:
            self.stdout.write(f"{path}: proposed for the story “{proposed.story}” (an editor confirms it)")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleFileError("no such file") from None
    except OSError as error:
        raise ArticleFileError(f"cannot be read: {error.strerror}") from None

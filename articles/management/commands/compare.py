"""`manage.py compare A B`: compare two article files with the claim engine, without touching the database."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from argparse import ArgumentParser
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from articles.engine import compare_texts, result_to_dict
from articles.importing import ArticleFileError, metadata_for, read_article
from articles.management.arguments import date_argument

_WIDTH = 100
_SECTIONS = [("conflict", "Conflicts"), ("partial", "Partly agree"), ("agree", "Agree")]


@dataclass(frozen=True, slots=True)
class _Side:
    title: str
    source: str
    published: dt.date | None
    body: str


def _read_side(path: Path, published: dt.date | None) -> _Side:
    """Title from the layout; published from the option, else the manifest beside it, else the date line."""
    try:
        parsed = read_article(path)
        meta = metadata_for(path)
    except ArticleFileError as error:
        raise CommandError(f"{path}: {error}") from None
    return _Side(parsed.title, meta.outlet, published or meta.published or parsed.dateline, parsed.body)


class Command(BaseCommand):
    help = (
        "Compare two article files claim by claim and print a summary, or with --json the comparison "
        "as JSON. Needs no database."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file_a", type=Path, help="article A (plain text)")
        parser.add_argument("file_b", type=Path, help="article B (plain text)")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print JSON, nothing else")
        parser.add_argument("--published-a", type=date_argument, metavar="YYYY-MM-DD")
        parser.add_argument("--published-b", type=date_argument, metavar="YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        a = _read_side(options["file_a"], options["published_a"])
        b = _read_side(options["file_b"], options["published_b"])
        result = compare_texts(
            a.body,
            b.body,
            a.published,
            b.published,
            title_a=a.title,
            title_b=b.title,
            source_a=a.source,
            source_b=b.source,
        )
        data = result_to_dict(result)
        if options["as_json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False))
        else:
            self.stdout.write(summary(data))


def summary(data: dict[str, Any]) -> str:
    """The comparison for a reader: linked claims grouped by relation, then the claims found on one side."""
    texts = {f"{side}:{c['id']}": c["text"] for side in "ab" for c in data[side]["claims"]}
    lines = [_heading("A", data["a"]), _heading("B", data["b"])]
    for relation, title in _SECTIONS:
        links = [link for link in data["links"] if link["relation"] == relation]
        lines += ["", f"{title} ({len(links)})"]
        for link in links:
            lines += _wrapped(f"A {link['a']}: ", texts[f"a:{link['a']}"])
            lines += _wrapped(f"B {link['b']}: ", texts[f"b:{link['b']}"])
            lines += _wrapped("   why: ", f"{link['explanation']} (score {link['score']})")
    for side, title in (("a", "Only in A"), ("b", "Only in B")):
        ids = data[f"only_{side}"]
        lines += ["", f"{title} ({len(ids)})"]
        for claim_id in ids:
            lines += _wrapped(f"{claim_id}: ", texts[f"{side}:{claim_id}"])
    counts = ", ".join(
        f"{sum(1 for link in data['links'] if link['relation'] == relation)} {title.lower()}"
        for relation, title in _SECTIONS
    )
    lines += ["", f"{counts}; {len(data['only_a'])} only in A, {len(data['only_b'])} only in B"]
    return "\n".join(lines)


def _heading(letter: str, document: dict[str, Any]) -> str:
    about = ", ".join(part for part in (document["source"], document["published"]) if part)
    claims = len(document["claims"])
    return (
        f"{letter}: {document['title'] or '(untitled)'}"
        + (f" — {about}" if about else "")
        + f" ({claims} claims)"
    )


def _wrapped(prefix: str, text: str) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width=_WIDTH,
        initial_indent="  " + prefix,
        subsequent_indent="  " + " " * len(prefix),
        break_on_hyphens=False,  # keeps names such as "Deir al-Zor" whole
    ) or ["  " + prefix]

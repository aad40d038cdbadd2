"""Build a deterministic synthetic archive for measuring the app at scale."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from articles.corpus.build import generate


class Command(BaseCommand):
    help = (
        "Add a synthetic archive: ARTICLES articles by varied outlets and dates (story versions read by the "
        "claim engine, their analyses stored and reused), COMPARISONS comparisons of articles telling the "
        "same story, and FLAGS editors' flags. The same seed gives the same archive; running it again adds "
        "only what is missing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--comparisons", type=int, default=500)
        parser.add_argument("--flags", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--stories",
            type=int,
            default=None,
            help="Use only the first STORIES stories (fewer engine reads).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        report = generate(
            articles=options["articles"],
            comparisons=options["comparisons"],
            flags=options["flags"],
            seed=options["seed"],
            stories=options["stories"],
            say=lambda line: self.stdout.write(f"  {line}"),
        )
        self.stdout.write(
            f"Added {report.articles} articles, {report.claims} claims, {report.comparisons} comparisons, "
            f"{report.links} links and {report.flags} flags in {time.perf_counter() - started:.1f} s "
            f"({report.versions_read} story versions, {report.pairs_compared} pairs compared by the engine)."
        )

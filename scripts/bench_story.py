"""Building a story of 10 articles from stored analyses, on a throwaway database: the 45 pairwise comparisons
(each article's analysis read once from the database, nothing parsed or encoded again), then the fact table.

The articles are the demo story's four reports (seeds/story/) and variants of them with other figures and
headlines. Reading them (parsing, encoding) happens first and is not timed. Prints the times and one
`BENCH ...` line; run with `make bench-story`.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from scratch import ROOT, scratch_database, setup_django, vendor

ARTICLES = 10
TARGET_SECONDS = 2.0


def _shifted(shift: int) -> Callable[[re.Match[str]], str]:
    return lambda match: str(int(match.group()) + shift)


def variants(texts: list[str], count: int) -> list[str]:
    """``count`` texts: the originals, then copies with every figure shifted and a headline of their own."""
    out: list[str] = []
    for i in range(count):
        text = texts[i % len(texts)]
        if i >= len(texts):
            shift = i // len(texts)
            text = re.sub(r"\b\d+\b", _shifted(shift), text)
            headline, rest = text.split("\n", 1)
            text = f"{headline} (update {shift})\n{rest}"
        out.append(text)
    return out


def main() -> int:
    seeds = ROOT / "seeds" / "story"
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    with scratch_database() as url:
        setup_django(url)
        import datetime as dt

        from articles.models import Article, Comparison, Outlet, Story, StoryArticle
        from articles.services import article_analysis
        from articles.stories import compare_all_pairs, story_table

        story = Story.objects.create(title="Benchmark story")
        started = time.perf_counter()
        for i, body in enumerate(variants(texts, ARTICLES)):
            outlet = Outlet.objects.create(name=f"Outlet {i + 1}")
            article = Article.objects.create(
                outlet=outlet, title=body.split("\n", 1)[0], body=body, published=dt.date(2025, 5, 14)
            )
            article_analysis(article)  # read and stored once: what the timed part starts from
            StoryArticle.objects.create(story=story, article=article)
        print(
            f"== story benchmark on {vendor(url)}: {ARTICLES} articles read in {time.perf_counter() - started:.1f} s"
        )

        runs: list[tuple[float, float]] = []
        for _ in range(3):
            Comparison.objects.all().delete()
            story = Story.objects.get(pk=story.pk)
            t0 = time.perf_counter()
            compared = compare_all_pairs(story)
            t1 = time.perf_counter()
            table = story_table(story)
            t2 = time.perf_counter()
            runs.append((t1 - t0, t2 - t1))
        assert compared == ARTICLES * (ARTICLES - 1) // 2, compared
        compare_s = statistics.median(r[0] for r in runs)
        table_s = statistics.median(r[1] for r in runs)
        total = compare_s + table_s
        print(
            f"{compared} pairwise comparisons from stored analyses: {compare_s:.2f} s (median of {len(runs)})"
        )
        print(
            f"fact table: {len(table.facts)} facts, {len(table.copy_groups)} same-copy groups: {table_s:.2f} s"
        )
        verdict = "under" if total < TARGET_SECONDS else "OVER"
        print(
            f"BENCH story articles={ARTICLES} pairs={compared} compare_s={compare_s:.2f} table_s={table_s:.2f} "
            f"total_s={total:.2f} ({verdict} the {TARGET_SECONDS:.0f} s target)"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())

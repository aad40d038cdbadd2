"""Benchmark of the claim engine: analysis per 1,000 words, comparing analysed articles, end to end, a naive
baseline and peak memory, for the seed pair and a pair ten times longer.

The baseline compares every sentence of A with every sentence of B with difflib.SequenceMatcher.
Run with `make bench`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import resource
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.engine import analyse, compare_analyses, compare_texts  # noqa: E402
from articles.engine.sentences import split_sentences  # noqa: E402

SEED_A = ROOT / "seeds" / "000_475460b12f2ee23d.txt"
SEED_B = ROOT / "seeds" / "004_d796ff16ba98fff6.txt"
PUBLISHED_A = dt.date(2016, 3, 28)
PUBLISHED_B = dt.date(2016, 3, 27)


def naive_baseline(text_a: str, text_b: str) -> list[tuple[int, int, float]]:
    """Best SequenceMatcher partner of every sentence of A among all sentences of B."""
    sa = [text_a[s:e] for s, e in split_sentences(text_a)]
    sb = [text_b[s:e] for s, e in split_sentences(text_b)]
    pairs = []
    for i, x in enumerate(sa):
        best = max(
            ((difflib.SequenceMatcher(None, x, y).ratio(), j) for j, y in enumerate(sb)), default=(0.0, -1)
        )
        pairs.append((i, best[1], best[0]))
    return pairs


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm caches and imports
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peak_rss_mib() -> float:
    """The process's peak resident memory: the models, their buffers and the Python heap."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def lengthen(text: str, times: int) -> str:
    """The article's paragraphs repeated: the same kind of text, ten times as much of it."""
    return "\n\n".join([text.strip()] * times)


def analyse_pair(ta: str, tb: str) -> None:
    analyse(ta, PUBLISHED_A)
    analyse(tb, PUBLISHED_B)


def main() -> None:
    a, b = SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8")
    cases = [("seed pair", a, b, 15), ("10x longer pair", lengthen(a, 10), lengthen(b, 10), 3)]
    figures: dict[str, dict[str, float]] = {}
    print(
        f"{'case':<17}{'words A+B':>10}{'analyse ms/1k words':>21}{'compare analysed ms':>21}"
        f"{'end-to-end ms':>15}{'baseline ms':>13}"
    )
    for name, ta, tb, runs in cases:
        words = len(ta.split()) + len(tb.split())
        analyse_both = median_seconds(partial(analyse_pair, ta, tb), runs)
        an_a, an_b = analyse(ta, PUBLISHED_A), analyse(tb, PUBLISHED_B)
        compare = median_seconds(partial(compare_analyses, an_a, an_b), runs)
        end_to_end = median_seconds(partial(compare_texts, ta, tb, PUBLISHED_A, PUBLISHED_B), runs)
        baseline = median_seconds(partial(naive_baseline, ta, tb), max(3, runs // 3))
        figures[name] = {
            "analyse": analyse_both * 1000 / words * 1000,
            "compare": compare * 1000,
            "end_to_end": end_to_end * 1000,
            "baseline": baseline * 1000,
        }
        f = figures[name]
        print(
            f"{name:<17}{words:>10}{f['analyse']:>21.1f}{f['compare']:>21.1f}"
            f"{f['end_to_end']:>15.1f}{f['baseline']:>13.1f}"
        )
    seed, long = figures["seed pair"], figures["10x longer pair"]
    growth = long["end_to_end"] / seed["end_to_end"]
    print(
        "targets: analyse <= 250 ms per 1,000 words; compare analysed seed pair <= 20 ms; "
        "10x longer pair <= 12x the seed pair end to end; peak <= 600 MiB"
    )
    print(
        f"BENCH analyse_ms_per_1000_words={seed['analyse']:.1f} compare_analysed_ms={seed['compare']:.1f} "
        f"end_to_end_ms={seed['end_to_end']:.1f} long_growth={growth:.1f} baseline_ms={seed['baseline']:.1f} "
        f"peak_mib={peak_rss_mib():.0f}"
    )


if __name__ == "__main__":
    main()

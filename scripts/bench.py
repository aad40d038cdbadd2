"""Benchmark of the claim engine: median time and peak memory of compare_texts against a naive baseline.

The baseline compares every sentence of A with every sentence of B with difflib.SequenceMatcher.
Run with `make bench`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.engine import compare_texts  # noqa: E402
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


def peak_mib(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def lengthen(text: str, times: int) -> str:
    """The article's paragraphs repeated: the same kind of text, ten times as much of it."""
    return "\n\n".join([text.strip()] * times)


def main() -> None:
    a, b = SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8")
    cases = [("seed pair", a, b, 30), ("10x longer pair", lengthen(a, 10), lengthen(b, 10), 5)]
    seed_engine = 0.0
    print(
        f"{'case':<18}{'words A+B':>10}{'engine ms':>11}{'baseline ms':>13}{'speed-up':>10}{'peak MiB':>10}"
    )
    for name, ta, tb, runs in cases:
        engine = median_seconds(partial(compare_texts, ta, tb, PUBLISHED_A, PUBLISHED_B), runs)
        baseline = median_seconds(partial(naive_baseline, ta, tb), max(3, runs // 3))
        memory = peak_mib(partial(compare_texts, ta, tb, PUBLISHED_A, PUBLISHED_B))
        words = len(ta.split()) + len(tb.split())
        print(
            f"{name:<18}{words:>10}{engine * 1000:>11.1f}{baseline * 1000:>13.1f}"
            f"{baseline / engine:>9.1f}x{memory:>10.1f}"
        )
        if name == "seed pair":
            seed_engine = engine
        else:
            print(f"10x longer / seed pair engine time: {engine / seed_engine:.1f}x")
    print(
        "targets: seed pair < 40 ms and >= 3x faster than the baseline; 10x longer pair < 15x the seed pair"
    )


if __name__ == "__main__":
    main()

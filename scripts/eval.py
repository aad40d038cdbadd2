"""Score the engine on every labelled pair with the shared evaluator (``make eval``).

Sets: the seed pair, the composed pairs in tests/data/pairs, and ../shared/dev when it is there. Prints one
line per pair and a pooled line per set (counts summed over pairs, as ../shared/eval_set.py pools them).
The shipped scorer was trained on every labelled pair, so ../shared/dev is scored leave-one-pair-out: each
pair by a scorer trained on all the other labelled pairs, with the shipped thresholds (set "dev"); the shipped
scorer's own figures on it follow as set "dev-shipped". The comparison runs in this process, so the models
load once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.engine import compare_texts, result_to_dict  # noqa: E402
from articles.engine.pipeline import compare_analyses  # noqa: E402
from articles.engine.scoring import trained_scorer  # noqa: E402
from articles.engine.training import GoldPair, _with_thresholds, find_pairs, fit_two_stages, load_pair  # noqa: E402
from articles.engine.types import ComparisonResult  # noqa: E402

SHARED = ROOT.parent / "shared"
# `scripts/eval.py -v` also prints each pair's misses and unexpected links, as the evaluator reports them.
VERBOSE = "-v" in sys.argv[1:]
EVALUATOR = SHARED / "eval_alignment.py"
ROWS = {
    "recall": r"required pairs found\s+(\d+)/(\d+)",
    "precision": r"link precision\s+\S+\s+\((\d+)/(\d+)\)",
    "only": r"only-in-one kept\s+(\d+)/(\d+)",
    "numbers": r"numbers read\s+(\d+)/(\d+)",
    "dates": r"dates resolved\s+(\d+)/(\d+)",
    "aliases": r"alias groups joined\s+(\d+)/(\d+)",
    "conflicts": r"conflicts caught\s+(\d+)/(\d+)",
}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


Pair = tuple[str, Path, Path, Path]


def compared(pair: Pair) -> ComparisonResult:
    """The pair compared by the shipped scorer."""
    _, path_a, path_b, gold_path = pair
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return compare_texts(
        path_a.read_text(encoding="utf-8"),
        path_b.read_text(encoding="utf-8"),
        _date(gold.get("a", {}).get("published")),
        _date(gold.get("b", {}).get("published")),
    )


def from_analyses(labelled: list[GoldPair], *, held_out: bool) -> Callable[[Pair], ComparisonResult]:
    """Each pair compared from the analyses already made of it: by the shipped scorer, or (``held_out``) by a
    scorer trained on the other labelled pairs, with the shipped thresholds."""
    shipped = trained_scorer()
    by_name = {p.name: p for p in labelled}

    def compare(pair: Pair) -> ComparisonResult:
        this = by_name[pair[0]]
        scorer = shipped
        if held_out:
            scorer = _with_thresholds(
                fit_two_stages([p for p in labelled if p is not this]),
                shipped.threshold,
                shipped.extra_threshold,
                shipped.near_best,
                shipped.conflict_threshold,
                shipped.mutual_threshold,
                shipped.elsewhere_threshold,
            )
        return compare_analyses(this.analysis_a, this.analysis_b, scorer=scorer)

    return compare


def score_set(name: str, pairs: list[Pair], compare: Callable[[Pair], ComparisonResult] = compared) -> None:
    totals = {k: [0, 0] for k in ROWS}
    false_conflicts = 0
    for pair in pairs:
        gold_path = pair[3]
        result = compare(pair)
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
            json.dump(result_to_dict(result), f, ensure_ascii=False)
        run = subprocess.run(
            [sys.executable, str(EVALUATOR), str(gold_path), f.name],
            capture_output=True,
            text=True,
            check=False,
        )
        Path(f.name).unlink()
        out = run.stdout
        for key, pattern in ROWS.items():
            m = re.search(pattern, out)
            if m:
                totals[key][0] += int(m.group(1))
                totals[key][1] += int(m.group(2))
        m = re.search(r"false conflicts\s+(\d+)", out)
        false_conflicts += int(m.group(1)) if m else 0
        last = out.strip().splitlines()[-1] if out.strip() else run.stderr.strip()[-200:]
        print(f"{name}/{pair[0]} {last}")
        if VERBOSE:
            print("\n".join(line for line in out.splitlines() if line.startswith("  ")))
    pooled = " ".join(f"{k}={n / d:.2f}" if d else f"{k}=n/a" for k, (n, d) in totals.items())
    print(f"POOLED {name} ({len(pairs)} pairs) {pooled} false_conflicts={false_conflicts}")


def main() -> None:
    if not EVALUATOR.is_file():
        sys.exit(f"the shared evaluator is not at {EVALUATOR}")
    seed = ("palmyra", ROOT / "seeds" / "000_475460b12f2ee23d.txt", ROOT / "seeds" / "004_d796ff16ba98fff6.txt",
            SHARED / "seeds" / "palmyra.gold.json")  # fmt: skip
    composed = find_pairs(ROOT / "tests" / "data" / "pairs")
    score_set("seed", [seed])
    score_set("composed", composed)
    if (SHARED / "dev").is_dir():
        dev = find_pairs(SHARED / "dev")
        # the labelled pairs the shipped scorer was trained on (as ``make train`` finds them)
        labelled = [
            load_pair(*item)
            for item in [(*seed[:3], ROOT / "tests" / "data" / "palmyra.gold.json"), *composed, *dev]
        ]
        score_set("dev", dev, from_analyses(labelled, held_out=True))
        score_set("dev-shipped", dev, from_analyses(labelled, held_out=False))


if __name__ == "__main__":
    main()

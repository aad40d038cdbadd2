"""Score the engine on every labelled pair with the shared evaluator (``make eval``).

Sets: the seed pair, the composed pairs in tests/data/pairs, and ../shared/dev when it is there. Prints one
line per pair and a pooled line per set (counts summed over pairs, as ../shared/eval_set.py pools them).
The comparison runs in this process, so the models load once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.engine import compare_texts, result_to_dict  # noqa: E402
from articles.engine.training import find_pairs  # noqa: E402

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


def score_set(name: str, pairs: list[tuple[str, Path, Path, Path]]) -> None:
    totals = {k: [0, 0] for k in ROWS}
    false_conflicts = 0
    for pair, path_a, path_b, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = compare_texts(
            path_a.read_text(encoding="utf-8"),
            path_b.read_text(encoding="utf-8"),
            _date(gold.get("a", {}).get("published")),
            _date(gold.get("b", {}).get("published")),
        )
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
        print(f"{name}/{pair} {last}")
        if VERBOSE:
            print("\n".join(line for line in out.splitlines() if line.startswith("  ")))
    pooled = " ".join(f"{k}={n / d:.2f}" if d else f"{k}=n/a" for k, (n, d) in totals.items())
    print(f"POOLED {name} ({len(pairs)} pairs) {pooled} false_conflicts={false_conflicts}")


def main() -> None:
    if not EVALUATOR.is_file():
        sys.exit(f"the shared evaluator is not at {EVALUATOR}")
    seed = ("palmyra", ROOT / "seeds" / "000_475460b12f2ee23d.txt", ROOT / "seeds" / "004_d796ff16ba98fff6.txt",
            SHARED / "seeds" / "palmyra.gold.json")  # fmt: skip
    score_set("seed", [seed])
    score_set("composed", find_pairs(ROOT / "tests" / "data" / "pairs"))
    if (SHARED / "dev").is_dir():
        score_set("dev", find_pairs(SHARED / "dev"))


if __name__ == "__main__":
    main()

"""Train the link scorer on the labelled pairs and write articles/engine/data/scorer.json (``make train``).

Uses the composed pairs and the seed gold kept in the project, and ``../shared/dev`` when it is there.
Prints leave-one-pair-out figures per pair and pooled, then the weights.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.engine.sameevent import WEIGHTS as SAME_EVENT_WEIGHTS  # noqa: E402
from articles.engine.sameevent import fit as fit_same_event  # noqa: E402
from articles.engine.scoring import WEIGHTS  # noqa: E402
from articles.engine.training import (  # noqa: E402
    GoldPair,
    _with_thresholds,
    find_pairs,
    fit_two_stages,
    leave_one_out,
    load_pair,
    same_event_data,
    same_event_held_out,
)

SOURCES = [ROOT / "tests" / "data" / "pairs", ROOT.parent / "shared" / "dev"]
SEED = ("palmyra", ROOT / "seeds" / "000_475460b12f2ee23d.txt", ROOT / "seeds" / "004_d796ff16ba98fff6.txt",
        ROOT / "tests" / "data" / "palmyra.gold.json")  # fmt: skip


def main() -> None:
    t0 = time.perf_counter()
    found = [SEED]
    for folder in SOURCES:
        if folder.is_dir():
            found += find_pairs(folder)
    pairs: list[GoldPair] = [load_pair(*item) for item in found]
    print(f"{len(pairs)} labelled pairs, {sum(len(p.y) for p in pairs)} candidate claim pairs, "
          f"{sum(int((p.y == 1).sum()) for p in pairs)} positive ({time.perf_counter() - t0:.1f} s)")  # fmt: skip
    figures, (threshold, extra, near, conflict, mutual, elsewhere), scores = leave_one_out(pairs)
    for p, s in zip(pairs, scores, strict=True):
        print(f"  held out {p.name:24} recall={s.recall:.2f} precision={s.precision:.2f} "
              f"false_conflicts={s.false_conflicts}")  # fmt: skip
    print(f"leave-one-pair-out pooled: recall={figures['recall']:.2f} precision={figures['precision']:.2f} "
          f"false_conflicts={figures['false_conflicts']:.0f} conflicts={figures['conflicts']:.2f} (threshold {threshold}, extra {extra}, near {near}, conflict {conflict}, mutual {mutual}, elsewhere {elsewhere})")  # fmt: skip
    dev = [(p, s) for p, s in zip(pairs, scores, strict=True) if p.name.startswith("dev")]
    if dev:
        req = sum(s.required for _, s in dev)
        links = sum(s.links for _, s in dev)
        print(f"leave-one-pair-out on ../shared/dev: recall={sum(s.required_found for _, s in dev) / req:.2f} "
              f"precision={sum(s.good_links for _, s in dev) / max(links, 1):.2f}")  # fmt: skip
    scorer = _with_thresholds(fit_two_stages(pairs), threshold, extra, near, conflict, mutual, elsewhere)
    WEIGHTS.write_text(json.dumps(scorer.to_json(), indent=1) + "\n", encoding="utf-8")
    x, y, names = same_event_data(pairs, scorer)
    wrong = same_event_held_out(x, y, names)
    print(f"same event, leave-one-pair-out: {len(wrong)} of {len(y)} judged wrongly "
          f"({int(y.sum())} same, {int(len(y) - y.sum())} different){': ' if wrong else ''}{', '.join(sorted(set(wrong))[:8])}")  # fmt: skip
    same_event = fit_same_event(x, y)
    SAME_EVENT_WEIGHTS.write_text(json.dumps(same_event.to_json(), indent=1) + "\n", encoding="utf-8")
    for name, w in sorted(zip(scorer.features, scorer.coef, strict=True), key=lambda kv: -abs(kv[1])):
        print(f"  {name:16} {w:+.3f}")
    print(
        f"wrote {WEIGHTS.relative_to(ROOT)} and {SAME_EVENT_WEIGHTS.relative_to(ROOT)} in {time.perf_counter() - t0:.1f} s"
    )


if __name__ == "__main__":
    main()

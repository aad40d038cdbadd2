from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from articles.engine import compare_texts, result_to_dict
from articles.engine.evaluation import score_comparison

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "palmyra.gold.json").read_text(encoding="utf-8"))


def seed_result() -> dict[str, object]:
    text_a = (ROOT / "seeds" / GOLD["a"]["file"]).read_text(encoding="utf-8")
    text_b = (ROOT / "seeds" / GOLD["b"]["file"]).read_text(encoding="utf-8")
    result = compare_texts(
        text_a,
        text_b,
        dt.date.fromisoformat(GOLD["a"]["published"]),
        dt.date.fromisoformat(GOLD["b"]["published"]),
    )
    return result_to_dict(result)


def test_the_seed_pair_finds_every_required_link_with_its_values() -> None:
    score = score_comparison(GOLD, seed_result())
    assert score.recall == 1.0, score.problems
    assert score.precision >= 0.9, score.problems
    assert score.numbers == 1.0 and score.dates >= 0.9 and score.aliases == 1.0, score.problems
    assert score.false_conflicts == 0, score.problems


def test_the_seed_pair_meets_the_hand_labelled_alignment() -> None:
    score = score_comparison(GOLD, seed_result())
    assert score.recall == 1.0, score.problems
    assert score.precision >= 0.9, score.problems
    assert score.only >= 0.9, score.problems
    assert score.numbers == 1.0, score.problems
    assert score.dates >= 0.9, score.problems
    assert score.aliases == 1.0, score.problems
    assert score.false_conflicts == 0, score.problems


def test_the_scorer_catches_a_missing_link() -> None:
    result = seed_result()
    links = result["links"]
    assert isinstance(links, list)
    result["links"] = [ln for ln in links if "400" not in result_claim_text(result, "a", ln["a"])]
    score = score_comparison(GOLD, result)
    assert score.recall < 1.0
    assert any("fighters-400" in p for p in score.problems)


def test_the_scorer_counts_a_conflict_on_an_agreeing_pair_as_false() -> None:
    result = seed_result()
    links = result["links"]
    assert isinstance(links, list)
    for ln in links:
        ln["relation"] = "conflict"
    assert score_comparison(GOLD, result).false_conflicts > 0


def result_claim_text(result: dict[str, object], side: str, claim_id: str) -> str:
    doc = result[side]
    assert isinstance(doc, dict)
    return next(c["text"] for c in doc["claims"] if c["id"] == claim_id)


PAIRS = sorted((ROOT / "tests" / "data" / "pairs").glob("*.gold.json")) + sorted(
    (ROOT / "tests" / "data" / "heldout").glob("*.gold.json")
)


def compare_pair(gold_path: Path) -> dict[str, object]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    folder = gold_path.parent
    result = compare_texts(
        (folder / gold["a"]["file"]).read_text(encoding="utf-8"),
        (folder / gold["b"]["file"]).read_text(encoding="utf-8"),
        dt.date.fromisoformat(gold["a"]["published"]),
        dt.date.fromisoformat(gold["b"]["published"]),
    )
    return result_to_dict(result)


# Composed pairs the trained scorer does not yet align as well as the bar below asks; open work.
BELOW_BAR: set[str] = set()


@pytest.mark.parametrize(
    "gold_path",
    [
        pytest.param(p, marks=pytest.mark.xfail(reason="recall below the bar with engine 2", strict=True))
        if p.name.split(".")[0] in BELOW_BAR
        else p
        for p in PAIRS
    ],
    ids=[p.name.split(".")[0] for p in PAIRS],
)
def test_composed_pairs_read_every_value_and_raise_no_false_conflict(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    score = score_comparison(gold, compare_pair(gold_path))
    assert score.false_conflicts == 0, score.problems
    assert score.numbers == 1.0, score.problems
    assert score.dates == 1.0, score.problems
    assert score.aliases >= 0.75, score.problems
    assert score.only >= 0.7, score.problems
    assert score.recall >= 0.35, score.problems


@pytest.mark.parametrize(
    ("read", "gold", "counts"),
    [
        ({"low": None, "high": 120}, {"low": 0, "high": 120}, True),  # "up to 120": no lower bound or 0
        ({"low": 0, "high": 120}, {"low": None, "high": 120}, True),
        ({"low": 400, "high": 400}, {"low": 400, "high": 400, "approximate": True}, True),  # "nearly 400"
        ({"low": None, "high": 400}, {"low": 400, "high": 400, "approximate": True}, True),  # ... at most 400
        ({"low": None, "high": 400}, {"low": 400, "high": 400}, False),  # an exact 400 is not "at most"
        (
            {"low": 40, "high": None, "low_inclusive": False},
            {"low": 40, "high": None, "low_inclusive": True},
            False,
        ),
    ],
)
def test_gold_numbers_are_read_as_the_shared_evaluator_reads_them(
    read: dict[str, object], gold: dict[str, object], counts: bool
) -> None:
    text = "They counted 400 of them."
    result = {
        side: {
            "body": text,
            "claims": [
                {
                    "id": f"{side}1",
                    "start": 0,
                    "end": len(text),
                    "quantities": [{"start": 13, "end": 16, **read}],
                }
            ],
        }
        for side in ("a", "b")
    } | {"links": []}
    score = score_comparison({"required": [], "numbers": [{"article": "a", "quote": "400", **gold}]}, result)
    assert score.numbers == (1.0 if counts else 0.0), score.problems

"""Scores a comparison (the `compare --json` dict) against a hand-labelled gold alignment file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(slots=True)
class Score:
    """How a comparison measures against gold; ``problems`` lists what went wrong, one line each."""

    required: int = 0
    required_found: int = 0
    links: int = 0
    good_links: int = 0
    false_conflicts: int = 0
    conflicts_total: int = 0  # required pairs whose preferred relation is conflict
    conflicts_caught: int = 0
    stray_conflicts: int = 0  # conflicts on links that no gold pair accepts
    only_total: int = 0
    only_kept: int = 0
    numbers_total: int = 0
    numbers_read: int = 0
    dates_total: int = 0
    dates_resolved: int = 0
    alias_groups: int = 0
    alias_joined: int = 0
    problems: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(num: int, den: int) -> float:
        return num / den if den else 1.0

    @property
    def recall(self) -> float:
        return self._ratio(self.required_found, self.required)

    @property
    def precision(self) -> float:
        return self._ratio(self.good_links, self.links) if self.links else 0.0

    @property
    def only(self) -> float:
        return self._ratio(self.only_kept, self.only_total)

    @property
    def numbers(self) -> float:
        return self._ratio(self.numbers_read, self.numbers_total)

    @property
    def dates(self) -> float:
        return self._ratio(self.dates_resolved, self.dates_total)

    @property
    def aliases(self) -> float:
        return self._ratio(self.alias_joined, self.alias_groups)

    def summary(self) -> str:
        return (
            f"recall={self.recall:.2f} precision={self.precision:.2f} only={self.only:.2f} "
            f"numbers={self.numbers:.2f} dates={self.dates:.2f} aliases={self.aliases:.2f} "
            f"false_conflicts={self.false_conflicts}"
        )


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _span(item: dict[str, Any]) -> Span:
    return int(item["start"]), int(item["end"])


def _without_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _number_read(q: dict[str, Any], g: dict[str, Any]) -> bool:
    """Whether quantity ``q`` reads gold number ``g``: counts are never negative ("up to 10" may be read with
    no lower bound or with 0), and an approximate figure ("nearly 400") as about 400 or with 400 as a bound."""
    low, high = q.get("low"), q.get("high")
    if g.get("approximate") and g["low"] is not None and g["low"] == g["high"] and g["low"] in (low, high):
        return True
    if not (low == g["low"] or (low in (None, 0) and g["low"] in (None, 0))) or high != g["high"]:
        return False
    return (
        "low_inclusive" not in g
        or g["low"] is None
        or bool(q.get("low_inclusive", True)) == g["low_inclusive"]
    )


def score_comparison(gold: dict[str, Any], result: dict[str, Any]) -> Score:
    """Measure ``result`` against ``gold`` (the format of tests/data/*.gold.json)."""
    sc = Score()
    body = {side: result[side]["body"] for side in ("a", "b")}
    claims = {side: {str(c["id"]): c for c in result[side]["claims"]} for side in ("a", "b")}

    def locate(side: str, quote: str) -> Span | None:
        at = body[side].find(quote)
        if at < 0:
            sc.problems.append(f"quote not found in {side}: {quote[:60]!r}")
            return None
        return at, at + len(quote)

    links = [
        (_span(claims["a"][str(ln["a"])]), _span(claims["b"][str(ln["b"])]), str(ln["relation"]), n)
        for n, ln in enumerate(result["links"])
        if str(ln["a"]) in claims["a"] and str(ln["b"]) in claims["b"]
    ]
    sc.links = len(links)
    linked = {"a": {str(ln["a"]) for ln in result["links"]}, "b": {str(ln["b"]) for ln in result["links"]}}

    def hits(pair: dict[str, Any]) -> list[tuple[Span, Span, str, int]]:
        ra, rb = locate("a", pair["a"]), locate("b", pair["b"])
        if ra is None or rb is None:
            return []
        return [ln for ln in links if _overlaps(ln[0], ra) and _overlaps(ln[1], rb)]

    good: set[int] = set()
    for pair in gold["required"]:
        sc.required += 1
        found = hits(pair)
        good.update(ln[3] for ln in found)
        if pair["relations"][0] == "conflict":
            sc.conflicts_total += 1
            sc.conflicts_caught += any(ln[2] == "conflict" for ln in found)
        if any(ln[2] in pair["relations"] for ln in found):
            sc.required_found += 1
        else:
            got = sorted({ln[2] for ln in found}) or "no link"
            sc.problems.append(
                f"required {pair.get('id', pair['a'][:30])}: got {got}, want {pair['relations']}"
            )
        if "conflict" not in pair["relations"]:
            sc.false_conflicts += sum(1 for ln in found if ln[2] == "conflict")
    for pair in gold.get("optional", []):
        for ln in hits(pair):
            good.add(ln[3])
            # as the shared evaluator: false only where the pair's relations exclude a conflict
            sc.false_conflicts += ln[2] == "conflict" and "conflict" not in pair.get(
                "relations", ["conflict"]
            )
    sc.good_links = len(good)
    for ln in links:
        if ln[3] not in good:
            sc.stray_conflicts += ln[2] == "conflict"
            sc.problems.append(
                f"unexpected [{ln[2]}] {body['a'][ln[0][0] : ln[0][1]][:50]!r} ~ {body['b'][ln[1][0] : ln[1][1]][:50]!r}"
            )

    for side in ("a", "b"):
        for quote in gold.get(f"only_{side}", []):
            sc.only_total += 1
            r = locate(side, quote)
            over = [cid for cid, c in claims[side].items() if r and _overlaps(_span(c), r)]
            if over and not any(cid in linked[side] for cid in over):
                sc.only_kept += 1
            else:
                sc.problems.append(f"only_{side} not kept apart: {quote[:60]!r}")

    for g in gold.get("numbers", []):
        sc.numbers_total += 1
        r = locate(g["article"], g["quote"])
        ok = any(
            _number_read(q, g)
            for c in claims[g["article"]].values()
            for q in c.get("quantities", [])
            if r and _overlaps(_span(q), r)
        )
        sc.numbers_read += ok
        if not ok:
            sc.problems.append(f"number {g['quote']!r}: want ({g['low']}, {g['high']})")

    for g in gold.get("dates", []):
        sc.dates_total += 1
        r = locate(g["article"], g["quote"])
        values = [
            str(d["value"])
            for c in claims[g["article"]].values()
            for d in c.get("dates", [])
            if r and _overlaps(_span(d), r)
        ]
        if g["value"] in values:
            sc.dates_resolved += 1
        else:
            sc.problems.append(f"date {g['quote']!r}: got {values}, want {g['value']}")

    for group in gold.get("aliases", []):
        if len(group) < 2:
            continue
        sc.alias_groups += 1
        names = {_without_the(n) for n in group}
        canon: dict[str, set[str]] = {}
        for side in ("a", "b"):
            for c in claims[side].values():
                for e in c.get("entities", []):
                    text = _without_the(e.get("text") or "")
                    if text in names:
                        canon.setdefault(text, set()).add(str(e.get("canonical")))
        ids = set().union(*canon.values()) if canon else set()
        if len(canon) >= 2 and len(ids) == 1:
            sc.alias_joined += 1
        else:
            sc.problems.append(f"aliases apart {group}: {canon}")
    return sc

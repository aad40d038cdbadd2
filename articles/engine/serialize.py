"""Turns engine results into the JSON shape of the `compare --json` contract."""

from __future__ import annotations

from typing import Any

from articles.engine.types import Claim, ComparisonResult, Document, Quantity


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "low": _number(q.low),
        "high": _number(q.high),
        "low_inclusive": q.low_inclusive,
        "high_inclusive": q.high_inclusive,
        "approximate": q.approximate,
        "unit": q.unit,
    }


def claim_to_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "kind": c.kind,
        "quantities": [quantity_to_dict(q) for q in c.quantities],
        "dates": [{"start": d.start, "end": d.end, "value": d.value} for d in c.dates],
        "entities": [
            {"start": e.start, "end": e.end, "text": e.text, "canonical": e.canonical} for e in c.entities
        ],
        "attribution": c.attribution,
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "body": doc.body,
        "claims": [claim_to_dict(c) for c in doc.claims],
    }


def result_to_dict(result: ComparisonResult) -> dict[str, Any]:
    """The contract's object: one pairwise entry in `links` for every A/B claim pair a link joins."""
    links: list[dict[str, Any]] = []
    for link in result.links:
        if link.relation in ("only_a", "only_b"):
            continue
        for a_id in link.a:
            for b_id in link.b:
                links.append(
                    {
                        "a": a_id,
                        "b": b_id,
                        "relation": link.relation,
                        "score": round(link.score, 3),
                        "explanation": link.explanation,
                    }
                )
    out = {
        "a": document_to_dict(result.a),
        "b": document_to_dict(result.b),
        "links": links,
        "only_a": result.only_a,
        "only_b": result.only_b,
    }
    if result.same_event is not None:
        out["same_event"] = result.same_event.to_dict()
    return out

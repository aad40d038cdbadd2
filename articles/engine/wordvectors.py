"""Word vectors for the encoding stage: a text's vector is the mean of its words' vectors, each word weighted
by how rare it is in general English, so that "torched" and "set on fire" or "search" and "manhunt" come
close even where the sentence encoder's whole-sentence view does not.

The vectors are distilled from all-MiniLM-L6-v2 by ``scripts/build_word_vectors.py`` (one WordPiece at a time
through the transformer, 128 principal components, half precision) and ship in ``data/``; reading a text
needs only its WordPieces and a table lookup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

DATA = Path(__file__).parent / "data"
WORD_DIMENSIONS = 128
# A word's weight is RARE / (RARE + its frequency in English): "the" counts for almost nothing, "quake" fully.
RARE = 1e-3
_MAX_WORD = 100
# Where a long claim is cut into parts for part-by-part similarity: punctuation, and words that join clauses.
_PART_BREAK = re.compile(r"[,;:()“”\"—–]| (?:and|but|while|after|before|who|which|when) ")
_PART_MIN_WORDS = 3


@cache
def _table() -> tuple[dict[str, int], NDArray[np.float32]]:
    vocab = (DATA / "word_vectors_vocab.txt").read_text(encoding="utf-8").splitlines()
    vectors = np.load(DATA / "word_vectors.npy").astype(np.float32)
    if vectors.shape != (len(vocab), WORD_DIMENSIONS):
        raise ValueError("word_vectors.npy does not match its vocabulary: run `make word-vectors`")
    return {piece: k for k, piece in enumerate(vocab)}, vectors


_WORD_OR_MARK = re.compile(r"[^\W_]+|[^\w\s]|_")


def words(text: str) -> list[str]:
    """BERT's basic tokenisation: lower case, accents removed, split on spaces and around punctuation."""
    folded = unicodedata.normalize("NFD", text.lower())
    if not folded.isascii():
        folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return _WORD_OR_MARK.findall(folded)


def pieces(word: str) -> list[int]:
    """The WordPiece ids of one word: the longest known prefix, then "##" pieces; [] if it cannot be cut."""
    index, _ = _table()
    if len(word) > _MAX_WORD:
        return []
    out: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            piece = word[start:end] if start == 0 else f"##{word[start:end]}"
            if piece in index:
                found = index[piece]
                break
            end -= 1
        if found is None:
            return []
        out.append(found)
        start = end
    return out


@lru_cache(maxsize=1 << 16)  # a long-running worker meets ever more words
def _word_vector(word: str) -> tuple[float, NDArray[np.float32]] | None:
    from wordfreq import word_frequency

    ids = pieces(word)
    if not ids:
        return None
    _, vectors = _table()
    weight = RARE / (RARE + word_frequency(word, "en"))
    return weight, vectors[ids].mean(axis=0)


def word_vectors(texts: list[str]) -> NDArray[np.float32]:
    """One unit-length vector per text (rows); zeros for a text without a known word."""
    out = np.zeros((len(texts), WORD_DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        total = np.zeros(WORD_DIMENSIONS, dtype=np.float32)
        for word in words(text):
            if not word.isalnum():
                continue
            found = _word_vector(word)
            if found is not None:
                total += found[0] * found[1]
        norm = float(np.linalg.norm(total))
        if norm > 0:
            out[row] = total / norm
    return out


@lru_cache(maxsize=16384)
def _unit_word_vector(word: str) -> NDArray[np.float32]:
    vector: NDArray[np.float32] = word_vectors([word])[0]
    vector.setflags(write=False)
    return vector


def single_word_vectors(words: list[str]) -> NDArray[np.float32]:
    """One unit-length vector per word (rows), as ``word_vectors`` gives them, each computed once."""
    if not words:
        return np.zeros((0, WORD_DIMENSIONS), dtype=np.float32)
    return np.vstack([_unit_word_vector(w) for w in words])


@lru_cache(maxsize=4096)
def word_similarity(word_a: str, word_b: str) -> float:
    """Cosine of two words' vectors ("quit" and "leave" 0.57, "kill" and "injure" 0.02); 1 for one word."""
    if word_a == word_b:
        return 1.0
    return float(_unit_word_vector(word_a) @ _unit_word_vector(word_b))


def parts(text: str) -> list[str]:
    """A claim cut at punctuation and clause-joining words into parts of at least three words (the whole
    text when none is that long): a long claim that bundles several facts matches each of them by a part."""
    found = [p.strip() for p in _PART_BREAK.split(text) if len(p.split()) >= _PART_MIN_WORDS]
    return found or [text]


def part_vectors(texts: list[str]) -> tuple[NDArray[np.float32], NDArray[np.intp]]:
    """The word vectors of every part of every text, and for each part the row of its text."""
    cut = [parts(text) for text in texts]
    owner = np.repeat(np.arange(len(cut)), [len(c) for c in cut])
    return word_vectors([p for c in cut for p in c]), owner

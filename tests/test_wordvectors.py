"""Word vectors: WordPieces, rarity-weighted means, and the parts of a long claim."""

from __future__ import annotations

import numpy as np

from articles.engine.wordvectors import WORD_DIMENSIONS, part_vectors, parts, pieces, word_vectors, words


def test_words_are_lower_cased_without_accents_and_split_around_punctuation() -> None:
    assert words("Café owner's car—hit at 2:17 a.m.") == [
        "cafe", "owner", "'", "s", "car", "—", "hit", "at", "2", ":", "17", "a", ".", "m", ".",
    ]  # fmt: skip


def test_an_unknown_word_is_cut_into_known_pieces() -> None:
    assert len(pieces("unbelievably")) >= 1
    assert pieces("x" * 200) == []


def test_every_text_gets_a_unit_vector_and_an_empty_one_gets_zeros() -> None:
    vectors = word_vectors(["The quake struck the island.", "", "..."])
    assert vectors.shape == (3, WORD_DIMENSIONS)
    assert abs(float(np.linalg.norm(vectors[0])) - 1.0) < 1e-5
    assert not vectors[1].any() and not vectors[2].any()


def test_a_paraphrase_is_closer_than_a_sentence_about_something_else() -> None:
    a, b, c = word_vectors([
        "The search is underway for the suspect.",
        "Police were still searching for him on Monday morning.",
        "The company makes lawn mowers and garden tools.",
    ])  # fmt: skip
    assert a @ b > a @ c + 0.2


def test_a_long_claim_is_cut_into_parts_at_punctuation_and_joining_words() -> None:
    text = "Militants blew up two temples, a triumphal arch and a dozen tower tombs during the occupation"
    assert parts(text) == [
        "Militants blew up two temples",
        "a triumphal arch",
        "a dozen tower tombs during the occupation",
    ]
    assert parts("Two died.") == ["Two died."]


def test_each_part_knows_its_claim() -> None:
    vectors, owner = part_vectors(["One, two and three more words here", "A short one"])
    assert list(owner) == [0] * (len(vectors) - 1) + [1]

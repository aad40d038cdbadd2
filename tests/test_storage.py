"""An article's analysis survives a round trip through JSON and bytes unchanged."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np

from articles.engine import (
    analyse,
    analysis_from_json,
    analysis_to_json,
    compare_analyses,
    encodings_to_bytes,
)
from articles.engine.serialize import result_to_dict

TEXT_A = (
    "Five people were killed and 12 injured when a gunman opened fire at a bank in Leeds on Monday, "
    "police said. The suspect, a 34-year-old man, was arrested two hours later."
)
TEXT_B = "A shooting at a Leeds bank on Monday left five dead and a dozen hurt. Police arrested a man, 34."
DAY = dt.date(2024, 5, 7)


def round_trip(text: str) -> tuple[object, object]:
    analysis = analyse(text, DAY)
    data = json.loads(json.dumps(analysis_to_json(analysis)))
    return analysis, analysis_from_json(text, data, encodings_to_bytes(analysis))


def test_stored_analysis_keeps_sentences_clauses_and_values() -> None:
    original, restored = round_trip(TEXT_A)
    assert restored.read.sentences == original.read.sentences
    assert restored.lemmas == original.lemmas
    assert restored.lemma_starts == original.lemma_starts and any(original.lemma_starts.values())
    assert restored.speakers == original.speakers
    assert restored.predicates == original.predicates and any(original.predicates.values())
    assert restored.published == DAY


def test_stored_analysis_keeps_a_date_line_as_a_date_line() -> None:
    original, restored = round_trip(
        f"Gunman kills five at a bank in Leeds\n\nUpdated 7/5/2024 6:04 PM\n\n{TEXT_A}"
    )
    assert restored.read.sentences == original.read.sentences
    assert [s.stamp for s in restored.read.sentences][:2] == [False, True]


def test_stored_encodings_are_close_to_the_originals() -> None:
    original, restored = round_trip(TEXT_A)
    for span, vector in original.encodings.items():
        assert np.allclose(restored.encodings[span], vector, atol=2e-3)


def test_comparing_stored_analyses_gives_the_same_links() -> None:
    a, stored_a = round_trip(TEXT_A)
    b, stored_b = round_trip(TEXT_B)
    fresh = result_to_dict(compare_analyses(a, b))
    stored = result_to_dict(compare_analyses(stored_a, stored_b))
    assert [(ln["a"], ln["b"], ln["relation"]) for ln in stored["links"]] == [
        (ln["a"], ln["b"], ln["relation"]) for ln in fresh["links"]
    ]


def test_stored_encodings_keep_the_clauses_without_their_speaker() -> None:
    original, restored = round_trip(TEXT_A)
    assert original.bare_encodings  # "…, police said" is encoded with and without its speaker
    assert restored.bare_encodings.keys() == original.bare_encodings.keys()
    for span, vector in original.bare_encodings.items():
        assert np.allclose(restored.bare_encodings[span], vector, atol=2e-3)


def test_stored_analysis_keeps_the_word_vectors_of_each_clauses_parts() -> None:
    original, restored = round_trip(TEXT_A)
    assert restored.part_encodings.keys() == original.part_encodings.keys() == set(original.clause_spans())
    for span, rows in original.part_encodings.items():
        assert rows.shape == restored.part_encodings[span].shape
        assert np.allclose(restored.part_encodings[span], rows, atol=2e-3)


def test_a_stored_analysis_keeps_what_was_read_with_its_names() -> None:
    from articles.engine import entities
    from articles.engine.entities import meta_of

    text = "Gov. Deval Patrick on Wednesday picked Mr. Cowan, his former chief of staff, for the Senate seat."
    analysis = analyse(text, DAY)
    data = json.loads(json.dumps(analysis_to_json(analysis)))
    blob = encodings_to_bytes(analysis)
    read = [meta_of(e) for s in analysis.read.sentences for e in s.entities]
    assert any(read)  # an office before one name, "Mr." before another
    entities._META.clear()  # as in another process, which never read the text
    restored = analysis_from_json(text, data, blob)
    assert [meta_of(e) for s in restored.read.sentences for e in s.entities] == read

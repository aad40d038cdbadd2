"""The analysis stage's encodings: every sentence encoded once, token by token, and each clause read off its
sentence's token rows, with its subject where that stands outside it and without its speaker."""

from __future__ import annotations

import numpy as np

from articles.engine.analysis import analyse
from articles.engine.encoder import encode

TEXT = (
    "Asa Hutchinson, a former Republican congressman from Arkansas who led the task force, released the report "
    "on Tuesday. The rescue effort is now winding down, the governor said. Aid workers began distributing food "
    "and blankets in the region."
)


def clause(analysis: object, words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return next(span for span in analysis.clause_spans() if span[0] == start)  # type: ignore[attr-defined]


def test_a_sentence_is_encoded_as_the_encoder_encodes_it_alone() -> None:
    analysis = analyse(TEXT)
    texts = [TEXT[s.start : s.end] for s in analysis.read.sentences]
    vectors = np.stack([analysis.sentence_encodings[s.index] for s in analysis.read.sentences])
    assert np.allclose(vectors, encode(texts), atol=1e-5)


def test_a_sentence_of_one_clause_gives_that_clause_its_vector() -> None:
    analysis = analyse(TEXT)
    span = clause(analysis, "Aid workers began")
    assert np.allclose(analysis.encodings[span], analysis.sentence_encodings[2], atol=1e-5)


def test_a_clause_of_a_longer_sentence_is_read_off_its_sentence() -> None:
    analysis = analyse(TEXT)
    led = analysis.encodings[clause(analysis, "Asa Hutchinson, a former")]
    alone = encode(["Asa Hutchinson, a former Republican congressman from Arkansas who led the task force"])[
        0
    ]
    assert led @ alone > 0.95
    assert led @ analysis.sentence_encodings[0] < 0.95  # not the whole sentence


def test_a_clause_whose_subject_stands_before_it_is_read_with_the_subjects_words() -> None:
    analysis = analyse(TEXT)
    released = analysis.encodings[clause(analysis, "released the report")]
    with_subject = encode(["Asa Hutchinson released the report on Tuesday."])[0]
    without = encode(["released the report on Tuesday."])[0]
    assert released @ with_subject > released @ without


def test_a_clause_without_its_speaker_is_read_without_those_words() -> None:
    analysis = analyse(TEXT)
    span = clause(analysis, "The rescue effort")
    fact = encode(["The rescue effort is now winding down"])[0]
    assert analysis.bare_encodings[span] @ fact > 0.9
    assert analysis.bare_encodings[span] @ fact > analysis.encodings[span] @ fact + 0.1


def test_a_sentence_the_article_repeats_reads_the_same_each_time() -> None:
    repeated = f"{TEXT}\n\n{TEXT}"
    analysis = analyse(repeated)
    spans = analysis.clause_spans()
    half = len(spans) // 2
    assert half and len(spans) == 2 * half
    for first, again in zip(spans[:half], spans[half:], strict=True):
        assert repeated[first[0] : first[1]] == repeated[again[0] : again[1]]
        assert np.array_equal(analysis.encodings[first], analysis.encodings[again])


def test_a_clause_knows_the_words_naming_each_of_its_speakers() -> None:
    analysis = analyse(
        "Some witnesses told police that when the gunman walked into the office around 10 a.m., he looked "
        "nervous, Police Chief Ann Fields said."
    )
    (found,) = analysis.speakers.values()
    assert [analysis.text[s:e] for s, e in found] == ["Some witnesses", "Police Chief Ann Fields"]
    (lemmas,) = analysis.lemmas.values()
    (starts,) = analysis.lemma_starts.values()
    assert {"gunman", "walk", "office", "look", "nervous"} <= set(lemmas)
    assert not {"say", "tell"} & set(lemmas)  # the verbs that report who spoke tell nothing of the fact
    assert dict(zip(lemmas, starts, strict=True))["nervous"] == analysis.text.index("nervous")

"""Bounds on claims: trimmed edges and no claim longer than MAX_CLAIM_CHARS, whatever the parse cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.engine.clauses import MAX_CLAIM_CHARS, finalise, looks_like_verb
from articles.engine.facts import clause_spans
from articles.engine.parse import parse


def test_finalise_trims_spaces_and_separators_at_the_edges() -> None:
    text = " , Rebels took the town; "
    assert [text[s:e] for s, e in finalise(text, [(0, len(text))])] == ["Rebels took the town"]


def test_finalise_trims_dashes_and_colons_that_open_a_clause() -> None:
    for text in (
        "— drew criticism from residents",
        "-- drew criticism from residents",
        ": drew criticism from residents",
    ):
        assert [text[s:e] for s, e in finalise(text, [(0, len(text))])] == ["drew criticism from residents"]


def test_finalise_trims_the_mark_of_a_list_item_but_not_a_minus() -> None:
    for text in ("• 300 homes were flooded", "- 300 homes were flooded", "* 300 homes were flooded"):
        assert [text[s:e] for s, e in finalise(text, [(0, len(text))])] == ["300 homes were flooded"]
    text = "-5 degrees at dawn"
    assert [text[s:e] for s, e in finalise(text, [(0, len(text))])] == [text]


def test_an_overlong_clause_is_cut_at_commas() -> None:
    sentence = ", ".join(["the old town hall on the corner of the square"] * 20) + "."
    spans = [(c.start, c.end) for c in clause_spans(parse(sentence), 0, len(sentence))]
    assert all(e - s <= MAX_CLAIM_CHARS for s, e in spans)
    assert len(spans) > 1
    assert all(sentence[e - 1] != "," for s, e in spans)


def test_the_verb_guess_knows_irregular_pasts_and_ed_forms() -> None:
    assert looks_like_verb("overran") and looks_like_verb("captured")
    assert not looks_like_verb("hundred") and not looks_like_verb("town")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_yields_ordered_bounded_spans(text: str) -> None:
    last = 0
    for s, e in finalise(text, [(0, len(text))]):
        assert last <= s < e <= len(text)
        assert e - s <= MAX_CLAIM_CHARS
        last = e

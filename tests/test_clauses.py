from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.engine.clauses import MAX_CLAIM_CHARS, split_clauses


def clauses(sentence: str) -> list[str]:
    return [sentence[s:e] for s, e in split_clauses(sentence, 0, len(sentence))]


def test_it_keeps_a_simple_sentence_whole() -> None:
    assert clauses("Five people died in the fire on Monday.") == ["Five people died in the fire on Monday."]


def test_it_cuts_at_but() -> None:
    got = clauses("Police said the gunman acted alone, but witnesses described a second man near the bank.")
    assert got == ["Police said the gunman acted alone", "witnesses described a second man near the bank."]


def test_it_cuts_a_trailing_participle_clause() -> None:
    got = clauses(
        "Rebels pulled out on Sunday morning, retreating to the towns of Hama and Homs to the north."
    )
    assert got == [
        "Rebels pulled out on Sunday morning",
        "retreating to the towns of Hama and Homs to the north.",
    ]


def test_it_cuts_an_including_clause() -> None:
    got = clauses("The storm destroyed many homes across the region, including the old town hall in Leeds.")
    assert got[1] == "including the old town hall in Leeds."


def test_it_keeps_a_verbless_subject_with_its_relative_clause() -> None:
    got = clauses(
        "The mayor, who took office last May, has been heavily criticised over the delays, despite a new budget."
    )
    assert got[0] == "The mayor, who took office last May"
    assert got[1] == "has been heavily criticised over the delays"


def test_it_cuts_a_relative_clause_after_a_complete_clause() -> None:
    got = clauses(
        "The fire started in the kitchen of a large hotel, which had failed two safety inspections in 2019."
    )
    assert got == [
        "The fire started in the kitchen of a large hotel",
        "which had failed two safety inspections in 2019.",
    ]


def test_it_does_not_cut_a_that_complement_of_a_speech_verb() -> None:
    sentence = "The ministry told reporters on Saturday that other buildings were still standing."
    assert clauses(sentence) == [sentence]


def test_it_cuts_a_long_relative_that_clause() -> None:
    got = clauses(
        "During the siege the militia destroyed two temples and a dozen tombs in a campaign of destruction "
        "that the agency described as a war crime."
    )
    assert got[1] == "that the agency described as a war crime."


def test_it_cuts_a_second_verb_phrase_joined_by_and() -> None:
    got = clauses("The group has since blown up several temples and looted relics from the museum.")
    assert got == ["The group has since blown up several temples", "looted relics from the museum."]


def test_it_does_not_cut_a_pair_of_nouns() -> None:
    sentence = "Army sappers were defusing mines and bombs planted inside the ancient site."
    assert clauses(sentence) == [sentence]


def test_it_cuts_at_a_semicolon() -> None:
    got = clauses("Two men were arrested at the scene; a third was detained later that evening.")
    assert got == ["Two men were arrested at the scene", "a third was detained later that evening."]


def test_it_offsets_spans_into_the_whole_text() -> None:
    text = "Headline\n\nThe bridge collapsed at noon, trapping dozens of drivers under the rubble."
    start = text.index("The bridge")
    spans = split_clauses(text, start, len(text))
    assert [text[s:e] for s, e in spans] == [
        "The bridge collapsed at noon",
        "trapping dozens of drivers under the rubble.",
    ]


def test_it_cuts_overlong_clauses() -> None:
    sentence = ", ".join(["the old town hall on the corner of the square"] * 20) + "."
    spans = split_clauses(sentence, 0, len(sentence))
    assert all(e - s <= MAX_CLAIM_CHARS for s, e in spans)
    assert len(spans) > 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_yields_ordered_spans_inside_the_sentence(text: str) -> None:
    spans = split_clauses(text, 0, len(text))
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert e - s <= MAX_CLAIM_CHARS
        last = e

from __future__ import annotations

from articles.diff import Run, word_diff


def _joined(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def _changed(runs: list[Run]) -> list[str]:
    return [run.text for run in runs if run.changed]


def test_it_marks_the_words_that_differ() -> None:
    a, b = word_diff("At least 12 people died on Monday.", "At least 15 people died on Sunday.")
    assert _changed(a) == ["12", "Monday."]
    assert _changed(b) == ["15", "Sunday."]


def test_the_runs_join_back_into_the_texts() -> None:
    text_a = "Rebels  took the town,\nofficials said."
    text_b = "Government forces took the town."
    a, b = word_diff(text_a, text_b)
    assert _joined(a) == text_a
    assert _joined(b) == text_b


def test_identical_texts_have_no_change() -> None:
    a, b = word_diff("The town fell.", "The town fell.")
    assert a == b == [Run("The town fell.", False)]


def test_case_and_edge_punctuation_are_not_changes() -> None:
    a, b = word_diff("The town fell, officials said", "the town fell officials said.")
    assert _changed(a) == _changed(b) == []


def test_words_only_in_one_text_are_marked_in_that_text() -> None:
    a, b = word_diff("Rebels took the town", "Rebels quickly took the town")
    assert _changed(a) == []
    assert _changed(b) == ["quickly"]


def test_an_empty_text_is_all_change_on_the_other_side() -> None:
    a, b = word_diff("", "Something happened")
    assert a == []
    assert _changed(b) == ["Something happened"]


def test_the_runs_carry_text_unescaped_for_the_template_to_escape() -> None:
    a, _ = word_diff("<script>alert(1)</script> said", "nothing said")
    assert a[0] == Run("<script>alert(1)</script>", True)


def test_a_word_moved_elsewhere_in_the_other_text_is_not_a_change() -> None:
    a, b = word_diff("On Monday rebels took the town", "Rebels took the town on Monday")
    assert _changed(a) == _changed(b) == []


def test_function_words_alone_are_not_marked() -> None:
    a, b = word_diff("Troops entered the city in 2013", "Troops entered a city by 2014")
    assert _changed(a) == ["2013"]
    assert _changed(b) == ["2014"]

from __future__ import annotations

from articles.highlight import Mark, highlight, relation_badge


def test_it_marks_each_span_and_keeps_the_text_between() -> None:
    html = highlight("One. Two. Three.", [Mark(5, 9, "claim-2", "agree"), Mark(0, 4, "claim-1", "only_a")])
    assert html.startswith('<mark class="claim rel-only_a" id="claim-1" title="only in A" tabindex="0"')
    icon = '<span class="rel-icon" aria-hidden="true">✓</span>'
    assert icon + '<span class="visually-hidden">(agree) </span>Two.</mark>' in html
    assert html.endswith("</mark> Three.")


def test_it_escapes_the_article_text_inside_and_outside_marks() -> None:
    body = "<script>alert(1)</script> & “quoted” <b>bold</b>"
    html = highlight(body, [Mark(body.index("<b>"), len(body), "claim-1", "conflict")])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quoted” " in html
    assert "&lt;b&gt;bold&lt;/b&gt;</mark>" in html


def test_without_marks_it_is_the_escaped_body() -> None:
    assert highlight("a < b\n\nc", []) == "a &lt; b\n\nc"


def test_it_leaves_out_overlapping_and_out_of_range_spans() -> None:
    html = highlight(
        "abcdef", [Mark(0, 4, "x", "agree"), Mark(2, 5, "y", "agree"), Mark(4, 99, "z", "agree")]
    )
    assert html.count("<mark") == 1
    assert html.endswith("</mark>ef")


def test_a_claim_outside_a_comparison_is_marked_plainly() -> None:
    assert 'class="claim rel-none"' in highlight("Fact.", [Mark(0, 5, "claim-1")])


def test_the_relation_badge_has_an_icon_and_words() -> None:
    assert relation_badge("conflict") == '<span class="rel-icon" aria-hidden="true">✗</span> conflict'
    assert relation_badge("only_b").endswith(" only in B")


def test_it_names_the_linked_claims_of_the_other_article() -> None:
    html = highlight("Fact.", [Mark(0, 5, "claim-1", "agree", partners=("claim-7", "claim-9"))])
    assert 'data-partners="claim-7 claim-9"' in html

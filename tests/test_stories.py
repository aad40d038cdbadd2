"""The story's fact table, same-copy detection and pair progress, from hand-made claims and links."""

from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_link

from articles.models import Article, Outlet, Story, StoryArticle
from articles.services import current_engine_version
from articles.stories import (
    UnionFind,
    copy_overlap,
    progress,
    same_copy_groups,
    shingles,
    story_table,
)

WIRE = (
    "Ferry capsizes\n\nAt least 12 people were killed when a passenger ferry capsized on the lake on Wednesday "
    "morning, officials said. Rescue boats pulled 40 people from the water and eight are still missing.\n"
)


def _outlet(name: str) -> Outlet:
    return Outlet.objects.get_or_create(name=name)[0]


def _story(*articles: Article) -> Story:
    story = Story.objects.create(title="Ferry capsizes")
    for article in articles:
        StoryArticle.objects.create(story=story, article=article)
    return story


def test_union_find_merges_transitively() -> None:
    sets = UnionFind()
    sets.union(1, 2)
    sets.union(2, 3)
    sets.find(4)
    groups = sorted(sorted(g) for g in sets.groups().values())
    assert groups == [[1, 2, 3], [4]]


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("One two three four five six seven eight.") == {"one two three four five six seven eight"}
    assert shingles("Too short to make one") == set()


def test_a_reprinted_copy_overlaps_whole_and_an_independent_report_barely() -> None:
    wire = shingles(WIRE)
    reprint = shingles("Twelve dead on the lake\n\n" + WIRE.split("\n\n", 1)[1])
    own = shingles(
        "Fourteen people died when a ferry overturned on the lake; 38 were rescued, officials said."
    )
    assert copy_overlap(wire, reprint) > 0.9
    assert copy_overlap(wire, own) < 0.1


@pytest.mark.django_db
def test_same_copy_groups_gather_the_outlets_that_print_one_text() -> None:
    a = make_article(body=WIRE, outlet=_outlet("The Valley Courier"))
    b = make_article(body="Twelve dead\n\n" + WIRE.split("\n\n", 1)[1], outlet=_outlet("Harbour Daily"))
    c = make_article(
        body="Fourteen people died when a ferry overturned on the lake, officials said on Wednesday.",
        outlet=_outlet("The Lakeside Post"),
    )
    groups = same_copy_groups([a, b, c])
    assert [g.outlet_names() for g in groups] == [["The Valley Courier", "Harbour Daily"]]


@pytest.mark.django_db
def test_the_fact_table_merges_linked_claims_and_marks_each_outlet() -> None:
    version = current_engine_version()
    a = make_article(outlet=_outlet("Alpha"), body="Twelve died. The mayor resigned. A bridge fell.")
    b = make_article(outlet=_outlet("Beta"), body="12 died. The mayor quit.")
    c = make_article(outlet=_outlet("Gamma"), body="Fourteen died.")
    a_died, a_mayor = (
        make_claim(a, "Twelve died.", engine_version=version),
        make_claim(a, "The mayor resigned.", engine_version=version),
    )
    a_bridge = make_claim(a, "A bridge fell.", engine_version=version)
    b_died, b_mayor = (
        make_claim(b, "12 died.", engine_version=version),
        make_claim(b, "The mayor quit.", engine_version=version),
    )
    c_died = make_claim(c, "Fourteen died.", engine_version=version)
    ab = make_comparison(article_a=a, article_b=b, engine_version=version)
    make_link(ab, claim_a=a_died, claim_b=b_died, relation="agree")
    make_link(ab, claim_a=a_mayor, claim_b=b_mayor, relation="partial")
    make_link(ab, claim_a=a_bridge, relation="only_a")
    bc = make_comparison(article_a=b, article_b=c, engine_version=version)
    make_link(bc, claim_a=b_died, claim_b=c_died, relation="conflict")
    make_comparison(article_a=a, article_b=c, engine_version=version)

    table = story_table(_story(a, b, c))

    deaths, mayor, bridge = table.facts
    assert [[cl.text for cl in cell.claims] for cell in deaths.cells] == [
        ["Twelve died."],
        ["12 died."],
        ["Fourteen died."],
    ]
    assert [cell.mark for cell in deaths.cells] == ["agree", "conflict", "conflict"]
    assert deaths.carried_by == 3 and deaths.is_disputed()
    assert [cell.mark for cell in mayor.cells] == ["partial", "partial", "absent"]
    assert [cell.mark for cell in bridge.cells] == ["only", "absent", "absent"]
    assert bridge.is_only_one() and not bridge.is_disputed()
    assert table.disputed() == [deaths, mayor]
    assert deaths.cells[1].comparison == bc
    pair = table.matrix[0][1]
    assert pair is not None and pair.comparison == ab
    assert (pair.counts["agree"], pair.counts["partial"], pair.linked()) == (1, 1, 2)
    assert table.matrix[0][0] is None


@pytest.mark.django_db
def test_an_editors_verdict_of_not_the_same_fact_keeps_two_claims_apart() -> None:
    version = current_engine_version()
    a = make_article(outlet=_outlet("Alpha"), body="Twelve died.")
    b = make_article(outlet=_outlet("Beta"), body="Twelve were hurt.")
    comparison = make_comparison(article_a=a, article_b=b, engine_version=version)
    make_link(
        comparison,
        claim_a=make_claim(a, "Twelve died.", engine_version=version),
        claim_b=make_claim(b, "Twelve were hurt.", engine_version=version),
        relation="agree",
        verdict="unrelated",
    )
    table = story_table(_story(a, b))
    assert len(table.facts) == 2
    assert all(fact.is_only_one() for fact in table.facts)


@pytest.mark.django_db
def test_a_fact_carried_only_by_two_copies_of_one_text_counts_as_one_source() -> None:
    version = current_engine_version()
    a = make_article(outlet=_outlet("Alpha"), body=WIRE)
    b = make_article(outlet=_outlet("Beta"), body="Twelve dead\n\n" + WIRE.split("\n\n", 1)[1])
    text = "Rescue boats pulled 40 people from the water"
    comparison = make_comparison(article_a=a, article_b=b, engine_version=version)
    make_link(
        comparison,
        claim_a=make_claim(a, text, engine_version=version),
        claim_b=make_claim(b, text, engine_version=version),
    )
    table = story_table(_story(a, b))
    (fact,) = table.facts
    assert (fact.carried_by, fact.sources) == (2, 1)
    assert fact.is_only_one()
    assert table.sources() == 1
    assert table.matrix[0][1] is not None and table.matrix[0][1].same_copy


@pytest.mark.django_db
def test_progress_counts_the_compared_pairs_of_confirmed_articles_only() -> None:
    version = current_engine_version()
    a, b, c = make_article(), make_article(), make_article()
    story = _story(a, b, c)
    StoryArticle.objects.create(story=story, article=make_article(), status=StoryArticle.Status.PROPOSED)
    make_comparison(article_a=b, article_b=a, engine_version=version)
    make_comparison(article_a=a, article_b=c, engine_version="older")
    assert progress(story) == (1, 3)

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_article, make_claim, make_comparison, make_link
from django.test import Client

from articles.models import Outlet
from articles.search import Filters, fts5_query, parse_query, search_articles, search_claims


def test_it_reads_words_phrases_exclusions_and_alternatives() -> None:
    query = parse_query('rebels "at least 400" -Russia Palmyra OR Tadmur')
    assert query.groups == (("rebels",), ("at least 400",), ("palmyra", "tadmur"))
    assert query.excluded == ("russia",)


def test_operators_typed_by_a_reader_are_quoted_for_fts5() -> None:
    assert fts5_query(parse_query('NEAR(a b) AND "x*"')) == '"near a" AND "b" AND "x"'


def test_a_query_of_exclusions_alone_finds_nothing() -> None:
    assert not parse_query("-Russia")


@pytest.mark.django_db
def test_it_finds_articles_by_headline_or_text_best_first() -> None:
    body_match = make_article(title="Army enters town", body="Army enters town\n\nPalmyra was quiet.\n")
    title_match = make_article(
        title="Palmyra retaken", body="Palmyra retaken\n\nPalmyra, Palmyra and Palmyra again.\n"
    )
    make_article(title="Floods in Valencia", body="Floods in Valencia\n\nRain fell.\n")
    hits = search_articles("palmyra", Filters(), offset=0, limit=10)
    assert [hit.obj for hit in hits] == [title_match, body_match]
    assert "<mark>Palmyra</mark>" in hits[1].snippet


@pytest.mark.django_db
def test_phrases_and_exclusions_narrow_the_results() -> None:
    phrase = make_article(body="Troops\n\nAt least 400 fighters died.\n")
    make_article(body="Troops\n\n400 fighters, at least, died.\n")
    russian = make_article(body="Troops\n\nAt least 400 fighters died, Russia said.\n")
    assert {h.obj for h in search_articles('"at least 400"', Filters(), offset=0, limit=10)} == {
        phrase,
        russian,
    }
    assert [h.obj for h in search_articles('"at least 400" -russia', Filters(), offset=0, limit=10)] == [
        phrase
    ]


@pytest.mark.django_db
def test_it_filters_by_outlet_and_dates_and_matches_an_outlet_name() -> None:
    reuters = Outlet.objects.create(name="Reuters")
    early = make_article(body="Strike\n\nTrains stopped.\n", published=dt.date(2024, 1, 5), outlet=reuters)
    late = make_article(body="Strike\n\nTrains stopped again.\n", published=dt.date(2024, 6, 5))
    assert [h.obj for h in search_articles("trains", Filters(outlet=reuters), offset=0, limit=10)] == [early]
    since = Filters(published_from=dt.date(2024, 3, 1))
    assert [h.obj for h in search_articles("trains", since, offset=0, limit=10)] == [late]
    assert [h.obj for h in search_articles("reuters", Filters(), offset=0, limit=10)] == [early]


@pytest.mark.django_db
def test_the_index_follows_edits_and_deletions() -> None:
    article = make_article(title="Old words", body="A report\n\nNothing here.\n")
    article.title = "Fresh headline"
    article.save()
    assert [h.obj for h in search_articles("fresh", Filters(), offset=0, limit=10)] == [article]
    assert search_articles("old", Filters(), offset=0, limit=10) == []
    article.delete()
    assert search_articles("fresh", Filters(), offset=0, limit=10) == []


@pytest.mark.django_db
def test_claims_can_be_narrowed_to_one_relation() -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    died = make_claim(comparison.article_a, "At least 12 people died.")
    make_link(comparison, relation="conflict", claim_a=a, claim_b=b)
    make_link(comparison, relation="only_a", claim_a=died)
    conflicts = search_claims("town", Filters(relation="conflict"), offset=0, limit=10)
    assert {h.obj for h in conflicts} == {a, b}
    assert search_claims("died", Filters(relation="conflict"), offset=0, limit=10) == []
    assert [h.obj for h in search_claims("died", Filters(), offset=0, limit=10)] == [died]


@pytest.mark.django_db
def test_the_page_shows_snippets_with_the_text_escaped(journalist_client: Client) -> None:
    make_article(title="Palmyra <b>news</b>", body="Palmyra <b>news</b>\n\nIn Palmyra <script>x</script>.\n")
    html = journalist_client.get("/search/?q=Palmyra").content.decode()
    assert "<mark>Palmyra</mark>" in html
    assert "<script>x</script>" not in html
    assert "Palmyra &lt;b&gt;news&lt;/b&gt;" in html  # the headline as written, escaped


@pytest.mark.django_db
def test_the_page_links_to_the_next_page_of_results(journalist_client: Client) -> None:
    for n in range(21):
        make_article(title=f"Quake {n}", body=f"Quake {n}\n\nThe quake struck.\n")
    html = journalist_client.get("/search/?q=quake").content.decode()
    assert 'rel="next" href="?q=quake&amp;page=2"' in html
    second = journalist_client.get("/search/?q=quake&page=2").content.decode()
    assert second.count('class="headline"') == 1


@pytest.mark.django_db
def test_an_htmx_search_gets_the_results_alone(journalist_client: Client) -> None:
    html = journalist_client.get("/search/?q=x", headers={"HX-Request": "true"}).content.decode()
    assert 'id="results"' in html
    assert "<html" not in html


@pytest.mark.django_db
def test_the_home_search_finds_comparisons_by_words_of_either_article(journalist_client: Client) -> None:
    wanted = make_comparison(article_b=make_article(body="Quake\n\nIt hit Kermanshah at night.\n"))
    make_comparison()
    html = journalist_client.get("/?q=kermanshah").content.decode()
    assert wanted.get_absolute_url() in html
    assert html.count('class="headline" href="/comparisons/') == 2  # both columns of one row


@pytest.mark.django_db
def test_a_word_may_match_the_outlet_and_another_the_text() -> None:
    guardian = Outlet.objects.create(name="The Guardian")
    wanted = make_article(body="Army\n\nPalmyra was retaken.\n", outlet=guardian)
    make_article(body="Army\n\nPalmyra was retaken.\n\nSome more.\n")
    make_article(body="Floods\n\nRain.\n", outlet=guardian)
    assert [h.obj for h in search_articles("Palmyra Guardian", Filters(), offset=0, limit=10)] == [wanted]
    assert search_articles("Palmyra -Guardian", Filters(), offset=0, limit=10)[0].obj != wanted

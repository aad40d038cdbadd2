from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_link
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_requires_sign_in(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_it_lists_comparisons_newest_first_with_outlets_and_verdicts(journalist_client: Client) -> None:
    older = make_comparison(
        article_a=make_article(title="Old story A"), article_b=make_article(title="Old story B")
    )
    newer = make_comparison(
        article_a=make_article(title="New story A"), article_b=make_article(title="New story B")
    )
    response = journalist_client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(newer.get_absolute_url()) < html.index(older.get_absolute_url())
    assert "The Daily Example" in html
    assert 'class="verdict rel-conflict is-zero"' in html


def test_a_comparison_judged_two_events_is_marked_in_the_list(journalist_client: Client) -> None:
    make_comparison(
        article_a=make_article(title="Ferry capsizes"),
        article_b=make_article(title="Bakery wins prize"),
        same_event=False,
        same_event_why="probably different events: no names in common",
    )
    make_comparison(
        article_a=make_article(title="Ferry A"), article_b=make_article(title="Ferry B"), same_event=True
    )
    html = journalist_client.get("/").content.decode()
    assert html.count("probably different events</span>") == 1
    assert 'title="The engine judged them probably different events: no names in common"' in html


def test_it_lists_articles(journalist_client: Client) -> None:
    article = make_article(title="Quake hits the coast")
    html = journalist_client.get("/").content.decode()
    assert f'href="{article.get_absolute_url()}"' in html
    assert "Quake hits the coast" in html


def test_it_says_when_there_is_nothing_yet(journalist_client: Client) -> None:
    html = journalist_client.get("/").content.decode()
    assert "No comparisons yet." in html
    assert "No articles yet." in html


def test_with_nothing_yet_it_sends_staff_to_the_upload_page(admin_client: Client) -> None:
    html = admin_client.get("/").content.decode()
    assert '<div class="empty-state">' in html
    assert '<a href="/uploads/new/">Upload two reports of the same event</a>' in html
    assert "Comparing takes two articles, and none is stored yet." in html


def test_with_nothing_yet_a_journalist_is_told_what_will_appear(journalist_client: Client) -> None:
    html = journalist_client.get("/").content.decode()
    assert "A comparison appears here once two reports of the same event have been imported" in html
    assert "Articles appear here once an admin has uploaded them." in html
    assert 'href="/uploads/new/"' not in html


def test_with_two_articles_but_no_comparison_it_points_to_the_compare_form(journalist_client: Client) -> None:
    make_article(), make_article()
    html = journalist_client.get("/").content.decode()
    assert "No comparisons yet." in html
    assert '<a href="#compare-title">compare them</a>' in html
    assert "Comparing takes two articles" not in html


def test_with_one_article_it_says_comparing_takes_two(journalist_client: Client) -> None:
    make_article()
    html = journalist_client.get("/").content.decode()
    assert "Comparing takes two articles, and only one is stored yet." in html


def test_a_search_that_finds_nothing_offers_to_show_all(journalist_client: Client) -> None:
    make_comparison()
    html = journalist_client.get("/?q=zzz", headers={"HX-Request": "true"}).content.decode()
    assert "No comparison matches “zzz”." in html
    assert '<a href="/">Show all comparisons</a>' in html


def test_the_search_shows_a_spinner_in_its_field_and_fades_the_list_while_it_runs(
    journalist_client: Client,
) -> None:
    html = journalist_client.get("/").content.decode()
    assert 'hx-indicator="closest .busy-field, #comparison-list"' in html
    assert '<span class="busy" aria-hidden="true"></span>' in html
    assert '<section id="comparison-list" class="card busy-region"' in html


def test_every_verdict_pill_reads_in_words_and_numbers(journalist_client: Client) -> None:
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    make_link(comparison, relation="only_a", claim_a=claim)
    html = journalist_client.get("/").content.decode()
    assert '<ul class="verdicts" aria-label="Links by relation">' in html
    assert "only in A <strong>1</strong>" in html
    assert 'class="verdict rel-agree is-zero"' in html


def test_an_htmx_request_gets_the_comparison_list_alone(journalist_client: Client) -> None:
    make_comparison()
    response = journalist_client.get("/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="comparison-list"' in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_it_accepts_only_get(journalist_client: Client) -> None:
    assert journalist_client.post("/").status_code == 405


def test_it_searches_comparisons_by_headline_outlet_or_text(journalist_client: Client) -> None:
    quake = make_comparison(article_a=make_article(title="Quake hits the coast"))
    floods = make_comparison(article_b=make_article(title="Floods", body="Rivers burst their banks."))
    html = journalist_client.get("/?q=quake").content.decode()
    assert quake.get_absolute_url() in html and floods.get_absolute_url() not in html
    html = journalist_client.get("/?q=banks").content.decode()
    assert floods.get_absolute_url() in html and quake.get_absolute_url() not in html
    html = journalist_client.get("/?q=daily+example").content.decode()
    assert floods.get_absolute_url() in html and quake.get_absolute_url() in html


def test_the_search_is_a_real_form_that_htmx_runs_as_one_types(journalist_client: Client) -> None:
    html = journalist_client.get("/").content.decode()
    assert '<form method="get" action="/"' in html
    assert 'hx-trigger="input changed delay:250ms, search"' in html


def test_a_search_as_htmx_gets_the_matching_list_alone(journalist_client: Client) -> None:
    make_comparison(article_a=make_article(title="Quake hits the coast"))
    html = journalist_client.get("/?q=nothing-like-it", headers={"HX-Request": "true"}).content.decode()
    assert 'id="comparison-list"' in html and "<html" not in html
    assert "No comparison matches" in html


def test_headlines_are_escaped(journalist_client: Client) -> None:
    make_comparison(article_a=make_article(title='<script>alert(1)</script>"onmouseover=x'))
    html = journalist_client.get("/?q=%3Cscript%3E").content.decode()
    assert "<script>alert" not in html and '"onmouseover=' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=x" in html

from __future__ import annotations

import pytest
from conftest import make_article, make_comparison
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


def test_it_lists_articles(journalist_client: Client) -> None:
    article = make_article(title="Quake hits the coast")
    html = journalist_client.get("/").content.decode()
    assert f'href="{article.get_absolute_url()}"' in html
    assert "Quake hits the coast" in html


def test_it_says_when_there_is_nothing_yet(journalist_client: Client) -> None:
    html = journalist_client.get("/").content.decode()
    assert "No comparisons yet." in html
    assert "No articles yet." in html


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

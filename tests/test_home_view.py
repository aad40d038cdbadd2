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

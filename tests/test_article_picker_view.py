from __future__ import annotations

import pytest
from conftest import make_article
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_lists_the_articles_that_match(journalist_client: Client) -> None:
    quake, floods = make_article(title="Quake hits the coast"), make_article(title="Floods")
    html = journalist_client.get("/articles/pick/?field=article_b&q_article_b=quake").content.decode()
    assert html.lstrip().startswith('<div id="picker-article_b"')
    assert "<html" not in html
    assert f'value="{quake.pk}"' in html and f'value="{floods.pk}"' not in html


def test_it_keeps_the_chosen_article_selected(journalist_client: Client) -> None:
    quake = make_article(title="Quake hits the coast")
    html = journalist_client.get(
        f"/articles/pick/?field=article_a&q_article_a=quake&article_a={quake.pk}"
    ).content.decode()
    assert f'value="{quake.pk}" selected' in html


def test_it_says_when_nothing_matches(journalist_client: Client) -> None:
    make_article(title="Quake")
    assert "No article matches." in journalist_client.get("/articles/pick/?q_article_a=zzz").content.decode()


def test_headlines_are_escaped(journalist_client: Client) -> None:
    make_article(title="<script>alert(1)</script>")
    html = journalist_client.get("/articles/pick/?q_article_a=script").content.decode()
    assert "<script>alert" not in html


def test_the_home_page_has_a_search_for_each_side(journalist_client: Client) -> None:
    html = journalist_client.get("/").content.decode()
    assert 'hx-get="/articles/pick/?field=article_a"' in html
    assert 'hx-get="/articles/pick/?field=article_b"' in html


def test_it_requires_sign_in(client: Client) -> None:
    assert client.get("/articles/pick/")["Location"].startswith("/accounts/login/")


def test_each_picker_search_has_a_label_and_a_spinner(journalist_client: Client) -> None:
    html = journalist_client.get("/").content.decode()
    for name, label in (("article_a", "Article A"), ("article_b", "Article B")):
        assert (
            f'<label class="visually-hidden" for="picker-search-{name}">Search articles for {label}</label>'
            in html
        )
        assert f'<input id="picker-search-{name}" type="search"' in html
        assert f'hx-indicator="closest .busy-field, #picker-{name}"' in html


def test_the_home_page_does_not_say_nothing_matches_before_any_search(journalist_client: Client) -> None:
    assert "No article matches." not in journalist_client.get("/").content.decode()

from __future__ import annotations

import pytest
from conftest import make_article, make_claim
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_lists_articles_newest_first_with_their_claim_counts(journalist_client: Client) -> None:
    older = make_article(title="Older report")
    newer = make_article(title="Newer report")
    make_claim(newer, "At least 12 people died.", engine_version="2.0")
    html = journalist_client.get("/articles/").content.decode()
    assert html.index("Newer report") < html.index("Older report")
    assert older.get_absolute_url() in html


def test_it_shows_fifty_a_page_with_a_link_to_the_next(journalist_client: Client) -> None:
    for n in range(51):
        make_article(title=f"Report {n}")
    html = journalist_client.get("/articles/").content.decode()
    assert html.count('class="headline"') == 50
    assert 'rel="next" href="?page=2"' in html
    second = journalist_client.get("/articles/?page=2").content.decode()
    assert second.count('class="headline"') == 1
    assert "Report 0" in second
    assert 'rel="prev" href="?"' in second
    assert 'rel="next"' not in second


def test_a_page_past_the_end_says_so(journalist_client: Client) -> None:
    make_article()
    html = journalist_client.get("/articles/?page=9").content.decode()
    assert "No articles on this page." in html


def test_a_bad_page_number_shows_the_first_page(journalist_client: Client) -> None:
    make_article(title="Only report")
    assert "Only report" in journalist_client.get("/articles/?page=x").content.decode()


def test_the_home_page_links_to_every_article(journalist_client: Client) -> None:
    assert 'href="/articles/"' in journalist_client.get("/").content.decode()

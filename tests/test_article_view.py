from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_user
from django.test import Client

from articles.engine import ENGINE_VERSION

pytestmark = pytest.mark.django_db


def test_it_requires_sign_in(client: Client) -> None:
    article = make_article()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_the_article_with_its_claims_marked(journalist_client: Client) -> None:
    article = make_article(title="Dam <breaks>", body="Dam breaks\n\nThe dam broke at 4 <am>. Ten died.\n")
    claim = make_claim(article, "Ten died.", engine_version=ENGINE_VERSION)
    html = journalist_client.get(article.get_absolute_url()).content.decode()
    assert "Dam &lt;breaks&gt;" in html
    assert "The dam broke at 4 &lt;am&gt;." in html
    assert f'id="claim-{claim.pk}"' in html
    assert "1 claim read by engine" in html


def test_it_lists_the_comparisons_of_the_article(journalist_client: Client) -> None:
    comparison = make_comparison(article_b=make_article(title="The other report"))
    html = journalist_client.get(comparison.article_a.get_absolute_url()).content.decode()
    assert comparison.get_absolute_url() in html
    assert "The other report" in html


def test_an_htmx_request_gets_the_body_alone(journalist_client: Client) -> None:
    article = make_article()
    html = journalist_client.get(article.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert 'id="article-body"' in html
    assert "<html" not in html


def test_an_unknown_article_is_not_found(journalist_client: Client) -> None:
    assert journalist_client.get("/articles/999/").status_code == 404


def test_the_comparisons_beside_it_name_the_other_report_with_its_verdicts(journalist_client: Client) -> None:
    comparison = make_comparison(article_a=make_article(title="The other report"))
    html = journalist_client.get(comparison.article_b.get_absolute_url()).content.decode()
    assert '<aside class="card compared-with" aria-labelledby="article-comparisons-title">' in html
    assert f'<a class="headline" href="{comparison.get_absolute_url()}">The other report</a>' in html
    assert '<ul class="verdicts" aria-label="Links by relation">' in html


def test_an_article_compared_with_nothing_offers_to_compare_it(journalist_client: Client) -> None:
    html = journalist_client.get(make_article().get_absolute_url()).content.decode()
    assert "Not compared with another article yet." in html
    assert '<a href="/#compare-title">Compare it with another report</a>' in html


def test_readers_who_cannot_compare_are_not_offered_to(client: Client) -> None:
    client.force_login(make_user("reader"))
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert "Not compared with another article yet." in html
    assert "Compare it with another report" not in html

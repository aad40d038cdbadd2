from __future__ import annotations

import pytest
from conftest import make_claim, make_comparison, make_link
from django.test import Client

from articles.models import Comparison

pytestmark = pytest.mark.django_db


def test_it_requires_sign_in(client: Client) -> None:
    comparison = make_comparison()
    response = client.get(comparison.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_both_articles_with_claims_marked_by_relation(journalist_client: Client) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    only = make_claim(comparison.article_a, "At least 12 people died.")
    make_link(
        comparison, relation="conflict", claim_a=a, claim_b=b, explanation="A says Monday, B says Sunday"
    )
    make_link(comparison, relation="only_a", claim_a=only)
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert f'<mark class="claim rel-conflict" id="claim-{a.pk}"' in html
    assert f'<mark class="claim rel-conflict" id="claim-{b.pk}"' in html
    assert f'<mark class="claim rel-only_a" id="claim-{only.pk}"' in html
    assert "(conflict) " in html
    assert "A says Monday, B says Sunday" in html
    assert f'href="#claim-{only.pk}"' in html
    assert "Only in A (1)" in html and "Only in B (0)" in html


def test_the_seed_comparison_page_marks_every_stored_claim(
    journalist_client: Client, seed_comparison: Comparison
) -> None:
    html = journalist_client.get(seed_comparison.get_absolute_url()).content.decode()
    claims = seed_comparison.article_a.claims.count() + seed_comparison.article_b.claims.count()
    assert html.count('<mark class="claim') == claims
    assert "The Straits Times" in html and "The Guardian" in html


def test_an_htmx_request_gets_the_link_list_alone(journalist_client: Client) -> None:
    comparison = make_comparison()
    html = journalist_client.get(
        comparison.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()
    assert 'id="link-list"' in html
    assert "<html" not in html


def test_an_unknown_comparison_is_not_found(journalist_client: Client) -> None:
    assert journalist_client.get("/comparisons/999/").status_code == 404

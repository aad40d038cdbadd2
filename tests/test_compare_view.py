from __future__ import annotations

import pytest
from conftest import make_article, make_user
from django.test import Client

from articles.models import Comparison

pytestmark = pytest.mark.django_db


def test_it_compares_two_articles_and_opens_the_comparison(journalist_client: Client) -> None:
    a, b = make_article(), make_article()
    response = journalist_client.post("/comparisons/new/", {"article_a": a.pk, "article_b": b.pk})
    comparison = Comparison.objects.get()
    assert response.status_code == 302
    assert response["Location"] == comparison.get_absolute_url()
    assert (comparison.article_a, comparison.article_b) == (a, b)


def test_comparing_again_opens_the_stored_comparison(journalist_client: Client) -> None:
    a, b = make_article(), make_article()
    journalist_client.post("/comparisons/new/", {"article_a": a.pk, "article_b": b.pk})
    response = journalist_client.post(
        "/comparisons/new/", {"article_a": a.pk, "article_b": b.pk}, follow=True
    )
    assert Comparison.objects.count() == 1
    assert "already compared" in response.content.decode()


def test_an_article_cannot_be_compared_with_itself(journalist_client: Client) -> None:
    a = make_article()
    response = journalist_client.post("/comparisons/new/", {"article_a": a.pk, "article_b": a.pk})
    assert response.status_code == 400
    assert "Choose two different articles." in response.content.decode()
    assert not Comparison.objects.exists()


def test_it_needs_the_permission_to_add_comparisons(client: Client) -> None:
    client.force_login(make_user("reader"))
    a, b = make_article(), make_article()
    assert client.post("/comparisons/new/", {"article_a": a.pk, "article_b": b.pk}).status_code == 403


def test_it_accepts_only_post(journalist_client: Client) -> None:
    assert journalist_client.get("/comparisons/new/").status_code == 405


def test_anonymous_users_are_sent_to_sign_in(client: Client) -> None:
    response = client.post("/comparisons/new/", {})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")

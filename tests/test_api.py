from __future__ import annotations

import io

import pytest
from conftest import make_claim, make_comparison, make_link, make_user
from django.core.management import CommandError, call_command
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from articles.models import Comparison, Flag

pytestmark = pytest.mark.django_db


@pytest.fixture
def comparison() -> Comparison:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    link = make_link(comparison, relation="conflict", claim_a=a, claim_b=b, explanation="Monday or Sunday")
    Flag.open_on(link=link, by=None, note="check the day").change_status(Flag.Status.CONFIRMED, by=None)
    make_link(
        comparison, relation="only_a", claim_a=make_claim(comparison.article_a, "At least 12 people died.")
    )
    return comparison


def token_for(username: str) -> str:
    out = io.StringIO()
    call_command("create_api_token", username, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_anonymous_requests_are_refused_without_a_redirect(client: Client, comparison: Comparison) -> None:
    for url in ("/api/comparisons/", f"/api/comparisons/{comparison.pk}/", "/api/articles/", "/api/flags/"):
        assert client.get(url).status_code in (401, 403)


def test_a_token_from_the_command_opens_the_api(client: Client, comparison: Comparison) -> None:
    make_user("robot")
    token = token_for("robot")
    response = client.get("/api/comparisons/", headers={"Authorization": f"Token {token}"})
    assert response.status_code == 200
    assert response.json()["results"][0]["id"] == comparison.pk


def test_the_command_prints_the_same_token_again_and_rejects_unknown_users() -> None:
    make_user("robot")
    assert token_for("robot") == token_for("robot")
    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody", stdout=io.StringIO())


def test_a_wrong_token_is_refused(client: Client, comparison: Comparison) -> None:
    response = client.get("/api/comparisons/", headers={"Authorization": "Token nope"})
    assert response.status_code == 401


def test_a_comparison_lists_its_links_with_relation_explanation_and_flags(
    journalist_client: Client, comparison: Comparison
) -> None:
    data = journalist_client.get(f"/api/comparisons/{comparison.pk}/").json()
    assert data["counts"] == {
        "conflict": 1, "partial": 0, "agree": 0, "only_a": 1, "only_b": 0, "unrelated": 0
    }  # fmt: skip
    conflict = next(link for link in data["links"] if link["relation"] == "conflict")
    assert conflict["explanation"] == "Monday or Sunday"
    assert conflict["claim_a"]["text"] == "Rebels took the town on Monday."
    assert [flag["status"] for flag in conflict["flags"]] == ["confirmed"]
    only = next(link for link in data["links"] if link["relation"] == "only_a")
    assert only["claim_b"] is None


def test_lists_are_paginated_with_next_links(journalist_client: Client) -> None:
    for _ in range(51):
        make_comparison()
    data = journalist_client.get("/api/comparisons/").json()
    assert len(data["results"]) == 50
    assert data["next"].endswith("/api/comparisons/?page=2")


def test_the_comparison_list_costs_a_fixed_number_of_queries(
    journalist_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for _ in range(30):
        comparison = make_comparison()
        make_link(
            comparison,
            relation="only_a",
            claim_a=make_claim(comparison.article_a, "At least 12 people died."),
        )
    with django_assert_max_num_queries(5):
        assert journalist_client.get("/api/comparisons/").status_code == 200


def test_a_comparison_costs_a_fixed_number_of_queries(
    journalist_client: Client, comparison: Comparison, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    claim = comparison.article_a.claims.first()
    for _ in range(20):
        link = make_link(comparison, relation="only_a", claim_a=claim)
        Flag.open_on(link=link, by=None, note="again")
    with django_assert_max_num_queries(7):
        assert journalist_client.get(f"/api/comparisons/{comparison.pk}/").status_code == 200


def test_articles_claims_and_flags_are_listed(journalist_client: Client, comparison: Comparison) -> None:
    articles = journalist_client.get("/api/articles/").json()["results"]
    assert {a["id"] for a in articles} == {comparison.article_a_id, comparison.article_b_id}
    assert "body" not in articles[0]
    assert "body" in journalist_client.get(f"/api/articles/{comparison.article_a_id}/").json()
    claims = journalist_client.get(f"/api/claims/?article={comparison.article_a_id}").json()["results"]
    assert [c["text"] for c in claims] == ["Rebels took the town on Monday.", "At least 12 people died."]
    flags = journalist_client.get("/api/flags/?status=confirmed").json()["results"]
    assert [f["note"] for f in flags] == ["check the day"]


def test_the_schema_and_its_page(journalist_client: Client) -> None:
    schema = journalist_client.get("/api/schema/?format=json").json()
    assert "/api/comparisons/{id}/" in schema["paths"]
    html = journalist_client.get("/api/docs/").content.decode()
    assert "/api/comparisons/{id}/" in html
    assert "create_api_token" in html

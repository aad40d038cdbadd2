"""Every page costs a fixed number of queries, whatever the number of rows it lists."""

from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_link, make_user
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from articles.models import Comparison, Flag

pytestmark = pytest.mark.django_db

TEXT = "Rebels took the town on Monday."


@pytest.fixture
def archive() -> list[Comparison]:
    """Thirty comparisons of ten links each, flags on links and claims."""
    editor = make_user("flagger", "Editors")
    comparisons = []
    for n in range(30):
        comparison = make_comparison(
            article_a=make_article(title=f"Quake strikes {n}"),
            article_b=make_article(title=f"Quake hits {n}"),
        )
        a = make_claim(comparison.article_a, TEXT)
        b = make_claim(comparison.article_b, TEXT)
        for relation in ["agree", "partial", "conflict"] * 3:
            link = make_link(comparison, relation=relation, claim_a=a, claim_b=b)
        make_link(
            comparison,
            relation="only_a",
            claim_a=make_claim(comparison.article_a, "At least 12 people died."),
        )
        Flag.open_on(link=link, by=editor, note="which day?").change_status(Flag.Status.CONFIRMED, by=editor)
        Flag.open_on(claim=a, by=editor, note="source?")
        comparisons.append(comparison)
    return comparisons


@pytest.fixture
def admin_client(client: Client) -> Client:
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/", 12),
        ("/?page=2", 12),
        ("/?q=quake", 13),
        ("/articles/", 6),
        ("/flags/", 8),
        ("/flags/?status=confirmed", 8),
        ("/search/?q=quake", 10),
        ("/search/?q=Monday&relation=conflict", 10),
        ("/api/comparisons/", 6),
        ("/api/flags/", 6),
    ],
)
def test_lists_cost_a_fixed_number_of_queries(
    archive: list[Comparison],
    admin_client: Client,
    url: str,
    budget: int,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_max_num_queries(budget):
        assert admin_client.get(url).status_code == 200


def test_a_comparison_page_costs_a_fixed_number_of_queries_cold_and_warm(
    archive: list[Comparison], admin_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    url = archive[0].get_absolute_url()
    # Cold: the cached parts built, plus the editor's own tools (the claims to link, what was left over).
    with django_assert_max_num_queries(16):
        assert admin_client.get(url).status_code == 200
    # Warm: the session, the user, the comparison, and the editor's own tools.
    with django_assert_max_num_queries(7):
        assert admin_client.get(url).status_code == 200


def test_an_article_page_costs_a_fixed_number_of_queries(
    archive: list[Comparison], admin_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_max_num_queries(8):
        assert admin_client.get(archive[0].article_a.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    "model", ["article", "claim", "comparison", "link", "flag", "flagevent", "analysis", "outlet", "upload"]
)
def test_admin_lists_cost_a_fixed_number_of_queries(
    archive: list[Comparison],
    admin_client: Client,
    model: str,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    with django_assert_max_num_queries(9):
        assert admin_client.get(f"/admin/articles/{model}/").status_code == 200


def test_the_admin_searches_claims_by_their_words(archive: list[Comparison], admin_client: Client) -> None:
    html = admin_client.get("/admin/articles/claim/?q=died").content.decode()
    assert html.count('name="_selected_action"') == 30
    assert "At least 12 people died." in html
    assert TEXT not in html


def test_a_comparison_in_the_admin_costs_a_fixed_number_of_queries(
    archive: list[Comparison], admin_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_max_num_queries(10):
        assert admin_client.get(f"/admin/articles/comparison/{archive[0].pk}/change/").status_code == 200

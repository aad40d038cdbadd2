from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import make_article, make_claim, make_comparison, make_link, make_user
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from articles import caching
from articles.models import Analysis, Comparison, Flag, Link

pytestmark = pytest.mark.django_db


@pytest.fixture
def comparison() -> Comparison:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    make_link(comparison, relation="agree", claim_a=a, claim_b=b, explanation="both say Monday")
    return comparison


def page(client: Client, comparison: Comparison, **headers: Any) -> str:
    return client.get(comparison.get_absolute_url(), headers=headers).content.decode()


def test_a_warm_page_reads_its_parts_from_the_cache(
    journalist_client: Client, comparison: Comparison, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    cold = page(journalist_client, comparison)
    with django_assert_max_num_queries(5):  # session, user, its two permission queries, the comparison
        warm = page(journalist_client, comparison)
    masked_tokens = re.compile(r"[A-Za-z0-9]{64}")  # the CSRF token is masked afresh on every response
    assert masked_tokens.sub("", warm) == masked_tokens.sub("", cold)


def test_a_new_flag_shows_at_once(journalist_client: Client, comparison: Comparison) -> None:
    page(journalist_client, comparison)
    Flag.open_on(link=comparison.links.get(), by=None, note="Which Monday?")
    assert "Which Monday?" in page(journalist_client, comparison)


def test_a_status_change_shows_at_once(journalist_client: Client, comparison: Comparison) -> None:
    flag = Flag.open_on(link=comparison.links.get(), by=None, note="Which Monday?")
    assert "⚑ open" in page(journalist_client, comparison)
    flag.change_status(Flag.Status.DISMISSED, by=None, note="Same day")
    html = page(journalist_client, comparison)
    assert "⚑ dismissed" in html
    assert "Same day" in html


def test_a_changed_verdict_shows_at_once(journalist_client: Client, comparison: Comparison) -> None:
    assert "both say Monday" in page(journalist_client, comparison)
    link = comparison.links.get()
    link.relation, link.explanation = Link.Relation.CONFLICT, "A says Monday, B says Sunday"
    link.save()
    html = page(journalist_client, comparison)
    assert "A says Monday, B says Sunday" in html
    assert 'class="claim rel-conflict"' in html


def test_a_new_analysis_of_an_article_clears_its_comparisons(comparison: Comparison) -> None:
    built = []
    caching.cached_part(comparison.pk, "summary", lambda: built.append(1) or "x")
    caching.cached_part(comparison.pk, "summary", lambda: built.append(1) or "x")
    assert built == [1]
    Analysis.objects.create(article=comparison.article_a, engine_version="9", data={}, encodings=b"")
    caching.cached_part(comparison.pk, "summary", lambda: built.append(1) or "x")
    assert built == [1, 1]


def test_a_change_elsewhere_leaves_the_cache_alone(comparison: Comparison) -> None:
    built = []
    caching.cached_part(comparison.pk, "summary", lambda: built.append(1) or "x")
    other = make_comparison()
    make_link(other, relation="only_a", claim_a=make_claim(other.article_a, "At least 12 people died."))
    caching.cached_part(comparison.pk, "summary", lambda: built.append(1) or "x")
    assert built == [1]


def test_readers_never_see_each_others_csrf_token(comparison: Comparison) -> None:
    first, second = Client(), Client()
    first.force_login(make_user(group="Editors"))
    second.force_login(make_user(group="Editors"))
    html_first = page(first, comparison)
    html_second = page(second, comparison)
    token_first = first.cookies["csrftoken"].value
    assert caching.CSRF_SENTINEL not in html_first
    assert 'name="csrfmiddlewaretoken"' in html_second
    assert token_first not in html_second


def test_editors_and_readers_get_their_own_link_list(
    journalist_client: Client, comparison: Comparison
) -> None:
    editor = Client()
    editor.force_login(make_user(group="Editors"))
    assert "Set the verdict" in page(editor, comparison)
    assert "Set the verdict" not in page(journalist_client, comparison)
    assert "Flag a discrepancy" in page(journalist_client, comparison)


class BrokenCache:
    def __getattr__(self, name: str) -> Any:
        def fail(*args: Any, **kwargs: Any) -> None:
            raise ConnectionError("cache is down")

        return fail


def test_the_page_works_when_the_cache_is_down(
    journalist_client: Client, comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(caching, "cache", BrokenCache())
    html = page(journalist_client, comparison)
    assert "both say Monday" in html
    Flag.open_on(link=comparison.links.get(), by=None, note="Still saved")  # invalidation fails quietly
    assert "Still saved" in page(journalist_client, comparison)


def test_the_htmx_link_list_is_the_cached_fragment(journalist_client: Client, comparison: Comparison) -> None:
    html = page(journalist_client, comparison, HX_Request="true")
    assert 'id="link-list"' in html
    assert "<html" not in html


def test_a_second_comparison_of_an_article_refreshes_the_first(comparison: Comparison) -> None:
    built = []
    caching.cached_part(comparison.pk, "summary", lambda: built.append(1) or "x")
    make_comparison(article_a=comparison.article_a, article_b=make_article())
    caching.cached_part(comparison.pk, "summary", lambda: built.append(1) or "x")
    assert built == [1, 1]


def test_a_renamed_headline_shows_at_once(journalist_client: Client, comparison: Comparison) -> None:
    page(journalist_client, comparison)
    article = comparison.article_a
    article.title = "A corrected headline"
    article.save()
    assert "A corrected headline" in page(journalist_client, comparison)

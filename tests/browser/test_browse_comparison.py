from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browsing import screenshot
from conftest import make_link, make_user
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from articles.models import Comparison

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _with_a_conflict(comparison: Comparison) -> None:
    """The seed comparison has a conflict to filter to, made by hand if the engine found none."""
    if not comparison.links.filter(relation="conflict").exists():
        # Claims from the middle of each body, which the article columns show without scrolling the page.
        claims_a = list(comparison.article_a.claims.order_by("start"))
        claims_b = list(comparison.article_b.claims.order_by("start"))
        make_link(
            comparison,
            relation="conflict",
            claim_a=claims_a[len(claims_a) // 3],
            claim_b=claims_b[len(claims_b) // 3],
        )


def test_a_journalist_filters_the_seed_comparison_to_its_conflicts(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
) -> None:
    comparison = seed_comparison
    _with_a_conflict(comparison)
    page = open_page(make_user(group="Journalists"))
    page.goto("/")
    page.get_by_label("Search comparisons").fill("Palmyra Guardian")
    expect(page).to_have_url(re.compile(r"\?q=Palmyra(\+|%20)Guardian$"))
    expect(page.locator("#comparison-list h2")).to_contain_text("matching")
    screenshot(page, "home-search")
    page.locator("#comparison-list a.headline").first.click()
    expect(page.locator("h1")).to_contain_text("vs")
    expect(page.locator(".article-body mark.claim").first).to_be_visible()
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_role("link", name=re.compile(r"^Conflicts")).click()

    expect(page).to_have_url(re.compile(r"\?relation=conflict$"))
    expect(page.locator(".tab.is-active")).to_contain_text("Conflicts")
    expect(page.locator("#link-list .link-row.rel-conflict").first).to_be_visible()
    expect(page.locator("#link-list .link-row:not(.rel-conflict)")).to_have_count(0)
    assert page.evaluate("window.stillTheSamePage") is True  # swapped in place, not reloaded
    screenshot(page, "comparison-conflicts")

    page.keyboard.press("j")
    expect(page.locator("#link-list .link-row").first).to_be_focused()


def test_focusing_a_claim_highlights_its_counterpart(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
) -> None:
    comparison = seed_comparison
    _with_a_conflict(comparison)
    page = open_page(make_user(group="Journalists"))
    page.goto(comparison.get_absolute_url())
    claim = page.locator("[data-side=a] mark.claim[data-partners]:not([data-partners=''])").first

    claim.focus()

    partner = claim.get_attribute("data-partners").split()[0]  # type: ignore[union-attr]
    expect(claim).to_have_class(re.compile(r"\bis-active\b"))
    expect(page.locator(f"#{partner}")).to_have_class(re.compile(r"\bis-partner\b"))
    expect(page.locator(f"#{partner}")).to_be_in_viewport()
    screenshot(page, "comparison-counterpart")


def test_tabbing_to_a_claim_in_the_link_list_highlights_both_claims_in_the_articles(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
) -> None:
    comparison = seed_comparison
    _with_a_conflict(comparison)
    page = open_page(make_user(group="Journalists"))
    page.goto(comparison.get_absolute_url() + "?relation=conflict")
    page.locator(".tab").last.focus()

    page.keyboard.press("Tab")  # the first row's permalink
    page.keyboard.press("Tab")  # its claim in A

    row = page.locator("#link-list .link-row").first
    expect(row.locator(".claim-ref").first).to_be_focused()
    expect(row).to_have_class(re.compile(r"\bis-active\b"))
    for claim in (row.get_attribute("data-claims") or "").split():
        expect(page.locator(f"#{claim}")).to_have_class(re.compile(r"\bis-partner\b"))
        expect(page.locator(f"#{claim}")).to_be_in_viewport()

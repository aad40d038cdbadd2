"""The demo story and the demo article's versions in Chromium: the fact table, its disputed filter swapped
by htmx, the same-copy note and the matrix; the version page's diff and changed facts. Screenshots of both
pages land in artifacts/screenshots/."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from browsing import open_page_as, screenshot
from conftest import make_user
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from articles.models import ArticleVersion, Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def demo() -> None:
    call_command("load_seeds", stdout=io.StringIO())


def test_a_journalist_reads_the_story_and_filters_it_to_disputed_facts(
    open_page: Callable[[User], Page], demo: None
) -> None:
    story = Story.objects.get()
    page = open_page(make_user(group="Journalists"))
    page.goto("/stories/")
    page.get_by_role("link", name="Ferry capsizes on Lake Varden").click()
    expect(page).to_have_url(re.compile(rf"/stories/{story.pk}/$"))

    table = page.locator("table.fact-table")
    for outlet in ("The Valley Courier", "Harbour Daily", "The Lakeside Post", "Metro Evening"):
        expect(table.locator("thead")).to_contain_text(outlet)
    expect(page.locator(".copy-note")).to_contain_text("2 outlets carry the same copy")
    expect(page.locator("table.pair-matrix meter")).to_have_count(12)
    expect(table.locator(".only-one").first).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0
    screenshot(page, "story", full_page=True)
    all_rows = table.locator("tbody tr").count()
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_role("link", name=re.compile(r"^Disputed")).click()

    expect(page).to_have_url(re.compile(r"\?show=disputed$"))
    rows = page.locator("table.fact-table tbody tr")
    expect(rows.first).to_have_class(re.compile("is-disputed"))
    assert 0 < rows.count() < all_rows
    assert page.locator("table.fact-table tbody tr:not(.is-disputed)").count() == 0
    assert page.evaluate("window.stillTheSamePage") is True  # swapped by htmx, not reloaded
    screenshot(page, "story-disputed", full_page=True)

    page.locator("table.fact-table .fact-claim").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/#claim-\d+$"))


def test_the_version_page_shows_the_diff_and_the_changed_facts(
    open_page: Callable[[User], Page], demo: None
) -> None:
    version = ArticleVersion.objects.get(number=2)
    page = open_page(make_user(group="Journalists"))
    page.goto(f"/articles/{version.article_id}/")
    page.get_by_role("link", name="versions").click()
    expect(page.locator("table.version-list tbody tr")).to_have_count(2)
    page.get_by_role("link", name="Version 2").click()

    expect(page.locator(".diff-removed").first).to_contain_text("five")
    expect(page.locator(".diff-added").first).to_contain_text("24")
    expect(page.locator(".version-changes").first).to_contain_text("24")
    expect(page.locator(".version-removed", has_text="lucky")).to_contain_text("removed quote")
    assert page.evaluate(OVERFLOW) <= 0
    screenshot(page, "version", full_page=True)


def test_the_story_and_version_pages_keep_to_the_content_security_policy(
    browser: Browser, live_server: LiveServer, demo: None
) -> None:
    story = Story.objects.get()
    version = ArticleVersion.objects.get(number=2)
    page = open_page_as(browser, live_server, make_user(group="Journalists"), bypass_csp=False)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    try:
        for url in (
            f"/stories/{story.pk}/",
            f"/stories/{story.pk}/?show=disputed",
            version.get_absolute_url(),
        ):
            page.goto(url)
            page.wait_for_load_state("networkidle")
    finally:
        page.context.close()
    assert refused == []

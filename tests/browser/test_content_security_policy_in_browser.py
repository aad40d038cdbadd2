from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from browsing import open_page_as
from conftest import make_user
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from articles.models import Comparison

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_under_policy(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    page = open_page_as(browser, live_server, make_user("edith", "Editors", is_staff=True), bypass_csp=False)
    yield page
    page.context.close()


def test_the_pages_and_htmx_work_under_the_content_security_policy(
    page_under_policy: Page, seed_comparison: Comparison
) -> None:
    page = page_under_policy
    refused: list[str] = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    for path in ["/", seed_comparison.get_absolute_url(), "/flags/", "/uploads/new/"]:
        page.goto(path)
    # Enter in an article picker searches at once and does not send the compare form.
    page.goto("/")
    search = page.locator(".picker-search").first
    search.fill("Palmyra")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/$"))
    # htmx swaps under the policy: flag a link from the comparison page, then confirm it from the queue.
    page.goto(seed_comparison.get_absolute_url())
    row = page.locator("#link-list .link-row").first
    row_id = row.get_attribute("id")
    row.get_by_text("Flag a discrepancy").click()
    row.get_by_label("Note").fill("Which day?")
    row.get_by_role("button", name="Flag").click()
    expect(page.locator(f"#{row_id} .flag.status-open")).to_contain_text("Which day?")
    page.goto("/flags/")
    page.locator(".flag-item").first.get_by_role("button", name="Confirm").click()
    expect(page.locator(".flag-item .flag").first).to_have_class(re.compile(r"\bstatus-confirmed\b"))
    assert refused == []

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browsing import screenshot
from conftest import make_user
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from articles.models import Comparison, Flag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_flags_a_link_and_confirms_it_from_the_queue(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
) -> None:
    comparison = seed_comparison
    page = open_page(make_user("edith", "Editors"))
    page.goto(comparison.get_absolute_url())
    row = page.locator("#link-list .link-row").first
    row_id = row.get_attribute("id")

    row.get_by_text("Flag a discrepancy").click()
    row.get_by_label("Note").fill("Which day did the army enter? <b>check</b>")
    row.get_by_role("button", name="Flag").click()

    swapped = page.locator(f"#{row_id}")
    expect(swapped.locator(".flag.status-open")).to_contain_text("Which day did the army enter? <b>check</b>")
    assert Flag.objects.get().created_by.username == "edith"  # type: ignore[union-attr]
    screenshot(page.locator(f"#{row_id}").page, "flag-on-comparison")

    page.get_by_role("link", name="Flags", exact=True).click()
    flag = page.locator(".flag-item").first
    expect(flag).to_contain_text("Which day did the army enter?")
    flag.get_by_placeholder("Note (optional)").fill("Confirmed with the desk")
    flag.get_by_role("button", name="Confirm").click()

    expect(flag.locator(".flag")).to_have_class(re.compile(r"\bstatus-confirmed\b"))
    flag.get_by_text(re.compile(r"History \(2\)")).click()
    expect(flag).to_contain_text("Confirmed with the desk")
    page.get_by_label("Status").select_option("confirmed")
    expect(page).to_have_url(re.compile(r"status=confirmed"))
    expect(page.locator(".flag-item")).to_have_count(1)
    screenshot(page, "flags-queue")


def test_a_journalist_sees_the_flag_but_no_buttons(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
) -> None:
    comparison = seed_comparison
    Flag.open_on(link=comparison.links.first(), by=None, note="Doubtful")
    page = open_page(make_user(group="Journalists"))
    page.goto("/flags/")
    expect(page.locator(".flag-item")).to_contain_text("Doubtful")
    expect(page.get_by_role("button", name="Confirm")).to_have_count(0)

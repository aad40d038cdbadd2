"""While htmx waits for an answer, the part of the page it will change says so, and nothing moves."""

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

# At the moment each request leaves: which elements carry htmx's request class, which buttons are disabled,
# and where the watched elements sit, to compare with where they sat before.
RECORD_REQUESTS = """watched => {
  const box = selector => {
    const rect = document.querySelector(selector).getBoundingClientRect();
    return [rect.left + scrollX, rect.top + scrollY, rect.width, rect.height].join();
  };
  window.before = watched.map(box);
  window.sent = [];
  document.body.addEventListener("htmx:beforeSend", () => {
    window.sent.push({
      busy: [...document.querySelectorAll(".htmx-request")].map(el => el.id || el.classList[0]),
      disabled: [...document.querySelectorAll("button[disabled]")].map(el => el.textContent.trim()),
      moved: watched.filter((selector, i) => box(selector) !== window.before[i]),
    });
  });
}"""


def _sent(page: Page) -> list[dict[str, list[str]]]:
    page.wait_for_function("window.sent.length > 0")
    return page.evaluate("window.sent")  # type: ignore[no-any-return]


def test_searching_marks_the_field_and_the_list_as_busy_without_moving_them(
    open_page: Callable[[User], Page], seed_comparison: Comparison
) -> None:
    page = open_page(make_user(group="Journalists"))
    page.goto("/")
    page.evaluate(RECORD_REQUESTS, ["#comparison-list", ".search .button", ".search .busy"])

    page.get_by_label("Search comparisons").fill("Palmyra")

    sent = _sent(page)[0]
    assert "busy-field" in sent["busy"] and "comparison-list" in sent["busy"]
    assert sent["moved"] == []
    expect(page.locator(".htmx-request")).to_have_count(0)


def test_the_spinner_shows_only_while_a_request_runs(
    open_page: Callable[[User], Page], seed_comparison: Comparison
) -> None:
    page = open_page(make_user(group="Journalists"))
    page.goto("/")
    spinner = page.locator(".search .busy")
    expect(spinner).to_have_css("opacity", "0")

    page.locator(".search .busy-field").evaluate("el => el.classList.add('htmx-request')")

    expect(spinner).to_have_css("opacity", "1")
    expect(spinner).to_have_css("animation-name", "spin")
    screenshot(page, "home-searching")


def test_a_filter_tab_marks_the_link_list_as_busy(
    open_page: Callable[[User], Page], seed_comparison: Comparison
) -> None:
    page = open_page(make_user(group="Journalists"))
    page.goto(seed_comparison.get_absolute_url())
    page.evaluate(RECORD_REQUESTS, ["#link-list .tabs"])

    page.get_by_role("link", name=re.compile(r"^Agree")).click()

    sent = _sent(page)[0]
    assert "link-list" in sent["busy"] and sent["moved"] == []
    expect(page.locator(".tab.is-active")).to_contain_text("Agree")
    expect(page.locator("#link-list.htmx-request")).to_have_count(0)


def test_a_flag_action_disables_its_buttons_while_it_is_saved(
    open_page: Callable[[User], Page], seed_comparison: Comparison
) -> None:
    flag = Flag.open_on(link=seed_comparison.links.first(), by=None, note="Which day?")
    page = open_page(make_user(group="Editors"))
    page.goto("/flags/")
    page.evaluate(RECORD_REQUESTS, [f"#flag-{flag.pk}"])

    page.locator(f"#flag-{flag.pk}").get_by_role("button", name="Dismiss").click()

    sent = _sent(page)[0]
    assert "flag-actions" in sent["busy"]
    assert set(sent["disabled"]) >= {"Confirm", "Dismiss", "Resolve"}
    expect(page.locator(f"#flag-{flag.pk}")).to_have_class(re.compile(r"\bstatus-dismissed\b"))
    flag.refresh_from_db()
    assert flag.status == "dismissed"


def test_the_picker_search_marks_its_list_as_busy(
    open_page: Callable[[User], Page], seed_comparison: Comparison
) -> None:
    page = open_page(make_user(group="Journalists"))
    page.goto("/")
    page.evaluate(RECORD_REQUESTS, ["#picker-article_a"])

    page.get_by_label("Search articles for Article A").fill("Guardian")

    sent = _sent(page)[0]
    assert "busy-field" in sent["busy"] and "picker-article_a" in sent["busy"]
    expect(page.locator("#picker-article_a option")).to_have_count(1)

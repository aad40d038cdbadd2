"""The compare form warns, as soon as two articles are chosen, when they seem to report different events."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import screenshot
from conftest import make_article, make_comparison, make_user
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from articles.models import Article
from articles.services import current_engine_version

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def different_events(transactional_db: None) -> tuple[Article, Article]:
    """Two stored articles whose stored comparison judged them reports of different events."""
    quake = make_article(title="Quake kills ten in southern Iran")
    shooting = make_article(title="Gunman kills three at Detroit office")
    make_comparison(
        article_a=quake,
        article_b=shooting,
        engine_version=current_engine_version(),
        same_event=False,
        same_event_why="probably different events: no names in common; published 4 years apart",
    )
    return quake, shooting


def test_choosing_two_articles_about_different_events_shows_a_warning_before_comparing(
    different_events: tuple[Article, Article], open_page: Callable[[User], Page]
) -> None:
    quake, shooting = different_events
    page = open_page(make_user(group="Journalists"))
    page.goto("/")
    warning = page.locator("#same-event-check .same-event-warning")
    expect(warning).to_have_count(0)

    page.locator("#id_article_a").select_option(str(quake.pk))
    page.locator("#id_article_b").select_option(str(shooting.pk))

    expect(warning).to_contain_text("These articles may not report the same event.")
    expect(warning).to_contain_text("no names in common")
    warning.scroll_into_view_if_needed()
    screenshot(page, "compare-form-different-events")
    page.locator("#id_article_b").select_option(str(quake.pk))  # the same article twice: no judgement
    expect(warning).to_have_count(0)

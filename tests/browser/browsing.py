"""Helpers of the browser tests: Debian's headless Chromium through Playwright, and signed-in pages.

The `browser` fixture is in tests/conftest.py: a second conftest.py here would shadow that one's helpers.

Playwright's sync API runs an event loop in the test's thread, so Django's ORM must be told it is safe there.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from playwright.sync_api import Browser, Page
    from pytest_django.live_server_helper import LiveServer

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def open_page_as(browser: Browser, live_server: LiveServer, user: User, *, bypass_csp: bool = True) -> Page:
    """A 1440×900 page whose session is signed in as ``user`` (no trip through the sign-in form).

    Playwright evaluates the tests' own expressions (wait_for_function, evaluate) with eval, which the app's
    Content-Security-Policy forbids: the page ignores the policy unless ``bypass_csp`` is false.
    """
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, base_url=live_server.url, bypass_csp=bypass_csp
    )
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def screenshot(page: Page, name: str, *, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path

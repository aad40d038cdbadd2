"""Every page at a laptop's and a large monitor's size: nothing overflows sideways, and long text keeps a
comfortable line length. The full-page screenshots land in artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsing import screenshot
from conftest import SEED_B, make_user
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from articles.models import Comparison, Flag, Upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"laptop": (1280, 800), "monitor": (2560, 1440)}

# Characters a line past which the eye loses its way back to the next line's start.
MAX_LINE_CHARACTERS = 78

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# How wide the element's content box is in `ch` of its own font stack, whichever font the machine picks for
# it: the stylesheet sets its measures in `ch`, so this holds with or without Debian's default fonts.
LINE_CHARACTERS = """el => {
  const style = getComputedStyle(el);
  const probe = document.createElement("span");
  probe.style.cssText = "display: inline-block; width: 100ch; padding: 0; border: 0; position: absolute;";
  el.appendChild(probe);
  const ch = probe.getBoundingClientRect().width / 100;
  probe.remove();
  const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return width / ch;
}"""


def _check(page: Page, name: str, size: str) -> None:
    screenshot(page, f"{name}-{size}", full_page=True)
    assert page.evaluate(OVERFLOW) <= 0, f"{name} overflows sideways at {size}"
    for text in page.locator(".article-body, .lede, .link-claim, .empty-state").all():
        characters = text.evaluate(LINE_CHARACTERS)
        label = text.evaluate("el => el.className")
        assert characters <= MAX_LINE_CHARACTERS, f"{name} .{label}: {characters:.0f}ch a line at {size}"


def _uploaded(admin: User) -> Upload:
    """A third article, uploaded through the forms and read at once, compared with nothing yet."""
    client = Client()
    client.force_login(admin)
    client.post("/uploads/new/", {"pasted": SEED_B.read_text().replace("Palmyra", "the city of Palmyra", 1)})
    upload = Upload.objects.get()
    client.post(
        f"/uploads/{upload.batch}/review/",
        {
            f"u{upload.pk}-title": "Palmyra",
            f"u{upload.pk}-outlet": "The Guardian",
            f"u{upload.pk}-include": "on",
        },
    )
    upload.refresh_from_db()
    assert upload.article is not None, upload.error
    return upload


@pytest.mark.parametrize("size", SIZES)
def test_every_page_fits_the_screen(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
    browser: Browser,
    live_server: LiveServer,
    size: str,
) -> None:
    admin = make_user("root", is_staff=True, is_superuser=True)
    Flag.open_on(link=seed_comparison.links.first(), by=admin, note="Which day did the army enter?")
    upload = _uploaded(admin)
    unlinked = Comparison.objects.create(
        article_a=seed_comparison.article_a, article_b=upload.article, engine_version="test"
    )
    pages = {
        "home": "/",
        "article": seed_comparison.article_a.get_absolute_url(),
        "article-alone": upload.article.get_absolute_url(),  # type: ignore[union-attr]
        "comparison": seed_comparison.get_absolute_url(),
        "comparison-no-links": unlinked.get_absolute_url() + "?relation=conflict",
        "flags": "/flags/",
        "flags-none-match": "/flags/?status=dismissed",
        "upload": "/uploads/new/",
        "upload-progress": f"/uploads/{upload.batch}/",
        "not-found": "/articles/999/",
    }
    width, height = SIZES[size]
    page = open_page(admin)
    page.set_viewport_size({"width": width, "height": height})
    for name, url in pages.items():
        page.goto(url)
        _check(page, name, size)

    context = browser.new_context(viewport={"width": width, "height": height}, base_url=live_server.url)
    try:
        signed_out = context.new_page()
        signed_out.goto("/accounts/login/")
        _check(signed_out, "login", size)
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_pages_of_a_new_install_fit_the_screen(open_page: Callable[[User], Page], size: str) -> None:
    width, height = SIZES[size]
    page = open_page(make_user("root", is_staff=True, is_superuser=True))
    page.set_viewport_size({"width": width, "height": height})
    for name, url in {"home-empty": "/", "flags-empty": "/flags/"}.items():
        page.goto(url)
        _check(page, name, size)


def test_the_upload_review_fits_the_screen(
    open_page: Callable[[User], Page], seed_comparison: Comparison
) -> None:
    admin = make_user("root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    client.post("/uploads/new/", {"pasted": SEED_B.read_text().replace("Palmyra", "the city of Palmyra", 1)})
    page = open_page(admin)
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/uploads/{Upload.objects.get().batch}/review/")
        _check(page, "upload-review", size)

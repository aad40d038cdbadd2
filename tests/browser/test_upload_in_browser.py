from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pytest
from browsing import screenshot
from conftest import make_user
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import Page, expect

from articles.models import Article, Comparison, Upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = """<!doctype html><html><head><title>Palmyra retaken | The Courier</title>
<meta property="og:title" content="Syrian troops retake Palmyra">
<meta property="og:site_name" content="The Courier">
<meta property="article:published_time" content="2016-03-27T18:00:00Z">
<link rel="canonical" href="https://courier.example/palmyra"></head>
<body><nav>Home | World | Sport | Subscribe</nav><article><h1>Syrian troops retake Palmyra</h1>
<p>Syrian government forces recaptured the ancient city of Palmyra from Islamic State on Sunday, state media said.</p>
<p>At least 400 militants were killed in the fighting, a monitoring group said.</p>
<p>Army sappers began clearing mines planted in the ancient ruins, a military source said.</p>
<script>document.title = "hacked"</script></article>
<section class="comments"><p>Great article! Visit my site.</p></section></body></html>"""


@pytest.fixture
def database_task_backend() -> Iterator[None]:
    """Queue tasks in the database, as `make run` does, so that the worker runs them."""
    from asgiref.local import Local
    from django.tasks import task_backends

    def reset() -> None:
        task_backends.__dict__.pop("settings", None)
        task_backends._connections = Local(task_backends.thread_critical)

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        reset()
        yield
    reset()


def test_an_admin_uploads_an_html_page_and_sees_its_claims(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
    database_task_backend: None,
) -> None:
    seed = Article.objects.get(outlet__name="The Guardian")
    page = open_page(make_user("root", is_staff=True, is_superuser=True))
    page.goto("/")
    page.get_by_role("link", name="Upload").click()
    page.get_by_label("Files").set_input_files(
        [{"name": "palmyra.html", "mimeType": "text/html", "buffer": PAGE.encode()}]
    )
    page.get_by_role("button", name="Read the files").click()

    # Web pages are read by the worker; the page waiting for it opens the review once they are read.
    expect(page.locator("#upload-reading")).to_contain_text("1 of 1 still being read")
    call_command("worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())

    expect(page.get_by_label("Headline")).to_have_value("Syrian troops retake Palmyra")
    expect(page.get_by_label("Outlet")).to_have_value("The Courier")
    expect(page.get_by_label("URL")).to_have_value("https://courier.example/palmyra")
    page.get_by_label("Outlet").fill("The Courier (Beirut)")
    page.get_by_label(re.compile(re.escape(str(seed)))).check()
    screenshot(page, "upload-review")
    page.get_by_role("button", name="Save and read the claims").click()

    status = page.locator("#upload-status")
    expect(status).to_contain_text("0 of 1 done")
    expect(status).to_have_attribute("hx-trigger", "every 1s")

    call_command("worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())

    expect(status).to_contain_text("1 of 1 done", timeout=15_000)
    expect(status).not_to_have_attribute("hx-trigger", "every 1s")
    assert Upload.objects.get().status == "done"
    screenshot(page, "upload-progress")

    page.get_by_role("link", name="Syrian troops retake Palmyra").click()
    expect(page.locator("h1")).to_have_text("Syrian troops retake Palmyra")
    expect(page.locator(".kicker").first).to_contain_text("The Courier (Beirut)")
    expect(page.locator("#article-body mark.claim").first).to_be_visible()
    body = page.locator("#article-body").inner_text()
    assert "Subscribe" not in body and "hacked" not in body and "Great article" not in body
    screenshot(page, "uploaded-article")

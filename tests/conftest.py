"""Shared fixtures (signed-in clients, the stored seed comparison) and make_* helpers for model rows.

Model imports stay inside functions: the engine's tests also run without Django (`-p no:django`).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.test import Client
    from playwright.sync_api import Browser, Page
    from pytest_django.live_server_helper import LiveServer

    from articles.models import Article, Claim, Comparison, Link

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_A = SEEDS / "000_475460b12f2ee23d.txt"
SEED_B = SEEDS / "004_d796ff16ba98fff6.txt"

_unique = itertools.count(1)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True, scope="session")
def _fast_test_settings(request: pytest.FixtureRequest) -> Iterator[None]:
    if not request.config.pluginmanager.has_plugin("django"):
        yield
        return
    from django.test import override_settings

    # Static files straight from the source folders: the manifest storage would need collectstatic.
    # MD5 because real password hashing is slow on purpose.
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        STATIC_ROOT=None,
        WHITENOISE_USE_FINDERS=True,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        # Background tasks run at once, inside the request that queues them; browser tests use the worker.
        TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
        # The comparison page's parts are cached: in memory, emptied before each test (_empty_cache).
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    ):
        yield


@pytest.fixture(autouse=True)
def _empty_cache(request: pytest.FixtureRequest) -> None:
    """Row ids come back after a rolled-back test, so cached parts must not outlive their test."""
    if not request.config.pluginmanager.has_plugin("django"):
        return
    from django.core.cache import cache

    cache.clear()


def make_user(username: str = "", group: str | None = None, **overrides: Any) -> User:
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username or f"user{next(_unique)}", password="secret", **overrides)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_article(**overrides: Any) -> Article:
    from articles.models import Article, Outlet

    n = next(_unique)
    fields: dict[str, Any] = {
        "title": f"Rebels retake the town {n}",
        "body": f"Rebels retake the town {n}\n\nRebels took the town on Monday. At least 12 people died.\n",
        "published": dt.date(2016, 3, 28),
    }
    fields.update(overrides)
    if "outlet" not in fields:
        fields["outlet"] = Outlet.objects.get_or_create(name="The Daily Example")[0]
    return Article.objects.create(**fields)


def make_claim(article: Article, text: str, **overrides: Any) -> Claim:
    """A claim over the first occurrence of ``text`` in the article's body."""
    from articles.models import Claim

    start = article.body.index(text)
    fields: dict[str, Any] = {"engine_version": "test", "kind": "event"}
    fields.update(overrides)
    return Claim.objects.create(article=article, start=start, end=start + len(text), text=text, **fields)


def make_comparison(**overrides: Any) -> Comparison:
    from articles.models import Comparison

    fields: dict[str, Any] = {"engine_version": "test"}
    fields.update(overrides)
    fields.setdefault("article_a", make_article())
    fields.setdefault("article_b", make_article())
    return Comparison.objects.create(**fields)


def make_link(comparison: Comparison, **overrides: Any) -> Link:
    from articles.models import Link

    fields: dict[str, Any] = {"relation": "agree", "score": 0.9, "explanation": "both say so"}
    fields.update(overrides)
    return Link.objects.create(comparison=comparison, **fields)


@pytest.fixture
def journalist(db: None) -> User:
    return make_user("alice", "Journalists")


@pytest.fixture
def editor(db: None) -> User:
    return make_user("edith", "Editors")


@pytest.fixture
def journalist_client(client: Client, journalist: User) -> Client:
    client.force_login(journalist)
    return client


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright (tests/browser/browsing.py has the page helpers)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium "
            "(apt-get install chromium; .ci/run installs it).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Browser, live_server: LiveServer) -> Iterator[Callable[[User], Page]]:
    """Opens pages signed in as a user; closes them before the live server stops, so no request lingers."""
    from browsing import open_page_as

    pages: list[Page] = []

    def open_as(user: User) -> Page:
        pages.append(open_page_as(browser, live_server, user))
        return pages[-1]

    yield open_as
    for page in pages:
        page.context.close()


@pytest.fixture
def seed_comparison(db: None) -> Comparison:
    """The seed pair imported and compared, as `make run` leaves it (without the demo story and versions)."""
    from django.core.management import call_command

    from articles.models import Comparison

    call_command("load_seeds", "--skip-demo", stdout=io.StringIO())
    return Comparison.objects.get()


@pytest.fixture
def page_server() -> Iterator[Callable[[str, bytes, str], str]]:
    """A local HTTP server for URL imports: ``serve(path, body, content_type)`` returns the page's URL."""
    import http.server
    import threading

    pages: dict[str, tuple[bytes, str]] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path not in pages:
                self.send_error(404)
                return
            body, content_type = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> str:
        pages[path] = (body, content_type)
        return f"http://127.0.0.1:{server.server_address[1]}{path}"

    yield serve
    server.shutdown()
    server.server_close()


@pytest.fixture
def database_tasks() -> Iterator[None]:
    """Queue tasks in the database, as `make run` does, so that `manage.py worker` runs them."""
    from asgiref.local import Local
    from django.tasks import task_backends
    from django.test import override_settings

    def reset() -> None:
        task_backends.__dict__.pop("settings", None)
        task_backends._connections = Local(task_backends.thread_critical)

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        reset()
        yield
    reset()


def make_queued_upload(**overrides: Any) -> Any:
    """An upload saved as an article whose claims are read already, so that analysing it is quick."""
    import uuid

    from articles.engine import ENGINE_VERSION
    from articles.models import Upload

    article = overrides.pop("article", None) or make_article()
    if not article.claims.filter(engine_version=ENGINE_VERSION).exists():
        make_claim(article, "Rebels took the town on Monday.", engine_version=ENGINE_VERSION)
    fields: dict[str, Any] = {"batch": uuid.uuid4(), "filename": "story.txt", "status": "queued"}
    fields.update(overrides)
    return Upload.objects.create(article=article, body=article.body, title=article.title, **fields)

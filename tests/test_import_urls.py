from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from articles.fetching import FetchError, check_public, fetch
from articles.models import Article

pytestmark = pytest.mark.django_db

Serve = Callable[..., str]

STORY = b"""<!doctype html><html><head><title>Flood hits Exampleton</title>
<meta property="og:site_name" content="The Example Post">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Flood hits Exampleton</h1>
<p>Heavy rain flooded the town of Exampleton on Tuesday, forcing 300 people from their homes, officials said.</p>
<p>The river rose two metres overnight. Rescue teams used boats to reach people trapped on roofs.</p>
</article><footer>Copyright 2023 The Example Post</footer></body></html>"""

NAVIGATION = (
    b"""<html><head><title>Example News - Home</title></head><body>
<div class="cookie">We use cookies to improve your experience. By continuing to browse you accept our use of
cookies. Accept all cookies. Manage preferences. Read our privacy policy and cookie policy.</div><nav><ul>"""
    + b"".join(b'<li><a href="/s%d">Section %d news</a></li>' % (i, i) for i in range(20))
    + b"""</ul></nav><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""
)


def _command(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@override_settings(IMPORT_ALLOW_PRIVATE_URLS=True)
def test_import_articles_takes_a_url(page_server: Serve) -> None:
    url = page_server("/flood", STORY)
    out, _ = _command(url)
    article = Article.objects.get()
    assert (article.title, article.outlet_name(), str(article.published), article.url) == (
        "Flood hits Exampleton",
        "The Example Post",
        "2024-03-05",
        url,
    )
    assert "Home | World" not in article.body
    assert "1 of 1 file(s) imported." in out


@override_settings(IMPORT_ALLOW_PRIVATE_URLS=True)
def test_a_page_with_no_article_text_is_refused_and_nothing_stored(page_server: Serve) -> None:
    url = page_server("/home", NAVIGATION)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", url, stdout=io.StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith(url) and "no article text" in lines[0]
    assert not Article.objects.exists()


def test_an_html_file_of_navigation_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "home.html"
    path.write_bytes(NAVIGATION)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().startswith(f"{path}: no article text")
    assert not Article.objects.exists()


def test_no_date_is_invented_from_a_copyright_line(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(
        STORY.replace(b'<meta property="article:published_time" content="2024-03-05T10:00:00Z">', b"")
    )
    _command(str(path))
    assert Article.objects.get().published is None


@override_settings(IMPORT_ALLOW_PRIVATE_URLS=False)
def test_a_private_address_is_refused(page_server: Serve) -> None:
    url = page_server("/flood", STORY)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", url, stdout=io.StringIO(), stderr=err)
    assert "private or local address" in err.getvalue()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://[::1]/",
        "http://169.254.169.254/",
    ],
)
@override_settings(IMPORT_ALLOW_PRIVATE_URLS=False)
def test_private_and_local_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        check_public(url)


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        fetch(url)


@override_settings(IMPORT_ALLOW_PRIVATE_URLS=True)
def test_a_missing_page_says_what_the_server_answered(page_server: Serve) -> None:
    url = page_server("/flood", STORY).replace("/flood", "/gone")
    with pytest.raises(FetchError, match="404"):
        fetch(url)

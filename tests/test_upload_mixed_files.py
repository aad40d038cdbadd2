from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from articles.models import Upload

pytestmark = pytest.mark.django_db

GOOD = b"Flood hits Exampleton\n\nHeavy rain flooded the town on Tuesday, officials said.\n"
BOILERPLATE = b"""<html><body><div>We use cookies to improve your experience. Accept all cookies.</div>
<nav><a href="/a">World</a> <a href="/b">Sport</a></nav><footer>Copyright 2024. All rights reserved.</footer>
</body></html>"""
STORY = b"""<html><head><meta property="og:site_name" content="The Example Post"></head><body><article>
<h1>Storm closes the port</h1><p>A storm closed the port of Exampleton on Wednesday, the harbour master said,
and 40 ships waited offshore.</p><p>Ferries will sail again on Friday if the wind drops, officials said.</p>
</article></body></html>"""


def _file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_good_files_are_kept_and_each_bad_one_is_named_with_its_reason(admin_client: Client) -> None:
    files = [
        _file("empty.txt", b""),
        _file("good.txt", GOOD),
        _file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
        _file("cookies.html", BOILERPLATE),
        _file("story.html", STORY),
    ]
    response = admin_client.post("/uploads/new/", {"documents": files}, follow=True)
    html = response.content.decode()
    drafts = Upload.objects.filter(status="review").order_by("filename")
    assert [u.filename for u in drafts] == ["good.txt", "story.html"]
    assert [u.title for u in drafts] == ["Flood hits Exampleton", "Storm closes the port"]
    refused = dict(Upload.objects.filter(status="failed").values_list("filename", "error"))
    assert set(refused) == {"empty.txt", "image.txt", "cookies.html"}
    assert "empty" in refused["empty.txt"]
    assert "binary" in refused["image.txt"]
    assert "no article text" in refused["cookies.html"]
    assert "Not imported (3)" in html
    for name in refused:
        assert f"<strong>{name}</strong>" in html
    assert 'value="Flood hits Exampleton"' in html and 'value="Storm closes the port"' in html


def test_the_outlet_is_required_on_review_and_prefilled_from_the_page(admin_client: Client) -> None:
    admin_client.post("/uploads/new/", {"documents": [_file("good.txt", GOOD), _file("story.html", STORY)]})
    good = Upload.objects.get(filename="good.txt")
    story = Upload.objects.get(filename="story.html")
    assert story.outlet == "The Example Post"
    data = {}
    for upload in (good, story):
        prefix = f"u{upload.pk}"
        data |= {
            f"{prefix}-title": upload.title,
            f"{prefix}-outlet": upload.outlet,
            f"{prefix}-include": "on",
        }
    response = admin_client.post(f"/uploads/{good.batch}/review/", data)
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    good.refresh_from_db()
    assert good.status == "review"


@override_settings(IMPORT_ALLOW_PRIVATE_URLS=True)
def test_an_address_is_fetched_and_goes_on_to_review(
    admin_client: Client, page_server: Callable[..., str]
) -> None:
    url = page_server("/port", STORY)
    missing = url.replace("/port", "/gone")
    admin_client.post("/uploads/new/", {"urls": f"{url}\n{missing}\n"})
    draft = Upload.objects.get(status="review")
    assert (draft.title, draft.outlet, draft.url) == ("Storm closes the port", "The Example Post", url)
    assert "404" in Upload.objects.get(filename=missing).error


@override_settings(IMPORT_ALLOW_PRIVATE_URLS=False)
def test_a_private_address_is_refused_on_upload(
    admin_client: Client, page_server: Callable[..., str]
) -> None:
    url = page_server("/port", STORY)
    admin_client.post("/uploads/new/", {"urls": url})
    refused = Upload.objects.get()
    assert refused.status == "failed" and "private or local address" in refused.error

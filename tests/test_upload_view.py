from __future__ import annotations

import pytest
from conftest import SEED_A, make_article, make_user
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.forms import MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES
from articles.models import Upload

pytestmark = pytest.mark.django_db

PAGE = b"""<html><head><meta property="og:title" content="Rebels retake Palmyra">
<meta property="og:site_name" content="The Paper">
<meta property="article:published_time" content="2016-03-28">
</head><body><nav>Home | World</nav><article><h1>Rebels retake Palmyra</h1>
<p>Rebels took the town on Monday, officials said. At least 12 people died in the fighting that followed.</p>
<p>The army said 20 soldiers were wounded during the operation, which lasted three days.</p>
<script>alert(1)</script></article></body></html>"""


def _file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_an_admin_sees_the_form(admin_client: Client) -> None:
    html = admin_client.get("/uploads/new/").content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="documents"' in html


def test_an_html_file_is_read_into_a_draft_to_review(admin_client: Client) -> None:
    response = admin_client.post("/uploads/new/", {"documents": [_file("palmyra.html", PAGE)]})
    upload = Upload.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/uploads/{upload.batch}/review/"
    assert (upload.title, upload.outlet, str(upload.published)) == (
        "Rebels retake Palmyra",
        "The Paper",
        "2016-03-28",
    )
    assert "alert" not in upload.body and "Home | World" not in upload.body
    html = admin_client.get(response["Location"]).content.decode()
    assert 'value="Rebels retake Palmyra"' in html and 'value="The Paper"' in html


def test_many_text_files_and_pasted_text_make_one_batch(admin_client: Client) -> None:
    files = [_file(f"story{n}.txt", f"Headline {n}\n\nSomething happened {n}.".encode()) for n in range(3)]
    admin_client.post("/uploads/new/", {"documents": files, "pasted": "Pasted headline\n\nMore news."})
    assert Upload.objects.values("batch").distinct().count() == 1
    assert sorted(Upload.objects.values_list("title", flat=True)) == [
        "Headline 0",
        "Headline 1",
        "Headline 2",
        "Pasted headline",
    ]


def test_saving_the_review_imports_the_article_and_reads_its_claims(admin_client: Client) -> None:
    other = make_article()
    admin_client.post("/uploads/new/", {"documents": [_file("palmyra.html", PAGE)]})
    upload = Upload.objects.get()
    prefix = f"u{upload.pk}"
    response = admin_client.post(
        f"/uploads/{upload.batch}/review/",
        {
            f"{prefix}-title": "Corrected headline",
            f"{prefix}-outlet": "The Corrected Paper",
            f"{prefix}-url": "https://example.com/palmyra",
            f"{prefix}-published": "2016-03-27",
            f"{prefix}-include": "on",
            "compare_with": [other.pk],
        },
    )
    upload.refresh_from_db()
    assert response["Location"] == f"/uploads/{upload.batch}/"
    assert upload.status == "done", upload.error
    article = upload.article
    assert article is not None
    assert (article.title, article.outlet_name(), str(article.published)) == (
        "Corrected headline",
        "The Corrected Paper",
        "2016-03-27",
    )
    assert article.comparisons_as_b.get().article_a == other
    html = admin_client.get(response["Location"]).content.decode()
    assert "1 of 1 done" in html and 'hx-trigger="every 1s"' not in html


def test_progress_polls_while_work_is_pending(admin_client: Client) -> None:
    article = make_article()
    upload = Upload.objects.create(batch="7e1d3b4c-1d2e-4f5a-9b6c-0d1e2f3a4b5c", body="x", status="queued")
    upload.article = article
    upload.save()
    html = admin_client.get(f"/uploads/{upload.batch}/").content.decode()
    assert 'hx-trigger="every 1s"' in html
    fragment = admin_client.get(f"/uploads/{upload.batch}/", headers={"HX-Request": "true"}).content.decode()
    assert 'id="upload-status"' in fragment and "<html" not in fragment


def _queued(status: str = "queued") -> Upload:
    upload = Upload.objects.create(batch="7e1d3b4c-1d2e-4f5a-9b6c-0d1e2f3a4b5c", body="x", status=status)
    upload.article = make_article()
    upload.save()
    return upload


def test_progress_is_announced_in_a_polite_live_region_outside_the_swapped_table(
    admin_client: Client,
) -> None:
    upload = _queued()
    html = admin_client.get(f"/uploads/{upload.batch}/").content.decode()
    live = '<p id="upload-announcement" class="visually-hidden" role="status" aria-live="polite">'
    assert f"{live}0 of 1 done; still working.</p>" in html
    assert html.index(live) < html.index('<section id="upload-status"')


def test_a_poll_that_finds_news_updates_the_live_region_out_of_band(admin_client: Client) -> None:
    upload = _queued()
    fragment = admin_client.get(
        f"/uploads/{upload.batch}/?shown=0-0-0-0-0", headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith('<section id="upload-status"')
    assert '<p id="upload-announcement" hx-swap-oob="innerHTML">0 of 1 done; still working.</p>' in fragment


def test_a_poll_that_finds_nothing_new_changes_nothing(admin_client: Client) -> None:
    upload = _queued()
    html = admin_client.get(f"/uploads/{upload.batch}/").content.decode()
    shown = html.split("?shown=")[1].split('"')[0]
    response = admin_client.get(f"/uploads/{upload.batch}/?shown={shown}", headers={"HX-Request": "true"})
    assert response.status_code == 204 and response.content == b""
    upload.status = "running"
    upload.save()
    response = admin_client.get(f"/uploads/{upload.batch}/?shown={shown}", headers={"HX-Request": "true"})
    assert response.status_code == 200 and "reading claims" in response.content.decode()


def test_the_progress_page_itself_is_never_empty(admin_client: Client) -> None:
    upload = _queued()
    html = admin_client.get(f"/uploads/{upload.batch}/?shown=0-1-0-0-0").content.decode()
    assert "<html" in html and 'id="upload-status"' in html


def test_a_finished_upload_announces_what_failed(admin_client: Client) -> None:
    done = _queued("done")
    Upload.objects.create(batch=done.batch, body="y", status="failed", error="a duplicate")
    html = admin_client.get(f"/uploads/{done.batch}/").content.decode()
    assert "1 of 1 done, 1 not imported.</p>" in html
    assert 'hx-trigger="every 1s"' not in html


def test_the_upload_form_is_kept_to_a_readable_width(admin_client: Client) -> None:
    html = admin_client.get("/uploads/new/").content.decode()
    assert '<section class="card card-narrow">' in html


def test_a_draft_left_out_is_not_saved(admin_client: Client) -> None:
    admin_client.post("/uploads/new/", {"documents": [_file("a.txt", b"Headline\n\nText.")]})
    upload = Upload.objects.get()
    admin_client.post(f"/uploads/{upload.batch}/review/", {f"u{upload.pk}-title": "Headline"})
    assert not Upload.objects.exists()


def test_a_duplicate_is_refused_with_a_link_to_the_article_it_repeats(admin_client: Client) -> None:
    existing = make_article()
    response = admin_client.post(
        "/uploads/new/", {"documents": [_file("again.txt", existing.body.encode())]}, follow=True
    )
    html = response.content.decode()
    assert "a duplicate" in html
    assert f'href="{existing.get_absolute_url()}"' in html


def test_the_same_file_twice_in_one_upload_is_refused_once(admin_client: Client) -> None:
    data = SEED_A.read_bytes()
    admin_client.post("/uploads/new/", {"documents": [_file("one.txt", data), _file("two.txt", data)]})
    assert list(Upload.objects.values_list("filename", "status")) == [
        ("one.txt", "review"),
        ("two.txt", "failed"),
    ]


def test_a_file_that_is_not_text_is_refused_with_the_reason(admin_client: Client) -> None:
    response = admin_client.post(
        "/uploads/new/", {"documents": [_file("bin.txt", b"\x00\x01\x02")]}, follow=True
    )
    assert "binary file" in response.content.decode()


def test_other_kinds_of_file_are_refused(admin_client: Client) -> None:
    response = admin_client.post(
        "/uploads/new/", {"documents": [_file("scan.pdf", b"%PDF-1.4")]}, follow=True
    )
    assert "<strong>scan.pdf</strong>: only .txt and .html files can be uploaded" in response.content.decode()
    assert Upload.objects.get().status == "failed"


def test_a_file_over_the_size_limit_is_refused(admin_client: Client) -> None:
    big = _file("big.txt", b"a " * (MAX_UPLOAD_BYTES // 2 + 1))
    response = admin_client.post("/uploads/new/", {"documents": [big]}, follow=True)
    assert "<strong>big.txt</strong>: 2.0 MB is over the 2 MB limit" in response.content.decode()


def test_too_many_files_are_refused(admin_client: Client) -> None:
    files = [_file(f"f{n}.txt", b"Headline\n\nText.") for n in range(MAX_UPLOAD_FILES + 1)]
    response = admin_client.post("/uploads/new/", {"documents": files})
    assert response.status_code == 400
    assert "Too many files: 51 chosen, at most 50 at a time." in response.content.decode()


def test_an_empty_form_asks_for_something(admin_client: Client) -> None:
    response = admin_client.post("/uploads/new/", {})
    assert "Choose at least one file, or paste an article." in response.content.decode()


def test_pasted_html_is_escaped_on_review(admin_client: Client) -> None:
    pasted = '<script>alert(1)</script>"onmouseover=x headline\n\nBody text here.'
    admin_client.post("/uploads/new/", {"pasted": pasted})
    upload = Upload.objects.get()
    html = admin_client.get(f"/uploads/{upload.batch}/review/").content.decode()
    assert "<script>alert" not in html and '"onmouseover=' not in html


@pytest.mark.parametrize("group", ["Journalists", "Editors"])
def test_only_staff_may_upload(client: Client, group: str) -> None:
    client.force_login(make_user(group=group))
    assert client.get("/uploads/new/").status_code == 403
    assert client.post("/uploads/new/", {"pasted": "Headline\n\nText."}).status_code == 403
    assert not Upload.objects.exists()


def test_only_staff_may_review_or_follow_an_upload(client: Client) -> None:
    upload = Upload.objects.create(batch="7e1d3b4c-1d2e-4f5a-9b6c-0d1e2f3a4b5c", body="x")
    client.force_login(make_user(group="Editors"))
    assert client.get(f"/uploads/{upload.batch}/review/").status_code == 403
    assert client.get(f"/uploads/{upload.batch}/").status_code == 403


def test_anonymous_users_are_sent_to_sign_in(client: Client) -> None:
    assert client.get("/uploads/new/")["Location"].startswith("/accounts/login/")


def test_an_unknown_batch_is_not_found(admin_client: Client) -> None:
    assert admin_client.get("/uploads/7e1d3b4c-1d2e-4f5a-9b6c-0d1e2f3a4b5c/").status_code == 404


def test_it_needs_a_csrf_token(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    assert client.post("/uploads/new/", {"pasted": "Headline\n\nText."}).status_code == 403


def test_a_finished_upload_stops_polling_and_says_which_failed(admin_client: Client) -> None:
    from conftest import make_queued_upload

    done = make_queued_upload(status="done")
    make_queued_upload(batch=done.batch, status="failed", error="the database was busy", retryable=True)
    html = admin_client.get(f"/uploads/{done.batch}/").content.decode()
    assert 'hx-trigger="every 1s"' not in html
    assert "Finished: 1 done, 1 failed." in html
    assert "the database was busy" in html
    assert "Try the failed file again" in html


def test_a_failed_upload_can_be_tried_again(admin_client: Client) -> None:
    from conftest import make_queued_upload

    failed = make_queued_upload(status="failed", error="the database was busy", retryable=True)
    response = admin_client.post(f"/uploads/{failed.batch}/retry/")
    failed.refresh_from_db()
    assert response["Location"] == f"/uploads/{failed.batch}/"
    assert (failed.status, failed.error) == ("done", "")


def test_a_refused_duplicate_is_not_offered_again(admin_client: Client) -> None:
    from conftest import make_queued_upload

    refused = make_queued_upload(status="failed", error="a duplicate: this text is already stored")
    assert "Try the failed" not in admin_client.get(f"/uploads/{refused.batch}/").content.decode()
    admin_client.post(f"/uploads/{refused.batch}/retry/")
    refused.refresh_from_db()
    assert refused.status == "failed"


def test_saving_the_review_twice_saves_the_article_once(admin_client: Client) -> None:
    admin_client.post(
        "/uploads/new/", {"documents": [_file("story.txt", b"A headline\n\nSomething happened.")]}
    )
    upload = Upload.objects.get()
    data = {
        f"u{upload.pk}-title": "A headline",
        f"u{upload.pk}-include": "on",
        f"u{upload.pk}-body": upload.body,
        f"u{upload.pk}-outlet": "The Daily Example",
    }
    first = admin_client.post(f"/uploads/{upload.batch}/review/", data)
    second = admin_client.post(f"/uploads/{upload.batch}/review/", data)
    assert first.status_code == 302 and second.status_code == 302
    assert Upload.objects.get().article is not None
    from articles.models import Article

    assert Article.objects.count() == 1


def test_an_article_not_in_english_is_refused_with_the_reason(admin_client: Client) -> None:
    spanish = (
        "Un ferry se hunde frente a la costa\n\nUn ferry con 200 pasajeros se hundió el martes frente a la costa, "
        "causando la muerte de al menos 12 personas, dijeron las autoridades. El gobierno dijo que la "
        "investigación continúa y que los rescatistas buscan a los desaparecidos.\n"
    )
    response = admin_client.post("/uploads/new/", {"pasted": spanish}, follow=True)
    assert "not in English" in response.content.decode()

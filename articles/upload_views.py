"""Admins' uploads: files or pasted text read into drafts, reviewed, saved, then analysed in the background.

Reading a text file takes about a millisecond, so it happens in the request; web pages (seconds for a large
one), claims and comparisons are read by background tasks.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from articles.concurrency import Duplicate, insert_once
from articles.fetching import fetch
from articles.forms import CompareWithForm, UploadForm, UploadReviewForm, file_problem
from articles.importing import ArticleFileError, ArticleMeta, ParsedArticle, looks_like_html, read_document
from articles.models import Article, Comparison, Upload, content_hash
from articles.services import DuplicateArticle, current_engine_version, import_article
from articles.tasks import DUPLICATE, analyse_upload, read_upload_file
from articles.views import HtmxHttpRequest, _page

if TYPE_CHECKING:
    from django.contrib.auth.models import User

View = Callable[..., HttpResponse]


def staff_required(view: View) -> View:
    """Staff only; everyone else signed in is refused (sign-in itself is required site-wide)."""

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def read_upload(name: str, data: bytes) -> tuple[ParsedArticle, ArticleMeta]:
    """A file's article and what its metadata says; ArticleFileError when it is not an article."""
    return read_document(name, data)


def _refuse(batch: uuid.UUID, name: str, reason: str, user: User) -> Upload:
    return Upload.objects.create(
        batch=batch, filename=name[-255:], created_by=user, status=Upload.Status.FAILED, error=reason
    )


def _stage(
    batch: uuid.UUID, name: str, data: bytes, user: User, seen: dict[str, Upload], url: str = ""
) -> Upload:
    """One upload row: a draft to review, or a refusal saying why (unreadable, or a duplicate)."""
    upload = Upload(batch=batch, filename=name[-255:], created_by=user, url=url)
    if url or looks_like_html(name, data[:512].decode("utf-8", "replace").lstrip()):
        # A web page takes seconds to read: a task does it, and the review waits for it.
        upload.status, upload.raw = Upload.Status.READING, data
        upload.save()
        read_upload_file.enqueue(upload.pk)
        return upload
    try:
        parsed, meta = read_document(name, data, url=url)
    except ArticleFileError as error:
        upload.status, upload.error = Upload.Status.FAILED, str(error)
        upload.save()
        return upload
    upload.body = parsed.body
    upload.title = parsed.title
    upload.outlet, upload.url = meta.outlet, meta.url
    upload.published = meta.published or parsed.dateline
    digest = content_hash(parsed.body)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        upload.status, upload.article = Upload.Status.FAILED, existing
        upload.error = DUPLICATE
    elif digest in seen:
        upload.status = Upload.Status.FAILED
        upload.error = f"a duplicate of {seen[digest].filename or 'another upload'} in this upload"
    else:
        seen[digest] = upload
    upload.save()
    return upload


@require_http_methods(["GET", "POST"])
@staff_required
def upload(request: HtmxHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        batch = uuid.uuid4()
        seen: dict[str, Upload] = {}
        user: User = request.user  # type: ignore[assignment]
        # Each file on its own: a bad one is listed with its reason, the good ones go on to review.
        for uploaded in form.cleaned_data["documents"]:
            problem = file_problem(uploaded)
            if problem:
                _refuse(batch, uploaded.name or "", problem, user)
            else:
                _stage(batch, uploaded.name or "", uploaded.read(), user, seen)
        for url in form.cleaned_data["urls"]:
            try:
                _stage(batch, url, fetch(url), user, seen, url=url)
            except ArticleFileError as error:
                _refuse(batch, url, str(error), user)
        pasted = form.cleaned_data["pasted"]
        if pasted.strip():
            _stage(batch, "", pasted.encode("utf-8"), user, seen)
        return redirect("upload_review", batch=batch)
    status = 400 if request.method == "POST" else 200
    return render(request, "articles/upload.html", {"form": form}, status=status)


def _batch(batch: uuid.UUID) -> QuerySet[Upload]:
    uploads = Upload.objects.filter(batch=batch).select_related("article__outlet")
    if not uploads.exists():
        raise Http404("No such upload.")
    return uploads


COMPARE_CHOICES = 50


@require_http_methods(["GET", "POST"])
@staff_required
def upload_review(request: HtmxHttpRequest, batch: uuid.UUID) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    uploads = list(_batch(batch))
    reading = [u for u in uploads if u.status == Upload.Status.READING]
    if reading:
        return _still_reading(request, batch, uploads, reading)
    if request.htmx and request.method == "GET":
        # The reading page's poll: everything is read, so open the review as a whole page.
        return HttpResponseClientRedirect(request.get_full_path())
    drafts = [u for u in uploads if u.status == Upload.Status.REVIEW]
    if not drafts and any(u.status != Upload.Status.FAILED for u in uploads):
        return redirect("upload_progress", batch=batch)
    data = request.POST if request.method == "POST" else None
    forms = [(u, UploadReviewForm(data, instance=u, prefix=f"u{u.pk}")) for u in drafts]
    compare_form = CompareWithForm(data)
    compare_form.fields["compare_with"].queryset = Article.objects.select_related(  # type: ignore[attr-defined]
        "outlet"
    ).exclude(uploads__batch=batch)
    if data is not None and compare_form.is_valid() and all(f.is_valid() for _, f in forms):
        for draft, form in forms:
            # One draft at a time, locked: a double click, or a second admin saving the same draft, finds
            # it saved already and changes nothing.
            with transaction.atomic():
                current = Upload.objects.select_for_update().filter(pk=draft.pk).first()
                if current is None or current.status != Upload.Status.REVIEW:
                    continue
                _save_draft(draft, form, compare_form.cleaned_data["compare_with"], user)
        return redirect("upload_progress", batch=batch)
    # Offer the newest articles and those already ticked, not the whole archive.
    offerable: QuerySet[Article] = compare_form.fields["compare_with"].queryset  # type: ignore[attr-defined]
    offered = list(offerable.values_list("id", flat=True)[:COMPARE_CHOICES])
    ticked = [int(pk) for pk in compare_form["compare_with"].value() or [] if str(pk).isdigit()]
    compare_form.fields["compare_with"].queryset = (  # type: ignore[attr-defined]
        Article.objects.select_related("outlet").defer("body").filter(pk__in=[*offered, *ticked])
    )
    refused = [u for u in uploads if u.status == Upload.Status.FAILED]
    context = {"batch": batch, "forms": forms, "refused": refused, "compare_form": compare_form}
    return render(request, "articles/upload_review.html", context, status=400 if data else 200)


def _save_draft(draft: Upload, form: UploadReviewForm, compare_with: QuerySet[Article], user: User) -> None:
    if not form.cleaned_data["include"]:
        draft.delete()
        return
    draft = form.save(commit=False)
    parsed = ParsedArticle(title=draft.title, dateline=None, body=draft.body)
    meta = ArticleMeta(outlet=draft.outlet.strip(), published=draft.published, url=draft.url)
    try:
        draft.article = insert_once(
            lambda: import_article(parsed, meta, filename=draft.filename, added_by=user), DUPLICATE
        )
    except (DuplicateArticle, Duplicate) as duplicate:
        # Stored already, or by another admin at this very moment (the unique hash refused the second).
        draft.status, draft.error = Upload.Status.FAILED, DUPLICATE
        draft.article = (
            getattr(duplicate, "article", None)
            or Article.objects.filter(content_hash=content_hash(draft.body)).first()
        )
        draft.save()
        return
    draft.status = Upload.Status.QUEUED
    draft.save()
    draft.compare_with.set(compare_with)
    # In the same transaction as the draft: the queued task and the saved draft commit together.
    analyse_upload.enqueue(draft.pk)


@require_GET
@vary_on_headers("HX-Request")
@staff_required
def upload_progress(request: HtmxHttpRequest, batch: uuid.UUID) -> HttpResponse:
    version = current_engine_version()
    uploads = list(
        _batch(batch)
        .exclude(status=Upload.Status.REVIEW)
        .annotate(claim_count=Count("article__claims", filter=Q(article__claims__engine_version=version)))
        .prefetch_related("compare_with")
    )
    saved = [u.article_id for u in uploads if u.status != Upload.Status.FAILED and u.article_id]
    comparisons = Comparison.objects.filter(article_b__in=saved, engine_version=version).select_related(
        "article_a__outlet"
    )
    by_article: dict[int, list[Comparison]] = {}
    for comparison in comparisons:
        by_article.setdefault(comparison.article_b_id, []).append(comparison)
    rows = [
        (u, by_article.get(u.article_id or 0, []) if u.status == Upload.Status.DONE else []) for u in uploads
    ]
    # Statuses only move forward, so how many are in each tells whether anything changed since the last poll.
    state = "-".join(str(sum(u.status == status for u in uploads)) for status in Upload.Status.values)
    if request.htmx and request.GET.get("shown") == state:
        # Nothing new: no swap, so the page stays still and screen readers hear nothing again.
        return HttpResponse(status=204)
    context = {
        "batch": batch,
        "rows": rows,
        "state": state,
        "pending": any(u.is_pending() for u in uploads),
        "done": sum(u.status == Upload.Status.DONE for u in uploads),
        "failed": sum(u.status == Upload.Status.FAILED for u in uploads),
        "retryable": sum(u.can_retry() for u in uploads),
        "total": sum(u.status != Upload.Status.FAILED for u in uploads),
    }
    return render(request, _page(request, "articles/upload_progress.html", "upload-status"), context)


def _still_reading(
    request: HtmxHttpRequest, batch: uuid.UUID, uploads: list[Upload], reading: list[Upload]
) -> HttpResponse:
    """Web pages still being read: a page that follows them, and moves on to the review once they are."""
    context = {"batch": batch, "reading": len(reading), "total": len(uploads)}
    return render(request, _page(request, "articles/upload_reading.html", "upload-reading"), context)


@require_POST
@staff_required
def upload_retry(request: HtmxHttpRequest, batch: uuid.UUID) -> HttpResponse:
    """Run again the background work that failed for this upload (not the files refused for what they are)."""
    retried = sum(
        _retry(upload) for upload in _batch(batch).filter(status=Upload.Status.FAILED, retryable=True)
    )
    if retried:
        messages.success(request, f"Trying again: {retried} file{'s' if retried != 1 else ''}.")
    target = (
        "upload_review" if _batch(batch).filter(status=Upload.Status.READING).exists() else "upload_progress"
    )
    return redirect(reverse(target, args=[batch]))


def _retry(upload: Upload) -> bool:
    """Queue the failed step again: the analysis of a saved article, else the reading of the file."""
    saved = upload.article_id is not None
    status = Upload.Status.QUEUED if saved else Upload.Status.READING
    with transaction.atomic():
        changed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.FAILED, retryable=True).update(
            status=status, error="", retryable=False
        )
        if changed:
            (analyse_upload if saved else read_upload_file).enqueue(upload.pk)
    return bool(changed)

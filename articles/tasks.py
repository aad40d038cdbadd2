"""Background work: reading an uploaded web page into a draft, and reading an uploaded article's claims and
comparing it with the articles chosen for it.

Every task may run more than once (a worker that died is replaced, see articles/worker.py): each first claims
its upload by moving it from the state it expects, and what it stores is unique in the database.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import OperationalError
from django.tasks import task
from django.utils import timezone

from articles.concurrency import retry_while_locked
from articles.importing import ArticleFileError, read_document
from articles.models import Article, Upload, content_hash
from articles.services import compare_articles, ensure_claims

DUPLICATE = "a duplicate: this text is already stored"


@task
def read_upload_file(upload_id: int) -> None:
    """Read an uploaded file (a web page takes seconds) into a draft to review, or refuse it saying why."""
    upload = Upload.objects.filter(pk=upload_id, status=Upload.Status.READING).first()
    if upload is None:
        return  # read already, or deleted
    try:
        parsed, meta = read_document(upload.filename, bytes(upload.raw), url=upload.url)
    except ArticleFileError as error:
        # Refused for what it is: nothing to try again, so the file need not be kept.
        finish(upload_id, Upload.Status.FAILED, str(error), expected=Upload.Status.READING)
        retry_while_locked(lambda: Upload.objects.filter(pk=upload_id).update(raw=b""))
        return
    except Exception as error:
        finish(
            upload_id, Upload.Status.FAILED, _reason(error), expected=Upload.Status.READING, retryable=True
        )
        raise
    digest = content_hash(parsed.body)
    fields: dict[str, object] = {
        "body": parsed.body,
        "title": parsed.title,
        "outlet": meta.outlet,
        "url": meta.url,
        "published": meta.published or parsed.dateline,
    }
    existing = Article.objects.filter(content_hash=digest).first()
    twin = next(
        (
            other
            for other in Upload.objects.filter(batch=upload.batch, status=Upload.Status.REVIEW)
            if content_hash(other.body) == digest
        ),
        None,
    )
    if existing is not None:
        fields.update(status=Upload.Status.FAILED, article=existing, error=DUPLICATE)
    elif twin is not None:
        fields.update(
            status=Upload.Status.FAILED, error=f"a duplicate of {twin.filename or 'another upload'}"
        )
    else:
        fields.update(status=Upload.Status.REVIEW)
    retry_while_locked(
        lambda: Upload.objects.filter(pk=upload_id, status=Upload.Status.READING).update(
            raw=b"", error="", updated_at=timezone.now(), **fields
        )
    )


@task
def analyse_upload(upload_id: int) -> None:
    """Extract the claims of the upload's article, then compare it with each chosen article."""
    claimed = retry_while_locked(
        lambda: Upload.objects.filter(
            pk=upload_id, status__in=[Upload.Status.QUEUED, Upload.Status.RUNNING]
        ).update(status=Upload.Status.RUNNING, updated_at=timezone.now())
    )
    if not claimed:
        return  # finished by an earlier run, or deleted
    upload = Upload.objects.select_related("article").get(pk=upload_id)
    article = upload.article
    if article is None:
        finish(upload_id, Upload.Status.FAILED, "the article was deleted before it could be read")
        return
    try:
        ensure_claims(article)
        for other in upload.compare_with.exclude(pk=article.pk):
            # The article already in the newsroom is A, the new one B.
            compare_articles(other, article)
        from articles.stories import propose_story

        propose_story(article)  # for an editor to confirm, when it reports a story's event
    except Exception as error:
        finish(upload_id, Upload.Status.FAILED, _reason(error), retryable=True)
        raise
    finish(upload_id, Upload.Status.DONE)


def finish(
    upload_id: int,
    status: str,
    error: str = "",
    *,
    expected: str = Upload.Status.RUNNING,
    retryable: bool = False,
) -> None:
    """Record how the task ended, waiting out a briefly locked database rather than leaving it pending."""
    retry_while_locked(
        lambda: Upload.objects.filter(pk=upload_id, status=expected).update(
            status=status, error=error, retryable=retryable, updated_at=timezone.now()
        )
    )


def _reason(error: BaseException) -> str:
    if isinstance(error, OperationalError):
        return f"the database was busy ({error}); try again"
    return f"{type(error).__name__}: {error}"


def abandoned(task_path: str, args: Sequence[object], reason: str) -> None:
    """A task given up on after its worker died too often: fail its upload with the reason."""
    if task_path not in (analyse_upload.module_path, read_upload_file.module_path) or not args:
        return
    upload_id = int(str(args[0]))
    for status in (Upload.Status.QUEUED, Upload.Status.RUNNING, Upload.Status.READING):
        finish(upload_id, Upload.Status.FAILED, reason, expected=status, retryable=True)


@task
def compare_pair(article_a_id: int, article_b_id: int) -> int:
    """Compare two stored articles (reading either first if the current engine has not); the comparison's id."""
    article_a = Article.objects.get(pk=article_a_id)
    article_b = Article.objects.get(pk=article_b_id)
    comparison, _ = compare_articles(article_a, article_b)
    return comparison.pk


@task
def read_version_changes(version_id: int) -> None:
    """Read, fact by fact, what changed in a new version of an article (the engine reads both texts)."""
    from articles.models import ArticleVersion
    from articles.versions import read_changes

    version = ArticleVersion.objects.select_related("article").filter(pk=version_id).first()
    if version is not None:
        read_changes(version)


@task
def compare_story(story_id: int) -> int:
    """Compare every pair of a story's confirmed articles not compared yet; how many were compared."""
    from articles.models import Story
    from articles.stories import compare_all_pairs

    story = Story.objects.filter(pk=story_id).first()
    return compare_all_pairs(story) if story is not None else 0


@task
def propose_stories() -> int:
    """Propose every article in no story for the story whose event the engine judges it reports."""
    from articles.stories import propose_unassigned

    return propose_unassigned()

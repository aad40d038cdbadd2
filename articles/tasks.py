"""Background work: reading an uploaded article's claims and comparing it with the articles chosen for it."""

from __future__ import annotations

from django.tasks import task

from articles.models import Upload
from articles.services import compare_articles, ensure_claims


@task
def analyse_upload(upload_id: int) -> None:
    """Extract the claims of the upload's article, then compare it with each chosen article."""
    upload = Upload.objects.select_related("article").get(pk=upload_id)
    article = upload.article
    if article is None:
        _finish(upload, Upload.Status.FAILED, "the article was deleted before it could be read")
        return
    upload.status = Upload.Status.RUNNING
    upload.save(update_fields=["status", "updated_at"])
    try:
        ensure_claims(article)
        for other in upload.compare_with.exclude(pk=article.pk):
            # The article already in the newsroom is A, the new one B.
            compare_articles(other, article)
    except Exception as error:
        _finish(upload, Upload.Status.FAILED, f"{type(error).__name__}: {error}")
        raise
    _finish(upload, Upload.Status.DONE)


def _finish(upload: Upload, status: str, error: str = "") -> None:
    upload.status = status
    upload.error = error
    upload.save(update_fields=["status", "error", "updated_at"])

from __future__ import annotations

import datetime as dt
import io
import uuid

import pytest
from conftest import make_queued_upload
from django.core.management import call_command
from django.db import OperationalError
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.concurrency import retry_while_locked
from articles.models import TaskLease, Upload
from articles.tasks import analyse_upload
from articles.worker import recover_abandoned, take_lease

pytestmark = pytest.mark.django_db


def _run_worker() -> str:
    out = io.StringIO()
    call_command("worker", "--batch", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _left_running_by_a_dead_worker(upload: Upload, attempts: int = 1) -> DBTaskResult:
    """The state `kill -9` leaves: the task claimed and running, its upload running, no live lease."""
    result = DBTaskResult.objects.get(pk=analyse_upload.enqueue(upload.pk).id)
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=[f"dead{n}" for n in range(attempts)]
    )
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.RUNNING)
    TaskLease.objects.create(task_id=result.pk, worker_id="dead", expires_at=long_ago)
    return result


# The worker checks its connection between tasks as Django does between requests, which closes the
# connection of a test transaction: tests that run it commit for real.
@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_a_queued_task_and_leaves_no_lease(database_tasks: None) -> None:
    upload = make_queued_upload()
    analyse_upload.enqueue(upload.pk)
    _run_worker()
    upload.refresh_from_db()
    assert upload.status == "done"
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert not TaskLease.objects.exists()


# The worker checks its connection between tasks as Django does between requests, which closes the
# connection of a test transaction: tests that run it commit for real.
@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_died_is_run_again(database_tasks: None) -> None:
    upload = make_queued_upload()
    result = _left_running_by_a_dead_worker(upload)
    out = _run_worker()
    upload.refresh_from_db()
    result.refresh_from_db()
    assert "1 queued again" in out
    assert upload.status == "done"
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert len(result.worker_ids) == 2
    assert upload.article is not None and upload.article.claims.count() == 1


def test_a_task_whose_worker_keeps_dying_is_failed_with_a_reason_to_read(database_tasks: None) -> None:
    upload = make_queued_upload()
    result = _left_running_by_a_dead_worker(upload, attempts=3)
    assert recover_abandoned() == (0, 1)
    upload.refresh_from_db()
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert upload.status == "failed"
    assert "the worker stopped 3 times" in upload.error
    assert upload.can_retry()


def test_a_task_whose_lease_is_renewed_is_left_alone(database_tasks: None) -> None:
    upload = make_queued_upload()
    result = _left_running_by_a_dead_worker(upload)
    take_lease(result.pk, "alive")
    assert recover_abandoned() == (0, 0)
    result.refresh_from_db()
    assert result.status == TaskResultStatus.RUNNING


def test_a_task_claimed_a_moment_ago_is_not_taken_for_abandoned(database_tasks: None) -> None:
    upload = make_queued_upload()
    result = _left_running_by_a_dead_worker(upload)
    DBTaskResult.objects.filter(pk=result.pk).update(started_at=timezone.now())
    TaskLease.objects.all().delete()
    assert recover_abandoned() == (0, 0)


def test_running_a_finished_task_again_changes_nothing() -> None:
    upload = make_queued_upload(status="done")
    analyse_upload.call(upload.pk)
    upload.refresh_from_db()
    assert upload.status == "done"
    assert upload.article is not None and upload.article.claims.count() == 1


def test_an_upload_whose_article_was_deleted_fails_saying_so() -> None:
    upload = make_queued_upload()
    assert upload.article is not None
    upload.article.delete()
    analyse_upload.call(upload.pk)
    upload.refresh_from_db()
    assert (upload.status, upload.error) == ("failed", "the article was deleted before it could be read")


# Outside a transaction, as a worker writes: the retry closes the connection between attempts.
@pytest.mark.django_db(transaction=True)
def test_a_write_is_retried_while_the_database_is_locked() -> None:
    calls: list[int] = []

    def write() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("database is locked")
        return "written"

    assert retry_while_locked(write, first_wait=0.01) == "written"
    assert len(calls) == 3


@pytest.mark.django_db(transaction=True)
def test_a_write_gives_up_after_its_attempts() -> None:
    def write() -> None:
        raise OperationalError("database is locked")

    with pytest.raises(OperationalError):
        retry_while_locked(write, attempts=2, first_wait=0.01)


# The worker checks its connection between tasks as Django does between requests, which closes the
# connection of a test transaction: tests that run it commit for real.
@pytest.mark.django_db(transaction=True)
def test_the_worker_reads_an_uploaded_web_page(database_tasks: None, admin_client: object) -> None:
    page = b"<html><head><title>Rebels retake Palmyra</title></head><body><article><p>Rebels retook the ancient city of Palmyra on Sunday after three weeks of fighting, a monitoring group said.</p><p>At least 400 fighters died in the battle for the city, and thousands of residents fled east.</p></article></body></html>"
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client.post("/uploads/new/", {"documents": [SimpleUploadedFile("p.html", page)]})  # type: ignore[attr-defined]
    upload = Upload.objects.get()
    assert upload.status == "reading"
    waiting = admin_client.get(response["Location"])  # type: ignore[attr-defined]
    assert "1 of 1 still being read" in waiting.content.decode()
    assert 'hx-trigger="every 1s"' in waiting.content.decode()
    _run_worker()
    upload.refresh_from_db()
    assert upload.status == "review"
    assert bytes(upload.raw) == b""
    poll = admin_client.get(response["Location"], headers={"HX-Request": "true"})  # type: ignore[attr-defined]
    assert poll["HX-Redirect"] == response["Location"]
    assert uuid.UUID(str(upload.batch))


def test_a_worker_does_not_take_its_own_running_task_for_abandoned(database_tasks: None) -> None:
    upload = make_queued_upload()
    _left_running_by_a_dead_worker(upload)
    assert recover_abandoned(alive="dead0") == (0, 0)
    assert recover_abandoned(alive="another") == (1, 0)

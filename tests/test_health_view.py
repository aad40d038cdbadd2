from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def _queued(enqueued_at: dt.datetime) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="articles.tasks.analyse_upload",
        backend_name="default",
        queue_name="default",
        run_after=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        status="READY",
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=enqueued_at)
    return task


def test_it_answers_without_signing_in(client: Client) -> None:
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["queue"]["pending"] == 0
    assert response.json()["queue"]["oldest_pending"] is None


def test_it_reports_the_queue_depth_and_its_oldest_task(client: Client) -> None:
    ten_minutes_ago = timezone.now() - dt.timedelta(minutes=10)
    _queued(ten_minutes_ago)
    _queued(timezone.now())
    queue = client.get("/health/").json()["queue"]
    assert queue["pending"] == 2
    assert queue["oldest_pending"] == ten_minutes_ago.isoformat()
    assert 599 < queue["oldest_pending_age_seconds"] < 700


def test_it_answers_503_when_the_database_is_unreachable(client: Client) -> None:
    # The database driver is not ours: a refused connection is what an unreachable server looks like.
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"].startswith("unreachable")


def test_it_is_never_cached(client: Client) -> None:
    assert "no-cache" in client.get("/health/")["Cache-Control"]

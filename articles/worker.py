"""The task worker: django-tasks-db's worker with a lease per running task, renewed by a heartbeat, so that
a task whose worker died (killed, out of memory, the machine restarted) is found and run again."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from articles.concurrency import retry_while_locked
from articles.models import TaskLease
from articles.tasks import abandoned

logger = logging.getLogger(__name__)


def lease_seconds() -> float:
    return float(settings.TASK_LEASE_SECONDS)


class LeasedWorker(Worker):
    """Holds a lease on the task it runs, renewed every third of the lease by a heartbeat thread."""

    def run_task(self, db_task_result: DBTaskResult[..., object]) -> None:
        task_id = db_task_result.pk
        retry_while_locked(lambda: take_lease(task_id, self.worker_id))
        stop = threading.Event()
        heartbeat = threading.Thread(target=_beat, args=(task_id, stop), name="heartbeat", daemon=True)
        heartbeat.start()
        try:
            super().run_task(db_task_result)
        finally:
            stop.set()
            heartbeat.join()
            retry_while_locked(lambda: TaskLease.objects.filter(task_id=task_id).delete())


def take_lease(task_id: uuid.UUID, worker_id: str) -> None:
    expires = timezone.now() + dt.timedelta(seconds=lease_seconds())
    TaskLease.objects.update_or_create(
        task_id=task_id, defaults={"worker_id": worker_id, "expires_at": expires}
    )


def _beat(task_id: uuid.UUID, stop: threading.Event) -> None:
    try:
        while not stop.wait(lease_seconds() / 3):
            try:
                expires = timezone.now() + dt.timedelta(seconds=lease_seconds())
                TaskLease.objects.filter(task_id=task_id).update(expires_at=expires)
            except DatabaseError as error:  # locked for a moment: the next beat comes well before expiry
                logger.warning("heartbeat of task %s not recorded: %s", task_id, error)
    finally:
        connection.close()


def recover_abandoned(now: dt.datetime | None = None, *, alive: str = "") -> tuple[int, int]:
    """Tasks left running by a dead worker: run again, or failed once tried TASK_MAX_ATTEMPTS times.

    ``alive`` names the worker asking, whose own task is running whatever its lease says (its heartbeat may
    have been held up by a locked database). Returns how many were queued again and how many given up on.
    """
    now = now or timezone.now()
    live = TaskLease.objects.filter(expires_at__gt=now).values("task_id")
    # A task claimed a moment ago may not hold its lease yet: only those older than a lease count.
    stale = (
        DBTaskResult.objects.running()
        .exclude(pk__in=live)
        .filter(started_at__lt=now - dt.timedelta(seconds=lease_seconds()))
    )
    requeued = failed = 0
    for result in stale:
        if alive and result.worker_ids and result.worker_ids[-1] == alive:
            continue
        attempts = len(result.worker_ids)
        with transaction.atomic():
            still_running = DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING)
            if attempts >= settings.TASK_MAX_ATTEMPTS:
                reason = (
                    f"the worker stopped {attempts} times while running it; retry it, or look at the file"
                )
                changed = still_running.update(
                    status=TaskResultStatus.FAILED,
                    finished_at=now,
                    exception_class_path="articles.worker.WorkerLost",
                    traceback=reason,
                )
            else:
                changed = still_running.update(status=TaskResultStatus.READY, started_at=None)
            TaskLease.objects.filter(task_id=result.pk).delete()
        if not changed:
            continue
        if attempts >= settings.TASK_MAX_ATTEMPTS:
            failed += 1
            abandoned(result.task_path, result.args_kwargs.get("args", []), reason)
            logger.error("gave up on task %s (%s) after %d attempts", result.pk, result.task_path, attempts)
        else:
            requeued += 1
            logger.warning("task %s (%s) lost its worker; queued again", result.pk, result.task_path)
    return requeued, failed


def watch_for_abandoned(stop: threading.Event, worker_id: str) -> None:
    """Look for abandoned tasks every half lease, until ``stop`` is set."""
    try:
        while not stop.wait(lease_seconds() / 2):
            try:
                recover_abandoned(alive=worker_id)
            except DatabaseError as error:
                logger.warning("could not look for abandoned tasks: %s", error)
    finally:
        connection.close()

"""Runs background tasks, and runs again those whose worker died."""

from __future__ import annotations

import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

from articles.worker import LeasedWorker, recover_abandoned, watch_for_abandoned


class Command(BaseCommand):
    help = (
        "Run queued background tasks (uploads), holding a lease on each; tasks left running by a dead worker "
        "are queued again, or failed after TASK_MAX_ATTEMPTS tries."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at the queue.")

    def handle(self, *args: Any, **options: Any) -> None:
        requeued, failed = recover_abandoned()
        if requeued or failed:
            self.stdout.write(f"Abandoned tasks: {requeued} queued again, {failed} given up on.")
        worker = LeasedWorker(
            queue_names=["default"],
            interval=options["interval"],
            batch=options["batch"],
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        stop = threading.Event()
        watcher = threading.Thread(
            target=watch_for_abandoned, args=(stop, worker.worker_id), name="watcher", daemon=True
        )
        if not options["batch"]:
            worker.configure_signals()
            watcher.start()
        try:
            worker.run()
        finally:
            stop.set()
        self.stdout.write(f"Worker {worker.worker_id} stopped after {worker._run_tasks} tasks.")

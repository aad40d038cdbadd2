"""Faults an operator meets, tried on a throwaway database with real worker processes:

- the worker of `scripts/serve` killed with SIGKILL in the middle of a batch of uploads (serve starts
  another, which takes the task over);
- the database locked by another connection for 15 s while a task runs;
- a task that raises.

Prints how every upload ended and whether anything was stored twice; exits 1 unless every upload ended done
or failed and nothing was stored twice. Run with `make faults` (SQLite, or the PostgreSQL of DATABASE_URL).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from scratch import ROOT, scratch_database, setup_django, vendor

LEASE_SECONDS = "3"
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data").glob("*/*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uploads", type=int, default=50, help="uploads in the batch whose worker is killed")
    parser.add_argument("--lock-seconds", type=float, default=15.0)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for a scenario")
    parser.add_argument("--raising-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raising_worker:
        return raising_worker()
    with scratch_database() as url:
        setup_django(url, TASK_LEASE_SECONDS=LEASE_SECONDS)
        logs = Path(tempfile.mkdtemp(prefix="newscompare-faults-"))
        print(f"== faults on {vendor(url)} (lease {LEASE_SECONDS} s; worker logs in {logs})")
        ok = True
        ok &= killed_worker(url, logs, args.uploads, args.timeout)
        ok &= locked_database(url, logs, args.lock_seconds, args.timeout)
        ok &= raising_task(url, logs, args.timeout)
        duplicates = stored_twice()
        print(f"stored twice (articles, analyses, claims, comparisons, links): {duplicates}")
        ok &= duplicates == 0
        if ok:
            shutil.rmtree(logs, ignore_errors=True)
    print("== faults: " + ("every upload ended done or failed, nothing stored twice" if ok else "FAILED"))
    return 0 if ok else 1


def start_worker(url: str, logs: Path, name: str, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url, "TASK_LEASE_SECONDS": LEASE_SECONDS}
    command = (
        [sys.executable, *extra] if extra else [sys.executable, "manage.py", "worker", "--interval", "0.2"]
    )
    log = (logs / f"{name}.log").open("ab")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def make_batch(count: int, tag: str, *, faulty: int = 0) -> uuid.UUID:
    """``count`` new articles saved from an upload and queued for analysis; the first three are also
    compared with a reference article, the first ``faulty`` are titled for the raising worker."""
    from articles.models import Article, Upload
    from articles.tasks import analyse_upload

    batch = uuid.uuid4()
    reference = Article.objects.create(title=f"Reference {tag}", body=TEXTS[0].read_text() + f"\n({tag})\n")
    for n in range(count):
        body = TEXTS[n % len(TEXTS)].read_text(encoding="utf-8") + f"\n({tag}, copy {n})\n"
        title = ("FAULT " if n < faulty else "") + body.splitlines()[0][:200]
        article = Article.objects.create(title=title, body=body, filename=f"{tag}-{n}.txt")
        upload = Upload.objects.create(
            batch=batch, filename=article.filename, title=title, body=body, article=article, status="queued"
        )
        if n < 3:
            upload.compare_with.add(reference)
        analyse_upload.enqueue(upload.pk)
    return batch


def statuses(batch: uuid.UUID) -> dict[str, int]:
    from django.db.models import Count

    from articles.models import Upload

    rows = Upload.objects.filter(batch=batch).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def pending(batch: uuid.UUID) -> int:
    found = statuses(batch)
    return found.get("queued", 0) + found.get("running", 0)


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def report(title: str, batch: uuid.UUID, seconds: float, note: str = "") -> bool:
    found = statuses(batch)
    left = found.get("queued", 0) + found.get("running", 0)
    print(
        f"{title}: {sum(found.values())} uploads -> {found.get('done', 0)} done, {found.get('failed', 0)} failed, "
        f"{left} still pending; all ended {seconds:.1f} s after the fault{note}"
    )
    return left == 0


def killed_worker(url: str, logs: Path, count: int, timeout: float) -> bool:
    """`scripts/serve` (gunicorn and the supervised worker), its worker killed with SIGKILL mid-task."""
    from articles.models import Upload

    batch = make_batch(count, "kill")
    env = {**os.environ, "DATABASE_URL": url, "TASK_LEASE_SECONDS": LEASE_SECONDS}
    log = (logs / "serve.log").open("ab")
    serve = subprocess.Popen(
        [str(ROOT / "scripts" / "serve"), f"127.0.0.1:{free_port()}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        running: list[Upload] = []

        def mid_task() -> bool:
            # The upload being read is taken in the same look that finds it running: a fast worker may have
            # finished it by a second query.
            if statuses(batch).get("done", 0) < 2:
                return False
            running[:] = Upload.objects.filter(batch=batch, status="running")[:1]
            return bool(running)

        if not wait_for(mid_task, timeout):
            print("worker killed mid-task: the worker never got going")
            return False
        victim = running[0]
        killed = workers_of(serve.pid)
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        killed_at = time.monotonic()
        ended = wait_for(lambda: pending(batch) == 0, timeout)
        seconds = time.monotonic() - killed_at
        successors = set(workers_of(serve.pid)) - set(killed)
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
    victim.refresh_from_db()
    note = (
        f"; serve restarted the worker: {'yes' if successors else 'NO'}; "
        f"the upload being read when it was killed ended {victim.status}"
    )
    return report("worker killed with SIGKILL mid-task", batch, seconds, note) and ended and bool(successors)


def workers_of(session: int) -> list[int]:
    """The task workers running in the session of `scripts/serve`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getsid(int(entry.name)) != session:
                continue
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ProcessLookupError):
            continue
        if b"manage.py" in command and b"worker" in command:
            found.append(int(entry.name))
    return found


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def locked_database(url: str, logs: Path, lock_seconds: float, timeout: float) -> bool:
    from articles.models import Upload

    batch = make_batch(12, "lock")
    worker = start_worker(url, logs, "locked")
    if not wait_for(lambda: Upload.objects.filter(batch=batch, status="running").exists(), timeout):
        stop(worker)
        print("database locked: the worker never got going")
        return False
    holder = threading.Thread(target=hold_lock, args=(url, lock_seconds))
    holder.start()
    locked_at = time.monotonic()
    holder.join()
    ended = wait_for(lambda: pending(batch) == 0, timeout)
    seconds = time.monotonic() - locked_at
    stop(worker)
    return report(f"database locked for {lock_seconds:.0f} s during a task", batch, seconds) and ended


def hold_lock(url: str, seconds: float) -> None:
    """Another program holding the write lock (SQLite) or locking the tables the task writes (PostgreSQL)."""
    if url.startswith("sqlite"):
        import sqlite3

        holder = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=60, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        time.sleep(seconds)
        holder.execute("COMMIT")
        holder.close()
        return
    import psycopg

    with psycopg.connect(url) as connection:
        connection.execute(
            "LOCK TABLE articles_upload, articles_claim, articles_analysis, django_tasks_database_dbtaskresult "
            "IN ACCESS EXCLUSIVE MODE"
        )
        time.sleep(seconds)
        connection.commit()


def raising_task(url: str, logs: Path, timeout: float) -> bool:
    from articles.models import Upload

    batch = make_batch(10, "raise", faulty=3)
    started = time.monotonic()
    worker = start_worker(url, logs, "raising", str(Path(__file__)), "--raising-worker")
    try:
        worker.wait(timeout)
    except subprocess.TimeoutExpired:
        stop(worker)
    seconds = time.monotonic() - started
    failed = Upload.objects.filter(batch=batch, status="failed")
    readable = all("injected fault" in u.error and u.can_retry() for u in failed)
    note = f"; failed with a readable reason: {'yes' if readable and failed.count() == 3 else 'NO'}"
    return report("a task that raises (3 of 10)", batch, seconds, note) and readable and failed.count() == 3


def raising_worker() -> int:
    """A worker whose engine raises for articles titled FAULT, as a bug in the engine would."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newscompare.settings")
    django.setup()
    from articles import tasks
    from articles.models import Article

    real = tasks.ensure_claims  # type: ignore[attr-defined]

    def ensure_claims(article: Article) -> int:
        if article.title.startswith("FAULT"):
            raise RuntimeError("injected fault: the engine raised")
        return real(article)

    tasks.ensure_claims = ensure_claims  # type: ignore[attr-defined]
    call_command("worker", "--batch")
    return 0


def stored_twice() -> int:
    """Rows that repeat what another row already holds."""
    from django.db.models import Count

    from articles.models import Analysis, Article, Claim, Comparison, Link

    checks = [
        (Article, ["content_hash"]),
        (Analysis, ["article", "engine_version"]),
        (Claim, ["article", "engine_version", "start", "end"]),
        (Comparison, ["article_a", "article_b", "engine_version"]),
        (Link, ["comparison", "claim_a", "claim_b"]),
    ]
    total = 0
    for model, fields in checks:
        repeated = model._default_manager.values(*fields).annotate(n=Count("id")).filter(n__gt=1)
        total += sum(row["n"] - 1 for row in repeated)
    return total


if __name__ == "__main__":
    sys.exit(main())

"""Races as they happen in a newsroom, tried on a throwaway database with two threads posting at the same
moment (each with its own database connection):

- flag: two editors change one flag, both from the page as it was before either change;
- upload: two admins save the same text, each from their own upload;
- review: one admin's double click on "save" (the same review form posted twice).

Prints, for each, the tries, inconsistent results and server errors; exits 1 unless both are 0.
Run with `make races` (SQLite, or the PostgreSQL of DATABASE_URL).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from scratch import scratch_database, setup_django, vendor


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tries", type=int, default=50)
    args = parser.parse_args()
    with scratch_database() as url:
        setup_django(url)
        print(f"== races on {vendor(url)}: two threads at the same moment, {args.tries} tries each")
        ok = True
        for name, race in [
            ("flag status", flag_race),
            ("verdict set by two editors", verdict_race),
            ("same text saved by two admins", upload_race),
            ("review saved twice (double click)", review_race),
        ]:
            inconsistent, errors = run(race, args.tries)
            print(f"{name}: {args.tries} tries, {inconsistent} inconsistent, {errors} server errors")
            ok &= inconsistent == 0 and errors == 0
    print("== races: " + ("all consistent" if ok else "FAILED"))
    return 0 if ok else 1


def run(race: Callable[[ThreadPoolExecutor, int], tuple[bool, int]], tries: int) -> tuple[int, int]:
    inconsistent = errors = 0
    with ThreadPoolExecutor(2, initializer=_name_thread) as pool:
        for n in range(tries):
            consistent, server_errors = race(pool, n)
            inconsistent += not consistent
            errors += server_errors
        # Each thread closes its own connection.
        list(pool.map(lambda _: _close(), range(2)))
    return inconsistent, errors


def _name_thread() -> None:
    threading.current_thread().name = f"client-{threading.get_ident()}"


def _close() -> None:
    from django.db import connections

    connections.close_all()


def together(pool: ThreadPoolExecutor, *calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in the pool's threads, released at the same moment."""
    barrier = threading.Barrier(len(calls))

    def at_once(call: Callable[[], Any]) -> Any:
        barrier.wait()
        return call()

    return list(pool.map(at_once, calls))


_users: dict[str, Any] = {}


def user(name: str, **fields: Any) -> Any:
    from django.contrib.auth.models import Group, User

    if name not in _users:
        group = fields.pop("group", None)
        _users[name] = User.objects.create_user(name, password="unused-" + uuid.uuid4().hex, **fields)
        if group:
            _users[name].groups.add(Group.objects.get(name=group))
    return _users[name]


def client_for(name: str, **fields: Any) -> Any:
    from django.test import Client

    client = Client(raise_request_exception=False, HTTP_HOST="localhost")
    client.force_login(user(name, **fields))
    return client


_link: list[Any] = []


def flag_race(pool: ThreadPoolExecutor, n: int) -> tuple[bool, int]:
    from articles.models import Article, Claim, Comparison, Flag, Link

    if not _link:
        a = Article.objects.create(title="A", body="At least 12 people died.")
        b = Article.objects.create(title="B", body="Twelve people died.")
        claim = Claim.objects.create(
            article=a, engine_version="race", start=0, end=len(a.body), text=a.body, kind="event"
        )
        comparison = Comparison.objects.create(article_a=a, article_b=b, engine_version="race")
        _link.append(Link.objects.create(comparison=comparison, claim_a=claim, relation="only_a"))
    flag = Flag.open_on(link=_link[0], by=None, note=f"try {n}")
    seen = flag.updated_at.isoformat()
    editors = [client_for("edith", group="Editors"), client_for("omar", group="Editors")]
    url = f"/flags/{flag.pk}/status/"
    responses = together(
        pool,
        *[
            lambda c=c, s=s: c.post(url, {"status": s, "seen": seen}, headers={"HX-Request": "true"})
            for c, s in zip(editors, ["confirmed", "dismissed"], strict=True)
        ],
    )
    flag.refresh_from_db()
    events = list(flag.events.order_by("id"))
    chain = all(later.old_status == earlier.new_status for earlier, later in itertools.pairwise(events))
    # Both forms showed the open flag: exactly one change may be accepted, and the history must lead to it.
    consistent = chain and len(events) == 2 and events[-1].new_status == flag.status
    if not consistent:
        steps = ", ".join(f"{e.old_status}->{e.new_status}" for e in events)
        print(f"  try {n}: flag {flag.status}, history {steps}")
    return consistent, sum(r.status_code >= 500 for r in responses)


def verdict_race(pool: ThreadPoolExecutor, n: int) -> tuple[bool, int]:
    from articles.models import Article, Claim, Comparison, Link

    a = Article.objects.create(title=f"A {n}", body=f"At least 12 people died. ({n})")
    b = Article.objects.create(title=f"B {n}", body=f"Twelve people died. ({n})")
    claims = [
        Claim.objects.create(
            article=x, engine_version="race", start=0, end=len(x.body), text=x.body, kind="event"
        )
        for x in (a, b)
    ]
    comparison = Comparison.objects.create(article_a=a, article_b=b, engine_version="race")
    link = Link.objects.create(
        comparison=comparison, claim_a=claims[0], claim_b=claims[1], relation="agree", score=0.9
    )
    editors = [client_for("edith", group="Editors"), client_for("omar", group="Editors")]
    url = f"/links/{link.pk}/verdict/"
    responses = together(
        pool,
        *[
            lambda c=c, v=v: c.post(
                url, {"relation": v, "reason": f"try {n}", "seen": "engine"}, headers={"HX-Request": "true"}
            )
            for c, v in zip(editors, ["partial", "unrelated"], strict=True)
        ],
    )
    link.refresh_from_db()
    events = list(link.verdict_events.order_by("id"))
    # Both forms showed the engine's verdict: exactly one change may be accepted, and the history leads to it.
    consistent = len(events) == 1 and events[0].old_verdict == "" and events[0].new_verdict == link.verdict
    if not consistent:
        steps = ", ".join(f"{e.old_verdict!r}->{e.new_verdict!r}" for e in events)
        print(f"  try {n}: verdict {link.verdict!r}, history {steps}")
    return consistent, sum(r.status_code >= 500 for r in responses)


def _upload(client: Any, text: str) -> tuple[str, Any]:
    from articles.models import Upload

    response = client.post("/uploads/new/", {"pasted": text})
    batch = response["Location"].split("/")[2]
    return batch, Upload.objects.get(batch=batch)


def _review(client: Any, batch: str, upload: Any) -> Any:
    prefix = f"u{upload.pk}"
    data = {f"{prefix}-title": upload.title, f"{prefix}-include": "on", f"{prefix}-outlet": "The Race"}
    return client.post(f"/uploads/{batch}/review/", data)


def upload_race(pool: ThreadPoolExecutor, n: int) -> tuple[bool, int]:
    from articles.models import Article, Upload, content_hash

    text = f"Same story {n} {uuid.uuid4().hex}\n\nTwo admins saved this at once."
    admins = [
        client_for("ada", is_staff=True, is_superuser=True),
        client_for("bo", is_staff=True, is_superuser=True),
    ]
    staged = [_upload(client, text) for client in admins]
    responses = together(
        pool, *[lambda c=c, s=s: _review(c, *s) for c, s in zip(admins, staged, strict=True)]
    )
    uploads = [Upload.objects.get(pk=u.pk) for _, u in staged]
    articles = Article.objects.filter(content_hash=content_hash(uploads[0].body)).count()
    outcome = sorted(u.status for u in uploads)
    refused = [u for u in uploads if u.status == "failed"]
    consistent = (
        articles == 1
        and outcome == ["failed", "queued"]
        and refused[0].error == "a duplicate: this text is already stored"
        and refused[0].article_id is not None
    )
    if not consistent:
        saw = "; ".join(f"{u.status} {u.error!r} article {u.article_id}" for u in uploads)
        print(f"  try {n}: {articles} article(s) stored; the uploads: {saw}")
    return consistent, sum(r.status_code >= 500 for r in responses)


def review_race(pool: ThreadPoolExecutor, n: int) -> tuple[bool, int]:
    from django_tasks_db.models import DBTaskResult

    from articles.models import Article, Upload, content_hash

    admin = client_for("ada", is_staff=True, is_superuser=True)
    batch, upload = _upload(admin, f"Double click {n} {uuid.uuid4().hex}\n\nSaved once, clicked twice.")
    responses = together(pool, lambda: _review(admin, batch, upload), lambda: _review(admin, batch, upload))
    upload = Upload.objects.get(pk=upload.pk)
    articles = Article.objects.filter(content_hash=content_hash(upload.body)).count()
    tasks = DBTaskResult.objects.filter(args_kwargs__args=[upload.pk]).count()
    consistent = articles == 1 and upload.status == "queued" and tasks == 1
    if not consistent:
        print(f"  try {n}: {articles} article(s), {tasks} task(s), upload {upload.status} {upload.error!r}")
    return consistent, sum(r.status_code >= 500 for r in responses)


if __name__ == "__main__":
    sys.exit(main())

"""Page times and sizes on a generated archive (10,000 articles, 5,000 comparisons, 2,000 flags by default),
on SQLite and on a throwaway PostgreSQL: p50/p95 of 50 requests and the response size of each page.

Run with `make bench-web`. Requests go through Django's full stack (middleware, sessions, templates) in
one process, signed in as a superuser (who sees every form); the cache is the configured one (files).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 50
TARGET_MS, TARGET_KB = 150, 200


def measure(args: argparse.Namespace) -> None:
    """Build the archive in the database of DATABASE_URL and time each page (runs in a child process)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newscompare.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from articles import caching
    from articles.models import Comparison, Outlet

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command(
        "generate_corpus",
        articles=args.articles,
        comparisons=args.comparisons,
        flags=args.flags,
        seed=args.seed,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    build = time.perf_counter() - started
    cache.clear()
    user = User.objects.filter(username="bench").first() or User.objects.create_superuser("bench", "", "x")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    comparison = Comparison.objects.order_by("-id").first()
    assert comparison is not None
    outlet = Outlet.objects.get(name="Reuters")
    pages: list[tuple[str, str, bool]] = [
        ("home", "/", False),
        ("home, page 50", "/?page=50", False),
        ("articles", "/articles/", False),
        ("articles, page 100", "/articles/?page=100", False),
        ("search: headline word", "/search/?q=jeweller", False),
        ("search: an outlet", "/search/?q=Reuters", False),
        ("search: outlet filter", f"/search/?q=strike&outlet={outlet.pk}", False),
        ("search: rare body word", "/search/?q=Diocletian", False),
        ("search: phrase", '/search/?q="rail+strike"+-Germany', False),
        ("search: conflicts", "/search/?q=killed&relation=conflict", False),
        ("home search", "/?q=earthquake", False),
        ("flags queue", "/flags/", False),
        ("flags, confirmed", "/flags/?status=confirmed", False),
        ("comparison, cold cache", comparison.get_absolute_url(), True),
        ("comparison, warm cache", comparison.get_absolute_url(), False),
        ("api comparisons", "/api/comparisons/", False),
        ("api comparison", f"/api/comparisons/{comparison.pk}/", False),
        ("links.csv", f"/comparisons/{comparison.pk}/links.csv", False),
    ]
    for model in ("article", "claim", "comparison", "link", "flag", "flagevent", "analysis", "outlet"):
        pages.append((f"admin {model}s", f"/admin/articles/{model}/", False))
    pages.append(("admin claim search", "/admin/articles/claim/?q=Palmyra", False))
    pages.append(("admin link filter", "/admin/articles/link/?relation__exact=conflict", False))
    print(f"\n{connection.vendor}: built the archive in {build:.0f} s")
    print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'KB':>7}  status")
    worst = 0.0
    for name, url, cold in pages:
        times = []
        size = 0
        for _ in range(REQUESTS):
            if cold:
                caching.invalidate([comparison.pk])
            t = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            size = len(response.content)
            assert response.status_code == 200, (url, response.status_code)
        times.sort()
        p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
        worst = max(worst, p95)
        ok = "ok" if p95 <= TARGET_MS and size <= TARGET_KB * 1024 else "OVER"
        print(f"{name:28} {p50:8.1f} {p95:8.1f} {size / 1024:7.1f}  {ok}")
    print(f"worst p95: {worst:.1f} ms (target {TARGET_MS} ms, {TARGET_KB} KB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--comparisons", type=int, default=5_000)
    parser.add_argument("--flags", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args)
        return
    python = sys.executable
    child = [python, __file__, "--measure", *sys.argv[1:]]
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        os.chmod(tmp, 0o755)  # the PostgreSQL server runs as its own user and keeps its files in here
        for database in args.databases.split(","):
            env = dict(os.environ, DEBUG="0", LOG_LEVEL="WARNING")
            if database == "sqlite":
                env["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
                subprocess.run(child, env=env, check=True)
            else:
                pg_dir = f"{tmp}/pg"
                url = subprocess.run(
                    [str(ROOT / "scripts" / "pg-throwaway"), "start", pg_dir],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.strip()
                try:
                    env["DATABASE_URL"] = url
                    subprocess.run(child, env=env, check=True)
                finally:
                    subprocess.run([str(ROOT / "scripts" / "pg-throwaway"), "stop", pg_dir], check=False)


if __name__ == "__main__":
    main()

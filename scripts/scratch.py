"""A throwaway database for the fault, race and slow-client scripts: a temporary SQLite file, or, when
DATABASE_URL names a PostgreSQL server, a new database on it, dropped afterwards."""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@contextmanager
def scratch_database() -> Iterator[str]:
    """Yields the DATABASE_URL of an empty database that is removed on exit."""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"newscompare_scratch_{secrets.token_hex(4)}"
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(base)
        try:
            yield urlunsplit(parts._replace(path=f"/{name}"))
        finally:
            with psycopg.connect(base, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    folder = tempfile.mkdtemp(prefix="newscompare-")
    try:
        yield f"sqlite:///{folder}/db.sqlite3"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def setup_django(url: str, **env: str) -> None:
    """Django set up on ``url``, migrated; ``env`` adds settings read from the environment."""
    os.environ["DATABASE_URL"] = url
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newscompare.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def vendor(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]

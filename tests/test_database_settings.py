from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite only"
)
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_immediate_transactions(
    tmp_path: Path, django_db_blocker: Any
) -> None:
    # A database file of its own, opened with the settings' options (the tests' own database is in memory).
    options = settings.DATABASES["default"]["OPTIONS"]
    wrapper = DatabaseWrapper({**settings.DATABASES["default"], "NAME": str(tmp_path / "db.sqlite3")})
    with django_db_blocker.unblock(), wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
    with django_db_blocker.unblock():
        wrapper.close()
    assert options["transaction_mode"] == "IMMEDIATE"

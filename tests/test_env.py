from __future__ import annotations

import stat
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newscompare.env import (
    cache_config,
    database_config,
    env_bool,
    env_list,
    env_origins,
    env_str,
    local_secret_key,
)


@pytest.mark.parametrize("raw", ["1", "true", "True", "yes", "on", " ON "])
def test_env_bool_reads_true_words(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG") is True


@pytest.mark.parametrize("raw", ["0", "false", "no", "off", ""])
def test_env_bool_reads_false_words(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=True) is False


def test_env_bool_falls_back_on_the_default_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLAG", raising=False)
    assert env_bool("FLAG") is False
    assert env_bool("FLAG", default=True) is True


def test_env_bool_rejects_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe' is not a boolean"):
        env_bool("DEBUG")


def test_env_str_strips_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAME", "  value ")
    assert env_str("NAME") == "value"
    assert env_str("UNSET_NAME_FOR_TEST", "fallback") == "fallback"


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOSTS", "news.example.com, localhost,,")
    assert env_list("HOSTS", ["default"]) == ["news.example.com", "localhost"]


def test_env_list_gives_the_default_only_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOSTS", raising=False)
    assert env_list("HOSTS", ["127.0.0.1"]) == ["127.0.0.1"]
    monkeypatch.setenv("HOSTS", "")
    assert env_list("HOSTS", ["127.0.0.1"]) == []


def test_env_origins_requires_a_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSRF_TRUSTED_ORIGINS", "https://news.example.com,news.example.org")
    with pytest.raises(ImproperlyConfigured, match=r"'news\.example\.org' must start with http"):
        env_origins("CSRF_TRUSTED_ORIGINS")


def test_database_config_is_sqlite_without_a_url(tmp_path: Path) -> None:
    config = database_config("", tmp_path / "db.sqlite3")
    assert config == {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")}


def test_database_config_reads_a_postgres_url(tmp_path: Path) -> None:
    config = database_config("postgres://news:pw@db.example.com:5433/newscompare", tmp_path / "x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.example.com",
        5433,
        "newscompare",
        "news",
    )


def test_database_config_rejects_an_unknown_scheme_without_showing_the_password(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="unsupported scheme 'mongo'") as error:
        database_config("mongo://user:hunter2@host/db", tmp_path / "x")
    assert "hunter2" not in str(error.value)


def test_local_secret_key_is_generated_once_and_reused(tmp_path: Path) -> None:
    path = tmp_path / ".secret_key"
    key = local_secret_key(path)
    assert len(key) >= 50
    assert local_secret_key(path) == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_local_secret_key_replaces_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / ".secret_key"
    path.write_text("\n")
    key = local_secret_key(path)
    assert key and path.read_text().strip() == key


def test_a_whole_number_is_read_and_a_bad_one_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from newscompare.env import env_int

    monkeypatch.setenv("TASK_LEASE_SECONDS", " 45 ")
    assert env_int("TASK_LEASE_SECONDS", 30) == 45
    monkeypatch.setenv("TASK_LEASE_SECONDS", "soon")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("TASK_LEASE_SECONDS", 30)
    monkeypatch.delenv("TASK_LEASE_SECONDS")
    assert env_int("TASK_LEASE_SECONDS", 30) == 30


def test_admins_are_read_with_or_without_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from newscompare.env import env_admins

    monkeypatch.setenv("ADMINS", "Ops Desk <ops@example.com>, night@example.com")
    assert env_admins("ADMINS") == [
        ("Ops Desk", "ops@example.com"),
        ("night@example.com", "night@example.com"),
    ]
    monkeypatch.setenv("ADMINS", "Ops Desk")
    with pytest.raises(ImproperlyConfigured, match="no e-mail address"):
        env_admins("ADMINS")


def test_the_cache_is_files_by_default_and_redis_when_asked(tmp_path: Path) -> None:
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    files = cache_config("", tmp_path, database)
    assert files["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert files["LOCATION"] == str(tmp_path)
    redis = cache_config("redis://127.0.0.1:6379/0", tmp_path, database)
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/0"


def test_two_databases_never_share_cache_keys(tmp_path: Path) -> None:
    sqlite = cache_config("", tmp_path, {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"})
    postgres = cache_config("", tmp_path, {"ENGINE": "django.db.backends.postgresql", "NAME": "news"})
    assert sqlite["KEY_PREFIX"] != postgres["KEY_PREFIX"]


def test_a_redis_url_of_another_scheme_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        cache_config("http://127.0.0.1:6379", tmp_path, {})

"""Typed readers for the environment variables that configure NewsCompare; bad values stop start-up."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use 1/0, true/false, yes/no or on/off")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None
    if value < 0:
        raise ImproperlyConfigured(f"{name}={raw!r} must not be negative")
    return value


def env_admins(name: str) -> list[tuple[str, str]]:
    """People mailed about server errors: ``Name <address>`` or a bare address, comma-separated."""
    admins = []
    for item in env_list(name, []):
        display, _, rest = item.partition("<")
        address = rest.rstrip(">").strip() if rest else display.strip()
        if "@" not in address:
            raise ImproperlyConfigured(f"{name}: {item!r} has no e-mail address")
        admins.append((display.strip() if rest else address, address))
    return admins


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; unset gives ``default``, an empty string gives an empty list."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_origins(name: str) -> list[str]:
    """Origins such as ``https://news.example.com``, as CSRF_TRUSTED_ORIGINS wants them."""
    origins = env_list(name, [])
    for origin in origins:
        if not origin.startswith(("http://", "https://")):
            raise ImproperlyConfigured(f"{name}: {origin!r} must start with http:// or https://")
    return origins


def database_config(url: str, sqlite_path: Path) -> dj_database_url.DBConfig:
    """The default database: ``url`` when given (PostgreSQL in production), else the local SQLite file."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_path)}
    try:
        config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except ValueError:
        # The URL may hold a password: name only its scheme.
        scheme = url.partition("://")[0] if "://" in url else "(none)"
        raise ImproperlyConfigured(
            f"DATABASE_URL has an unsupported scheme {scheme!r}: use postgres://USER:PASSWORD@HOST:PORT/NAME"
        ) from None
    return config


def local_secret_key(path: Path) -> str:
    """The key kept in ``path``, generated on first use so that sessions survive restarts."""
    if path.exists() and (key := path.read_text(encoding="utf-8").strip()):
        return key
    key = get_random_secret_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(key + "\n")
    return key


def cache_config(redis_url: str, cache_dir: Path, database: Mapping[str, Any]) -> dict[str, object]:
    """Django's cache: Redis at ``redis_url`` when given, else files under ``cache_dir`` (no server needed).

    Keys are prefixed by the database they describe, so that two databases never share entries.
    """
    where = "|".join(str(database.get(key, "")) for key in ("ENGINE", "NAME", "HOST", "PORT"))
    prefix = hashlib.sha256(where.encode()).hexdigest()[:12]
    if redis_url:
        if not redis_url.startswith(("redis://", "rediss://", "unix://")):
            raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://")
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(cache_dir),
        "KEY_PREFIX": prefix,
    }

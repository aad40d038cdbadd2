"""Shared fixtures (signed-in clients, the stored seed comparison) and make_* helpers for model rows.

Model imports stay inside functions: the engine's tests also run without Django (`-p no:django`).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.test import Client

    from articles.models import Article, Claim, Comparison, Link

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_A = SEEDS / "000_475460b12f2ee23d.txt"
SEED_B = SEEDS / "004_d796ff16ba98fff6.txt"

_unique = itertools.count(1)


@pytest.fixture(autouse=True, scope="session")
def _fast_test_settings(request: pytest.FixtureRequest) -> Iterator[None]:
    if not request.config.pluginmanager.has_plugin("django"):
        yield
        return
    from django.test import override_settings

    # Static files straight from the source folders: the manifest storage would need collectstatic.
    # MD5 because real password hashing is slow on purpose.
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        STATIC_ROOT=None,
        WHITENOISE_USE_FINDERS=True,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


def make_user(username: str = "", group: str | None = None, **overrides: Any) -> User:
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username or f"user{next(_unique)}", password="secret", **overrides)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_article(**overrides: Any) -> Article:
    from articles.models import Article, Outlet

    n = next(_unique)
    fields: dict[str, Any] = {
        "title": f"Rebels retake the town {n}",
        "body": f"Rebels retake the town {n}\n\nRebels took the town on Monday. At least 12 people died.\n",
        "published": dt.date(2016, 3, 28),
    }
    fields.update(overrides)
    if "outlet" not in fields:
        fields["outlet"] = Outlet.objects.get_or_create(name="The Daily Example")[0]
    return Article.objects.create(**fields)


def make_claim(article: Article, text: str, **overrides: Any) -> Claim:
    """A claim over the first occurrence of ``text`` in the article's body."""
    from articles.models import Claim

    start = article.body.index(text)
    fields: dict[str, Any] = {"engine_version": "test", "kind": "event"}
    fields.update(overrides)
    return Claim.objects.create(article=article, start=start, end=start + len(text), text=text, **fields)


def make_comparison(**overrides: Any) -> Comparison:
    from articles.models import Comparison

    fields: dict[str, Any] = {"engine_version": "test"}
    fields.update(overrides)
    fields.setdefault("article_a", make_article())
    fields.setdefault("article_b", make_article())
    return Comparison.objects.create(**fields)


def make_link(comparison: Comparison, **overrides: Any) -> Link:
    from articles.models import Link

    fields: dict[str, Any] = {"relation": "agree", "score": 0.9, "explanation": "both say so"}
    fields.update(overrides)
    return Link.objects.create(comparison=comparison, **fields)


@pytest.fixture
def journalist(db: None) -> User:
    return make_user("alice", "Journalists")


@pytest.fixture
def editor(db: None) -> User:
    return make_user("edith", "Editors")


@pytest.fixture
def journalist_client(client: Client, journalist: User) -> Client:
    client.force_login(journalist)
    return client


@pytest.fixture
def seed_comparison(db: None) -> Comparison:
    """The seeds imported and compared, as `make run` leaves them."""
    from django.core.management import call_command

    from articles.models import Comparison

    call_command("load_seeds", stdout=io.StringIO())
    return Comparison.objects.get()

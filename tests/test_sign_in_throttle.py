from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_user
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client, override_settings
from django.utils import timezone

from articles.models import SignInFailure

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    """The tests' hasher, counting how often a password is checked: the work a guesser makes the server do."""

    checks = 0

    def verify(self, password: str, encoded: str) -> bool:
        CountingHasher.checks += 1
        return super().verify(password, encoded)


def _sign_in(client: Client, password: str, username: str = "alice", address: str = "10.0.0.1") -> object:
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_eleventh_wrong_password_is_refused_with_the_lockout_message(client: Client) -> None:
    make_user("alice")
    for _ in range(10):
        assert _sign_in(client, "wrong").status_code == 200  # type: ignore[attr-defined]
    response = _sign_in(client, "wrong")
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "Try again in 15 minutes" in response.content.decode()  # type: ignore[attr-defined]
    assert response["Retry-After"] == "900"  # type: ignore[index]


def test_the_right_password_during_the_lockout_does_not_sign_in(client: Client) -> None:
    make_user("alice")
    for _ in range(10):
        _sign_in(client, "wrong")
    response = _sign_in(client, "secret")
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_when_the_failures_leave_the_window(client: Client) -> None:
    make_user("alice")
    for _ in range(10):
        _sign_in(client, "wrong")
    SignInFailure.objects.update(at=timezone.now() - dt.timedelta(minutes=16))
    assert _sign_in(client, "secret").status_code == 302  # type: ignore[attr-defined]


def test_the_message_counts_down_to_the_end_of_the_lockout(client: Client) -> None:
    make_user("alice")
    for _ in range(10):
        _sign_in(client, "wrong")
    SignInFailure.objects.update(at=timezone.now() - dt.timedelta(minutes=13, seconds=30))
    assert "Try again in 2 minutes" in _sign_in(client, "wrong").content.decode()  # type: ignore[attr-defined]


def test_one_address_guessing_many_accounts_is_locked_out(client: Client) -> None:
    make_user("alice")
    for n in range(30):
        _sign_in(client, "wrong", username=f"someone{n}")
    assert _sign_in(client, "secret").status_code == 429  # type: ignore[attr-defined]
    # Another address may still sign in to the account.
    assert _sign_in(client, "secret", address="10.0.0.2").status_code == 302  # type: ignore[attr-defined]


def test_the_account_is_counted_whatever_the_case_of_its_name(client: Client) -> None:
    make_user("alice")
    for n in range(10):
        _sign_in(client, "wrong", username="ALICE" if n % 2 else "alice", address=f"10.0.1.{n}")
    assert _sign_in(client, "secret", address="10.0.2.1").status_code == 429  # type: ignore[attr-defined]


def test_a_locked_out_guesser_makes_the_server_hash_nothing(client: Client) -> None:
    # Hashing is what slows every reader when guessers hammer the sign-in page (PBKDF2 takes a CPU for a
    # good fraction of a second): once locked out, their attempts are refused before any hashing.
    make_user("alice")
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.CountingHasher"]):
        for _ in range(10):
            _sign_in(client, "wrong")
        CountingHasher.checks = 0
        for _ in range(50):
            assert _sign_in(client, "wrong").status_code == 429  # type: ignore[attr-defined]
        assert CountingHasher.checks == 0


def test_a_successful_sign_in_is_not_counted(client: Client) -> None:
    make_user("alice")
    for _ in range(12):
        assert _sign_in(client, "secret").status_code == 302  # type: ignore[attr-defined]
        client.post("/accounts/logout/")
    assert not SignInFailure.objects.exists()


def test_the_admin_sign_in_is_throttled_too(client: Client) -> None:
    make_user("root", is_staff=True, is_superuser=True)
    for _ in range(10):
        client.post("/admin/login/", {"username": "root", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    response = client.post(
        "/admin/login/", {"username": "root", "password": "secret"}, REMOTE_ADDR="10.0.0.9"
    )
    assert "Try again in" in response.content.decode()
    assert "_auth_user_id" not in client.session

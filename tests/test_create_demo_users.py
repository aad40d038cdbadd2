from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = io.StringIO()
    call_command("create_demo_users", stdout=out)
    return out.getvalue()


def test_it_creates_one_account_per_role_with_working_printed_passwords() -> None:
    output = _run()
    passwords = dict(re.findall(r"^(\w+): created, password (\S+)$", output, re.MULTILINE))
    assert set(passwords) == {"journalist", "editor", "admin"}
    assert len(set(passwords.values())) == 3
    for username, password in passwords.items():
        assert authenticate(username=username, password=password) is not None
    assert list(User.objects.get(username="journalist").groups.values_list("name", flat=True)) == [
        "Journalists"
    ]
    assert list(User.objects.get(username="editor").groups.values_list("name", flat=True)) == ["Editors"]
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff


def test_run_again_it_keeps_the_accounts_and_prints_no_password() -> None:
    _run()
    before = list(User.objects.order_by("pk").values_list("username", "password"))
    output = _run()
    assert list(User.objects.order_by("pk").values_list("username", "password")) == before
    assert "created" not in output
    assert output.count("exists (password unchanged)") == 3

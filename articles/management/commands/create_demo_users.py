"""`manage.py create_demo_users`: one account per role for a local demo, with passwords shown once."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand

from articles.roles import EDITORS, JOURNALISTS, ensure_groups

# username, group (None for the superuser)
DEMO_ACCOUNTS: list[tuple[str, str | None]] = [
    ("journalist", JOURNALISTS),
    ("editor", EDITORS),
    ("admin", None),
]


class Command(BaseCommand):
    help = (
        "Create the demo accounts journalist, editor and admin (a superuser) with random passwords, "
        "printed once. Existing accounts are left as they are. For a local demo only."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_groups()
        for username, group_name in DEMO_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"{username}: exists (password unchanged)")
                continue
            password = secrets.token_urlsafe(12)
            if group_name is None:
                User.objects.create_superuser(username, password=password)
            else:
                user = User.objects.create_user(username, password=password)
                user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(self.style.SUCCESS(f"{username}: created, password {password}"))

"""The two newsroom roles as auth groups: journalists read and compare, editors also judge flags."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

JOURNALISTS = "Journalists"
EDITORS = "Editors"

_READ = [
    "view_outlet",
    "view_article",
    "view_claim",
    "view_comparison",
    "view_link",
    "view_flag",
    "view_flagevent",
]
_JOURNALIST = [*_READ, "add_outlet", "add_article", "add_comparison", "add_flag"]
_EDITOR = [*_JOURNALIST, "change_article", "change_flag", "change_flag_status"]

GROUP_PERMISSIONS: dict[str, list[str]] = {JOURNALISTS: _JOURNALIST, EDITORS: _EDITOR}


def ensure_groups(**kwargs: Any) -> None:
    """Create both groups and give them exactly their permissions; safe to run any number of times."""
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        group.permissions.set(permissions)

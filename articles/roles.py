"""The two newsroom roles as auth groups: journalists read and compare, editors also judge flags."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission, User
from django.db.models import Q, QuerySet

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
    "view_verdictevent",
    "view_leftover",
    "view_story",
    "view_storyarticle",
    "view_articleversion",
]
_JOURNALIST = [*_READ, "add_outlet", "add_article", "add_comparison", "add_flag"]
# Editors set verdicts on links (change_link) and link claims the engine left apart (add_link).
_EDITOR = [*_JOURNALIST, "change_article", "change_flag", "change_flag_status", "change_link", "add_link"]
# Editors also confirm the articles proposed for a story and move them between stories.
_EDITOR += ["change_storyarticle"]

GROUP_PERMISSIONS: dict[str, list[str]] = {JOURNALISTS: _JOURNALIST, EDITORS: _EDITOR}


def ensure_groups(**kwargs: Any) -> None:
    """Create both groups and give them exactly their permissions; safe to run any number of times."""
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        group.permissions.set(permissions)


def editors() -> QuerySet[User]:
    """The people who can triage flags: members of Editors, and superusers."""
    return (
        User.objects.filter(Q(groups__name=EDITORS) | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("username")
    )

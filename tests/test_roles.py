from __future__ import annotations

import pytest
from conftest import make_user
from django.contrib.auth.models import Group

from articles.roles import GROUP_PERMISSIONS, ensure_groups

pytestmark = pytest.mark.django_db


def test_migrating_creates_both_groups_with_all_their_permissions() -> None:
    for name, codenames in GROUP_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        assert sorted(group.permissions.values_list("codename", flat=True)) == sorted(codenames)


def test_only_editors_may_change_a_flags_status() -> None:
    journalist = make_user(group="Journalists")
    editor = make_user(group="Editors")
    assert journalist.has_perm("articles.add_flag") and not journalist.has_perm("articles.change_flag_status")
    assert editor.has_perm("articles.change_flag_status")


def test_ensure_groups_restores_missing_permissions() -> None:
    group = Group.objects.get(name="Editors")
    group.permissions.clear()
    ensure_groups()
    assert group.permissions.count() == len(GROUP_PERMISSIONS["Editors"])

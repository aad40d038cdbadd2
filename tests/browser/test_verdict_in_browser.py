"""A journalist flags a link, an editor sets its verdict, and the verdict survives a new engine version."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from browsing import screenshot
from conftest import make_user
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Page, expect

import articles.engine
from articles.models import Comparison, Flag, Link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _count(page: Page, relation: str) -> int:
    return int(page.locator(f".verdicts .verdict.rel-{relation} strong").inner_text())


def test_a_flagged_link_gets_an_editors_verdict_that_survives_a_new_engine_version(
    open_page: Callable[[User], Page],
    seed_comparison: Comparison,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    link = next(
        link
        for link in seed_comparison.links.order_by("id")
        if link.relation in ("agree", "partial", "conflict")
    )
    engine_relation = link.relation

    journalist = open_page(make_user("alice", "Journalists"))
    journalist.goto(seed_comparison.get_absolute_url())
    row = journalist.locator(f"#link-{link.pk}")
    row.get_by_text("Flag a discrepancy").click()
    row.get_by_label("Note").fill("These are two different days, surely?")
    row.get_by_role("button", name="Flag", exact=True).click()
    expect(journalist.locator(f"#link-{link.pk} .flag.status-open")).to_contain_text("two different days")
    expect(journalist.locator(f"#link-{link.pk}").get_by_text("Set the verdict")).to_have_count(0)
    screenshot(journalist, "verdict-1-journalist-flags")

    editor = open_page(make_user("edith", "Editors"))
    editor.goto(seed_comparison.get_absolute_url())
    before, unrelated_before = _count(editor, engine_relation), _count(editor, "unrelated")
    row = editor.locator(f"#link-{link.pk}")
    row.get_by_text("Set the verdict").click()
    row.get_by_label("not the same fact").check()
    row.get_by_label("Reason").fill("The army entered on Sunday; this is Thursday's shelling.")
    screenshot(editor, "verdict-2-editor-sets-it")
    row.get_by_role("button", name="Save the verdict").click()
    expect(editor.locator(f"#link-{link.pk} .badge")).to_contain_text("not the same fact")
    expect(editor.locator(f"#link-{link.pk}")).to_contain_text("set by edith")
    expect(editor.locator(f"#link-{link.pk}")).to_contain_text("engine said")

    editor.reload()
    assert _count(editor, engine_relation) == before - 1
    assert _count(editor, "unrelated") == unrelated_before + 1
    editor.get_by_role("link", name="Not the same fact").click()
    expect(editor.locator(f"#link-{link.pk}")).to_be_visible()
    screenshot(editor, "verdict-3-counts-changed", full_page=True)

    monkeypatch.setattr(articles.engine, "ENGINE_VERSION", "99.0-test")
    call_command("reanalyse", stdout=io.StringIO())
    new = Comparison.objects.get(engine_version="99.0-test")
    carried = Link.objects.get(comparison=new, verdict="unrelated")
    assert carried.claim_a and link.claim_a and carried.claim_a.start == link.claim_a.start
    assert Flag.objects.get().link == carried

    editor.goto(new.get_absolute_url())
    expect(editor.locator(f"#link-{carried.pk} .badge")).to_contain_text("not the same fact")
    expect(editor.locator(f"#link-{carried.pk} .flag")).to_contain_text("two different days")
    assert _count(editor, "unrelated") == unrelated_before + 1
    screenshot(editor, "verdict-4-after-new-engine-version", full_page=True)

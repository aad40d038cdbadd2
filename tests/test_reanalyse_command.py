from __future__ import annotations

import io

import pytest
from conftest import make_claim, make_user
from django.core.management import call_command

import articles.engine
from articles.models import Comparison, Flag, Leftover, Link

pytestmark = pytest.mark.django_db


def _reanalyse(monkeypatch: pytest.MonkeyPatch, version: str = "99.0-test") -> str:
    monkeypatch.setattr(articles.engine, "ENGINE_VERSION", version)
    out = io.StringIO()
    call_command("reanalyse", stdout=out)
    return out.getvalue()


def _pair(comparison: Comparison, old: Link) -> Link:
    """The link of ``comparison`` between the claims over the same spans as ``old``'s."""
    assert old.claim_a and old.claim_b
    return Link.objects.get(
        comparison=comparison,
        claim_a__start=old.claim_a.start,
        claim_a__end=old.claim_a.end,
        claim_b__start=old.claim_b.start,
        claim_b__end=old.claim_b.end,
    )


def test_a_new_engine_version_keeps_verdicts_flags_and_manual_links(
    seed_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_user("edith", "Editors")
    journalist = make_user("alice", "Journalists")
    paired = [link for link in seed_comparison.links.all() if link.has_pair()]
    judged, flagged = paired[0], paired[1]
    judged.set_verdict("unrelated", by=editor, reason="Different events.")
    link_flag = Flag.open_on(link=flagged, by=journalist, note="Looks wrong")
    only_a = seed_comparison.links.filter(relation="only_a").first()
    only_b = seed_comparison.links.filter(relation="only_b").first()
    assert only_a and only_b and only_a.claim_a and only_b.claim_b
    claim_flag = Flag.open_on(claim=only_a.claim_a, by=journalist, note="Which town?")
    manual = Link.objects.create(
        comparison=seed_comparison,
        claim_a=only_a.claim_a,
        claim_b=only_b.claim_b,
        relation="partial",
        manual=True,
    )
    manual.set_verdict("partial", by=editor, reason="Same fact, other figure.")

    output = _reanalyse(monkeypatch)

    new = Comparison.objects.get(engine_version="99.0-test")
    assert f"as #{new.pk} (engine 99.0-test)" in output
    assert new.links.exclude(claim_a=None).filter(claim_a__engine_version="99.0-test").exists()
    carried = _pair(new, judged)
    assert (carried.verdict, carried.verdict_reason, carried.verdict_by) == (
        "unrelated",
        "Different events.",
        editor,
    )
    assert new.counts()["unrelated"] == 1
    link_flag.refresh_from_db()
    assert link_flag.link == _pair(new, flagged)
    assert link_flag.events.filter(kind="carried").exists()
    claim_flag.refresh_from_db()
    assert claim_flag.claim is not None and claim_flag.claim.engine_version == "99.0-test"
    assert (claim_flag.claim.start, claim_flag.claim.end) == (only_a.claim_a.start, only_a.claim_a.end)
    carried_manual = _pair(new, manual)
    assert carried_manual.manual and carried_manual.effective_relation() == "partial"
    assert not Leftover.objects.exists()
    # Running it again does nothing.
    assert "0 comparison(s) made" in _reanalyse(monkeypatch)


def test_work_on_a_claim_the_new_engine_no_longer_reads_is_listed_not_dropped(
    seed_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_user("edith", "Editors")
    article = seed_comparison.article_a
    # A claim over one word, as an older engine might have cut it: no new claim stands for it.
    lone_word = make_claim(article, "Palmyra", engine_version=seed_comparison.engine_version)
    flag = Flag.open_on(claim=lone_word, by=editor, note="Spelling?")

    output = _reanalyse(monkeypatch)

    new = Comparison.objects.get(engine_version="99.0-test")
    leftover = Leftover.objects.get()
    assert (leftover.comparison, leftover.kind, leftover.flag) == (new, "flag", flag)
    assert "Palmyra" in leftover.description and "Spelling?" in leftover.description
    assert "1 item(s) could not be carried over" in output
    flag.refresh_from_db()
    assert flag.claim == lone_word  # left where it was, for the editor to look at
    client_html = _page_as(editor, new)
    assert "Not carried over from the previous engine version (1)" in client_html


def _page_as(user: object, comparison: Comparison) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client.get(comparison.get_absolute_url()).content.decode()


def test_leftovers_are_listed_for_editors_only(
    seed_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = make_user("edith", "Editors")
    lone_word = make_claim(
        seed_comparison.article_a, "Palmyra", engine_version=seed_comparison.engine_version
    )
    Flag.open_on(claim=lone_word, by=editor, note="Spelling?")
    _reanalyse(monkeypatch)
    new = Comparison.objects.get(engine_version="99.0-test")
    assert "Not carried over" in _page_as(editor, new)
    assert "Not carried over" not in _page_as(make_user("alice", "Journalists"), new)

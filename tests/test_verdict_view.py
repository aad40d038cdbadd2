from __future__ import annotations

import pytest
from conftest import make_claim, make_comparison, make_link, make_user
from django.contrib.auth.models import User
from django.test import Client

from articles.models import Link, VerdictEvent

pytestmark = pytest.mark.django_db


def _link(relation: str = "conflict") -> Link:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "At least 12 people died.")
    return make_link(comparison, relation=relation, claim_a=a, claim_b=b)


def _url(link: Link) -> str:
    return f"/links/{link.pk}/verdict/"


@pytest.fixture
def editor_client(client: Client, editor: User) -> Client:
    client.force_login(editor)
    return client


def test_an_editor_sets_the_verdict_with_a_reason(editor_client: Client, editor: User) -> None:
    link = _link()
    response = editor_client.post(_url(link), {"relation": "unrelated", "reason": "Different days."})
    assert response.status_code == 302
    assert response["Location"] == f"/comparisons/{link.comparison_id}/#link-{link.pk}"
    link.refresh_from_db()
    assert (link.verdict, link.verdict_reason, link.verdict_by) == ("unrelated", "Different days.", editor)
    assert link.verdict_at is not None
    assert link.relation == "conflict"  # the engine's verdict is kept beside the editor's
    assert link.effective_relation() == "unrelated"


def test_the_counts_and_filters_follow_the_editors_verdict(editor_client: Client) -> None:
    link = _link()
    page = link.comparison.get_absolute_url()
    assert f'id="link-{link.pk}"' in editor_client.get(page + "?relation=conflict").content.decode()
    editor_client.post(_url(link), {"relation": "unrelated", "reason": "Different days."})
    assert f'id="link-{link.pk}"' not in editor_client.get(page + "?relation=conflict").content.decode()
    html = editor_client.get(page + "?relation=unrelated").content.decode()
    assert f'id="link-{link.pk}"' in html
    assert "engine said:" in html
    assert "set by edith" in html
    assert link.comparison.counts()["conflict"] == 0
    assert link.comparison.counts()["unrelated"] == 1


def test_every_change_is_kept_in_the_history(editor_client: Client) -> None:
    link = _link()
    editor_client.post(_url(link), {"relation": "partial", "reason": "One says 12."})
    editor_client.post(_url(link), {"relation": "agree", "reason": "Both say 12 after all."})
    editor_client.post(_url(link), {"relation": "engine", "reason": ""})
    history = [(e.old_verdict, e.new_verdict) for e in VerdictEvent.objects.filter(link=link)]
    assert history == [("", "partial"), ("partial", "agree"), ("agree", "")]
    link.refresh_from_db()
    assert link.effective_relation() == "conflict"


def test_a_journalist_gets_403(journalist_client: Client) -> None:
    link = _link()
    response = journalist_client.post(_url(link), {"relation": "agree", "reason": "x"})
    assert response.status_code == 403
    link.refresh_from_db()
    assert link.verdict == ""


def test_an_admin_may_set_the_verdict(admin_client: Client) -> None:
    link = _link()
    assert admin_client.post(_url(link), {"relation": "agree", "reason": "x"}).status_code == 302
    link.refresh_from_db()
    assert link.verdict == "agree"


def test_anonymous_users_are_sent_to_sign_in(client: Client) -> None:
    link = _link()
    response = client.post(_url(link), {"relation": "agree", "reason": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_needs_a_csrf_token(editor: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    link = _link()
    assert client.post(_url(link), {"relation": "agree", "reason": "x"}).status_code == 403
    link.refresh_from_db()
    assert link.verdict == ""


def test_it_refuses_get(editor_client: Client) -> None:
    assert editor_client.get(_url(_link())).status_code == 405


def test_an_unknown_relation_is_refused(editor_client: Client) -> None:
    link = _link()
    editor_client.post(_url(link), {"relation": "only_a", "reason": "x"})
    link.refresh_from_db()
    assert link.verdict == ""


def test_a_one_sided_claim_takes_no_verdict(editor_client: Client) -> None:
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    link = make_link(comparison, relation="only_a", claim_a=claim)
    response = editor_client.post(_url(link), {"relation": "agree"})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.verdict == ""


def test_htmx_gets_the_row_back(editor_client: Client) -> None:
    link = _link()
    response = editor_client.post(
        _url(link), {"relation": "partial", "reason": "<b>bold</b>"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert f'<li id="link-{link.pk}" class="link-row rel-partial"' in html
    assert "<html" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html


def test_an_editor_links_two_claims_the_engine_left_apart(editor_client: Client) -> None:
    comparison = make_comparison(engine_version="test")
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    make_link(comparison, relation="only_a", claim_a=a)
    make_link(comparison, relation="only_b", claim_b=b)
    url = f"/comparisons/{comparison.pk}/links/new/"
    response = editor_client.post(
        url, {"claim_a": a.pk, "claim_b": b.pk, "relation": "agree", "reason": "same"}
    )
    link = Link.objects.get(comparison=comparison, claim_a=a, claim_b=b)
    assert response["Location"] == f"/comparisons/{comparison.pk}/#link-{link.pk}"
    assert link.manual and link.effective_relation() == "agree"
    assert comparison.counts()["agree"] == 1
    # The same pair twice is refused.
    editor_client.post(url, {"claim_a": a.pk, "claim_b": b.pk, "relation": "agree"})
    assert Link.objects.filter(comparison=comparison, claim_a=a, claim_b=b).count() == 1


def test_a_journalist_cannot_link_claims(journalist_client: Client) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    url = f"/comparisons/{comparison.pk}/links/new/"
    assert (
        journalist_client.post(url, {"claim_a": a.pk, "claim_b": b.pk, "relation": "agree"}).status_code
        == 403
    )


def test_a_claim_of_another_article_cannot_be_linked(editor_client: Client) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    other = make_comparison()
    stranger = make_claim(other.article_b, "Rebels took the town on Monday.")
    url = f"/comparisons/{comparison.pk}/links/new/"
    editor_client.post(url, {"claim_a": a.pk, "claim_b": stranger.pk, "relation": "agree"})
    assert not Link.objects.filter(manual=True).exists()


def test_journalists_see_the_confidence_as_a_word_not_a_score(journalist_client: Client) -> None:
    link = _link()
    html = journalist_client.get(link.comparison.get_absolute_url()).content.decode()
    assert "confidence: high" in html
    assert "score 0.90" not in html


def test_roles_without_an_account_in_the_newsroom_cannot_set_verdicts(client: Client) -> None:
    client.force_login(make_user())
    assert client.post(_url(_link()), {"relation": "agree"}).status_code == 403


def test_htmx_gets_the_error_in_the_row(editor_client: Client) -> None:
    link = _link()
    response = editor_client.post(_url(link), {"reason": "no choice"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<details class="verdict-form" open>' in html and "This field is required." in html
    link.refresh_from_db()
    assert link.verdict == ""


def test_a_verdict_changed_since_the_form_was_shown_is_not_overwritten(
    editor_client: Client, editor: User
) -> None:
    link = _link()
    other = make_user(group="Editors")
    link.set_verdict("agree", by=other, reason="Same toll.")
    response = editor_client.post(
        _url(link), {"relation": "unrelated", "reason": "Different days.", "seen": "engine"}, follow=True
    )
    link.refresh_from_db()
    assert (link.verdict, link.verdict_by) == ("agree", other)
    assert f"This verdict was changed by {other.get_username()}" in response.content.decode()
    assert VerdictEvent.objects.filter(link=link).count() == 1


def test_a_form_showing_the_current_verdict_may_change_it(editor_client: Client) -> None:
    link = _link()
    page = editor_client.get(link.comparison.get_absolute_url()).content.decode()
    assert 'name="seen" value="engine"' in page
    editor_client.post(_url(link), {"relation": "agree", "reason": "", "seen": "engine"})
    link.refresh_from_db()
    assert link.verdict == "agree" and link.verdict_at is not None
    seen = link.verdict_at.isoformat()
    editor_client.post(_url(link), {"relation": "partial", "reason": "Rounded.", "seen": seen})
    link.refresh_from_db()
    assert link.verdict == "partial"

from __future__ import annotations

import pytest
from conftest import make_claim, make_comparison, make_link, make_user
from django.test import Client

from articles.models import Flag

pytestmark = pytest.mark.django_db


def _flag() -> Flag:
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    link = make_link(comparison, relation="only_a", claim_a=claim)
    return Flag.open_on(link=link, by=None, note="Is this right?")


@pytest.fixture
def editor_client(client: Client) -> Client:
    client.force_login(make_user("edith", "Editors"))
    return client


@pytest.mark.parametrize("status", ["confirmed", "dismissed", "resolved"])
def test_an_editor_changes_the_status_and_it_is_recorded(editor_client: Client, status: str) -> None:
    flag = _flag()
    response = editor_client.post(f"/flags/{flag.pk}/status/", {"status": status, "note": "Checked"})
    flag.refresh_from_db()
    assert response.status_code == 302
    assert flag.status == status
    event = flag.events.last()
    assert event is not None
    assert (event.old_status, event.new_status, event.note) == ("open", status, "Checked")
    assert event.created_by is not None and event.created_by.username == "edith"


def test_htmx_gets_the_flag_back_with_its_history(editor_client: Client) -> None:
    flag = _flag()
    response = editor_client.post(
        f"/flags/{flag.pk}/status/", {"status": "confirmed"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div id="flag-{flag.pk}" class="flag status-confirmed"')
    assert "<html" not in html
    assert "History (2)" in html and "edith" in html
    assert 'value="open"' in html  # it can be reopened


def test_the_same_status_again_records_nothing(editor_client: Client) -> None:
    flag = _flag()
    editor_client.post(f"/flags/{flag.pk}/status/", {"status": "open"})
    assert flag.events.count() == 1


def test_an_unknown_status_is_refused(editor_client: Client) -> None:
    flag = _flag()
    response = editor_client.post(f"/flags/{flag.pk}/status/", {"status": "deleted"}, follow=True)
    flag.refresh_from_db()
    assert flag.status == "open"
    assert "The flag was not changed" in response.content.decode()


def test_a_journalist_cannot_change_a_flag(journalist_client: Client) -> None:
    flag = _flag()
    assert journalist_client.post(f"/flags/{flag.pk}/status/", {"status": "dismissed"}).status_code == 403
    flag.refresh_from_db()
    assert flag.status == "open"


def test_an_admin_can_change_a_flag(admin_client: Client) -> None:
    flag = _flag()
    admin_client.post(f"/flags/{flag.pk}/status/", {"status": "dismissed"})
    flag.refresh_from_db()
    assert flag.status == "dismissed"


def test_anonymous_users_are_sent_to_sign_in(client: Client) -> None:
    flag = _flag()
    response = client.post(f"/flags/{flag.pk}/status/", {"status": "dismissed"})
    assert response["Location"].startswith("/accounts/login/")


def test_it_needs_a_csrf_token(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(group="Editors"))
    flag = _flag()
    assert client.post(f"/flags/{flag.pk}/status/", {"status": "dismissed"}).status_code == 403


def test_an_unknown_flag_is_not_found(editor_client: Client) -> None:
    assert editor_client.post("/flags/999/status/", {"status": "dismissed"}).status_code == 404


def _seen(flag: Flag) -> str:
    flag.refresh_from_db()
    return flag.updated_at.isoformat()


def test_a_form_older_than_the_last_change_is_refused_saying_who_changed_it(editor_client: Client) -> None:
    flag = _flag()
    seen = _seen(flag)
    other = make_user("omar", "Editors")
    flag.change_status("confirmed", by=other)
    response = editor_client.post(
        f"/flags/{flag.pk}/status/", {"status": "dismissed", "seen": seen}, headers={"HX-Request": "true"}
    )
    flag.refresh_from_db()
    assert flag.status == "confirmed"
    assert flag.events.count() == 2
    assert "This flag was changed by omar a moment ago" in response.content.decode()


def test_a_stale_form_without_javascript_is_told_by_a_message(editor_client: Client) -> None:
    flag = _flag()
    seen = _seen(flag)
    flag.change_status("dismissed", by=make_user("omar", "Editors"))
    response = editor_client.post(
        f"/flags/{flag.pk}/status/", {"status": "resolved", "seen": seen}, follow=True
    )
    assert "This flag was changed by omar a moment ago" in response.content.decode()


def test_a_fresh_form_is_accepted(editor_client: Client) -> None:
    flag = _flag()
    editor_client.post(f"/flags/{flag.pk}/status/", {"status": "confirmed", "seen": _seen(flag)})
    flag.refresh_from_db()
    assert flag.status == "confirmed"


def test_a_double_click_records_one_change(editor_client: Client) -> None:
    flag = _flag()
    seen = _seen(flag)
    for _ in range(2):
        editor_client.post(f"/flags/{flag.pk}/status/", {"status": "confirmed", "seen": seen})
    assert flag.events.count() == 2


@pytest.mark.parametrize(("start", "refused"), [("dismissed", "resolved"), ("resolved", "confirmed")])
def test_only_the_changes_the_page_offers_are_accepted(
    editor_client: Client, start: str, refused: str
) -> None:
    flag = _flag()
    flag.change_status(start, by=None)
    response = editor_client.post(f"/flags/{flag.pk}/status/", {"status": refused}, follow=True)
    flag.refresh_from_db()
    assert flag.status == start
    assert "cannot be marked" in response.content.decode()


def test_the_form_carries_when_the_flag_was_last_changed(editor_client: Client) -> None:
    flag = _flag()
    html = editor_client.get("/flags/").content.decode()
    assert f'name="seen" value="{_seen(flag)}"' in html

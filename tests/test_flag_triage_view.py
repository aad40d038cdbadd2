from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_claim, make_comparison, make_link, make_user
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from articles.models import Flag, FlagEvent

pytestmark = pytest.mark.django_db


def _flag(by: User | None = None, note: str = "Looks wrong") -> Flag:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "At least 12 people died.")
    link = make_link(comparison, relation="conflict", claim_a=a, claim_b=b)
    return Flag.open_on(link=link, by=by, note=note)


@pytest.fixture
def editor_client(client: Client, editor: User) -> Client:
    client.force_login(editor)
    return client


def test_an_editor_assigns_a_flag_and_it_is_in_the_history(editor_client: Client, editor: User) -> None:
    other = make_user("otto", "Editors")
    flag = _flag()
    response = editor_client.post(f"/flags/{flag.pk}/assign/", {"assigned_to": other.pk, "note": "yours"})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.assigned_to == other
    event = flag.events.last()
    assert event is not None
    assert (event.kind, event.assigned_to, event.created_by) == ("assigned", other, editor)


def test_only_editors_can_be_assigned(editor_client: Client) -> None:
    journalist = make_user("jo", "Journalists")
    flag = _flag()
    editor_client.post(f"/flags/{flag.pk}/assign/", {"assigned_to": journalist.pk})
    flag.refresh_from_db()
    assert flag.assigned_to is None


def test_a_journalist_cannot_assign(journalist_client: Client) -> None:
    flag = _flag()
    editor = make_user("otto", "Editors")
    assert journalist_client.post(f"/flags/{flag.pk}/assign/", {"assigned_to": editor.pk}).status_code == 403


def test_an_editor_comments_and_the_comment_is_escaped(editor_client: Client) -> None:
    flag = _flag()
    response = editor_client.post(
        f"/flags/{flag.pk}/comments/", {"note": "<script>x()</script>"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert f'<div id="flag-{flag.pk}"' in html and "<html" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html
    assert FlagEvent.objects.filter(flag=flag, kind="comment").count() == 1


def test_the_journalist_who_raised_a_flag_may_comment_on_it(
    journalist_client: Client, journalist: User
) -> None:
    own, others = _flag(by=journalist), _flag(by=make_user())
    assert journalist_client.post(f"/flags/{own.pk}/comments/", {"note": "more"}).status_code == 302
    assert journalist_client.post(f"/flags/{others.pk}/comments/", {"note": "more"}).status_code == 403
    assert FlagEvent.objects.filter(kind="comment").count() == 1


def test_a_journalist_cannot_change_a_status(journalist_client: Client, journalist: User) -> None:
    flag = _flag(by=journalist)
    assert journalist_client.post(f"/flags/{flag.pk}/status/", {"status": "dismissed"}).status_code == 403


def test_comments_need_a_csrf_token(editor: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    flag = _flag()
    assert client.post(f"/flags/{flag.pk}/comments/", {"note": "x"}).status_code == 403


def test_anonymous_users_cannot_comment(client: Client) -> None:
    flag = _flag()
    response = client.post(f"/flags/{flag.pk}/comments/", {"note": "x"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_my_flags_and_assigned_to_me(editor_client: Client, editor: User) -> None:
    mine = _flag(by=editor, note="raised by me")
    assigned = _flag(by=make_user(), note="given to me")
    assigned.assign(editor, by=editor)
    _flag(by=make_user(), note="someone else's")
    html = editor_client.get("/flags/?show=mine").content.decode()
    assert "raised by me" in html and "given to me" not in html and "someone else" not in html
    html = editor_client.get("/flags/?show=assigned").content.decode()
    assert "given to me" in html and "raised by me" not in html
    assert mine.pk


def test_the_queue_says_how_long_each_flag_has_been_open(editor_client: Client) -> None:
    flag = _flag()
    Flag.objects.filter(pk=flag.pk).update(created_at=timezone.now() - dt.timedelta(days=3, hours=2))
    html = editor_client.get("/flags/").content.decode()
    assert "open for 3\xa0days, 2\xa0hours" in html


def test_the_queue_explains_each_status_in_one_line(journalist_client: Client) -> None:
    html = journalist_client.get("/flags/").content.decode()
    for status in ("Open", "Confirmed", "Dismissed", "Resolved"):
        assert f"<dt>{status}</dt>" in html


def test_the_queue_links_to_my_flags_and_to_those_assigned_to_me(journalist_client: Client) -> None:
    html = journalist_client.get("/flags/").content.decode()
    assert 'href="/flags/?show=mine"' in html and 'href="/flags/?show=assigned"' in html

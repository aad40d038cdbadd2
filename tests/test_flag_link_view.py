from __future__ import annotations

import pytest
from conftest import make_claim, make_comparison, make_link, make_user
from django.contrib.auth.models import User
from django.test import Client

from articles.models import Flag, FlagEvent, Link

pytestmark = pytest.mark.django_db


def _link() -> Link:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "At least 12 people died.")
    return make_link(comparison, relation="conflict", claim_a=a, claim_b=b)


def _url(link: Link) -> str:
    return f"/links/{link.pk}/flags/"


@pytest.fixture
def editor_client(client: Client) -> Client:
    client.force_login(make_user("edith", "Editors"))
    return client


def test_an_editor_flags_a_link_and_goes_back_to_its_row(editor_client: Client) -> None:
    link = _link()
    response = editor_client.post(_url(link), {"target": "link", "note": "Monday or Sunday?"})
    flag = Flag.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{link.comparison.get_absolute_url()}#link-{link.pk}"
    assert (flag.link, flag.claim, flag.note, flag.status) == (link, None, "Monday or Sunday?", "open")
    event = FlagEvent.objects.get()
    assert event.created_by is not None and event.created_by.username == "edith"


def test_an_editor_flags_a_single_claim(editor_client: Client) -> None:
    link = _link()
    editor_client.post(_url(link), {"target": "claim_b", "note": "Unsourced"})
    flag = Flag.objects.get()
    assert (flag.link, flag.claim) == (None, link.claim_b)


def test_htmx_gets_the_row_back_with_the_flag_in_it(editor_client: Client) -> None:
    link = _link()
    response = editor_client.post(
        _url(link), {"target": "link", "note": "Check this"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li id="link-{link.pk}"')
    assert "<html" not in html
    assert f'id="flag-{Flag.objects.get().pk}"' in html and "Check this" in html


def test_a_note_is_required(editor_client: Client) -> None:
    link = _link()
    response = editor_client.post(_url(link), {"target": "link", "note": ""}, headers={"HX-Request": "true"})
    assert not Flag.objects.exists()
    assert "This field is required." in response.content.decode()


def test_without_htmx_a_refused_flag_says_why(editor_client: Client) -> None:
    link = _link()
    response = editor_client.post(_url(link), {"target": "link", "note": ""}, follow=True)
    assert "The flag was not saved" in response.content.decode()


def test_a_one_sided_link_has_no_other_claim_to_flag(editor_client: Client) -> None:
    comparison = make_comparison()
    link = make_link(
        comparison, relation="only_a", claim_a=make_claim(comparison.article_a, "At least 12 people died.")
    )
    editor_client.post(_url(link), {"target": "claim_b", "note": "x"})
    assert not Flag.objects.exists()


def test_the_note_is_escaped(editor_client: Client) -> None:
    link = _link()
    note = '<script>alert(1)</script>"onmouseover=alert(2)'
    html = editor_client.post(
        _url(link), {"target": "link", "note": note}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "<script>alert" not in html and '"onmouseover=' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2)" in html


def test_a_journalist_can_flag(journalist_client: Client, journalist: User) -> None:
    link = _link()
    assert journalist_client.post(_url(link), {"target": "link", "note": "x"}).status_code == 302
    assert Flag.objects.get().created_by == journalist


def test_a_signed_in_user_outside_the_newsroom_groups_cannot_flag(client: Client) -> None:
    client.force_login(make_user())
    link = _link()
    assert client.post(_url(link), {"target": "link", "note": "x"}).status_code == 403
    assert not Flag.objects.exists()


def test_an_admin_can_flag(admin_client: Client) -> None:
    link = _link()
    assert admin_client.post(_url(link), {"target": "link", "note": "x"}).status_code == 302
    assert Flag.objects.count() == 1


def test_anonymous_users_are_sent_to_sign_in(client: Client) -> None:
    link = _link()
    response = client.post(_url(link), {"target": "link", "note": "x"})
    assert response["Location"].startswith("/accounts/login/")
    assert not Flag.objects.exists()


def test_it_needs_a_csrf_token(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(group="Editors"))
    link = _link()
    assert client.post(_url(link), {"target": "link", "note": "x"}).status_code == 403


def test_it_accepts_only_post(editor_client: Client) -> None:
    assert editor_client.get(_url(_link())).status_code == 405


def test_it_ignores_a_next_address_on_another_site(editor_client: Client) -> None:
    link = _link()
    response = editor_client.post(
        _url(link), {"target": "link", "note": "x", "next": "https://evil.example/"}
    )
    assert response["Location"].startswith(link.comparison.get_absolute_url())

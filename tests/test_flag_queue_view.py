from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_link, make_user
from django.test import Client

from articles.models import Flag, Outlet

pytestmark = pytest.mark.django_db


def _flagged(outlet: str = "The Daily Example", note: str = "Is this right?") -> Flag:
    outlet_row = Outlet.objects.get_or_create(name=outlet)[0]
    comparison = make_comparison(article_a=make_article(outlet=outlet_row))
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    link = make_link(comparison, relation="only_a", claim_a=claim)
    return Flag.open_on(link=link, by=None, note=note)


def test_it_lists_flags_with_their_notes_and_links(journalist_client: Client) -> None:
    flag = _flagged(note="Which day?")
    html = journalist_client.get("/flags/").content.decode()
    assert "Which day?" in html
    assert f'href="{flag.link.comparison.get_absolute_url()}#link-{flag.link_id}"' in html  # type: ignore[union-attr]


def test_journalists_see_flags_without_buttons(journalist_client: Client) -> None:
    _flagged()
    html = journalist_client.get("/flags/").content.decode()
    assert 'class="flag status-open"' in html
    assert "Confirm</button>" not in html


def test_editors_see_the_buttons(client: Client) -> None:
    client.force_login(make_user(group="Editors"))
    _flagged()
    assert "Confirm</button>" in client.get("/flags/").content.decode()


def test_it_filters_by_status(journalist_client: Client) -> None:
    kept, dropped = _flagged(note="kept"), _flagged(note="dropped")
    dropped.change_status("dismissed", by=None)
    html = journalist_client.get("/flags/?status=open").content.decode()
    assert "kept" in html and "dropped" not in html
    assert kept.status == "open"


def test_it_filters_by_outlet(journalist_client: Client) -> None:
    _flagged(outlet="Gazette", note="from gazette")
    _flagged(outlet="Herald", note="from herald")
    outlet = Outlet.objects.get(name="Gazette")
    html = journalist_client.get(f"/flags/?outlet={outlet.pk}").content.decode()
    assert "from gazette" in html and "from herald" not in html


def test_it_filters_by_comparison_including_flags_on_its_claims(journalist_client: Client) -> None:
    flag = _flagged(note="on the link")
    Flag.open_on(claim=flag.link.claim_a, by=None, note="on the claim")  # type: ignore[union-attr]
    _flagged(note="elsewhere")
    html = journalist_client.get(f"/flags/?comparison={flag.link.comparison_id}").content.decode()  # type: ignore[union-attr]
    assert "on the link" in html and "on the claim" in html and "elsewhere" not in html


def test_an_htmx_request_gets_the_flag_list_alone(journalist_client: Client) -> None:
    _flagged()
    html = journalist_client.get("/flags/?status=open", headers={"HX-Request": "true"}).content.decode()
    assert 'id="flag-list"' in html
    assert "<html" not in html


def test_notes_are_escaped(journalist_client: Client) -> None:
    _flagged(note='<script>alert(1)</script>"onmouseover=x')
    html = journalist_client.get("/flags/").content.decode()
    assert "<script>alert" not in html and '"onmouseover=' not in html


def test_it_requires_sign_in(client: Client) -> None:
    assert client.get("/flags/")["Location"].startswith("/accounts/login/")


def test_admins_see_it_too(admin_client: Client) -> None:
    assert admin_client.get("/flags/").status_code == 200


def test_with_no_flags_yet_it_says_how_flags_are_made(journalist_client: Client) -> None:
    html = journalist_client.get("/flags/").content.decode()
    assert "No flags yet." in html
    assert '<a href="/">Browse the comparisons</a>' in html
    assert "No flag matches" not in html


def test_a_filter_that_matches_nothing_offers_to_show_all_flags(journalist_client: Client) -> None:
    _flagged()
    html = journalist_client.get("/flags/?status=dismissed", headers={"HX-Request": "true"}).content.decode()
    assert "No flag matches these filters." in html
    assert '<a href="/flags/">Show all flags</a>' in html
    assert "No flags yet." not in html


def test_empty_filters_count_as_no_filter(journalist_client: Client) -> None:
    html = journalist_client.get("/flags/?status=&outlet=&comparison=").content.decode()
    assert "No flags yet." in html


def test_filtering_shows_a_spinner_and_fades_the_list_while_it_loads(journalist_client: Client) -> None:
    html = journalist_client.get("/flags/").content.decode()
    assert 'hx-indicator="closest form, #flag-list"' in html
    assert (
        '<button type="submit" class="button">Filter</button> <span class="busy" aria-hidden="true"></span>'
        in html
    )
    assert '<section id="flag-list" class="card busy-region"' in html


def test_a_status_change_disables_the_flags_buttons_while_it_saves(client: Client) -> None:
    client.force_login(make_user(group="Editors"))
    flag = _flagged()
    html = client.get("/flags/").content.decode()
    assert f'hx-indicator="this" hx-disabled-elt="#flag-{flag.pk} button"' in html

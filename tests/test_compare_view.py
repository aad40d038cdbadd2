from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_article, make_comparison, make_user
from django.test import Client

from articles.models import Comparison
from articles.services import current_engine_version

pytestmark = pytest.mark.django_db


def test_it_compares_two_articles_and_opens_the_comparison(journalist_client: Client) -> None:
    a, b = make_article(), make_article()
    response = journalist_client.post("/comparisons/new/", {"article_a": a.pk, "article_b": b.pk})
    comparison = Comparison.objects.get()
    assert response.status_code == 302
    assert response["Location"] == comparison.get_absolute_url()
    assert (comparison.article_a, comparison.article_b) == (a, b)


def test_comparing_again_opens_the_stored_comparison(journalist_client: Client) -> None:
    a, b = make_article(), make_article()
    journalist_client.post("/comparisons/new/", {"article_a": a.pk, "article_b": b.pk})
    response = journalist_client.post(
        "/comparisons/new/", {"article_a": a.pk, "article_b": b.pk}, follow=True
    )
    assert Comparison.objects.count() == 1
    assert "already compared" in response.content.decode()


def test_an_article_cannot_be_compared_with_itself(journalist_client: Client) -> None:
    a = make_article()
    response = journalist_client.post("/comparisons/new/", {"article_a": a.pk, "article_b": a.pk})
    assert response.status_code == 400
    assert "Choose two different articles." in response.content.decode()
    assert not Comparison.objects.exists()


def test_it_needs_the_permission_to_add_comparisons(client: Client) -> None:
    client.force_login(make_user("reader"))
    a, b = make_article(), make_article()
    assert client.post("/comparisons/new/", {"article_a": a.pk, "article_b": b.pk}).status_code == 403


def test_it_accepts_only_post(journalist_client: Client) -> None:
    assert journalist_client.get("/comparisons/new/").status_code == 405


def test_anonymous_users_are_sent_to_sign_in(client: Client) -> None:
    response = client.post("/comparisons/new/", {})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


QUAKE = (
    "Quake kills ten in southern Iran\n\nA magnitude 5.9 earthquake struck Qeshm island in southern Iran on "
    "Sunday, killing ten people and injuring 80, the IRNA news agency said. Rescue teams reached seven "
    "villages on the island by the evening.\n"
)
SHOOTING = (
    "Gunman kills three at Detroit office\n\nA gunman opened fire at an accounting firm in Troy, Michigan, on "
    "Friday, killing three people, police said. Officers arrested a 38-year-old man on Interstate 75 two "
    "hours later.\n"
)


def check(client: Client, a: int, b: int) -> str:
    response = client.get("/comparisons/check/", {"article_a": a, "article_b": b})
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_warns_when_two_read_articles_seem_to_report_different_events(
    journalist_client: Client,
) -> None:
    from articles.services import article_analysis

    quake = make_article(title="Quake kills ten", body=QUAKE, published=dt.date(2005, 11, 27))
    shooting = make_article(title="Gunman kills three", body=SHOOTING, published=dt.date(2009, 2, 13))
    for article in (quake, shooting):
        article_analysis(article)
    page = check(journalist_client, quake.pk, shooting.pk)
    assert "These articles may not report the same event." in page
    assert "probably different events" in page
    assert not Comparison.objects.exists()  # judged from the stored readings; nothing compared or stored


def test_the_form_says_two_reports_of_one_event_seem_to_be_one(
    journalist_client: Client, seed_comparison: Comparison
) -> None:
    page = check(journalist_client, seed_comparison.article_a.pk, seed_comparison.article_b.pk)
    assert "Both seem to report one event" in page
    assert "may not report the same event" not in page
    assert seed_comparison.get_absolute_url() in page


def test_the_form_uses_a_stored_judgement(journalist_client: Client) -> None:
    comparison = make_comparison(
        same_event=False, same_event_why="probably different events: no names in common"
    )
    comparison.engine_version = current_engine_version()
    comparison.save()
    page = check(journalist_client, comparison.article_a.pk, comparison.article_b.pk)
    assert "may not report the same event" in page and "no names in common" in page


def test_articles_not_yet_read_are_judged_when_compared(journalist_client: Client) -> None:
    a, b = make_article(), make_article()
    page = check(journalist_client, a.pk, b.pk)
    assert "judged when the engine has read both" in page
    assert "may not report the same event" not in page


def test_one_article_twice_or_none_chosen_says_nothing(journalist_client: Client) -> None:
    a = make_article()
    assert "same-event-note" not in check(journalist_client, a.pk, a.pk)
    response = journalist_client.get("/comparisons/check/")
    assert response.status_code == 200 and "same-event-note" not in response.content.decode()


def test_the_check_needs_the_permission_to_add_comparisons(client: Client) -> None:
    client.force_login(make_user("reader"))
    a, b = make_article(), make_article()
    assert client.get("/comparisons/check/", {"article_a": a.pk, "article_b": b.pk}).status_code == 403


def test_the_compare_form_asks_for_the_check_when_a_choice_changes(journalist_client: Client) -> None:
    make_article(), make_article()
    page = journalist_client.get("/").content.decode()
    assert 'id="same-event-check"' in page
    assert 'hx-get="/comparisons/check/"' in page and 'hx-trigger="change from:closest form"' in page

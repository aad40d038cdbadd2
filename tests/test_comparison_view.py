from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_link, make_user
from django.test import Client

from articles.models import Comparison, Link

pytestmark = pytest.mark.django_db


def test_it_requires_sign_in(client: Client) -> None:
    comparison = make_comparison()
    response = client.get(comparison.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_both_articles_with_claims_marked_by_relation(journalist_client: Client) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    only = make_claim(comparison.article_a, "At least 12 people died.")
    make_link(
        comparison, relation="conflict", claim_a=a, claim_b=b, explanation="A says Monday, B says Sunday"
    )
    make_link(comparison, relation="only_a", claim_a=only)
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert f'<mark class="claim rel-conflict" id="claim-{a.pk}"' in html
    assert f'<mark class="claim rel-conflict" id="claim-{b.pk}"' in html
    assert f'<mark class="claim rel-only_a" id="claim-{only.pk}"' in html
    assert "(conflict) " in html
    assert "A says Monday, B says Sunday" in html
    assert f'href="#claim-{only.pk}"' in html
    assert 'Only in A <span class="tab-count">1</span>' in html
    assert 'Only in B <span class="tab-count">0</span>' in html


def test_the_seed_comparison_page_marks_every_stored_claim(
    journalist_client: Client, seed_comparison: Comparison
) -> None:
    html = journalist_client.get(seed_comparison.get_absolute_url()).content.decode()
    claims = seed_comparison.article_a.claims.count() + seed_comparison.article_b.claims.count()
    assert html.count('<mark class="claim') == claims
    assert "The Straits Times" in html and "The Guardian" in html


def test_an_htmx_request_gets_the_link_list_alone(journalist_client: Client) -> None:
    comparison = make_comparison()
    html = journalist_client.get(
        comparison.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()
    assert 'id="link-list"' in html
    assert "<html" not in html


def test_an_unknown_comparison_is_not_found(journalist_client: Client) -> None:
    assert journalist_client.get("/comparisons/999/").status_code == 404


def _seed_conflict(comparison: Comparison) -> Link:
    """A conflict link in ``comparison``: the engine's own, or one made between its first two claims."""
    link = comparison.links.filter(relation="conflict").first()
    if link is not None:
        return link
    claim_a = comparison.article_a.claims.first()
    claim_b = comparison.article_b.claims.first()
    return make_link(comparison, relation="conflict", claim_a=claim_a, claim_b=claim_b)


def test_the_conflicts_tab_lists_only_conflicts(
    journalist_client: Client, seed_comparison: Comparison
) -> None:
    link = _seed_conflict(seed_comparison)
    html = journalist_client.get(seed_comparison.get_absolute_url() + "?relation=conflict").content.decode()
    assert f'id="link-{link.pk}"' in html
    assert html.count('class="link-row rel-conflict"') == html.count('class="link-row ')
    assert 'class="tab rel-conflict is-active"' in html


def test_the_filter_fragment_swaps_the_link_list_alone(
    journalist_client: Client, seed_comparison: Comparison
) -> None:
    _seed_conflict(seed_comparison)
    response = journalist_client.get(
        seed_comparison.get_absolute_url() + "?relation=conflict", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="link-list"')
    assert "<html" not in html and '<mark class="claim' not in html
    assert 'class="link-row rel-conflict"' in html
    assert "HX-Request" in response["Vary"]


def test_each_tab_is_a_real_link_that_htmx_follows_too(journalist_client: Client) -> None:
    comparison = make_comparison()
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    for value in ("all", "conflict", "partial", "agree", "only_a", "only_b"):
        assert f'href="?relation={value}" hx-get="?relation={value}"' in html


def test_an_unknown_filter_shows_every_link(journalist_client: Client) -> None:
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    link = make_link(comparison, relation="only_a", claim_a=claim)
    html = journalist_client.get(comparison.get_absolute_url() + "?relation=nonsense").content.decode()
    assert f'id="link-{link.pk}"' in html


def test_a_link_row_marks_the_words_that_differ_and_has_a_permalink(journalist_client: Client) -> None:
    comparison = make_comparison(
        article_a=make_article(body="Rebels took the town on Monday."),
        article_b=make_article(body="Rebels took the town on Sunday."),
    )
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Sunday.")
    link = make_link(comparison, relation="conflict", claim_a=a, claim_b=b, explanation="days differ")
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert '<mark class="word-diff">Monday.</mark>' in html
    assert '<mark class="word-diff">Sunday.</mark>' in html
    assert f'href="{comparison.get_absolute_url()}#link-{link.pk}"' in html
    assert f'data-partners="claim-{b.pk}"' in html


def test_claims_and_explanations_are_escaped(journalist_client: Client) -> None:
    body = '<script>alert(1)</script> said "onmouseover=alert(2) the army.'
    comparison = make_comparison(
        article_a=make_article(title="<script>alert(3)</script>", body=body),
        article_b=make_article(body="The army said nothing."),
    )
    a = make_claim(comparison.article_a, body)
    b = make_claim(comparison.article_b, "The army said nothing.")
    make_link(comparison, relation="partial", claim_a=a, claim_b=b, explanation='<b>"onmouseover=x</b>')
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert '"onmouseover=' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "&lt;b&gt;&quot;onmouseover=x&lt;/b&gt;" in html


def test_journalists_may_flag_but_not_set_a_verdict(journalist_client: Client) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "At least 12 people died.")
    b = make_claim(comparison.article_b, "At least 12 people died.")
    link = make_link(comparison, relation="conflict", claim_a=a, claim_b=b)
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert "Flag a discrepancy" in html
    assert f'action="/links/{link.pk}/verdict/"' not in html
    assert "Link two claims the engine left apart" not in html


def test_editors_get_a_flag_form_on_each_row(client: Client) -> None:
    client.force_login(make_user(group="Editors"))
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    link = make_link(comparison, relation="only_a", claim_a=claim)
    html = client.get(comparison.get_absolute_url()).content.decode()
    assert f'hx-post="/links/{link.pk}/flags/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "X-CSRFToken" in html


def test_the_filter_is_a_nav_whose_current_link_says_so(journalist_client: Client) -> None:
    comparison = make_comparison()
    html = journalist_client.get(comparison.get_absolute_url() + "?relation=partial").content.decode()
    assert '<nav class="tabs" aria-label="Filter links by relation">' in html
    assert html.count('aria-current="page"') == 1
    assert 'hx-indicator="#link-list" aria-current="page">Partial' in html


def test_the_filter_fades_the_link_list_and_shows_a_spinner_while_it_loads(journalist_client: Client) -> None:
    comparison = make_comparison()
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert html.count('hx-indicator="#link-list"') == 7
    assert '<section id="link-list" class="card link-list busy-region"' in html
    assert '<span class="busy" aria-hidden="true"></span>\n  </nav>' in html


def test_a_filter_with_no_links_offers_to_show_them_all(journalist_client: Client) -> None:
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    make_link(comparison, relation="only_a", claim_a=claim)
    html = journalist_client.get(
        comparison.get_absolute_url() + "?relation=conflict", headers={"HX-Request": "true"}
    ).content.decode()
    assert "No links under “Conflicts” in this comparison." in html
    assert '<a href="?relation=all" hx-get="?relation=all"' in html
    assert "Show all 1 link</a>" in html


def test_a_comparison_without_links_says_so_on_every_filter(journalist_client: Client) -> None:
    comparison = make_comparison()
    for relation in ("all", "agree"):
        html = journalist_client.get(f"{comparison.get_absolute_url()}?relation={relation}").content.decode()
        assert "No links in this comparison." in html
        assert "Show all" not in html


def test_the_flag_form_shows_a_spinner_and_disables_its_button_while_it_saves(client: Client) -> None:
    client.force_login(make_user(group="Editors"))
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    make_link(comparison, relation="only_a", claim_a=claim)
    html = client.get(comparison.get_absolute_url()).content.decode()
    assert 'hx-indicator="this" hx-disabled-elt="find button"' in html
    assert (
        '<button type="submit" class="button">Flag</button> <span class="busy" aria-hidden="true"></span>'
        in html
    )


def test_a_comparison_of_different_events_warns_before_the_verdicts(journalist_client: Client) -> None:
    why = "probably different events: no names in common; 0% of claims matched; published 4 years apart"
    different = make_comparison(same_event=False, same_event_score=0.04, same_event_why=why)
    same = make_comparison(same_event=True, same_event_score=0.97, same_event_why="likely the same event")
    page = journalist_client.get(different.get_absolute_url()).content.decode()
    assert "These articles may not report the same event." in page
    assert why in page
    assert (
        "may not report the same event" not in journalist_client.get(same.get_absolute_url()).content.decode()
    )

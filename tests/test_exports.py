from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import make_claim, make_comparison, make_link
from django.test import Client

from articles.models import Comparison, Flag, Link

pytestmark = pytest.mark.django_db


@pytest.fixture
def comparison() -> Comparison:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    make_link(
        comparison, relation="conflict", claim_a=a, claim_b=b, explanation="A says Monday, B says Sunday"
    )
    make_link(
        comparison, relation="only_b", claim_b=make_claim(comparison.article_b, "At least 12 people died.")
    )
    return comparison


def json_ld(html: str) -> list[dict[str, object]]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


def test_the_csv_has_one_row_per_link_with_relation_claims_and_offsets(
    journalist_client: Client, comparison: Comparison
) -> None:
    response = journalist_client.get(f"/comparisons/{comparison.pk}/links.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"comparison-{comparison.pk}-links.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["relation"] for row in rows] == ["conflict", "only_b"]
    conflict = rows[0]
    assert conflict["explanation"] == "A says Monday, B says Sunday"
    body = comparison.article_a.body
    assert body[int(conflict["claim_a_start"]) : int(conflict["claim_a_end"])] == conflict["claim_a"]
    assert rows[1]["claim_a"] == "" and rows[1]["claim_b"] == "At least 12 people died."


def test_the_comparison_page_links_to_the_csv(journalist_client: Client, comparison: Comparison) -> None:
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert f'href="/comparisons/{comparison.pk}/links.csv"' in html


def test_no_claim_review_until_an_editor_confirms_a_discrepancy(
    journalist_client: Client, comparison: Comparison
) -> None:
    link = comparison.links.get(relation="conflict")
    flag = Flag.open_on(link=link, by=None, note="which day?")
    assert json_ld(journalist_client.get(comparison.get_absolute_url()).content.decode()) == []
    flag.change_status(Flag.Status.CONFIRMED, by=None)
    (review,) = json_ld(journalist_client.get(comparison.get_absolute_url()).content.decode())
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Rebels took the town on Monday."
    assert review["url"] == f"http://testserver/comparisons/{comparison.pk}/#link-{link.pk}"
    rating = review["reviewRating"]
    assert isinstance(rating, dict)
    assert rating["alternateName"] == "Conflicting reports"
    assert "A says Monday, B says Sunday" in rating["ratingExplanation"]


def test_a_confirmed_flag_on_an_agreement_is_no_discrepancy(
    journalist_client: Client, comparison: Comparison
) -> None:
    agree = make_link(
        comparison,
        relation=Link.Relation.AGREE,
        claim_a=comparison.links.first().claim_a,  # type: ignore[union-attr]
        claim_b=comparison.links.first().claim_b,
    )  # type: ignore[union-attr]
    Flag.open_on(link=agree, by=None, note="fine").change_status(Flag.Status.CONFIRMED, by=None)
    assert json_ld(journalist_client.get(comparison.get_absolute_url()).content.decode()) == []


def test_claim_text_cannot_close_the_script(journalist_client: Client) -> None:
    comparison = make_comparison()
    text = "Rebels took the town on Monday."
    a = make_claim(comparison.article_a, text)
    b = make_claim(comparison.article_b, text)
    link = make_link(comparison, relation="partial", claim_a=a, claim_b=b, explanation="</script><b>x")
    Flag.open_on(link=link, by=None, note="").change_status(Flag.Status.CONFIRMED, by=None)
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert "</script><b>x" not in html
    (review,) = json_ld(html)
    assert "</script><b>x" in review["reviewRating"]["ratingExplanation"]  # type: ignore[index]

"""What a journalist reads: plain words and confidence, no file names or row numbers outside permalinks."""

from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_link
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_article_page_hides_the_file_name_from_journalists(journalist_client: Client) -> None:
    article = make_article(filename="000_475460b12f2ee23d.txt")
    assert "000_475460b12f2ee23d" not in journalist_client.get(article.get_absolute_url()).content.decode()


def test_the_article_page_shows_the_file_name_to_admins(admin_client: Client) -> None:
    article = make_article(filename="000_475460b12f2ee23d.txt")
    assert "000_475460b12f2ee23d" in admin_client.get(article.get_absolute_url()).content.decode()


def test_an_unknown_date_is_said_not_invented(journalist_client: Client) -> None:
    article = make_article(published=None)
    html = journalist_client.get(article.get_absolute_url()).content.decode()
    assert "relative dates such as “on Monday” could not be resolved" in html


def test_the_comparison_names_its_outlets_not_its_row_number(journalist_client: Client) -> None:
    comparison = make_comparison()
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert f"Comparison #{comparison.pk}" not in html


@pytest.mark.parametrize(("score", "word"), [(0.92, "high"), (0.6, "medium"), (0.3, "low")])
def test_the_engines_confidence_is_a_word_and_a_bar(
    journalist_client: Client, score: float, word: str
) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "At least 12 people died.")
    b = make_claim(comparison.article_b, "At least 12 people died.")
    make_link(comparison, relation="agree", claim_a=a, claim_b=b, score=score)
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert f"confidence: {word}" in html
    assert (
        f'<meter class="confidence-bar" aria-hidden="true" min="0" max="100" value="{round(score * 100)}">'
        in html
    )
    assert f"{score:.2f}" not in html


def test_the_word_diff_has_a_legend(journalist_client: Client) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "At least 12 people died.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    make_link(comparison, relation="conflict", claim_a=a, claim_b=b)
    html = journalist_client.get(comparison.get_absolute_url()).content.decode()
    assert "are those that differ between the two claims" in html


def test_the_compare_picker_gives_each_article_its_full_label(journalist_client: Client) -> None:
    long_title = "A very long headline " * 8
    make_article(title=long_title.strip())
    html = journalist_client.get("/").content.decode()
    assert f'title="{long_title.strip()} (The Daily Example, 28 Mar 2016)"' in html

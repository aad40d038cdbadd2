"""Versions of an article: the same URL imported again with another text, its version pages and changes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, make_article
from django.core.management import CommandError, call_command
from django.test import Client

from articles.models import Article, ArticleVersion, Comparison
from articles.services import compare_articles
from articles.versions import text_diff

pytestmark = pytest.mark.django_db

URL = "https://dunmere-gazette.example/2025/06/warehouse-fire"
FIRST = SEEDS / "versions" / "01_warehouse_fire.txt"
SECOND = SEEDS / "versions" / "02_warehouse_fire.txt"


def _import(path: Path, *options: str) -> str:
    out = io.StringIO()
    call_command("import_articles", str(path), "--url", URL, *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_text_diff_marks_removed_and_added_lines_around_the_change() -> None:
    lines = text_diff("one\ntwo\nthree\n", "one\n2\nthree\n")
    assert [(line.kind, line.text) for line in lines] == [
        ("same", "one"),
        ("removed", "two"),
        ("added", "2"),
        ("same", "three"),
    ]


def test_importing_the_same_url_with_another_text_makes_a_second_version() -> None:
    _import(FIRST, "--outlet", "The Dunmere Gazette")
    out = _import(SECOND)
    article = Article.objects.get()
    assert f"article #{article.pk}" in out
    assert article.title == "Fire at Dunmere warehouse injures 24"
    assert article.outlet_name() == "The Dunmere Gazette"
    assert "injured 24 people" in article.body
    assert [(v.number, v.title) for v in article.versions.all()] == [
        (1, "Fire at Dunmere warehouse injures five"),
        (2, "Fire at Dunmere warehouse injures 24"),
    ]
    # The claims are those of the latest text.
    assert any("24" in claim.text for claim in article.claims.all())
    assert not any("five people" in claim.text for claim in article.claims.all())


def test_importing_an_earlier_text_again_is_a_duplicate_not_a_third_version() -> None:
    _import(FIRST)
    _import(SECOND)
    with pytest.raises(CommandError):
        _import(FIRST)
    assert ArticleVersion.objects.count() == 2


def test_the_same_outlet_and_headline_without_a_url_is_also_a_version(tmp_path: Path) -> None:
    first = make_article(title="Storm hits the coast", body="Storm hits the coast\n\nTwo died.\n")
    path = tmp_path / "storm.txt"
    path.write_text("Storm hits the coast\n\nThree died.\n", encoding="utf-8")
    call_command("import_articles", str(path), "--outlet", "The Daily Example", stdout=io.StringIO())
    assert Article.objects.get() == first
    assert first.versions.count() == 2


def test_a_version_of_the_text_just_stored_by_another_admin_is_a_duplicate() -> None:
    # Two admins saving the same text: the second found no stored text, then the first's article as the
    # same outlet and headline. Under the article's lock the text is seen to be the same: nothing added.
    from articles.importing import ArticleMeta, ParsedArticle
    from articles.services import DuplicateArticle
    from articles.versions import add_version

    first = make_article(title="Storm hits the coast", body="Storm hits the coast\n\nTwo died.\n")
    parsed = ParsedArticle(title=first.title, dateline=None, body=first.body)
    with pytest.raises(DuplicateArticle):
        add_version(first, parsed, ArticleMeta(outlet="The Daily Example", published=None, url=""))
    assert ArticleVersion.objects.count() == 0
    assert Article.objects.get().body == first.body


def test_the_versions_page_lists_both_with_their_dates(journalist_client: Client) -> None:
    _import(FIRST)
    _import(SECOND)
    article = Article.objects.get()
    page = journalist_client.get(f"/articles/{article.pk}/versions/").content.decode()
    assert "2 versions" in page
    assert f'href="/articles/{article.pk}/versions/1/"' in page
    assert f'href="/articles/{article.pk}/versions/2/"' in page
    assert "<time datetime=" in page
    article_page = journalist_client.get(f"/articles/{article.pk}/").content.decode()
    assert f'href="/articles/{article.pk}/versions/"' in article_page
    assert "2 versions:" in article_page
    assert f'href="/articles/{article.pk}/versions/1/"' in article_page


def test_the_version_page_shows_the_diff_and_what_changed_fact_by_fact(journalist_client: Client) -> None:
    _import(FIRST)
    _import(SECOND)
    article = Article.objects.get()
    page = journalist_client.get(f"/articles/{article.pk}/versions/2/").content.decode()
    # The text diff.
    assert (
        '<del class="diff-line diff-removed">A fire at a furniture warehouse in Dunmere injured five' in page
    )
    assert '<ins class="diff-line diff-added">A fire at a furniture warehouse in Dunmere injured 24' in page
    # Fact by fact: the toll raised, the quote removed.
    changes = ArticleVersion.objects.get(number=2).changes
    changed = " ".join(c["before"] + " → " + c["after"] for c in changes["changed"])
    assert "five" in changed and "24" in changed
    assert any("lucky" in claim["text"] for claim in changes["removed"])
    assert "What changed, fact by fact" in page and "lucky the night shift" in page
    older = journalist_client.get(f"/articles/{article.pk}/versions/1/").content.decode()
    assert "A newer version of this article exists" in older
    assert "injured five people" in older


def test_a_new_version_is_compared_again_with_the_articles_it_was_compared_with(
    django_capture_on_commit_callbacks: Any,
) -> None:
    _import(FIRST)
    article = Article.objects.get()
    other = make_article(
        title="Dunmere blaze",
        body="Dunmere blaze\n\nFive people were hurt in a fire at a Dunmere warehouse on Tuesday night.\n",
    )
    old, _ = compare_articles(other, article)
    with django_capture_on_commit_callbacks(execute=True):
        _import(SECOND)
    assert not Comparison.objects.filter(pk=old.pk).exists()
    again = Comparison.objects.get(article_a=other, article_b=article)
    assert any("24" in (link.claim_b.text if link.claim_b else "") for link in again.links.all())
    # What changed was read by the task queued with the new version.
    assert ArticleVersion.objects.get(number=2).changes["changed"]

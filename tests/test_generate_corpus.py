from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from articles.models import Analysis, Article, Claim, Comparison, Flag, FlagEvent, Link

pytestmark = pytest.mark.django_db


def generate(**options: int) -> str:
    out = io.StringIO()
    call_command("generate_corpus", stories=1, stdout=out, **options)
    return out.getvalue()


def test_it_builds_articles_comparisons_and_flags_of_the_sizes_asked() -> None:
    output = generate(articles=20, comparisons=6, flags=4, seed=3)
    generated = Article.objects.exclude(outlet__name="Wire copy")
    assert generated.count() == 20
    assert Comparison.objects.count() == 6
    assert Flag.objects.count() == 4
    assert FlagEvent.objects.filter(old_status="").count() == 4
    assert "Added 20 articles" in output


def test_every_claim_is_the_text_between_its_offsets() -> None:
    generate(articles=8, comparisons=3, flags=0, seed=1)
    for claim in Claim.objects.select_related("article"):
        assert claim.article.body[claim.start : claim.end] == claim.text


def test_links_join_claims_of_the_two_articles_compared() -> None:
    generate(articles=10, comparisons=4, flags=0, seed=2)
    links = Link.objects.select_related("comparison", "claim_a", "claim_b")
    assert links.exists()
    for link in links:
        if link.claim_a is not None:
            assert link.claim_a.article_id == link.comparison.article_a_id
        if link.claim_b is not None:
            assert link.claim_b.article_id == link.comparison.article_b_id


def test_the_engine_reads_each_story_version_once_and_its_analysis_is_stored() -> None:
    generate(articles=30, comparisons=2, flags=0, seed=1)
    assert Analysis.objects.count() == 4  # one story, four versions
    assert Analysis.objects.filter(article__outlet__name="Wire copy").count() == 4


def test_running_it_again_adds_nothing() -> None:
    generate(articles=10, comparisons=4, flags=2, seed=5)
    output = generate(articles=10, comparisons=4, flags=2, seed=5)
    assert "Added 0 articles, 0 claims, 0 comparisons, 0 links and 0 flags" in output
    assert Article.objects.exclude(outlet__name="Wire copy").count() == 10


def test_the_same_seed_gives_the_same_archive() -> None:
    generate(articles=10, comparisons=3, flags=0, seed=7)
    first = list(Article.objects.order_by("filename").values_list("title", "published", "outlet__name"))
    Article.objects.all().delete()
    generate(articles=10, comparisons=3, flags=0, seed=7)
    second = list(Article.objects.order_by("filename").values_list("title", "published", "outlet__name"))
    assert first == second

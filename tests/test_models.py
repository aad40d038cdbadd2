from __future__ import annotations

import pytest
from conftest import make_article, make_claim, make_comparison, make_link, make_user
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from articles.models import Article, Claim, Comparison, Flag, Link, content_hash

pytestmark = pytest.mark.django_db


def test_an_article_stores_the_hash_of_its_body() -> None:
    article = make_article(body="Exactly this text.\n")
    assert article.content_hash == content_hash("Exactly this text.\n")
    assert len(article.content_hash) == 64


def test_two_articles_cannot_share_a_body() -> None:
    make_article(body="Same words.")
    with pytest.raises(IntegrityError):
        make_article(body="Same words.")


def test_an_article_without_a_title_is_named_by_its_file() -> None:
    assert str(make_article(title="", filename="004.txt")) == "004.txt"


def test_a_claim_must_be_its_span_of_the_body() -> None:
    article = make_article(body="Rebels took the town. Ten died.")
    claim = make_claim(article, "Ten died.")
    claim.full_clean()
    claim.text = "Eleven died."
    with pytest.raises(ValidationError, match="body between start and end"):
        claim.full_clean()


def test_a_claim_span_is_unique_per_article_and_engine_version() -> None:
    article = make_article()
    make_claim(article, "Rebels took the town on Monday.", engine_version="1")
    make_claim(article, "Rebels took the town on Monday.", engine_version="2")
    with pytest.raises(IntegrityError):
        make_claim(article, "Rebels took the town on Monday.", engine_version="1")


def test_a_pair_is_compared_once_per_engine_version() -> None:
    comparison = make_comparison()
    pair = {"article_a": comparison.article_a, "article_b": comparison.article_b}
    make_comparison(engine_version="other", **pair)
    with pytest.raises(IntegrityError):
        make_comparison(**pair)


def test_an_article_is_not_compared_with_itself() -> None:
    article = make_article()
    with pytest.raises(IntegrityError):
        make_comparison(article_a=article, article_b=article)


def _claims(comparison: Comparison) -> tuple[Claim, Claim]:
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "At least 12 people died.")
    return a, b


def test_a_one_sided_link_has_a_claim_on_its_side_only() -> None:
    comparison = make_comparison()
    a, b = _claims(comparison)
    make_link(comparison, relation="only_a", claim_a=a)
    for bad in ({"relation": "only_a", "claim_b": b}, {"relation": "agree", "claim_a": a}):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_link(comparison, **bad)


def test_discrepancies_are_partial_and_conflicting_links() -> None:
    comparison = make_comparison()
    a, b = _claims(comparison)
    found = {
        relation: make_link(comparison, relation=relation, claim_a=a, claim_b=b).is_discrepancy()
        for relation in ("agree", "partial", "conflict")
    }
    found["only_a"] = make_link(comparison, relation="only_a", claim_a=a).is_discrepancy()
    assert found == {"agree": False, "partial": True, "conflict": True, "only_a": False}


def test_the_other_article_of_a_comparison_is_the_one_on_the_far_side() -> None:
    comparison = make_comparison()
    assert comparison.other_article(comparison.article_a) == comparison.article_b
    assert comparison.other_article(comparison.article_b) == comparison.article_a


def test_counts_give_every_relation_most_telling_first() -> None:
    comparison = make_comparison()
    a, b = _claims(comparison)
    make_link(comparison, relation="conflict", claim_a=a, claim_b=b)
    make_link(comparison, relation="only_a", claim_a=a)
    make_link(comparison, relation="only_b", claim_b=b)
    assert list(comparison.counts().items()) == [
        ("conflict", 1),
        ("partial", 0),
        ("agree", 0),
        ("only_a", 1),
        ("only_b", 1),
        ("unrelated", 0),
    ]


def test_a_claim_linked_twice_takes_the_more_telling_relation() -> None:
    comparison = make_comparison()
    a, b = _claims(comparison)
    b2 = make_claim(comparison.article_b, "Rebels retake the town", engine_version="test")
    make_link(comparison, relation="agree", claim_a=a, claim_b=b2)
    make_link(comparison, relation="conflict", claim_a=a, claim_b=b)
    assert comparison.claim_relations() == {a.pk: "conflict", b.pk: "conflict", b2.pk: "agree"}


def test_a_flag_points_at_a_link_or_a_claim_but_not_both() -> None:
    comparison = make_comparison()
    a, b = _claims(comparison)
    link = make_link(comparison, claim_a=a, claim_b=b)
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(link=link, claim=a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create()


def test_a_flag_keeps_the_history_of_its_status() -> None:
    editor = make_user("edith", "Editors")
    article = make_article()
    claim = make_claim(article, "At least 12 people died.")
    flag = Flag.open_on(claim=claim, by=editor, note="Other outlets say 11.")
    assert flag.is_open()
    flag.change_status(Flag.Status.CONFIRMED, by=editor, note="Checked with the agency.")
    flag.refresh_from_db()
    history = [(e.old_status, e.new_status, e.note, e.created_by) for e in flag.events.all()]
    assert flag.status == "confirmed"
    assert history == [
        ("", "open", "Other outlets say 11.", editor),
        ("open", "confirmed", "Checked with the agency.", editor),
    ]
    assert str(flag).startswith("confirmed flag on At least 12")


def test_deleting_an_article_deletes_its_claims_and_comparisons() -> None:
    comparison = make_comparison()
    a, b = _claims(comparison)
    make_link(comparison, claim_a=a, claim_b=b)
    comparison.article_a.delete()
    assert not Comparison.objects.exists()
    assert list(Article.objects.all()) == [comparison.article_b]
    assert Link.objects.count() == 0


def test_the_migrations_match_the_models() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)

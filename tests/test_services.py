from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEED_A, SEED_B, make_article

from articles.engine import ENGINE_VERSION, compare_texts, extract_claims
from articles.importing import ArticleMeta, read_article
from articles.models import Analysis, Claim, Comparison, Link
from articles.services import (
    DuplicateArticle,
    article_analysis,
    compare_articles,
    ensure_claims,
    import_article,
    store_claims,
)

pytestmark = pytest.mark.django_db


def test_import_article_takes_metadata_and_falls_back_on_the_date_line() -> None:
    article = import_article(read_article(SEED_A), ArticleMeta(outlet="The Straits Times"), filename="a.txt")
    assert article.outlet is not None and article.outlet.name == "The Straits Times"
    assert article.published == dt.date(2016, 3, 28)
    assert article.body == SEED_A.read_text(encoding="utf-8")


def test_import_article_prefers_the_given_date_to_the_date_line() -> None:
    meta = ArticleMeta(published=dt.date(2016, 3, 29))
    assert import_article(read_article(SEED_A), meta).published == dt.date(2016, 3, 29)


def test_import_article_refuses_a_duplicate_and_names_the_original() -> None:
    original = import_article(read_article(SEED_B), ArticleMeta())
    with pytest.raises(DuplicateArticle, match=f"already imported as article #{original.pk} “Syrian army"):
        import_article(read_article(SEED_B), ArticleMeta(outlet="Other"))


def test_stored_claims_are_exactly_the_engines_spans_of_the_body() -> None:
    article = make_article(body=SEED_B.read_text(encoding="utf-8"))
    engine_claims = extract_claims(article.body, article.published, prefix="c")
    ensure_claims(article)
    stored = list(article.claims.filter(engine_version=ENGINE_VERSION))
    assert [(c.start, c.end, c.text, c.kind) for c in stored] == [
        (c.start, c.end, c.text, c.kind) for c in engine_claims
    ]
    assert all(c.text == article.body[c.start : c.end] for c in stored)


def test_ensure_claims_extracts_only_once() -> None:
    article = make_article()
    first = ensure_claims(article)
    assert first == article.claims.count()
    assert ensure_claims(article) == 0
    assert article.claims.count() == first


def test_store_claims_refuses_a_claim_that_is_not_its_span() -> None:
    article = make_article(body="Rebels took the town. Ten died.")
    claim = extract_claims(article.body, None, prefix="c")[0]
    claim.text = "Something else"
    with pytest.raises(ValueError, match="its text is not body"):
        store_claims(article, [claim])
    assert not Claim.objects.exists()


def test_a_comparison_stores_one_row_per_pairwise_join_and_reuses_claims() -> None:
    a = make_article(body=SEED_A.read_text(encoding="utf-8"))
    b = make_article(body=SEED_B.read_text(encoding="utf-8"))
    ensure_claims(a)
    before = a.claims.count()
    comparison, created = compare_articles(a, b)
    result = compare_texts(a.body, b.body, a.published, b.published)
    pairwise = sum(
        len(link.a) * len(link.b) for link in result.links if link.relation not in ("only_a", "only_b")
    )
    assert created
    assert a.claims.count() == before
    assert comparison.links.exclude(relation__in=["only_a", "only_b"]).count() == pairwise
    assert comparison.links.filter(relation="only_a").count() == len(result.only_a)
    assert comparison.links.filter(relation="only_b").count() == len(result.only_b)
    for link in comparison.links.select_related("claim_a", "claim_b"):
        if link.claim_a:
            assert link.claim_a.article_id == a.pk
        if link.claim_b:
            assert link.claim_b.article_id == b.pk


def test_comparing_a_pair_again_returns_the_stored_comparison() -> None:
    a, b = make_article(), make_article()
    first, _ = compare_articles(a, b)
    links = Link.objects.count()
    again, created = compare_articles(a, b)
    assert (again, created) == (first, False)
    assert (Comparison.objects.count(), Link.objects.count()) == (1, links)


def test_an_article_is_analysed_once_and_the_analysis_is_stored() -> None:
    article = make_article(body=SEED_A.read_text(encoding="utf-8"))
    ensure_claims(article)
    stored = Analysis.objects.get(article=article, engine_version=ENGINE_VERSION)
    assert stored.data["sentences"]
    assert len(bytes(stored.encodings)) > 0


def test_comparing_stored_articles_never_parses_or_encodes_again(monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_article(body=SEED_A.read_text(encoding="utf-8"))
    b = make_article(body=SEED_B.read_text(encoding="utf-8"))
    ensure_claims(a)
    ensure_claims(b)

    def tripwire(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored article was analysed again")

    # a tripwire, not a stand-in: any call fails the test
    monkeypatch.setattr("articles.engine.analysis.parse", tripwire)
    monkeypatch.setattr("articles.engine.analysis.TokenWork", tripwire)
    comparison, created = compare_articles(a, b)
    assert created
    assert comparison.links.exclude(relation__in=["only_a", "only_b"]).exists()


def test_a_changed_publication_date_is_analysed_again() -> None:
    article = make_article(body=SEED_A.read_text(encoding="utf-8"), published=dt.date(2016, 3, 28))
    ensure_claims(article)
    article.published = dt.date(2016, 3, 30)
    article.save()
    article_analysis(article)
    stored = Analysis.objects.get(article=article, engine_version=ENGINE_VERSION)
    assert stored.data["published"] == "2016-03-30"


def test_a_comparison_keeps_the_engines_same_event_judgement() -> None:
    a = make_article(body=SEED_A.read_text(encoding="utf-8"))
    b = make_article(body=SEED_B.read_text(encoding="utf-8"))
    other = make_article(
        body="Court fines bank\n\nA court in Frankfurt fined Deutsche Bank 40 million euros on Tuesday for "
        "misleading investors, a spokeswoman for the court said.",
        published=dt.date(2023, 11, 14),
    )
    same, _ = compare_articles(a, b)
    different, _ = compare_articles(a, other)
    assert same.same_event is True and same.same_event_score is not None and same.same_event_score > 0.5
    assert different.same_event is False
    assert "probably different events" in different.same_event_why

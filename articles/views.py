"""Pages: the list of comparisons and articles, one article, one comparison. Sign-in is required site-wide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from articles.engine import ENGINE_VERSION
from articles.forms import CompareForm
from articles.highlight import Mark, highlight
from articles.models import RELATION_ORDER, Article, Claim, Comparison, Link
from articles.services import compare_articles


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _page(request: HtmxHttpRequest, template: str, partial: str) -> str:
    """The whole page, or only its swappable region when htmx asks for it."""
    return f"{template}#{partial}" if request.htmx else template


def _home_context(form: CompareForm) -> dict[str, object]:
    comparisons = Comparison.objects.select_related(
        "article_a__outlet", "article_b__outlet"
    ).prefetch_related("links")
    articles: QuerySet[Article] = Article.objects.select_related("outlet").annotate(
        claim_count=Count("claims", filter=Q(claims__engine_version=ENGINE_VERSION))
    )
    return {"comparisons": comparisons, "articles": articles, "form": form}


@require_GET
@vary_on_headers("HX-Request")
def home(request: HtmxHttpRequest) -> HttpResponse:
    template = _page(request, "articles/home.html", "comparison-list")
    return render(request, template, _home_context(CompareForm()))


@require_POST
@permission_required("articles.add_comparison", raise_exception=True)
def compare(request: HtmxHttpRequest) -> HttpResponse:
    form = CompareForm(request.POST)
    if not form.is_valid():
        return render(request, "articles/home.html", _home_context(form), status=400)
    comparison, created = compare_articles(form.cleaned_data["article_a"], form.cleaned_data["article_b"])
    if not created:
        messages.info(request, "These two articles were already compared.")
    return redirect(comparison)


@require_GET
@vary_on_headers("HX-Request")
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet", "added_by"), pk=pk)
    claims = article.claims.filter(engine_version=ENGINE_VERSION)
    comparisons = (
        Comparison.objects.filter(Q(article_a=article) | Q(article_b=article))
        .select_related("article_a__outlet", "article_b__outlet")
        .prefetch_related("links")
    )
    context = {
        "article": article,
        "claim_count": len(claims),
        "body": highlight(article.body, [Mark(c.start, c.end, f"claim-{c.pk}") for c in claims]),
        "comparisons": comparisons,
        "engine_version": ENGINE_VERSION,
    }
    return render(request, _page(request, "articles/article.html", "article-body"), context)


@require_GET
@vary_on_headers("HX-Request")
def comparison_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    comparison = get_object_or_404(
        Comparison.objects.select_related("article_a__outlet", "article_b__outlet").prefetch_related(
            Prefetch("links", queryset=Link.objects.select_related("claim_a", "claim_b"))
        ),
        pk=pk,
    )
    links = sorted(
        comparison.links.all(),
        key=lambda link: (RELATION_ORDER.index(link.relation), link.pk),
    )
    relations = comparison.claim_relations()
    sides = [
        {
            "letter": letter,
            "article": article,
            "body": _marked_body(article, comparison.engine_version, relations),
        }
        for letter, article in (("a", comparison.article_a), ("b", comparison.article_b))
    ]
    context = {
        "comparison": comparison,
        "counts": comparison.counts(),
        "sides": sides,
        "links": [link for link in links if not link.is_one_sided()],
        "one_sided": [
            ("A", [link for link in links if link.relation == Link.Relation.ONLY_A]),
            ("B", [link for link in links if link.relation == Link.Relation.ONLY_B]),
        ],
    }
    return render(request, _page(request, "articles/comparison.html", "link-list"), context)


def _marked_body(article: Article, engine_version: str, relations: dict[int, str]) -> SafeString:
    claims: QuerySet[Claim] = article.claims.filter(engine_version=engine_version)
    marks = [Mark(c.start, c.end, f"claim-{c.pk}", relations.get(c.pk, "")) for c in claims]
    return highlight(article.body, marks)

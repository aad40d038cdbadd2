"""Pages: the list of comparisons and articles, one article, one comparison. Sign-in is required site-wide."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from articles.diff import Run, word_diff
from articles.forms import CompareForm, FlagForm, ManualLinkForm, VerdictForm
from articles.highlight import Mark, highlight
from articles.models import RELATION_ORDER, Article, Claim, Comparison, Flag, FlagEvent, Leftover, Link
from articles.services import compare_articles, current_engine_version


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _page(request: HtmxHttpRequest, template: str, partial: str) -> str:
    """The whole page, or only its swappable region when htmx asks for it."""
    return f"{template}#{partial}" if request.htmx else template


def search_comparisons(query: str) -> QuerySet[Comparison]:
    """Comparisons newest first, those whose articles mention ``query`` in headline, outlet or text."""
    comparisons = Comparison.objects.select_related(
        "article_a__outlet", "article_b__outlet"
    ).prefetch_related("links")
    for word in query.split():
        comparisons = comparisons.filter(
            Q(article_a__title__icontains=word)
            | Q(article_b__title__icontains=word)
            | Q(article_a__outlet__name__icontains=word)
            | Q(article_b__outlet__name__icontains=word)
            | Q(article_a__body__icontains=word)
            | Q(article_b__body__icontains=word)
        )
    return comparisons


def search_articles(query: str) -> QuerySet[Article]:
    articles = Article.objects.select_related("outlet")
    for word in query.split():
        articles = articles.filter(
            Q(title__icontains=word) | Q(outlet__name__icontains=word) | Q(filename__icontains=word)
        )
    return articles


def _home_context(request: HttpRequest, form: CompareForm) -> dict[str, object]:
    query = request.GET.get("q", "").strip()
    articles: QuerySet[Article] = Article.objects.select_related("outlet").annotate(
        claim_count=Count("claims", filter=Q(claims__engine_version=current_engine_version()))
    )
    return {"comparisons": search_comparisons(query), "articles": articles, "form": form, "query": query}


@require_GET
@vary_on_headers("HX-Request")
def home(request: HtmxHttpRequest) -> HttpResponse:
    template = _page(request, "articles/home.html", "comparison-list")
    return render(request, template, _home_context(request, CompareForm()))


@require_GET
def article_picker(request: HtmxHttpRequest) -> HttpResponse:
    """One side of the compare form: its list of articles narrowed to those matching the search."""
    name = request.GET.get("field", "")
    if name not in ("article_a", "article_b"):
        name = "article_a"
    form = CompareForm(initial={name: request.GET.get(name) or None})
    form.fields[name].queryset = search_articles(request.GET.get(f"q_{name}", ""))  # type: ignore[attr-defined]
    context = {"field": form[name], "form": form, "searching": True}
    return render(request, "articles/home.html#picker", context)


@require_POST
@permission_required("articles.add_comparison", raise_exception=True)
def compare(request: HtmxHttpRequest) -> HttpResponse:
    form = CompareForm(request.POST)
    if not form.is_valid():
        return render(request, "articles/home.html", _home_context(request, form), status=400)
    article_a, article_b = form.cleaned_data["article_a"], form.cleaned_data["article_b"]
    stored = Comparison.objects.filter(
        article_a=article_a, article_b=article_b, engine_version=current_engine_version()
    )
    from articles.pending_views import analysed, compare_in_background  # it imports this module

    if not stored.exists() and not (analysed(article_a) and analysed(article_b)):
        # Reading an article takes seconds: the worker does it, and a page follows it.
        return compare_in_background(article_a, article_b)
    comparison, created = compare_articles(article_a, article_b)
    if not created:
        messages.info(request, "These two articles were already compared.")
    return redirect(comparison)


@require_GET
@vary_on_headers("HX-Request")
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet", "added_by"), pk=pk)
    claims = article.claims.filter(engine_version=current_engine_version())
    comparisons = (
        Comparison.objects.filter(Q(article_a=article) | Q(article_b=article))
        .select_related("article_a__outlet", "article_b__outlet")
        .prefetch_related("links")
    )
    context = {
        "article": article,
        "claim_count": len(claims),
        "body": highlight(article.body, [Mark(c.start, c.end, f"claim-{c.pk}") for c in claims]),
        "comparisons": [(comparison, comparison.other_article(article)) for comparison in comparisons],
        "engine_version": current_engine_version(),
    }
    return render(request, _page(request, "articles/article.html", "article-body"), context)


# The filter tabs of a comparison: (value of ?relation=, label); "all" shows every link.
RELATION_TABS: list[tuple[str, str]] = [
    ("all", "All"),
    (Link.Relation.CONFLICT, "Conflicts"),
    (Link.Relation.PARTIAL, "Partial"),
    (Link.Relation.AGREE, "Agree"),
    (Link.Relation.ONLY_A, "Only in A"),
    (Link.Relation.ONLY_B, "Only in B"),
    (Link.Relation.UNRELATED, "Not the same fact"),
]


@dataclass
class LinkRow:
    """A link as its row shows it: both claims cut into diff runs, and the flags on it or its claims."""

    link: Link
    runs_a: list[Run]
    runs_b: list[Run]
    flags: list[Flag] = field(default_factory=list)


def link_row(link: Link, flags: list[Flag]) -> LinkRow:
    text_a = link.claim_a.text if link.claim_a else ""
    text_b = link.claim_b.text if link.claim_b else ""
    if link.claim_a and link.claim_b:
        runs_a, runs_b = word_diff(text_a, text_b)
    else:
        runs_a, runs_b = [Run(text_a, False)], [Run(text_b, False)]
    return LinkRow(link, runs_a, runs_b, flags)


def flags_query() -> QuerySet[Flag]:
    return Flag.objects.select_related("created_by", "assigned_to").prefetch_related(
        Prefetch("events", queryset=FlagEvent.objects.select_related("created_by", "assigned_to"))
    )


def flags_for_links(links: list[Link]) -> dict[int, list[Flag]]:
    """The flags to show on each link's row: those on the link, then those on either of its claims."""
    claim_ids = {c for link in links for c in (link.claim_a_id, link.claim_b_id) if c is not None}
    flags = list(flags_query().filter(Q(link__in=links) | Q(claim__in=claim_ids)))
    by_link: dict[int, list[Flag]] = {}
    for link in links:
        claims = {link.claim_a_id, link.claim_b_id} - {None}
        by_link[link.pk] = [f for f in flags if f.link_id == link.pk or f.claim_id in claims]
    return by_link


def _tab_relation(value: str) -> str:
    return value if value in dict(RELATION_TABS) else "all"


@require_GET
@vary_on_headers("HX-Request")
def comparison_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    comparison = get_object_or_404(
        Comparison.objects.select_related("article_a__outlet", "article_b__outlet").prefetch_related(
            Prefetch("links", queryset=Link.objects.select_related("claim_a", "claim_b", "verdict_by"))
        ),
        pk=pk,
    )
    relation = _tab_relation(request.GET.get("relation", "all"))
    all_links = sorted(
        comparison.links.all(),
        key=lambda link: (RELATION_ORDER.index(link.effective_relation()), link.pk),
    )
    links = [link for link in all_links if relation in ("all", link.effective_relation())]
    flags = flags_for_links(links)
    counts = comparison.counts()
    context: dict[str, object] = {
        "comparison": comparison,
        "counts": counts,
        "relation": relation,
        "relation_label": dict(RELATION_TABS)[relation],
        "total": len(all_links),
        "tabs": [
            (value, label, len(all_links) if value == "all" else counts[value])
            for value, label in RELATION_TABS
        ],
        "rows": [link_row(link, flags[link.pk]) for link in links],
        "flag_form": FlagForm(),
        "verdict_form": VerdictForm(),
    }
    if not request.htmx:
        if request.user.has_perm("articles.add_link"):
            context["manual_link_form"] = ManualLinkForm(comparison)
        if request.user.has_perm("articles.change_link"):
            context["leftovers"] = list(Leftover.objects.filter(comparison=comparison, done=False))
        relations = comparison.claim_relations()
        partners = comparison.claim_partners()
        context["sides"] = [
            {
                "letter": letter,
                "article": article,
                "body": _marked_body(article, comparison.engine_version, relations, partners),
            }
            for letter, article in (("a", comparison.article_a), ("b", comparison.article_b))
        ]
    return render(request, _page(request, "articles/comparison.html", "link-list"), context)


def _marked_body(
    article: Article, engine_version: str, relations: dict[int, str], partners: dict[int, list[int]]
) -> SafeString:
    claims: QuerySet[Claim] = article.claims.filter(engine_version=engine_version)
    marks = [
        Mark(
            c.start,
            c.end,
            f"claim-{c.pk}",
            relations.get(c.pk, ""),
            tuple(f"claim-{p}" for p in partners.get(c.pk, [])),
        )
        for c in claims
    ]
    return highlight(article.body, marks)

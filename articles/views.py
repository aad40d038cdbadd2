"""Pages: the list of comparisons and articles, one article, one comparison. Sign-in is required site-wide."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from articles import caching, search
from articles.claimreview import claim_reviews_json
from articles.diff import Run, word_diff
from articles.forms import CompareForm, FlagForm, ManualLinkForm, VerdictForm
from articles.highlight import Mark, highlight
from articles.models import RELATION_ORDER, Article, Claim, Comparison, Flag, FlagEvent, Leftover, Link
from articles.paging import window
from articles.services import compare_articles, current_engine_version, same_event_check


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _page(request: HtmxHttpRequest, template: str, partial: str) -> str:
    """The whole page, or only its swappable region when htmx asks for it."""
    return f"{template}#{partial}" if request.htmx else template


# Rows per page of the long lists, and the articles a list box of the compare form offers at once.
COMPARISONS_PER_PAGE = 20
ARTICLES_PER_PAGE = 50
LATEST_ARTICLES = 10
PICKER_CHOICES = 50
ARTICLE_COMPARISONS = 100


def search_comparisons(query: str) -> QuerySet[Comparison]:
    """Comparisons newest first; with a query, those where an article's headline, text or outlet matches it
    (full-text search: every word, "phrases", -exclusions, OR)."""
    comparisons = Comparison.objects.select_related("article_a__outlet", "article_b__outlet").defer(
        "article_a__body", "article_b__body"
    )
    if query:
        comparisons = comparisons.filter(search.comparison_match(query))
    return comparisons


def with_claim_counts(articles: list[Article]) -> list[Article]:
    """Set ``claim_count`` on each article, counting only their claims (not the whole table)."""
    counts = dict(
        Claim.objects.filter(article__in=articles, engine_version=current_engine_version())
        .values_list("article")
        .annotate(n=Count("id"))
        .values_list("article", "n")
    )
    for article in articles:
        article.claim_count = counts.get(article.pk, 0)  # type: ignore[attr-defined]
    return articles


def limit_article_choices(form: CompareForm, queries: dict[str, str] | None = None) -> None:
    """Offer a bounded list in each list box: the newest articles (or those matching its search),
    and the article already chosen. Validation still accepts any article."""
    for name in ("article_a", "article_b"):
        field = form.fields[name]
        choices = search_articles((queries or {}).get(name, ""))
        ids = list(choices.values_list("id", flat=True)[:PICKER_CHOICES])
        chosen = form[name].value()
        if chosen and str(chosen).isdigit():
            ids.append(int(chosen))
        field.queryset = (  # type: ignore[attr-defined]
            Article.objects.select_related("outlet").defer("body").filter(pk__in=ids)
        )


def search_articles(query: str) -> QuerySet[Article]:
    articles = Article.objects.select_related("outlet")
    for word in query.split():
        articles = articles.filter(
            Q(title__icontains=word) | Q(outlet__name__icontains=word) | Q(filename__icontains=word)
        )
    return articles


def _home_context(request: HttpRequest, form: CompareForm) -> dict[str, object]:
    query = request.GET.get("q", "").strip()
    page = window(request, search_comparisons(query), COMPARISONS_PER_PAGE)
    Comparison.with_counts(page.items)
    articles = with_claim_counts(
        list(Article.objects.select_related("outlet").defer("body")[:LATEST_ARTICLES])
    )
    limit_article_choices(form)
    return {"comparisons": page.items, "page": page, "articles": articles, "form": form, "query": query}


@require_GET
@vary_on_headers("HX-Request")
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    """Every stored article, newest first, a page at a time."""
    page = window(request, Article.objects.select_related("outlet").defer("body"), ARTICLES_PER_PAGE)
    with_claim_counts(page.items)
    context = {"articles": page.items, "page": page}
    return render(request, _page(request, "articles/article_list.html", "article-list"), context)


@require_GET
@vary_on_headers("HX-Request")
def home(request: HtmxHttpRequest) -> HttpResponse:
    template = _page(request, "articles/home.html", "comparison-list")
    return render(request, template, _home_context(request, CompareForm()))


@require_GET
@permission_required("articles.add_comparison", raise_exception=True)
def compare_check(request: HtmxHttpRequest) -> HttpResponse:
    """Under the compare form: whether the two articles chosen seem to report one event, and why, so that a
    warning comes before anyone reads verdicts between two different events."""
    form = CompareForm(request.GET)
    check = None
    if form.is_valid():
        check = same_event_check(form.cleaned_data["article_a"], form.cleaned_data["article_b"])
    return render(request, "articles/home.html#same-event-check", {"check": check})


@require_GET
def article_picker(request: HtmxHttpRequest) -> HttpResponse:
    """One side of the compare form: its list of articles narrowed to those matching the search."""
    name = request.GET.get("field", "")
    if name not in ("article_a", "article_b"):
        name = "article_a"
    form = CompareForm(initial={name: request.GET.get(name) or None})
    limit_article_choices(form, {name: request.GET.get(f"q_{name}", "")})
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
    comparisons = Comparison.with_counts(
        list(
            Comparison.objects.filter(Q(article_a=article) | Q(article_b=article))
            .select_related("article_a__outlet", "article_b__outlet")
            .defer("article_a__body", "article_b__body")[:ARTICLE_COMPARISONS]
        )
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


def _comparison_links(comparison: Comparison) -> list[Link]:
    """Every link of the comparison with its claims and flags, most telling relation first."""
    prefetch_related_objects(
        [comparison],
        Prefetch(
            "links",
            queryset=Link.objects.select_related("claim_a", "claim_b", "verdict_by").prefetch_related(
                "flags"
            ),
        ),
    )
    return sorted(
        comparison.links.all(), key=lambda link: (RELATION_ORDER.index(link.reported_relation()), link.pk)
    )


def _comparison_summary(comparison: Comparison, base_url: str) -> dict[str, Any]:
    """What the page shows above the link list (the head with its counts and both highlighted bodies,
    rendered), the counts for the tabs, and the ClaimReview JSON-LD."""
    links = _comparison_links(comparison)
    relations = comparison.claim_relations()
    partners = comparison.claim_partners()
    counts = comparison.counts()
    sides = [
        {
            "letter": letter,
            "article": article,
            "body": _marked_body(article, comparison.engine_version, relations, partners),
        }
        for letter, article in (("a", comparison.article_a), ("b", comparison.article_b))
    ]
    top = render_to_string(
        "articles/comparison.html#top", {"comparison": comparison, "counts": counts, "sides": sides}
    )
    return {
        "counts": counts,
        "total": len(links),
        "top": str(top),
        "claim_reviews": claim_reviews_json(comparison, links, base_url),
    }


def _link_list_html(
    request: HtmxHttpRequest, comparison: Comparison, relation: str, summary: dict[str, Any]
) -> str:
    """The link list under one tab, rendered with a placeholder for the CSRF token so that it can be
    cached and shared by every reader with the same permissions."""
    links = [link for link in _comparison_links(comparison) if relation in ("all", link.reported_relation())]
    flags = flags_for_links(links)
    counts = summary["counts"]
    context: dict[str, object] = {
        "comparison": comparison,
        "relation": relation,
        "relation_label": dict(RELATION_TABS)[relation],
        "total": summary["total"],
        "tabs": [
            (value, label, summary["total"] if value == "all" else counts[value])
            for value, label in RELATION_TABS
        ],
        "rows": [link_row(link, flags[link.pk]) for link in links],
        "flag_form": FlagForm(),
        "verdict_form": VerdictForm(),
        "csrf_token": caching.CSRF_SENTINEL,
        # The page the flag forms return to: the same for every reader of this tab.
        "request": _CanonicalPath(f"{comparison.get_absolute_url()}?relation={relation}"),
    }
    return render_to_string("articles/comparison.html#link-list", context, request)


@dataclass
class _CanonicalPath:
    path: str

    def get_full_path(self) -> str:
        return self.path


@require_GET
@vary_on_headers("HX-Request")
def comparison_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    # The bodies are read only when the cached head of the page is built again.
    comparison = get_object_or_404(
        Comparison.objects.select_related("article_a__outlet", "article_b__outlet").defer(
            "article_a__body", "article_b__body"
        ),
        pk=pk,
    )
    relation = _tab_relation(request.GET.get("relation", "all"))
    summary = caching.cached_part(
        comparison.pk,
        "summary",
        lambda: _comparison_summary(comparison, request.build_absolute_uri("/").rstrip("/")),
    )
    # One cached list per set of the permissions its forms depend on.
    role = "".join(
        "1" if request.user.has_perm(f"articles.{perm}") else "0"
        for perm in ("change_flag_status", "change_link", "add_flag")
    )
    link_list = caching.cached_part(
        comparison.pk,
        f"links:{relation}:{role}",
        lambda: _link_list_html(request, comparison, relation, summary),
    )
    link_list = mark_safe(link_list.replace(caching.CSRF_SENTINEL, get_token(request)))
    if request.htmx:
        return HttpResponse(link_list)
    context: dict[str, object] = {
        "comparison": comparison,
        "top": mark_safe(summary["top"]),
        "link_list": link_list,
        "claim_reviews": mark_safe(summary["claim_reviews"]),
    }
    # Editors' tools are the reader's own, never cached: linking two claims, what a new engine left over.
    if request.user.has_perm("articles.add_link"):
        context["manual_link_form"] = ManualLinkForm(comparison)
    if request.user.has_perm("articles.change_link"):
        context["leftovers"] = list(Leftover.objects.filter(comparison=comparison, done=False))
    return render(request, "articles/comparison.html", context)


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

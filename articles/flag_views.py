"""Editors' flags: opening one on a link or a claim, changing its status, and the queue of all flags."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.forms import FlagFilterForm, FlagForm, FlagStatusForm
from articles.models import Flag, Link
from articles.paging import window
from articles.views import HtmxHttpRequest, _page, flags_for_links, flags_query, link_row

FLAGS_PER_PAGE = 25


def link_permalink(link: Link) -> str:
    return f"{link.comparison.get_absolute_url()}#link-{link.pk}"


def _back(request: HtmxHttpRequest, fallback: str) -> HttpResponse:
    """Back to the page the form was on (without JavaScript), or to ``fallback``."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return redirect(target if target and allowed else fallback)


@require_POST
@permission_required("articles.change_flag_status", raise_exception=True)
def flag_link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(Link.objects.select_related("comparison", "claim_a", "claim_b"), pk=pk)
    form = FlagForm(request.POST)
    if form.is_valid():
        target = form.cleaned_data["target"]
        claim = link.claim_a if target == "claim_a" else link.claim_b if target == "claim_b" else None
        if target != "link" and claim is None:
            form.add_error("target", "This link has no such claim.")
        else:
            Flag.open_on(
                link=link if target == "link" else None,
                claim=claim,
                by=request.user,  # type: ignore[arg-type]
                note=form.cleaned_data["note"],
            )
    if not request.htmx:
        if form.errors:
            messages.error(request, "The flag was not saved: " + " ".join(_errors(form)))
        return _back(request, link_permalink(link))
    row = link_row(link, flags_for_links([link])[link.pk])
    context = {"row": row, "flag_form": form if form.errors else FlagForm(), "comparison": link.comparison}
    return render(request, "articles/comparison.html#link-row", context)


@require_POST
@permission_required("articles.change_flag_status", raise_exception=True)
def flag_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(Flag, pk=pk)
    form = FlagStatusForm(request.POST)
    if form.is_valid() and form.cleaned_data["status"] != flag.status:
        flag.change_status(
            form.cleaned_data["status"],
            by=request.user,  # type: ignore[arg-type]
            note=form.cleaned_data["note"],
        )
    elif not form.is_valid() and not request.htmx:
        messages.error(request, "The flag was not changed: " + " ".join(_errors(form)))
    if not request.htmx:
        return _back(request, f"/flags/#flag-{flag.pk}")
    return render(request, "articles/_flag.html", {"flag": flags_query().get(pk=flag.pk)})


def _errors(form: FlagForm | FlagStatusForm) -> list[str]:
    return [f"{name}: {error}" for name, errors in form.errors.items() for error in errors]


@require_GET
@vary_on_headers("HX-Request")
def flag_queue(request: HtmxHttpRequest) -> HttpResponse:
    form = FlagFilterForm(request.GET or None)
    flags = flags_query().select_related(
        "link__comparison__article_a__outlet",
        "link__comparison__article_b__outlet",
        "link__claim_a",
        "link__claim_b",
        "claim__article__outlet",
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            flags = flags.filter(status=data["status"])
        if data["outlet"]:
            outlet = data["outlet"]
            flags = flags.filter(
                Q(link__comparison__article_a__outlet=outlet)
                | Q(link__comparison__article_b__outlet=outlet)
                | Q(claim__article__outlet=outlet)
            )
        if data["comparison"]:
            comparison = data["comparison"]
            flags = flags.filter(
                Q(link__comparison=comparison)
                | Q(claim__links_as_a__comparison=comparison)
                | Q(claim__links_as_b__comparison=comparison)
            ).distinct()
    filtered = form.is_valid() and any(form.cleaned_data.values())
    page = window(request, flags, FLAGS_PER_PAGE)
    context = {"form": form, "flags": page.items, "page": page, "filtered": filtered}
    return render(request, _page(request, "articles/flags.html", "flag-list"), context)

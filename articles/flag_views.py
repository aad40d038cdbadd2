"""Flags: any journalist opens one on a link or a claim; editors assign, comment on and judge them; the queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.concurrency import StaleEdit, check_fresh
from articles.forms import (
    FlagAssignForm,
    FlagCommentForm,
    FlagFilterForm,
    FlagForm,
    FlagStatusForm,
    VerdictForm,
)
from articles.models import FLAG_STATUS_HELP, Flag, Link
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
@permission_required("articles.add_flag", raise_exception=True)
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
    context = {
        "row": row,
        "flag_form": form if form.errors else FlagForm(),
        "verdict_form": VerdictForm(),
        "comparison": link.comparison,
    }
    return render(request, "articles/comparison.html#link-row", context)


@require_POST
@permission_required("articles.change_flag_status", raise_exception=True)
def flag_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    form = FlagStatusForm(request.POST)
    refusal = ""
    # Locked from reading to writing: two editors at the same moment change it one after the other, and the
    # second, whose form shows the state before the first change, is told instead of overwriting it.
    with transaction.atomic():
        flag = get_object_or_404(Flag.objects.select_for_update(), pk=pk)
        if not form.is_valid():
            refusal = "The flag was not changed: " + " ".join(_errors(form))
        elif (
            form.cleaned_data["status"] != flag.status
        ):  # the same status again (a double click) is no change
            try:
                check_fresh(
                    flag.updated_at, form.cleaned_data["seen"], by=flag.last_changed_by(), what="flag"
                )
                if form.cleaned_data["status"] not in flag.next_statuses():
                    raise StaleEdit(
                        f"A {flag.get_status_display()} flag cannot be marked "
                        f"{Flag.Status(form.cleaned_data['status']).label}."
                    )
            except StaleEdit as stale:
                refusal = str(stale)
            else:
                flag.change_status(
                    form.cleaned_data["status"],
                    by=request.user,  # type: ignore[arg-type]
                    note=form.cleaned_data["note"],
                )
    if not request.htmx:
        if refusal:
            messages.error(request, refusal)
        return _back(request, f"/flags/#flag-{flag.pk}")
    context = {"flag": flags_query().get(pk=flag.pk), "flag_error": refusal}
    return render(request, "articles/_flag.html", context)


@require_POST
@permission_required("articles.change_flag_status", raise_exception=True)
def flag_assign(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(Flag, pk=pk)
    form = FlagAssignForm(request.POST)
    if form.is_valid() and form.cleaned_data["assigned_to"] != flag.assigned_to:
        flag.assign(form.cleaned_data["assigned_to"], by=request.user, note=form.cleaned_data["note"])  # type: ignore[arg-type]
    elif not form.is_valid() and not request.htmx:
        messages.error(request, "The flag was not assigned: " + " ".join(_errors(form)))
    return _flag_answer(request, flag)


@require_POST
def flag_comment(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Editors comment on any flag; whoever raised a flag may comment on it too."""
    flag = get_object_or_404(Flag, pk=pk)
    if not (request.user.has_perm("articles.change_flag_status") or flag.created_by_id == request.user.pk):
        raise PermissionDenied
    form = FlagCommentForm(request.POST)
    if form.is_valid():
        flag.comment(form.cleaned_data["note"], by=request.user)  # type: ignore[arg-type]
    elif not request.htmx:
        messages.error(request, "The comment was not saved: " + " ".join(_errors(form)))
    return _flag_answer(request, flag)


def _flag_answer(request: HtmxHttpRequest, flag: Flag) -> HttpResponse:
    if not request.htmx:
        return _back(request, f"/flags/#flag-{flag.pk}")
    return render(request, "articles/_flag.html", {"flag": flags_query().get(pk=flag.pk)})


def _errors(form: FlagForm | FlagStatusForm | FlagAssignForm | FlagCommentForm) -> list[str]:
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
        if data["show"] == "mine":
            flags = flags.filter(created_by=request.user.pk)
        elif data["show"] == "assigned":
            flags = flags.filter(assigned_to=request.user.pk)
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
    context = {
        "form": form,
        "flags": page.items,
        "page": page,
        "filtered": filtered,
        "status_help": [(Flag.Status(status).label, text) for status, text in FLAG_STATUS_HELP.items()],
    }
    return render(request, _page(request, "articles/flags.html", "flag-list"), context)

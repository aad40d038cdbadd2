"""Editors correcting the engine: setting the verdict of a link, and linking two claims it left apart."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.concurrency import StaleEdit, check_fresh
from articles.flag_views import _back, link_permalink
from articles.forms import FlagForm, ManualLinkForm, VerdictForm
from articles.models import Comparison, Link
from articles.views import HtmxHttpRequest, flags_for_links, link_row


@require_POST
@permission_required("articles.change_link", raise_exception=True)
def set_verdict(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    form = VerdictForm(request.POST)
    # Locked from reading to writing: two editors at the same moment change it one after the other, and the
    # second, whose form shows the verdict before the first change, is told instead of overwriting it.
    with transaction.atomic():
        get_object_or_404(Link.objects.select_for_update(), pk=pk)
        link = Link.objects.select_related("comparison", "claim_a", "claim_b", "verdict_by").get(pk=pk)
        if form.is_valid() and not link.has_pair():
            form.add_error(
                None, "A claim reported by one side only has no verdict: link it to a claim instead."
            )
        if form.is_valid():
            relation = form.cleaned_data["relation"]
            # Choosing the engine's own verdict without a reason goes back to it.
            verdict = "" if relation == "engine" else relation
            if verdict != link.verdict or form.cleaned_data["reason"] != link.verdict_reason:
                try:
                    _check_fresh(link, form.cleaned_data["seen"])
                except StaleEdit as stale:
                    form.add_error(None, str(stale))
                else:
                    link.set_verdict(verdict, by=request.user, reason=form.cleaned_data["reason"])  # type: ignore[arg-type]
    if not request.htmx:
        if form.errors:
            messages.error(request, "The verdict was not saved: " + " ".join(_errors(form)))
        return _back(request, link_permalink(link))
    row = link_row(link, flags_for_links([link])[link.pk])
    context = {"row": row, "flag_form": FlagForm(), "verdict_form": form, "comparison": link.comparison}
    # Errors come back in the row itself (htmx swaps only successful answers), as the flag form does.
    return render(request, "articles/comparison.html#link-row", context)


@require_POST
@permission_required("articles.add_link", raise_exception=True)
def add_manual_link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    comparison = get_object_or_404(Comparison, pk=pk)
    form = ManualLinkForm(comparison, request.POST)
    if not form.is_valid():
        messages.error(request, "The claims were not linked: " + " ".join(_errors(form)))
        return redirect(f"{comparison.get_absolute_url()}#manual-link")
    data = form.cleaned_data
    link = Link.objects.create(
        comparison=comparison,
        claim_a=data["claim_a"],
        claim_b=data["claim_b"],
        relation=data["relation"],
        explanation="Linked by an editor.",
        manual=True,
    )
    link.set_verdict(data["relation"], by=request.user, reason=data["reason"])  # type: ignore[arg-type]
    messages.success(request, "The two claims are now linked.")
    return redirect(link_permalink(link))


def _check_fresh(link: Link, seen: str) -> None:
    """StaleEdit unless the form was shown the link's verdict as it stands ("engine" while it has none)."""
    if not seen:
        return
    if link.verdict_at is None:
        if seen != "engine":
            raise StaleEdit("This verdict was changed a moment ago: check it again before changing it.")
        return
    by = link.verdict_by.get_username() if link.verdict_by else "another editor"
    check_fresh(link.verdict_at, seen, by=by, what="verdict")


def _errors(form: VerdictForm | ManualLinkForm) -> list[str]:
    return [
        f"{name}: {error}" if name != "__all__" else str(error)
        for name, errors in form.errors.items()
        for error in errors
    ]

"""Comparisons that need an article read first (seconds): compared in the background, with a page that
follows the task and opens the comparison when it is there, or says why it failed."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.tasks import TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch
from django.views.decorators.http import require_GET
from django_htmx.http import HttpResponseClientRedirect

from articles.models import Analysis, Article, Comparison
from articles.services import current_engine_version
from articles.tasks import compare_pair
from articles.views import HtmxHttpRequest, _page


def analysed(article: Article) -> bool:
    """The current engine's reading of the article is stored: comparing it takes a fraction of a second."""
    return Analysis.objects.filter(article=article, engine_version=current_engine_version()).exists()


def compare_in_background(article_a: Article, article_b: Article) -> HttpResponse:
    result = compare_pair.enqueue(article_a.pk, article_b.pk)
    if result.status == TaskResultStatus.SUCCESSFUL:  # a backend that runs tasks at once
        return redirect(Comparison.objects.get(pk=result.return_value))
    return redirect("comparison_pending", task=result.id)


@require_GET
def comparison_pending(request: HtmxHttpRequest, task: uuid.UUID) -> HttpResponse:
    try:
        result = compare_pair.get_result(str(task))
    except (TaskResultDoesNotExist, TaskResultMismatch) as missing:
        raise Http404("No such comparison under way.") from missing
    if result.status == TaskResultStatus.SUCCESSFUL:
        comparison = Comparison.objects.get(pk=result.return_value)
        if request.htmx:
            return HttpResponseClientRedirect(comparison.get_absolute_url())
        return redirect(comparison)
    failed = result.status == TaskResultStatus.FAILED
    error = ""
    if failed and result.errors:
        error = result.errors[-1].exception_class_path.rsplit(".", 1)[-1]
    context = {"task": task, "failed": failed, "error": error}
    return render(request, _page(request, "articles/comparing.html", "comparing"), context)

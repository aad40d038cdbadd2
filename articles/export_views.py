"""Exports of a comparison: its links as CSV; and the page describing the JSON API."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator

from articles.models import Comparison, Link

CSV_COLUMNS = [
    "link",
    "relation",
    "explanation",
    "score",
    "claim_a",
    "claim_a_start",
    "claim_a_end",
    "claim_b",
    "claim_b_start",
    "claim_b_end",
    "flags",
]


@require_GET
def comparison_links_csv(request: HttpRequest, pk: int) -> HttpResponse:
    comparison = get_object_or_404(Comparison, pk=pk)
    links = (
        Link.objects.filter(comparison=comparison)
        .select_related("claim_a", "claim_b")
        .prefetch_related("flags")
        .order_by("id")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="comparison-{comparison.pk}-links.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for link in links:
        a, b = link.claim_a, link.claim_b
        writer.writerow(
            [
                link.pk,
                link.reported_relation(),
                link.explanation,
                f"{link.score:.3f}",
                a.text if a else "",
                a.start if a else "",
                a.end if a else "",
                b.text if b else "",
                b.start if b else "",
                b.end if b else "",
                " ".join(sorted(flag.status for flag in link.flags.all())),
            ]
        )
    return response


@require_GET
def api_docs(request: HttpRequest) -> HttpResponse:
    """The OpenAPI schema as a page: every endpoint, its parameters and what it returns."""
    schema = SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    endpoints = [
        {
            "path": path,
            "method": method.upper(),
            "summary": (operation.get("description") or "").strip(),
            "parameters": operation.get("parameters", []),
        }
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "articles/api_docs.html", {"schema": schema, "endpoints": endpoints})

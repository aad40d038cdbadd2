"""The search page: articles and claims matching a query, filtered by outlet, dates and relation."""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from articles import search as full_text
from articles.models import Link, Outlet
from articles.paging import fetched_window
from articles.views import HtmxHttpRequest, _page

RESULTS_PER_PAGE = 20


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        max_length=300,
        required=False,
        help_text='Every word must occur; "a phrase" in quotes, -word to leave out, OR between alternatives.',
    )
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False, empty_label="Any outlet")
    published_from = forms.DateField(
        label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_to = forms.DateField(label="to", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    relation = forms.ChoiceField(
        label="Claims that",
        required=False,
        choices=[
            ("", "any relation"),
            *((value, f"are linked as “{label}”") for value, label in Link.Relation.choices),
        ],
    )

    def filters(self) -> full_text.Filters:
        data = self.cleaned_data
        return full_text.Filters(
            outlet=data["outlet"],
            published_from=data["published_from"],
            published_to=data["published_to"],
            relation=data["relation"],
        )


@require_GET
@vary_on_headers("HX-Request")
def search(request: HtmxHttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    query = ""
    articles = claims = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        filters = form.filters()
        # With a relation chosen, the question is about claims ("conflicts mentioning Palmyra").
        if not filters.relation:
            articles = fetched_window(
                request,
                lambda offset, limit: full_text.search_articles(query, filters, offset=offset, limit=limit),
                RESULTS_PER_PAGE,
            )
        claims = fetched_window(
            request,
            lambda offset, limit: full_text.search_claims(query, filters, offset=offset, limit=limit),
            RESULTS_PER_PAGE,
        )
    context = {"form": form, "query": query, "articles": articles, "claims": claims}
    return render(request, _page(request, "articles/search.html", "results"), context)

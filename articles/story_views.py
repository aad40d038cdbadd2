"""Pages of stories (many reports of one event, fact by fact) and of an article's versions."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from articles.models import Article, ArticleVersion, Story, StoryArticle
from articles.stories import progress, story_table
from articles.tasks import compare_story, propose_stories
from articles.versions import read_changes, text_diff
from articles.views import HtmxHttpRequest, _page

# The filters of the fact table: (value of ?show=, label).
FACT_FILTERS: list[tuple[str, str]] = [
    ("all", "All facts"),
    ("disputed", "Disputed"),
    ("single", "One source"),
]


class StoryForm(forms.ModelForm[Story]):
    class Meta:
        model = Story
        fields = ["title", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 2})}


class AddArticleForm(forms.Form):
    article = forms.ModelChoiceField(
        queryset=Article.objects.filter(story_membership__isnull=True).select_related("outlet"),
        label="Article",
    )


class MoveForm(forms.Form):
    story = forms.ModelChoiceField(queryset=Story.objects.all(), label="Move to story")


@require_GET
def story_list(request: HtmxHttpRequest) -> HttpResponse:
    stories = Story.objects.annotate(
        article_count=Count("memberships", filter=Q(memberships__status=StoryArticle.Status.CONFIRMED)),
        proposed_count=Count("memberships", filter=Q(memberships__status=StoryArticle.Status.PROPOSED)),
    )
    form = StoryForm() if request.user.has_perm("articles.add_story") else None
    return render(request, "articles/story_list.html", {"stories": stories, "form": form})


@require_POST
@permission_required("articles.add_story", raise_exception=True)
def story_create(request: HtmxHttpRequest) -> HttpResponse:
    form = StoryForm(request.POST)
    if not form.is_valid():
        stories = Story.objects.all()
        return render(request, "articles/story_list.html", {"stories": stories, "form": form}, status=400)
    story = form.save(commit=False)
    story.created_by = _user(request)
    story.save()
    messages.success(request, f"Story “{story}” created: add its articles below.")
    return redirect(story)


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _show(value: str) -> str:
    return value if value in dict(FACT_FILTERS) else "all"


@require_GET
@vary_on_headers("HX-Request")
def story_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=pk)
    show = _show(request.GET.get("show", "all"))
    table = story_table(story)
    facts = {
        "all": table.facts,
        "disputed": table.disputed(),
        "single": [f for f in table.facts if f.is_only_one()],
    }[show]
    done, total = progress(story)
    context: dict[str, object] = {
        "story": story,
        "table": table,
        "facts": facts,
        "show": show,
        "filters": [(value, label) for value, label in FACT_FILTERS],
        "filter_counts": {
            "all": len(table.facts),
            "disputed": len(table.disputed()),
            "single": sum(1 for f in table.facts if f.is_only_one()),
        },
        "done": done,
        "total": total,
    }
    if not request.htmx:
        context["proposed"] = list(
            story.memberships.filter(status=StoryArticle.Status.PROPOSED).select_related("article__outlet")
        )
        context["memberships"] = list(
            story.memberships.filter(status=StoryArticle.Status.CONFIRMED).select_related("article__outlet")
        )
        if request.user.has_perm("articles.add_storyarticle"):
            context["add_form"] = AddArticleForm()
        if request.user.has_perm("articles.change_storyarticle"):
            context["move_form"] = MoveForm()
    return render(request, _page(request, "articles/story.html", "fact-table"), context)


@require_GET
def story_progress(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """How many pairs are compared: the story page polls it while the worker compares them."""
    story = get_object_or_404(Story, pk=pk)
    done, total = progress(story)
    return render(
        request, "articles/story.html#story-progress", {"story": story, "done": done, "total": total}
    )


@require_POST
@permission_required("articles.change_storyarticle", raise_exception=True)
def story_compare(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=pk)
    compare_story.enqueue(story.pk)
    messages.info(request, "Comparing every pair of the story's articles in the background.")
    return redirect(story)


@require_POST
@permission_required("articles.change_storyarticle", raise_exception=True)
def story_propose(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Look for articles in no story that the engine judges to report this story's event."""
    story = get_object_or_404(Story, pk=pk)
    propose_stories.enqueue()
    messages.info(request, "Looking for other reports of this event; proposals appear below for an editor.")
    return redirect(story)


@require_POST
@permission_required("articles.add_storyarticle", raise_exception=True)
def story_add_article(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=pk)
    form = AddArticleForm(request.POST)
    if form.is_valid():
        article = form.cleaned_data["article"]
        StoryArticle.objects.get_or_create(
            article=article,
            defaults={"story": story, "added_by": _user(request), "confirmed_by": _user(request)},
        )
        compare_story.enqueue(story.pk)
        messages.success(request, f"“{article}” added; its pairs are being compared.")
    else:
        messages.error(request, "Choose an article that is in no story yet.")
    return redirect(story)


@require_POST
@permission_required("articles.change_storyarticle", raise_exception=True)
def membership_change(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """An editor confirms a proposed article, moves it to another story, or takes it out of the story."""
    with transaction.atomic():
        membership = get_object_or_404(StoryArticle.objects.select_for_update(), pk=pk)
        story = membership.story
        action = request.POST.get("action", "")
        if action == "confirm":
            membership.status = StoryArticle.Status.CONFIRMED
            membership.confirmed_by = _user(request)
            membership.save(update_fields=["status", "confirmed_by"])
            messages.success(request, f"“{membership.article}” confirmed in this story.")
        elif action == "move":
            form = MoveForm(request.POST)
            if not form.is_valid():
                messages.error(request, "Choose the story to move it to.")
                return redirect(story)
            membership.story = form.cleaned_data["story"]
            membership.status = StoryArticle.Status.CONFIRMED
            membership.confirmed_by = _user(request)
            membership.save(update_fields=["story", "status", "confirmed_by"])
            messages.success(request, f"“{membership.article}” moved to “{membership.story}”.")
        elif action == "remove":
            membership.delete()
            messages.success(request, f"“{membership.article}” taken out of this story.")
            return redirect(story)
        else:
            return HttpResponse("Unknown action.", status=400)
    compare_story.enqueue(membership.story.pk)
    return redirect(story)


@require_GET
def article_versions(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    versions = list(article.versions.order_by("-number"))
    return render(request, "articles/versions.html", {"article": article, "versions": versions})


@require_GET
def article_version(request: HtmxHttpRequest, pk: int, number: int) -> HttpResponse:
    """One version: its text, the text diff from the one before, and fact by fact what changed."""
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    version = get_object_or_404(ArticleVersion, article=article, number=number)
    previous = article.versions.filter(number__lt=number).order_by("-number").first()
    latest = article.versions.order_by("-number").values_list("number", flat=True).first()
    context: dict[str, object] = {
        "article": article,
        "version": version,
        "previous": previous,
        "is_latest": latest == number,
        "diff": text_diff(previous.body, version.body) if previous else [],
        "changes": read_changes(version) if previous else {},
    }
    return render(request, "articles/version.html", context)

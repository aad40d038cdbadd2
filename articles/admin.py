"""Admin pages for every model; what the engine produced is shown read-only, since offsets must stay true."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.forms import ModelForm
from django.http import HttpRequest

from articles.engine import ENGINE_VERSION
from articles.models import (
    Analysis,
    Article,
    Claim,
    Comparison,
    Flag,
    FlagEvent,
    Leftover,
    Link,
    Outlet,
    SignInFailure,
    TaskLease,
    Upload,
    VerdictEvent,
)
from articles.search import matching_claim_ids_sql


class ReadOnlyAdmin[M: Model](admin.ModelAdmin[M]):
    """Viewable and deletable, never hand-edited: rows written by the engine or by history."""

    list_per_page = 50

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: M | None = None) -> bool:
        return False


@admin.register(Analysis)
class AnalysisAdmin(ReadOnlyAdmin[Analysis]):
    list_display = ["article", "engine_version", "created_at"]
    list_filter = ["engine_version"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]
    exclude = ["encodings", "data"]
    show_full_result_count = False


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin[Outlet]):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ["title", "outlet", "published", "added_by", "created_at"]
    list_select_related = ["outlet", "added_by"]
    search_fields = ["title", "url", "filename", "content_hash"]
    # A date filter rather than date_hierarchy, whose list of days reads every row.
    list_filter = ["outlet", "published", "created_at"]
    raw_id_fields = ["added_by"]
    autocomplete_fields = ["outlet"]
    show_full_result_count = False
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # The list never shows the body: do not read it for every row.
        return super().get_queryset(request).defer("body")

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> list[str]:
        # Claims index into the body, so once stored it stays as it is.
        fixed = ["content_hash", "filename", "created_at"]
        return [*fixed, "body"] if obj is not None else fixed

    def save_model(self, request: HttpRequest, obj: Article, form: ModelForm[Article], change: bool) -> None:
        if not change and request.user.is_authenticated:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)


class ClaimKindFilter(admin.SimpleListFilter):
    """The engine's kinds of claim, listed without reading the claims (a DISTINCT over all of them)."""

    title = "kind"
    parameter_name = "kind"
    KINDS = ["quantity", "date", "event", "quote", "headline"]

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(kind, kind) for kind in self.KINDS]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(kind=self.value()) if self.value() else queryset


class EngineVersionFilter(admin.SimpleListFilter):
    """Engine versions, read from the analyses and comparisons (few rows) rather than every claim."""

    title = "engine version"
    parameter_name = "engine_version"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        versions = {ENGINE_VERSION, *Analysis.objects.values_list("engine_version", flat=True).distinct()}
        return [(v, v) for v in sorted(versions)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(engine_version=self.value()) if self.value() else queryset


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin[Claim]):
    list_display = ["short_text", "article", "kind", "start", "end", "engine_version"]
    list_filter = [ClaimKindFilter, EngineVersionFilter]
    list_select_related = ["article"]
    search_fields = ["text"]
    search_help_text = 'Full-text search of the claims: words, "phrases", -exclusions, OR.'
    raw_id_fields = ["article"]
    show_full_result_count = False
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).defer("article__body")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Claim], search_term: str
    ) -> tuple[QuerySet[Claim], bool]:
        if not search_term.strip():
            return queryset, False
        sql, params = matching_claim_ids_sql(search_term)
        return queryset.filter(pk__in=RawSQL(sql, params)), False

    @admin.display(description="claim")
    def short_text(self, obj: Claim) -> str:
        return str(obj)


class ReadOnlyInline[M: Model, P: Model](admin.TabularInline[M, P]):
    """Rows the engine or the flag history wrote: shown beside their parent, never edited there."""

    can_delete = False
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class LinkInline(ReadOnlyInline[Link, Comparison]):
    model = Link
    fields = readonly_fields = ("relation", "verdict", "claim_a", "claim_b", "score", "explanation", "manual")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Link]:
        return super().get_queryset(request).select_related("claim_a", "claim_b")


class VerdictEventInline(ReadOnlyInline[VerdictEvent, Link]):
    model = VerdictEvent
    fields = readonly_fields = ("created_at", "old_verdict", "new_verdict", "reason", "created_by")


@admin.register(Comparison)
class ComparisonAdmin(ReadOnlyAdmin[Comparison]):
    list_display = ["__str__", "engine_version", "created_at"]
    list_filter = ["engine_version"]
    list_select_related = ["article_a", "article_b"]
    search_fields = ["article_a__title", "article_b__title"]
    inlines = [LinkInline]
    raw_id_fields = ["article_a", "article_b"]
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Comparison]:
        return super().get_queryset(request).defer("article_a__body", "article_b__body")


@admin.register(Link)
class LinkAdmin(ReadOnlyAdmin[Link]):
    list_display = ["relation", "verdict", "claim_a", "claim_b", "score", "comparison"]
    list_filter = ["relation", "verdict", "manual"]
    inlines = [VerdictEventInline]
    list_select_related = ["claim_a", "claim_b", "comparison__article_a", "comparison__article_b"]
    search_fields = ["claim_a__text", "claim_b__text"]
    search_help_text = 'Full-text search of the linked claims: words, "phrases", -exclusions, OR.'
    raw_id_fields = ["comparison", "claim_a", "claim_b"]
    show_full_result_count = False
    list_per_page = 50

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Link], search_term: str
    ) -> tuple[QuerySet[Link], bool]:
        if not search_term.strip():
            return queryset, False
        sql, params = matching_claim_ids_sql(search_term)
        matched = Q(claim_a__in=RawSQL(sql, params)) | Q(claim_b__in=RawSQL(sql, params))
        return queryset.filter(matched), False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Link]:
        return (
            super().get_queryset(request).defer("comparison__article_a__body", "comparison__article_b__body")
        )


class FlagEventInline(ReadOnlyInline[FlagEvent, Flag]):
    model = FlagEvent
    fields = readonly_fields = (
        "created_at",
        "kind",
        "old_status",
        "new_status",
        "assigned_to",
        "note",
        "created_by",
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[FlagEvent]:
        return super().get_queryset(request).select_related("created_by")


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin[Flag]):
    list_display = ["__str__", "status", "created_by", "created_at", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["created_by", "link__claim_a", "link__claim_b", "claim"]
    search_fields = ["note", "claim__text", "link__explanation"]
    raw_id_fields = ["link", "claim", "created_by", "assigned_to"]
    show_full_result_count = False
    list_per_page = 50
    inlines = [FlagEventInline]
    actions = ["confirm", "dismiss", "resolve", "reopen"]

    def has_change_flag_status_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.change_flag_status")

    @admin.action(description="Confirm the selected flags", permissions=["change_flag_status"])
    def confirm(self, request: HttpRequest, queryset: QuerySet[Flag]) -> None:
        self._change_status(request, queryset, Flag.Status.CONFIRMED)

    @admin.action(description="Dismiss the selected flags", permissions=["change_flag_status"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[Flag]) -> None:
        self._change_status(request, queryset, Flag.Status.DISMISSED)

    @admin.action(description="Resolve the selected flags", permissions=["change_flag_status"])
    def resolve(self, request: HttpRequest, queryset: QuerySet[Flag]) -> None:
        self._change_status(request, queryset, Flag.Status.RESOLVED)

    @admin.action(description="Reopen the selected flags", permissions=["change_flag_status"])
    def reopen(self, request: HttpRequest, queryset: QuerySet[Flag]) -> None:
        self._change_status(request, queryset, Flag.Status.OPEN)

    def _change_status(self, request: HttpRequest, queryset: QuerySet[Flag], status: str) -> None:
        by = request.user if request.user.is_authenticated else None
        changed = [flag.change_status(status, by=by) for flag in queryset if flag.status != status]
        self.message_user(request, f"{len(changed)} flag(s) now {status}.")

    def get_readonly_fields(self, request: HttpRequest, obj: Flag | None = None) -> list[str]:
        # A status changes through the actions, which record it in the flag's history.
        return ["status", "created_by", "created_at", "updated_at"]

    def save_model(self, request: HttpRequest, obj: Flag, form: ModelForm[Flag], change: bool) -> None:
        if not change:
            obj.created_by = request.user if request.user.is_authenticated else None
        super().save_model(request, obj, form, change)
        if not change:
            FlagEvent.objects.create(
                flag=obj,
                kind=FlagEvent.Kind.OPENED,
                new_status=obj.status,
                note=obj.note,
                created_by=obj.created_by,
            )


@admin.register(FlagEvent)
class FlagEventAdmin(ReadOnlyAdmin[FlagEvent]):
    list_display = ["flag", "old_status", "new_status", "created_by", "created_at"]
    list_filter = ["new_status"]
    list_select_related = ["flag__link__claim_a", "flag__link__claim_b", "flag__claim", "created_by"]
    search_fields = ["note"]
    raw_id_fields = ["flag", "created_by"]
    show_full_result_count = False


@admin.register(Upload)
class UploadAdmin(ReadOnlyAdmin[Upload]):
    list_display = ["__str__", "filename", "status", "article", "created_by", "created_at"]
    list_filter = ["status", "created_at"]
    list_select_related = ["article", "created_by"]
    search_fields = ["title", "filename", "outlet", "error", "batch"]
    filter_horizontal = ["compare_with"]
    raw_id_fields = ["article"]
    show_full_result_count = False


@admin.register(VerdictEvent)
class VerdictEventAdmin(ReadOnlyAdmin[VerdictEvent]):
    list_display = ["link", "old_verdict", "new_verdict", "created_by", "created_at"]
    list_filter = ["new_verdict"]
    list_select_related = ["link", "created_by"]
    search_fields = ["reason"]
    raw_id_fields = ["link", "created_by"]
    show_full_result_count = False


@admin.register(Leftover)
class LeftoverAdmin(admin.ModelAdmin[Leftover]):
    """What a new engine version could not carry over; an editor ticks each one off once dealt with."""

    list_display = ["__str__", "kind", "comparison", "done", "created_at"]
    list_filter = ["kind", "done"]
    list_select_related = ["comparison__article_a", "comparison__article_b"]
    search_fields = ["description"]
    readonly_fields = ["comparison", "previous", "kind", "description", "flag", "link", "created_at"]
    list_editable = ["done"]


@admin.register(SignInFailure)
class SignInFailureAdmin(ReadOnlyAdmin[SignInFailure]):
    """Refused sign-ins within the throttle's window: deleting an account's rows lifts its lock-out."""

    list_display = ["username", "address", "at"]
    list_filter = ["at"]
    search_fields = ["username", "address"]


@admin.register(TaskLease)
class TaskLeaseAdmin(ReadOnlyAdmin[TaskLease]):
    """Leases of the tasks running now, and whose worker holds them."""

    list_display = ["task_id", "worker_id", "expires_at"]


# Stories and versions of articles.
from articles.models import ArticleVersion, Story, StoryArticle  # noqa: E402


class StoryArticleInline(admin.TabularInline[StoryArticle, Story]):
    model = StoryArticle
    extra = 1
    raw_id_fields = ["article"]
    fields = ["article", "status", "same_event_score", "same_event_why"]
    readonly_fields = ["same_event_score", "same_event_why"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin[Story]):
    list_display = ["title", "article_count", "created_by", "created_at"]
    list_select_related = ["created_by"]
    search_fields = ["title"]
    inlines = [StoryArticleInline]
    exclude = ["created_by"]

    @admin.display(description="articles")
    def article_count(self, story: Story) -> int:
        return story.memberships.count()

    def save_model(self, request: HttpRequest, obj: Story, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(ArticleVersion)
class ArticleVersionAdmin(ReadOnlyAdmin[ArticleVersion]):
    list_display = ["article", "number", "title", "created_at"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]
    exclude = ["analysis", "encodings", "changes"]

"""The read-only JSON API: articles, claims, comparisons with their links and verdicts, and flags.

Scripts authenticate with a token (`manage.py create_api_token USERNAME`), a signed-in browser with its
session. Every relation reported is Link.reported_relation(), what the pages show.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from articles.models import Article, Claim, Comparison, Flag, Link


class ArticleSerializer(serializers.ModelSerializer[Article]):
    outlet = serializers.CharField(source="outlet_name", read_only=True)

    class Meta:
        model = Article
        fields = ["id", "title", "outlet", "url", "published", "created_at"]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]


class ClaimSerializer(serializers.ModelSerializer[Claim]):
    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "engine_version",
            "start",
            "end",
            "kind",
            "text",
            "quantities",
            "dates",
            "entities",
            "attribution",
        ]


class LinkedClaimSerializer(serializers.ModelSerializer[Claim]):
    class Meta:
        model = Claim
        fields = ["id", "start", "end", "text"]


class FlagSerializer(serializers.ModelSerializer[Flag]):
    created_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = Flag
        fields = ["id", "link", "claim", "status", "note", "created_by", "created_at", "updated_at"]


class LinkFlagSerializer(serializers.ModelSerializer[Flag]):
    class Meta:
        model = Flag
        fields = ["id", "status", "note", "updated_at"]


class LinkSerializer(serializers.ModelSerializer[Link]):
    relation = serializers.SerializerMethodField()
    claim_a = LinkedClaimSerializer(read_only=True)
    claim_b = LinkedClaimSerializer(read_only=True)
    flags = LinkFlagSerializer(many=True, read_only=True)

    class Meta:
        model = Link
        fields = ["id", "relation", "explanation", "score", "claim_a", "claim_b", "flags"]

    @extend_schema_field(serializers.ChoiceField(choices=Link.Relation.choices))
    def get_relation(self, link: Link) -> str:
        return link.reported_relation()


class ComparisonSerializer(serializers.ModelSerializer[Comparison]):
    article_a = ArticleSerializer(read_only=True)
    article_b = ArticleSerializer(read_only=True)
    counts = serializers.SerializerMethodField()

    class Meta:
        model = Comparison
        fields = ["id", "article_a", "article_b", "engine_version", "created_at", "counts"]

    @extend_schema_field(serializers.DictField(child=serializers.IntegerField()))
    def get_counts(self, comparison: Comparison) -> dict[str, int]:
        return comparison.counts()


class ComparisonDetailSerializer(ComparisonSerializer):
    links = LinkSerializer(many=True, read_only=True)

    class Meta(ComparisonSerializer.Meta):
        fields = [*ComparisonSerializer.Meta.fields, "links"]


class ArticleViewSet(viewsets.ReadOnlyModelViewSet[Article]):
    """Stored articles, newest first; the body only on one article's own URL."""

    def get_queryset(self) -> QuerySet[Article]:
        articles = Article.objects.select_related("outlet")
        return articles if self.action == "retrieve" else articles.defer("body")

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Article]]:
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer


class ClaimViewSet(viewsets.ReadOnlyModelViewSet[Claim]):
    """Claims as the engine read them; ``?article=ID`` narrows to one article."""

    serializer_class = ClaimSerializer

    def get_queryset(self) -> QuerySet[Claim]:
        claims = Claim.objects.order_by("article_id", "start", "end", "id")
        article = self.request.query_params.get("article", "")
        return claims.filter(article_id=int(article)) if article.isdigit() else claims


class ComparisonViewSet(viewsets.ReadOnlyModelViewSet[Comparison]):
    """Comparisons, newest first, with counts by relation; one comparison with every link and its flags."""

    def get_queryset(self) -> QuerySet[Comparison]:
        comparisons = Comparison.objects.select_related("article_a__outlet", "article_b__outlet").defer(
            "article_a__body", "article_b__body"
        )
        if self.action != "retrieve":
            return comparisons  # counts come from one grouped query per page (paginate_queryset)
        links = Link.objects.order_by("id").select_related("claim_a", "claim_b").prefetch_related("flags")
        return comparisons.prefetch_related(Prefetch("links", queryset=links))

    def paginate_queryset(self, queryset: QuerySet[Comparison]) -> list[Comparison] | None:  # type: ignore[override]
        page = super().paginate_queryset(queryset)
        return Comparison.with_counts(page) if page is not None else None

    def get_serializer_class(self) -> type[serializers.BaseSerializer[Comparison]]:
        return ComparisonDetailSerializer if self.action == "retrieve" else ComparisonSerializer


class FlagViewSet(viewsets.ReadOnlyModelViewSet[Flag]):
    """Editors' flags, newest first; ``?status=confirmed`` narrows by status."""

    serializer_class = FlagSerializer

    def get_queryset(self) -> QuerySet[Flag]:
        flags = Flag.objects.select_related("created_by")
        status = self.request.query_params.get("status", "")
        return flags.filter(status=status) if status else flags


def api_routes() -> list[Any]:
    """The API's URL patterns; each view does its own authentication (401/403, never a login redirect)."""
    from django.contrib.auth.decorators import login_not_required
    from rest_framework.routers import DefaultRouter

    router = DefaultRouter()
    router.register("articles", ArticleViewSet, basename="api-article")
    router.register("claims", ClaimViewSet, basename="api-claim")
    router.register("comparisons", ComparisonViewSet, basename="api-comparison")
    router.register("flags", FlagViewSet, basename="api-flag")
    for pattern in router.urls:
        if pattern.callback is not None:
            login_not_required(pattern.callback)
    return list(router.urls)

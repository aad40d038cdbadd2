"""Versions of an article: a changed text imported for a stored article becomes its new version, and what
changed between two versions is read fact by fact with the claim engine."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q

from articles import engine
from articles.models import Analysis, Article, ArticleVersion, Comparison, Outlet, content_hash

if TYPE_CHECKING:
    from articles.importing import ArticleMeta, ParsedArticle


def earlier_article(parsed: ParsedArticle, meta: ArticleMeta) -> Article | None:
    """The stored article this text is a version of: the same URL, else the same outlet and headline."""
    if meta.url:
        found = Article.objects.filter(url=meta.url).order_by("pk").first()
        if found is not None:
            return found
    if meta.outlet and parsed.title:
        return Article.objects.filter(outlet__name=meta.outlet, title=parsed.title).order_by("pk").first()
    return None


def version_holding(digest: str) -> ArticleVersion | None:
    """The stored version with this exact text, if any: importing it again is a duplicate, not an edit."""
    return ArticleVersion.objects.select_related("article").filter(content_hash=digest).first()


def _snapshot(article: Article, number: int) -> ArticleVersion:
    """The article's current text as a version, with the analysis the current engine made of it."""
    version = ArticleVersion(
        article=article,
        number=number,
        title=article.title,
        url=article.url,
        published=article.published,
        body=article.body,
        created_at=article.created_at,
    )
    row = Analysis.objects.filter(article=article).order_by("-created_at").first()
    if row is not None:
        version.engine_version = row.engine_version
        version.analysis = row.data
        version.encodings = bytes(row.encodings)
    return version


@transaction.atomic
def add_version(article: Article, parsed: ParsedArticle, meta: ArticleMeta) -> ArticleVersion:
    """Make ``parsed`` the article's latest text, keeping every earlier one as a version.

    What the engine derived from the old text (its analysis, claims, and the comparisons and links resting
    on them) no longer indexes the new text: it is removed, and the pairs the article was in are compared
    again with the new text in the background. The old text's analysis stays on its version.
    """
    from articles.services import DuplicateArticle

    article = Article.objects.select_for_update().get(pk=article.pk)
    versions = list(article.versions.order_by("number"))
    # Checked again under the lock: another admin may have stored this very text a moment ago.
    digest = content_hash(parsed.body)
    if article.content_hash == digest or any(v.content_hash == digest for v in versions):
        raise DuplicateArticle(article)
    if not versions:
        versions = [_snapshot(article, 1)]
        versions[0].save()
    else:
        latest = versions[-1]
        if latest.analysis is None:
            kept = _snapshot(article, latest.number)
            latest.engine_version, latest.analysis, latest.encodings = (
                kept.engine_version,
                kept.analysis,
                kept.encodings,
            )
            latest.save(update_fields=["engine_version", "analysis", "encodings"])
    partners = _partners(article)
    Comparison.objects.filter(Q(article_a=article) | Q(article_b=article)).delete()
    article.claims.all().delete()
    article.analyses.all().delete()
    if meta.outlet:
        article.outlet = Outlet.objects.get_or_create(name=meta.outlet)[0]
    article.title = parsed.title or article.title
    article.body = parsed.body
    article.url = meta.url or article.url
    article.published = meta.published or parsed.dateline or article.published
    article.save()
    version = ArticleVersion.objects.create(
        article=article,
        number=versions[-1].number + 1,
        title=article.title,
        url=article.url,
        published=article.published,
        body=article.body,
    )
    from articles.tasks import compare_pair, read_version_changes

    def queue() -> None:
        read_version_changes.enqueue(version.pk)
        for partner_id, article_is_a in partners:
            pair = (article.pk, partner_id) if article_is_a else (partner_id, article.pk)
            compare_pair.enqueue(*pair)

    transaction.on_commit(queue)
    return version


def _partners(article: Article) -> list[tuple[int, bool]]:
    """The articles it was compared with, and whether it was A: to compare them again with the new text."""
    seen: dict[int, bool] = {}
    for a_id, b_id in Comparison.objects.filter(Q(article_a=article) | Q(article_b=article)).values_list(
        "article_a_id", "article_b_id"
    ):
        if a_id == article.pk:
            seen.setdefault(b_id, True)
        else:
            seen.setdefault(a_id, False)
    return list(seen.items())


def version_analysis(version: ArticleVersion) -> engine.Analysis:
    """What the current engine reads in a version's text: stored on the version, or read once and stored."""
    from articles.services import current_engine_version

    current = current_engine_version()
    if version.analysis is not None and version.engine_version == current:
        try:
            return engine.analysis_from_json(version.body, version.analysis, bytes(version.encodings))
        except (ValueError, KeyError, TypeError):
            pass  # an older layout of the same engine version: read it again
    latest = version.article.versions.order_by("-number").values_list("pk", flat=True).first()
    if latest == version.pk:
        from articles.services import article_analysis

        return article_analysis(version.article)
    analysis = engine.analyse(version.body, version.published)
    version.engine_version = current
    version.analysis = engine.analysis_to_json(analysis)
    version.encodings = engine.encodings_to_bytes(analysis)
    version.save(update_fields=["engine_version", "analysis", "encodings"])
    return analysis


def read_changes(version: ArticleVersion) -> dict[str, Any]:
    """Fact by fact, what changed from the previous version to this one; stored on the version."""
    from articles.services import current_engine_version

    current = current_engine_version()
    stored: dict[str, Any] = version.changes
    if stored.get("engine_version") == current:
        return stored
    previous = version.article.versions.filter(number__lt=version.number).order_by("-number").first()
    if previous is None:
        return {}
    result = engine.compare_analyses(
        version_analysis(previous), version_analysis(version), title_a=previous.title, title_b=version.title
    )
    texts_a = {c.id: c for c in result.a.claims}
    texts_b = {c.id: c for c in result.b.claims}
    changed: list[dict[str, str]] = []
    removed: list[dict[str, str]] = []
    added: list[dict[str, str]] = []
    unchanged = 0
    for link in result.links:
        if link.relation == "only_a":
            removed.extend({"text": texts_a[a].text, "kind": texts_a[a].kind} for a in link.a)
        elif link.relation == "only_b":
            added.extend({"text": texts_b[b].text, "kind": texts_b[b].kind} for b in link.b)
        else:
            before = " ".join(texts_a[a].text for a in link.a)
            after = " ".join(texts_b[b].text for b in link.b)
            if link.relation == "agree" and before == after:
                unchanged += 1
            else:
                changed.append(
                    {
                        "before": before,
                        "after": after,
                        "relation": link.relation,
                        "explanation": link.explanation,
                    }
                )
    # The same words on both sides, left unlinked by the engine, did not change.
    kept = {c["text"] for c in removed} & {c["text"] for c in added}
    removed = [c for c in removed if c["text"] not in kept]
    added = [c for c in added if c["text"] not in kept]
    unchanged += len(kept)
    changes: dict[str, Any] = {
        "engine_version": current,
        "changed": changed,
        "removed": removed,
        "added": added,
        "unchanged": unchanged,
    }
    version.changes = changes
    version.save(update_fields=["changes"])
    return changes


@dataclass(frozen=True, slots=True)
class DiffLine:
    """One line of a text diff: ``kind`` is "same", "removed", "added" or "gap"."""

    kind: str
    text: str


def text_diff(before: str, after: str, context: int = 2) -> list[DiffLine]:
    """A line diff of two texts (difflib), unchanged lines kept only near a change."""
    lines: list[DiffLine] = []
    for group in difflib.SequenceMatcher(
        None, before.splitlines(), after.splitlines(), autojunk=False
    ).get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("gap", "…"))
        old, new = before.splitlines(), after.splitlines()
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(DiffLine("same", line) for line in old[i1:i2])
                continue
            lines.extend(DiffLine("removed", line) for line in old[i1:i2])
            lines.extend(DiffLine("added", line) for line in new[j1:j2])
    return lines

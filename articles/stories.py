"""Stories: many outlets' reports of one event read together. Every pair of a story's articles is compared,
their linked claims are merged into facts (one row each, one column per article), and reprinted copy is told
apart from independent reporting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from django.db.models import Prefetch

from articles.models import Article, Claim, Comparison, Link, Story, StoryArticle
from articles.services import compare_articles, current_engine_version, judge_same_event

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from articles import engine

# A cell's mark, most telling first; "absent" when the article does not report the fact.
MARKS = ("conflict", "partial", "agree", "only", "absent")
_SAME_FACT = (Link.Relation.AGREE, Link.Relation.PARTIAL, Link.Relation.CONFLICT)

# Near-identical text: the share of 8-word sequences two articles have in common, over the shorter one's.
SHINGLE_WORDS = 8
SAME_COPY_OVERLAP = 0.6


class UnionFind:
    """Disjoint sets of hashable items: the claims that state one fact, the articles that share a copy."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def groups(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for item in list(self.parent):
            found.setdefault(self.find(item), []).append(item)
        return found


# Comparing the pairs ----------------------------------------------------------------------------------


def pairs(articles: Sequence[Article]) -> list[tuple[Article, Article]]:
    """Every pair of the story's articles, the one that joined first as A."""
    return list(combinations(articles, 2))


def _stored_pairs(articles: Sequence[Article]) -> dict[frozenset[int], Comparison]:
    ids = [a.pk for a in articles]
    found: dict[frozenset[int], Comparison] = {}
    for comparison in Comparison.objects.filter(
        article_a__in=ids, article_b__in=ids, engine_version=current_engine_version()
    ).order_by("id"):
        found[frozenset((comparison.article_a_id, comparison.article_b_id))] = comparison
    return found


def progress(story: Story) -> tuple[int, int]:
    """How many pairs of the story's confirmed articles are compared, of how many."""
    articles = story.confirmed_articles()
    stored = _stored_pairs(articles)
    total = len(articles) * (len(articles) - 1) // 2
    return sum(1 for a, b in pairs(articles) if frozenset((a.pk, b.pk)) in stored), total


def compare_all_pairs(story: Story) -> int:
    """Compare each pair of the story's confirmed articles not compared yet, reading each article's stored
    analysis once; how many pairs were compared."""
    articles = story.confirmed_articles()
    stored = _stored_pairs(articles)
    analyses: dict[int, engine.Analysis] = {}
    compared = 0
    for a, b in pairs(articles):
        if frozenset((a.pk, b.pk)) in stored:
            continue
        compare_articles(a, b, analyses=analyses)
        compared += 1
    return compared


def propose_story(article: Article, by: User | None = None) -> StoryArticle | None:
    """Propose the article for the story whose first article the engine judges most likely the same event.

    Nothing when it is in a story already or no story reports the same event; an editor confirms or moves it.
    Only the pair behind the proposal is stored as a comparison: the stories the article does not belong to
    leave no comparison of two different events in the lists.
    """
    if StoryArticle.objects.filter(article=article).exists():
        return None
    analyses: dict[int, engine.Analysis] = {}
    best: tuple[float, str, Story, Article] | None = None
    for story in Story.objects.all():
        first = story.memberships.filter(status=StoryArticle.Status.CONFIRMED).select_related("article")
        member = first.first()
        if member is None:
            continue
        likely, score, why = judge_same_event(member.article, article, analyses)
        if likely and (best is None or score > best[0]):
            best = (score, why, story, member.article)
        # Keep the new article's reading only: hundreds of stories' first articles need not stay in memory.
        analyses = {pk: read for pk, read in analyses.items() if pk == article.pk}
    if best is None:
        return None
    score, why, story, first_article = best
    compare_articles(first_article, article, analyses=analyses)
    return StoryArticle.objects.create(
        story=story,
        article=article,
        status=StoryArticle.Status.PROPOSED,
        same_event_score=score,
        same_event_why=why,
        added_by=by,
    )


def propose_unassigned() -> int:
    """Propose each article in no story for the story that fits it best, if any; how many were proposed."""
    proposed = 0
    for article in Article.objects.filter(story_membership__isnull=True).order_by("pk"):
        proposed += propose_story(article) is not None
    return proposed


# Independence ---------------------------------------------------------------------------------------


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Every run of ``size`` consecutive words, case and punctuation aside."""
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def copy_overlap(a: set[str], b: set[str]) -> float:
    """Shared word sequences over those of the shorter text: 1.0 when one reprints the other whole."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class CopyGroup:
    """Articles carrying the same copy (wire copy reprinted by several outlets): one source between them."""

    articles: list[Article]
    overlap: float

    def outlet_names(self) -> list[str]:
        return [a.outlet_name() or str(a) for a in self.articles]


def same_copy_groups(articles: Sequence[Article]) -> list[CopyGroup]:
    """Groups of two or more articles whose texts are near-identical, in story order."""
    sets = {a.pk: shingles(a.body) for a in articles}
    sets_union = UnionFind()
    lowest: dict[frozenset[int], float] = {}
    for a, b in combinations(articles, 2):
        overlap = copy_overlap(sets[a.pk], sets[b.pk])
        if overlap >= SAME_COPY_OVERLAP:
            sets_union.union(a.pk, b.pk)
            lowest[frozenset((a.pk, b.pk))] = overlap
    by_id = {a.pk: a for a in articles}
    order = {a.pk: i for i, a in enumerate(articles)}
    groups: list[CopyGroup] = []
    for members in sets_union.groups().values():
        if len(members) < 2:
            continue
        members.sort(key=order.__getitem__)
        overlaps = [v for k, v in lowest.items() if k <= set(members)]
        groups.append(CopyGroup([by_id[m] for m in members], min(overlaps)))
    groups.sort(key=lambda g: order[g.articles[0].pk])
    return groups


def source_of(articles: Sequence[Article], groups: Iterable[CopyGroup]) -> dict[int, int]:
    """Each article's independent source: the first article of its copy group, else itself."""
    source = {a.pk: a.pk for a in articles}
    for group in groups:
        for article in group.articles:
            source[article.pk] = group.articles[0].pk
    return source


# The fact table -------------------------------------------------------------------------------------


@dataclass
class Cell:
    """One article's words for one fact, marked against the other articles' (or absent)."""

    article: Article
    claims: list[Claim]
    mark: str
    comparison: Comparison | None = None

    def is_absent(self) -> bool:
        return self.mark == "absent"


@dataclass
class Fact:
    """One distinct fact of the story: the claims linked across its articles, merged transitively."""

    cells: list[Cell]
    carried_by: int
    sources: int
    position: tuple[int, int]

    def is_disputed(self) -> bool:
        return any(c.mark in ("conflict", "partial") for c in self.cells)

    def is_only_one(self) -> bool:
        """Only one outlet (or one copy reprinted) reports it."""
        return self.sources == 1

    def summary_claim(self) -> Claim:
        return next(c for cell in self.cells for c in cell.claims)


@dataclass
class PairCounts:
    """What one pairwise comparison found, for the matrix of agreement per pair of articles."""

    comparison: Comparison
    counts: dict[str, int]
    same_copy: bool

    def linked(self) -> int:
        return sum(self.counts[r] for r in _SAME_FACT)

    def agree_share(self) -> float:
        linked = self.linked()
        return self.counts[Link.Relation.AGREE] / linked if linked else 0.0


@dataclass
class StoryTable:
    articles: list[Article]
    facts: list[Fact]
    copy_groups: list[CopyGroup]
    matrix: list[list[PairCounts | None]] = field(default_factory=list)

    def disputed(self) -> list[Fact]:
        return [f for f in self.facts if f.is_disputed()]

    def sources(self) -> int:
        return len(set(source_of(self.articles, self.copy_groups).values()))


def story_table(story: Story, articles: list[Article] | None = None) -> StoryTable:
    """The story's facts by article, most widely carried first, from the stored pairwise comparisons."""
    articles = story.confirmed_articles() if articles is None else articles
    copy_groups = same_copy_groups(articles)
    source = source_of(articles, copy_groups)
    index = {a.pk: i for i, a in enumerate(articles)}
    version = current_engine_version()
    stored = _stored_pairs(articles)
    comparisons = {
        c.pk: c
        for c in Comparison.objects.filter(pk__in=[c.pk for c in stored.values()]).prefetch_related(
            Prefetch("links", queryset=Link.objects.order_by("id"))
        )
    }
    claims = {
        c.pk: c
        for c in Claim.objects.filter(article__in=list(index), engine_version=version).order_by(
            "article", "start"
        )
    }
    facts = UnionFind()
    for claim_id in claims:
        facts.find(claim_id)
    # The relation and comparison between two claims that the engine (or an editor) linked.
    joined: dict[frozenset[int], tuple[str, Comparison]] = {}
    for comparison in comparisons.values():
        for link in comparison.links.all():
            relation = link.effective_relation()
            a, b = link.claim_a_id, link.claim_b_id
            if a is None or b is None or relation not in _SAME_FACT or a not in claims or b not in claims:
                continue
            facts.union(a, b)
            joined[frozenset((a, b))] = (relation, comparison)
    rows: list[Fact] = []
    for members in facts.groups().values():
        by_article: dict[int, list[Claim]] = {}
        for claim_id in sorted(members, key=lambda c: (index[claims[c].article_id], claims[c].start)):
            by_article.setdefault(claims[claim_id].article_id, []).append(claims[claim_id])
        cells = [_cell(article, by_article, joined, stored, len(by_article)) for article in articles]
        first = min(members, key=lambda c: (index[claims[c].article_id], claims[c].start))
        rows.append(
            Fact(
                cells=cells,
                carried_by=len(by_article),
                sources=len({source[a] for a in by_article}),
                position=(index[claims[first].article_id], claims[first].start),
            )
        )
    rows.sort(key=lambda f: (-f.sources, -f.carried_by, f.position))
    table = StoryTable(articles, rows, copy_groups)
    table.matrix = _matrix(articles, stored, comparisons, source)
    return table


def _cell(
    article: Article,
    by_article: dict[int, list[Claim]],
    joined: dict[frozenset[int], tuple[str, Comparison]],
    stored: dict[frozenset[int], Comparison],
    carriers: int,
) -> Cell:
    own = by_article.get(article.pk, [])
    if not own:
        other = next(iter(by_article))
        return Cell(article, [], "absent", stored.get(frozenset((article.pk, other))))
    if carriers == 1:
        return Cell(article, own, "only")
    best: tuple[int, Comparison] | None = None
    own_ids = {c.pk for c in own}
    for pair, (relation, comparison) in joined.items():
        if pair & own_ids and not pair <= own_ids:
            rank = MARKS.index(relation)
            if best is None or rank < best[0]:
                best = (rank, comparison)
    if best is None:  # linked only to its own article's claims through others
        return Cell(article, own, "agree")
    return Cell(article, own, MARKS[best[0]], best[1])


def _matrix(
    articles: list[Article],
    stored: dict[frozenset[int], Comparison],
    comparisons: dict[int, Comparison],
    source: dict[int, int],
) -> list[list[PairCounts | None]]:
    rows: list[list[PairCounts | None]] = []
    for a in articles:
        row: list[PairCounts | None] = []
        for b in articles:
            found = stored.get(frozenset((a.pk, b.pk))) if a.pk != b.pk else None
            if found is None:
                row.append(None)
                continue
            comparison = comparisons[found.pk]
            row.append(PairCounts(comparison, comparison.counts(), source[a.pk] == source[b.pk]))
        rows.append(row)
    return rows

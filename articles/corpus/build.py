"""Building the synthetic archive: articles told from a few engine-read story versions, comparisons of
pairs of them, and editors' flags, all from one random seed.

The engine reads each story version once (its analysis is stored with the version's own article and
reused on later runs). An article is its own headline and byline above a version, so its claims are the
version's claims moved past that heading, and a comparison of two articles has the links the engine
found between their two versions.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from articles import engine
from articles.corpus.stories import OUTLETS, STORIES, VERSIONS, article_heading, version_text
from articles.engine import ENGINE_VERSION
from articles.engine.types import Claim as EngineClaim
from articles.engine.types import ComparisonResult
from articles.models import Article, Claim, Comparison, Flag, FlagEvent, Link, Outlet, content_hash
from articles.services import _link_rows, article_analysis, store_claims

BATCH = 2000
FIRST_DAY = dt.date(2024, 1, 1)
DAYS_SPAN = 730
FLAG_NOTE = "Generated flag: "


@dataclass
class Version:
    """One engine-read version of a story: its article, analysis and claims."""

    story: int
    number: int
    article: Article
    analysis: engine.Analysis
    claims: list[EngineClaim]


@dataclass
class Report:
    versions_read: int = 0
    articles: int = 0
    claims: int = 0
    comparisons: int = 0
    links: int = 0
    flags: int = 0
    pairs_compared: int = 0
    skipped: list[str] = field(default_factory=list)


def batches[T](items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def read_versions(say: Callable[[str], None], stories: int | None = None) -> list[Version]:
    """Every story version as a stored article with its analysis, read by the engine unless stored."""
    wire = Outlet.objects.get_or_create(name="Wire copy")[0]
    versions = []
    for s, story in enumerate(STORIES[:stories]):
        for v in range(VERSIONS):
            headline, text = version_text(story, v)
            published = FIRST_DAY + dt.timedelta(days=s * 7 + v)
            article = Article.objects.filter(content_hash=content_hash(text)).first()
            if article is None:
                article = Article.objects.create(outlet=wire, title=headline, body=text, published=published)
            analysis = article_analysis(article)
            versions.append(Version(s, v, article, analysis, engine.claims_of(analysis, prefix="c")))
            store_claims(article, versions[-1].claims)
        say(f"story {story.key}: {VERSIONS} versions read")
    return versions


def generate(
    *,
    articles: int,
    comparisons: int,
    flags: int,
    seed: int,
    say: Callable[[str], None],
    stories: int | None = None,
) -> Report:
    """Add what the archive of ``seed`` lacks; ``stories`` uses only the first few stories."""
    rng = random.Random(seed)
    report = Report()
    versions = read_versions(say, stories)
    report.versions_read = len(versions)
    outlets = {name: Outlet.objects.get_or_create(name=name)[0] for name in OUTLETS}

    # Articles: a heading of their own above one version of a story.
    planned: list[tuple[Article, Version, int]] = []
    for number in range(1, articles + 1):
        version = rng.choice(versions)
        outlet_name = rng.choice(OUTLETS)
        heading = article_heading(rng, STORIES[version.story], version.number, outlet_name, number)
        body = heading + version.article.body
        article = Article(
            outlet=outlets[outlet_name],
            title=heading.split("\n", 1)[0],
            body=body,
            content_hash=content_hash(body),
            published=FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS_SPAN)),
            filename=f"corpus-{seed}-{number:06d}.txt",
        )
        planned.append((article, version, len(heading)))
    existing = {}
    for chunk in batches([a.content_hash for a, _, _ in planned]):
        existing.update(Article.objects.filter(content_hash__in=chunk).in_bulk(field_name="content_hash"))
    new = [a for a, _, _ in planned if a.content_hash not in existing]
    with transaction.atomic():
        for articles_chunk in batches(new):
            Article.objects.bulk_create(articles_chunk)
    report.articles = len(new)
    stored = [(existing.get(a.content_hash, a), v, shift) for a, v, shift in planned]
    say(f"{report.articles} articles added ({len(planned) - report.articles} already there)")

    # Claims: the version's claims, moved past the article's heading.
    new_ids = {a.pk for a in new}
    claim_rows = [
        _moved_claim(article, claim, shift)
        for article, version, shift in stored
        if article.pk in new_ids
        for claim in version.claims
    ]
    with transaction.atomic():
        for claims_chunk in batches(claim_rows, 5000):
            Claim.objects.bulk_create(claims_chunk)
    report.claims = len(claim_rows)
    say(f"{report.claims} claims added")

    # Comparisons: pairs of articles telling the same story; links as the engine aligned their versions.
    by_story: dict[int, list[tuple[Article, Version, int]]] = {}
    for row in stored:
        by_story.setdefault(row[1].story, []).append(row)
    pairs: dict[tuple[int, int], tuple[tuple[Article, Version, int], tuple[Article, Version, int]]] = {}
    attempts = 0
    while len(pairs) < comparisons and attempts < comparisons * 20:
        attempts += 1
        group = by_story[rng.choice(sorted(by_story))]
        if len(group) < 2:
            continue
        a, b = rng.sample(group, 2)
        pairs.setdefault((a[0].pk, b[0].pk), (a, b))
    done = set(
        Comparison.objects.filter(
            engine_version=ENGINE_VERSION, article_a__in=[k[0] for k in pairs]
        ).values_list("article_a_id", "article_b_id")
    )
    todo = [(a, b) for key, (a, b) in pairs.items() if key not in done]
    results: dict[tuple[int, int], ComparisonResult] = {}
    for a, b in todo:
        key = (a[1].article.pk, b[1].article.pk)
        if key not in results:
            va, vb = a[1], b[1]
            results[key] = engine.compare_analyses(
                va.analysis, vb.analysis, title_a=va.article.title, title_b=vb.article.title
            )
    report.pairs_compared = len(results)
    say(f"{len(results)} pairs of story versions compared by the engine")
    spans = _claims_by_span([row[0].pk for pair in todo for row in pair])
    comparison_rows = [
        Comparison(article_a=a[0], article_b=b[0], engine_version=ENGINE_VERSION) for a, b in todo
    ]
    link_rows: list[Link] = []
    with transaction.atomic():
        for comparisons_chunk in batches(comparison_rows):
            Comparison.objects.bulk_create(comparisons_chunk)
        for comparison, (a, b) in zip(comparison_rows, todo, strict=True):
            result = results[(a[1].article.pk, b[1].article.pk)]
            claims_a = {c.id: spans[a[0].pk][(c.start + a[2], c.end + a[2])] for c in result.a.claims}
            claims_b = {c.id: spans[b[0].pk][(c.start + b[2], c.end + b[2])] for c in result.b.claims}
            for link in result.links:
                link_rows.extend(_link_rows(comparison, link, claims_a, claims_b))
        for links_chunk in batches(link_rows, 5000):
            Link.objects.bulk_create(links_chunk)
    report.comparisons, report.links = len(comparison_rows), len(link_rows)
    say(f"{report.comparisons} comparisons added with {report.links} links")

    report.flags = _flags(rng, flags)
    say(f"{report.flags} flags added")
    return report


def _moved_claim(article: Article, claim: EngineClaim, shift: int) -> Claim:
    return Claim(
        article=article,
        engine_version=ENGINE_VERSION,
        start=claim.start + shift,
        end=claim.end + shift,
        sentence=claim.sentence,
        kind=claim.kind,
        text=claim.text,
        quantities=[_asdict(q) for q in claim.quantities],
        dates=[_asdict(d) for d in claim.dates],
        entities=[_asdict(e) for e in claim.entities],
        attribution=claim.attribution or "",
    )


def _asdict(value: object) -> dict[str, object]:
    import dataclasses

    return dataclasses.asdict(value)  # type: ignore[call-overload, no-any-return]


def _claims_by_span(article_ids: list[int]) -> dict[int, dict[tuple[int, int], Claim]]:
    spans: dict[int, dict[tuple[int, int], Claim]] = {}
    for chunk in batches(sorted(set(article_ids)), 500):
        for claim in Claim.objects.filter(article__in=chunk, engine_version=ENGINE_VERSION).only(
            "id", "article_id", "start", "end"
        ):
            spans.setdefault(claim.article_id, {})[(claim.start, claim.end)] = claim
    return spans


NOTES = [
    "The two figures cannot both be right: check the agency's own statement.",
    "Dates differ by a day; one outlet may count from the local time zone.",
    "The quote is attributed to different people.",
    "Looks like a rounding difference, not a conflict.",
    "Source of this figure is unclear.",
]
STATUSES = (
    [Flag.Status.OPEN] * 4 + [Flag.Status.CONFIRMED] * 3 + [Flag.Status.DISMISSED, Flag.Status.RESOLVED]
)


def _flags(rng: random.Random, wanted: int) -> int:
    """Flags on discrepant links (and a few on claims), up to ``wanted`` generated ones in all."""
    missing = wanted - Flag.objects.filter(note__startswith=FLAG_NOTE).count()
    if missing <= 0:
        return 0
    links = list(
        Link.objects.filter(relation__in=[Link.Relation.CONFLICT, Link.Relation.PARTIAL])
        .order_by("id")
        .values_list("id", "claim_a_id")
    )
    if not links:
        links = list(Link.objects.order_by("id").values_list("id", "claim_a_id")[: missing * 5])
    if not links:
        return 0
    flags = []
    for n in range(missing):
        link_id, claim_id = rng.choice(links)
        on_claim = claim_id is not None and n % 10 == 9
        flags.append(
            Flag(
                link_id=None if on_claim else link_id,
                claim_id=claim_id if on_claim else None,
                status=rng.choice(STATUSES),
                note=FLAG_NOTE + rng.choice(NOTES),
            )
        )
    with transaction.atomic():
        for chunk in batches(flags):
            Flag.objects.bulk_create(chunk)
        events = [FlagEvent(flag=f, new_status=Flag.Status.OPEN, note=f.note) for f in flags]
        events += [
            FlagEvent(flag=f, old_status=Flag.Status.OPEN, new_status=f.status)
            for f in flags
            if f.status != Flag.Status.OPEN
        ]
        for events_chunk in batches(events):
            FlagEvent.objects.bulk_create(events_chunk)
    return len(flags)

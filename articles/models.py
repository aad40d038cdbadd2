"""Stored articles, the claims the engine read in them, comparisons of two articles, and editors' flags."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def content_hash(body: str) -> str:
    """The identity of an article's text: the same words in two files are the same article."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField("URL", max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)
    # Exactly as decoded from the file: every claim offset indexes into it.
    body = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    filename = models.CharField(max_length=255, blank=True, help_text="The file it was imported from.")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="article_newest"),
            models.Index(fields=["published", "id"], name="article_published"),
            models.Index(fields=["outlet", "published"], name="article_outlet_published"),
        ]

    def __str__(self) -> str:
        return self.title or self.filename or f"Article {self.pk}"

    def save(self, **kwargs: Any) -> None:
        self.content_hash = content_hash(self.body)
        super().save(**kwargs)

    def get_absolute_url(self) -> str:
        return reverse("article", args=[self.pk])

    def outlet_name(self) -> str:
        return self.outlet.name if self.outlet else ""


class Claim(models.Model):
    """One checkable fact of an article, as one engine version read it; its text is body[start:end]."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    engine_version = models.CharField(max_length=20)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence = models.PositiveIntegerField(default=0, help_text="Index of the sentence it comes from.")
    kind = models.CharField(max_length=20)
    text = models.TextField()
    quantities = models.JSONField(default=list, blank=True)
    dates = models.JSONField(default=list, blank=True)
    entities = models.JSONField(default=list, blank=True)
    attribution = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article", "engine_version", "start", "end"]
        constraints = [
            # Segmentation does not depend on the other article, so a span names a claim.
            models.UniqueConstraint(
                fields=["article", "engine_version", "start", "end"], name="claim_unique_span"
            ),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="claim_span_not_empty"),
        ]
        indexes = [
            models.Index(fields=["kind"], name="claim_kind"),
            models.Index(fields=["engine_version"], name="claim_engine_version"),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def clean(self) -> None:
        if self.article.body[self.start : self.end] != self.text:
            raise ValidationError("The claim's text must be the article body between start and end.")


class Analysis(models.Model):
    """What one engine version read from an article on its own (parse, values, encodings), kept so that
    comparing stored articles never reads them again."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="analyses")
    engine_version = models.CharField(max_length=20)
    data = models.JSONField(help_text="Sentences, clauses and their values, as the engine stores them.")
    encodings = models.BinaryField(help_text="Sentence-encoder vectors of the clauses and sentences.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "analyses"
        constraints = [
            models.UniqueConstraint(fields=["article", "engine_version"], name="analysis_unique_version")
        ]
        indexes = [models.Index(fields=["engine_version"], name="analysis_engine_version")]

    def __str__(self) -> str:
        return f"{self.article} (engine {self.engine_version})"


class Comparison(models.Model):
    article_a = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comparisons_as_a")
    article_b = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comparisons_as_b")
    engine_version = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)
    # The engine's judgement of whether the two articles report one event (unknown for older comparisons).
    same_event = models.BooleanField(null=True, blank=True)
    same_event_score = models.FloatField(null=True, blank=True)
    same_event_why = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article_a", "article_b", "engine_version"], name="comparison_unique_pair"
            ),
            models.CheckConstraint(condition=~Q(article_a=F("article_b")), name="comparison_of_two_articles"),
        ]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="comparison_newest"),
            models.Index(fields=["engine_version"], name="comparison_engine_version"),
        ]

    def __str__(self) -> str:
        return f"{self.article_a} ↔ {self.article_b}"

    def get_absolute_url(self) -> str:
        return reverse("comparison", args=[self.pk])

    def other_article(self, article: Article) -> Article:
        """The article this comparison sets against ``article``."""
        return self.article_b if self.article_a_id == article.pk else self.article_a

    def counts(self) -> dict[str, int]:
        """Links per relation, every relation present (uses prefetched links when there are some, or the
        counts that with_counts() set)."""
        counted: dict[str, int] | None = getattr(self, "_relation_counts", None)
        if counted is not None:
            return counted
        found = Counter(link.reported_relation() for link in self.links.all())
        return {relation: found[relation] for relation in RELATION_ORDER}

    @staticmethod
    def with_counts(comparisons: list[Comparison]) -> list[Comparison]:
        """Count the links of each comparison by relation in one grouped query, for lists of comparisons."""
        found: dict[int, Counter[str]] = {c.pk: Counter() for c in comparisons}
        rows = (
            Link.objects.filter(comparison__in=comparisons)
            .annotate(reported=Link.reported_relation_expression())
            .values_list("comparison", "reported")
            .annotate(n=models.Count("id"))
            .order_by()
        )
        for comparison_id, relation, n in rows:
            found[comparison_id][relation] += n
        for comparison in comparisons:
            comparison._relation_counts = {  # type: ignore[attr-defined]
                relation: found[comparison.pk][relation] for relation in RELATION_ORDER
            }
        return comparisons

    def claim_relations(self) -> dict[int, str]:
        """Each claim's most telling relation (a claim may be linked to several): see RELATION_ORDER."""
        relations: dict[int, str] = {}
        for link in self.links.all():
            for claim_id in (link.claim_a_id, link.claim_b_id):
                if claim_id is None:
                    continue
                current = relations.get(claim_id)
                relation = link.effective_relation()
                if relation == Link.Relation.UNRELATED:
                    relation = Link.Relation.ONLY_A if claim_id == link.claim_a_id else Link.Relation.ONLY_B
                if current is None or RELATION_ORDER.index(relation) < RELATION_ORDER.index(current):
                    relations[claim_id] = relation
        return relations

    def claim_partners(self) -> dict[int, list[int]]:
        """Each claim's counterparts in the other article (uses prefetched links when there are some)."""
        partners: dict[int, list[int]] = {}
        for link in self.links.all():
            a, b = link.claim_a_id, link.claim_b_id
            if a is not None and b is not None and link.effective_relation() != Link.Relation.UNRELATED:
                partners.setdefault(a, []).append(b)
                partners.setdefault(b, []).append(a)
        return partners


class Link(models.Model):
    """One pairwise join between a claim of A and one of B, or a claim found in one article only."""

    class Relation(models.TextChoices):
        AGREE = "agree", "agree"
        PARTIAL = "partial", "partial"
        CONFLICT = "conflict", "conflict"
        ONLY_A = "only_a", "only in A"
        ONLY_B = "only_b", "only in B"
        # Only ever an editor's verdict: the two claims were linked but do not report the same fact.
        UNRELATED = "unrelated", "not the same fact"

    class Verdict(models.TextChoices):
        AGREE = "agree", "agree"
        PARTIAL = "partial", "partial"
        CONFLICT = "conflict", "conflict"
        UNRELATED = "unrelated", "not the same fact"

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="links")
    claim_a = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="links_as_a"
    )
    claim_b = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="links_as_b"
    )
    relation = models.CharField(max_length=10, choices=Relation.choices, help_text="The engine's verdict.")
    score = models.FloatField(default=0.0)
    explanation = models.TextField(blank=True)
    # An editor's verdict overrides the engine's everywhere it is shown or counted; empty when none was set.
    verdict = models.CharField(max_length=10, choices=Verdict.choices, blank=True)
    verdict_reason = models.TextField(blank=True)
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verdict_at = models.DateTimeField(null=True, blank=True)
    manual = models.BooleanField(default=False, help_text="Linked by an editor, not by the engine.")

    class Meta:
        ordering = ["comparison", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(relation="only_a", claim_a__isnull=False, claim_b__isnull=True)
                    | Q(relation="only_b", claim_a__isnull=True, claim_b__isnull=False)
                    | Q(
                        relation__in=["agree", "partial", "conflict"],
                        claim_a__isnull=False,
                        claim_b__isnull=False,
                    )
                ),
                name="link_claims_match_relation",
            ),
        ]
        indexes = [
            models.Index(fields=["relation", "claim_a"], name="link_relation_claim_a"),
            models.Index(fields=["relation", "claim_b"], name="link_relation_claim_b"),
            models.Index(fields=["comparison", "relation"], name="link_comparison_relation"),
        ]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}: {self.claim_a or '—'} / {self.claim_b or '—'}"

    def effective_relation(self) -> str:
        """The editor's verdict when one was set, else the engine's."""
        return self.verdict or self.relation

    def get_effective_relation_display(self) -> str:
        return str(Link.Relation(self.effective_relation()).label)

    def has_pair(self) -> bool:
        return self.claim_a_id is not None and self.claim_b_id is not None

    def reported_relation(self) -> str:
        """The relation every reader of the link is shown: pages, API, CSV, ClaimReview and the cache."""
        return self.effective_relation()

    @staticmethod
    def reported_relation_expression() -> Coalesce:
        """reported_relation() as the database computes it, for filtering and ordering in queries."""
        return Coalesce(NullIf(F("verdict"), Value("")), F("relation"), output_field=models.CharField())

    def is_discrepancy(self) -> bool:
        """Both outlets report the fact, but not the same way."""
        return self.effective_relation() in (Link.Relation.PARTIAL, Link.Relation.CONFLICT)

    def is_one_sided(self) -> bool:
        return self.effective_relation() in (Link.Relation.ONLY_A, Link.Relation.ONLY_B)

    def is_confirmed_discrepancy(self) -> bool:
        """A discrepancy an editor confirmed: by setting the verdict, or by confirming a flag on the link
        (uses prefetched flags when there are some)."""
        return self.is_discrepancy() and (
            bool(self.verdict) or any(flag.status == Flag.Status.CONFIRMED for flag in self.flags.all())
        )

    def confidence(self) -> str:
        """The engine's confidence in its verdict, in a word, for readers who need no raw score."""
        if self.manual:
            return ""
        if self.score >= 0.75:
            return "high"
        if self.score >= 0.5:
            return "medium"
        return "low"

    def confidence_percent(self) -> int:
        return max(0, min(100, round(self.score * 100)))

    def set_verdict(self, verdict: str, by: User | None, reason: str = "") -> VerdictEvent:
        """Record an editor's verdict (an empty one goes back to the engine's) and keep it in the history."""
        event = VerdictEvent(
            link=self, old_verdict=self.verdict, new_verdict=verdict, reason=reason, created_by=by
        )
        self.verdict = verdict
        self.verdict_reason = reason if verdict else ""
        self.verdict_by = by if verdict else None
        self.verdict_at = timezone.now() if verdict else None
        self.save(update_fields=["verdict", "verdict_reason", "verdict_by", "verdict_at"])
        event.save()
        return event


class VerdictEvent(models.Model):
    """One change of an editor's verdict on a link: from what, to what, by whom, why."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="verdict_events")
    old_verdict = models.CharField(max_length=10, choices=Link.Verdict.choices, blank=True)
    new_verdict = models.CharField(max_length=10, choices=Link.Verdict.choices, blank=True)
    reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.old_verdict or 'engine'} → {self.new_verdict or 'engine'}"


# Most telling first: a conflict matters more than a partial agreement, which matters more than agreement.
RELATION_ORDER: list[str] = [
    Link.Relation.CONFLICT,
    Link.Relation.PARTIAL,
    Link.Relation.AGREE,
    Link.Relation.ONLY_A,
    Link.Relation.ONLY_B,
    Link.Relation.UNRELATED,
]


class Flag(models.Model):
    """An editor's doubt about a link or a claim, with the history of its status in FlagEvent."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        CONFIRMED = "confirmed", "confirmed"
        DISMISSED = "dismissed", "dismissed"
        RESOLVED = "resolved", "resolved"

    link = models.ForeignKey(Link, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="flags"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_flags",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("change_flag_status", "Can confirm, dismiss or resolve a flag")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(link__isnull=False, claim__isnull=True) | Q(link__isnull=True, claim__isnull=False)
                ),
                name="flag_has_one_target",
            ),
        ]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="flag_newest"),
            models.Index(fields=["status", "-created_at", "-id"], name="flag_status_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} flag on {self.target}"

    @property
    def target(self) -> Link | Claim | None:
        return self.link or self.claim

    def is_open(self) -> bool:
        return self.status == Flag.Status.OPEN

    def next_statuses(self) -> tuple[str, ...]:
        """The statuses the flag's page offers from its current one: the only changes the server accepts."""
        return FLAG_TRANSITIONS.get(self.status, ())

    def last_changed_by(self) -> str:
        """Who made the latest change in its history, for telling an editor whose change theirs missed."""
        event = self.events.select_related("created_by").order_by("-created_at", "-id").first()
        user = event.created_by if event else None
        return user.get_username() if user else "someone"

    @classmethod
    def open_on(
        cls, *, link: Link | None = None, claim: Claim | None = None, by: User | None, note: str = ""
    ) -> Flag:
        """Flag a link or a claim, recording the opening as the first event of its history."""
        flag = cls.objects.create(link=link, claim=claim, note=note, created_by=by)
        FlagEvent.objects.create(
            flag=flag, kind=FlagEvent.Kind.OPENED, new_status=flag.status, note=note, created_by=by
        )
        return flag

    def assign(self, to: User | None, by: User | None, note: str = "") -> FlagEvent:
        self.assigned_to = to
        self.save(update_fields=["assigned_to", "updated_at"])
        return FlagEvent.objects.create(
            flag=self,
            kind=FlagEvent.Kind.ASSIGNED,
            old_status=self.status,
            new_status=self.status,
            assigned_to=to,
            note=note,
            created_by=by,
        )

    def comment(self, note: str, by: User | None) -> FlagEvent:
        return FlagEvent.objects.create(
            flag=self,
            kind=FlagEvent.Kind.COMMENT,
            old_status=self.status,
            new_status=self.status,
            note=note,
            created_by=by,
        )

    def change_status(self, status: str, by: User | None, note: str = "") -> FlagEvent:
        """Move to ``status`` and record who did it and why."""
        event = FlagEvent(flag=self, old_status=self.status, new_status=status, note=note, created_by=by)
        self.status = status
        self.save(update_fields=["status", "updated_at"])
        event.save()
        return event


# What each status means, shown on the flag queue.
FLAG_STATUS_HELP: dict[str, str] = {
    Flag.Status.OPEN: "raised and waiting for an editor to look at it.",
    Flag.Status.CONFIRMED: "an editor agrees something is wrong; it still needs fixing.",
    Flag.Status.DISMISSED: "an editor found nothing wrong.",
    Flag.Status.RESOLVED: "what was wrong has been fixed, for example by setting the verdict.",
}
# The status changes the flag queue offers from each status; the server accepts no others.
FLAG_TRANSITIONS: dict[str, tuple[str, ...]] = {
    Flag.Status.OPEN: (Flag.Status.CONFIRMED, Flag.Status.DISMISSED, Flag.Status.RESOLVED),
    Flag.Status.CONFIRMED: (Flag.Status.RESOLVED, Flag.Status.OPEN),
    Flag.Status.DISMISSED: (Flag.Status.OPEN,),
    Flag.Status.RESOLVED: (Flag.Status.OPEN,),
}


class FlagEvent(models.Model):
    """One step in a flag's history: its opening, a change of status, an assignment or a comment."""

    class Kind(models.TextChoices):
        OPENED = "opened", "opened"
        STATUS = "status", "status changed"
        ASSIGNED = "assigned", "assigned"
        COMMENT = "comment", "comment"
        CARRIED = "carried", "carried over"

    flag = models.ForeignKey(Flag, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STATUS)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    old_status = models.CharField(max_length=10, choices=Flag.Status.choices, blank=True)
    new_status = models.CharField(max_length=10, choices=Flag.Status.choices)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["new_status"], name="flagevent_new_status")]

    def __str__(self) -> str:
        return f"{self.old_status or 'new'} → {self.new_status}"


class Leftover(models.Model):
    """Editors' work that could not be carried over to a comparison made by a newer engine version.

    Listed for an editor instead of being dropped: the claim it rested on was not read again by the engine.
    """

    class Kind(models.TextChoices):
        FLAG = "flag", "flag"
        VERDICT = "verdict", "verdict"
        MANUAL_LINK = "manual_link", "manual link"

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="leftovers")
    previous = models.ForeignKey(Comparison, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    description = models.TextField()
    flag = models.ForeignKey(Flag, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    link = models.ForeignKey(Link, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    done = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"


class Upload(models.Model):
    """A file or pasted text an admin uploaded: reviewed, saved as an article, then analysed in background.

    Uploads of one submission share a batch, which is what the review and progress pages show.
    """

    class Status(models.TextChoices):
        READING = "reading", "reading the file"
        REVIEW = "review", "awaiting review"
        QUEUED = "queued", "queued"
        RUNNING = "running", "reading claims"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    batch = models.UUIDField(db_index=True)
    filename = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REVIEW)
    # What was read from the file, correctable on the review page before the article is saved.
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField("URL", max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)
    body = models.TextField()
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    compare_with = models.ManyToManyField(Article, blank=True, related_name="+")
    error = models.TextField(blank=True)
    # The file as sent, kept while a task reads it (web pages take seconds), and after a failure to retry.
    raw = models.BinaryField(blank=True, default=b"", editable=False)
    # Failed in the background (not refused for what it is): the admin may run it again.
    retryable = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["status"], name="upload_status"),
            models.Index(fields=["created_at", "id"], name="upload_created"),
        ]

    def __str__(self) -> str:
        return self.title or self.filename or f"Upload {self.pk}"

    def is_pending(self) -> bool:
        """Still waiting for, or inside, the background task."""
        return self.status in (Upload.Status.QUEUED, Upload.Status.RUNNING)

    def can_retry(self) -> bool:
        return self.status == Upload.Status.FAILED and self.retryable


class TaskLease(models.Model):
    """A running background task's claim, renewed by its worker's heartbeat; once expired, the worker is
    taken for dead and the task is run again (see articles/worker.py)."""

    task_id = models.UUIDField(primary_key=True)
    worker_id = models.CharField(max_length=64)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"task {self.task_id} held by {self.worker_id} until {self.expires_at:%H:%M:%S}"


class SignInFailure(models.Model):
    """One refused sign-in, kept for the throttle's window (articles/signin.py): by account and by address."""

    username = models.CharField(max_length=150)
    address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["username", "at"], name="sign_in_failure_by_account"),
            models.Index(fields=["address", "at"], name="sign_in_failure_by_address"),
        ]

    def __str__(self) -> str:
        return f"{self.username or '?'} from {self.address or '?'} at {self.at:%Y-%m-%d %H:%M:%S}"


class Story(models.Model):
    """The articles that report one event, compared pair by pair and read together fact by fact."""

    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("story", args=[self.pk])

    def confirmed_articles(self) -> list[Article]:
        """The story's articles an editor or admin confirmed, oldest membership first."""
        return [
            m.article
            for m in self.memberships.select_related("article__outlet").filter(
                status=StoryArticle.Status.CONFIRMED
            )
        ]


class StoryArticle(models.Model):
    """An article's place in a story: proposed by the same-event judgement, or confirmed by a person."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "proposed"
        CONFIRMED = "confirmed", "confirmed"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="memberships")
    # An article reports one event, so it belongs to one story at most; moving it changes ``story``.
    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="story_membership")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    same_event_score = models.FloatField(null=True, blank=True)
    same_event_why = models.CharField(max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["story", "id"]

    def __str__(self) -> str:
        return f"{self.article} in {self.story} ({self.get_status_display()})"

    def is_proposed(self) -> bool:
        return self.status == StoryArticle.Status.PROPOSED


class ArticleVersion(models.Model):
    """One text an article had: the article row holds the latest, its versions every one, numbered from 1."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField("URL", max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)
    body = models.TextField()
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    # What the engine read in this text, kept when a newer version replaces it (empty when never read).
    engine_version = models.CharField(max_length=20, blank=True)
    analysis = models.JSONField(null=True, blank=True)
    encodings = models.BinaryField(blank=True, default=b"")
    # Fact by fact, what changed from the previous version (see articles/versions.py); empty until read.
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="article_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.article} (version {self.number})"

    def save(self, **kwargs: Any) -> None:
        self.content_hash = content_hash(self.body)
        super().save(**kwargs)

    def get_absolute_url(self) -> str:
        return reverse("article_version", args=[self.article_id, self.number])

"""Carrying editors' work (flags, verdicts, manual links) over to a comparison made by a newer engine.

Claims are matched by their text spans in the article body; whatever cannot be matched is listed as a
Leftover for an editor, never dropped.
"""

from __future__ import annotations

from django.db.models import Q

from articles.models import Claim, Comparison, Flag, FlagEvent, Leftover, Link, VerdictEvent

# A new claim stands for an old one when it covers at least this share of the old claim's span and the
# old claim covers as much of the new one (so a long new clause does not swallow a short old one).
MIN_OVERLAP = 0.5


def matching_claim(old: Claim, candidates: list[Claim]) -> Claim | None:
    """The new claim over the same words as ``old``: the same span, else the one overlapping it most."""
    best: Claim | None = None
    best_share = 0.0
    for new in candidates:
        if (new.start, new.end) == (old.start, old.end):
            return new
        overlap = min(old.end, new.end) - max(old.start, new.start)
        if overlap <= 0:
            continue
        share = min(overlap / (old.end - old.start), overlap / (new.end - new.start))
        if share >= MIN_OVERLAP and share > best_share:
            best, best_share = new, share
    return best


def previous_comparison(comparison: Comparison) -> Comparison | None:
    """The newest other comparison of the same pair of articles (in either order)."""
    return (
        Comparison.objects.filter(
            Q(article_a=comparison.article_a, article_b=comparison.article_b)
            | Q(article_a=comparison.article_b, article_b=comparison.article_a)
        )
        .exclude(engine_version=comparison.engine_version)
        .order_by("-created_at", "-id")
        .first()
    )


class _Carrier:
    def __init__(self, comparison: Comparison, previous: Comparison) -> None:
        self.comparison = comparison
        self.previous = previous
        self.swapped = previous.article_a_id != comparison.article_a_id
        self.new_claims = {
            article.pk: list(article.claims.filter(engine_version=comparison.engine_version))
            for article in (comparison.article_a, comparison.article_b)
        }
        self.links = list(comparison.links.all())
        self.mapped: dict[int, Claim | None] = {}

    def claim(self, old: Claim | None) -> Claim | None:
        if old is None:
            return None
        if old.pk not in self.mapped:
            self.mapped[old.pk] = matching_claim(old, self.new_claims.get(old.article_id, []))
        return self.mapped[old.pk]

    def pair(self, link: Link) -> tuple[Claim | None, Claim | None]:
        """The new claims of A and B (in the new comparison's order) standing for the old link's claims."""
        a, b = self.claim(link.claim_a), self.claim(link.claim_b)
        return (b, a) if self.swapped else (a, b)

    def link_between(self, a: Claim | None, b: Claim | None) -> Link | None:
        for link in self.links:
            if link.claim_a_id == (a.pk if a else None) and link.claim_b_id == (b.pk if b else None):
                return link
        return None

    def leftover(
        self, kind: str, description: str, flag: Flag | None = None, link: Link | None = None
    ) -> None:
        Leftover.objects.create(
            comparison=self.comparison,
            previous=self.previous,
            kind=kind,
            description=description,
            flag=flag,
            link=link,
        )

    def carry_manual_link(self, old: Link) -> Link | None:
        a, b = self.pair(old)
        if a is None or b is None:
            self.leftover(
                Leftover.Kind.MANUAL_LINK,
                f"A manual link between “{_short(old.claim_a)}” and “{_short(old.claim_b)}”: "
                "the engine no longer reads one of these claims.",
                link=old,
            )
            return None
        existing = self.link_between(a, b)
        if existing is not None:
            return existing
        new = Link.objects.create(
            comparison=self.comparison,
            claim_a=a,
            claim_b=b,
            relation=old.relation,
            explanation=old.explanation,
            manual=True,
        )
        self.links.append(new)
        return new

    def carry_verdict(self, old: Link) -> None:
        a, b = self.pair(old)
        new = self.link_between(a, b) if a is not None and b is not None else None
        if new is None and a is not None and b is not None and old.verdict != Link.Relation.UNRELATED:
            # The editor said these two report the same fact: keep them linked, as an editor's link.
            new = Link.objects.create(
                comparison=self.comparison,
                claim_a=a,
                claim_b=b,
                relation=old.verdict,
                explanation="Linked by an editor under an earlier engine version.",
                manual=True,
            )
            self.links.append(new)
        if new is None:
            if a is not None and b is not None:
                return  # "not the same fact", and the new engine no longer links them either: nothing to do
            self.leftover(
                Leftover.Kind.VERDICT,
                f"{old.verdict_by.get_username() if old.verdict_by else 'An editor'} set “"
                f"{old.get_verdict_display()}” on “{_short(old.claim_a)}” / “{_short(old.claim_b)}”: "
                "the engine no longer reads one of these claims.",
                link=old,
            )
            return
        new.verdict, new.verdict_reason = old.verdict, old.verdict_reason
        new.verdict_by, new.verdict_at = old.verdict_by, old.verdict_at
        new.save(update_fields=["verdict", "verdict_reason", "verdict_by", "verdict_at"])
        VerdictEvent.objects.create(
            link=new,
            new_verdict=old.verdict,
            reason=f"Carried over from engine {self.previous.engine_version}: {old.verdict_reason}".rstrip(
                ": "
            ),
            created_by=old.verdict_by,
        )

    def carry_flag(self, flag: Flag) -> None:
        if flag.link is not None:
            a, b = self.pair(flag.link)
            target_link = self.link_between(a, b)
            if target_link is None:
                self.leftover(
                    Leftover.Kind.FLAG,
                    f"A flag on the link “{_short(flag.link.claim_a)}” / “{_short(flag.link.claim_b)}” "
                    f"({flag.note}): the new engine does not link these claims.",
                    flag=flag,
                )
                return
            flag.link = target_link
            flag.save(update_fields=["link", "updated_at"])
        elif flag.claim is not None:
            new_claim = self.claim(flag.claim)
            if new_claim is None:
                self.leftover(
                    Leftover.Kind.FLAG,
                    f"A flag on the claim “{_short(flag.claim)}” ({flag.note}): the engine no longer reads it.",
                    flag=flag,
                )
                return
            flag.claim = new_claim
            flag.save(update_fields=["claim", "updated_at"])
        FlagEvent.objects.create(
            flag=flag,
            kind=FlagEvent.Kind.CARRIED,
            old_status=flag.status,
            new_status=flag.status,
            note=f"carried over from engine {self.previous.engine_version} to {self.comparison.engine_version}",
        )


def _short(claim: Claim | None) -> str:
    if claim is None:
        return "—"
    return claim.text if len(claim.text) <= 80 else claim.text[:79] + "…"


def carry_over(comparison: Comparison) -> int:
    """Carry flags, verdicts and manual links of the pair's previous comparison onto ``comparison``;
    how many could not be carried (each listed as a Leftover)."""
    previous = previous_comparison(comparison)
    if previous is None:
        return 0
    carrier = _Carrier(comparison, previous)
    old_links = list(previous.links.select_related("claim_a", "claim_b", "verdict_by"))
    before = Leftover.objects.filter(comparison=comparison).count()
    for old in old_links:
        if old.manual:
            carrier.carry_manual_link(old)
    for old in old_links:
        if old.verdict:
            carrier.carry_verdict(old)
    old_claims = Q(
        claim__article__in=[comparison.article_a_id, comparison.article_b_id],
        claim__engine_version=previous.engine_version,
    )
    flags = Flag.objects.filter(Q(link__comparison=previous) | old_claims).select_related(
        "link__claim_a", "link__claim_b", "claim"
    )
    for flag in flags:
        carrier.carry_flag(flag)
    return Leftover.objects.filter(comparison=comparison).count() - before

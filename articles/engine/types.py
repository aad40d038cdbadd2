"""Plain data types passed between the claim engine's modules and returned to its callers.

Every ``start``/``end`` pair is a half-open character range into the full article body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from articles.engine.sameevent import SameEvent

QuantityKind = Literal["count", "age", "money", "percent", "duration", "measure"]
DatePrecision = Literal["year", "month", "day"]
EntityKind = Literal["person", "place", "org", "other"]
Relation = Literal["agree", "partial", "conflict", "only_a", "only_b"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read as an interval; ``None`` bounds are unbounded."""

    start: int
    end: int
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    unit: str | None = None  # what is counted, lemmatised: "fighter", "people injured", "usd", "year"
    kind: QuantityKind = "count"
    currency: str | None = None  # ISO 4217 code for money ("USD", "GBP", "EUR")
    text: str = ""

    def contains(self, value: float) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        return not (
            self.high is not None and (value > self.high or (value == self.high and not self.high_inclusive))
        )


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date mention resolved to an ISO value of the given precision ("2015", "2015-05", "2015-05-03")."""

    start: int
    end: int
    value: str
    precision: DatePrecision
    text: str = ""
    relative: bool = False  # resolved against the publication date ("yesterday", "last May")
    event: str = ""  # the lemma of the verb the date tells the time of ("died on Sunday": "die")


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a person, place or organisation; ``canonical`` is shared by all its variants."""

    start: int
    end: int
    text: str
    canonical: str
    kind: EntityKind = "other"


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted speech: the span includes the quotation marks."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Claim:
    """One checkable fact: a sentence or a clause of one, never more than a sentence."""

    id: str
    start: int
    end: int
    text: str
    kind: str  # "quantity", "date", "event", "quote", "headline", "dateline" (a date line, never matched)
    sentence: int  # index of the sentence the claim comes from
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attribution: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    subject: str | None = None  # the clause's subject when the parse finds it outside the claim's span


@dataclass(slots=True)
class Document:
    """An article as the engine read it."""

    title: str
    source: str
    published: str | None
    body: str
    claims: list[Claim] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Link:
    """An alignment between claims of A and B (one or more on each side), or an unmatched claim."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    relation: Relation
    score: float
    explanation: str


@dataclass(slots=True)
class ComparisonResult:
    a: Document
    b: Document
    links: list[Link]
    same_event: SameEvent | None = None

    @property
    def only_a(self) -> list[str]:
        return [ln.a[0] for ln in self.links if ln.relation == "only_a"]

    @property
    def only_b(self) -> list[str]:
        return [ln.b[0] for ln in self.links if ln.relation == "only_b"]

"""Labels an aligned pair of claims agree / partial / conflict and explains it with the values on both sides."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path

from articles.engine.counting import noun_and_state
from articles.engine.dates import dates_compatible
from articles.engine.lexicon import concept, content_tokens, lemma
from articles.engine.quantities import convert_money, intervals_overlap, measure_words, same_counted_thing
from articles.engine.types import Claim, DateRef, Entity, Quantity, Relation
from articles.engine.wordvectors import word_similarity

# Relative widening applied to approximate figures ("about 400") before calling two figures incompatible.
APPROXIMATE_TOLERANCE = 0.1
# Money in two currencies agrees when the converted amounts are this close (rates are yearly averages).
MONEY_TOLERANCE = 0.15
TOTAL_UNITS = frozenset(("shot", "casualty", "victim", "hit"))
DEAD_UNITS = frozenset(("dead",))
INJURED_UNITS = frozenset(("injured",))
# Clock times: "10.52am", "11:20 a.m.", "4:32", "9pm", "21:05".
_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
# A 24-hour time written as four figures, as agencies write it: "struck at 1353 (1023 GMT)", "at 0600 hours".
_CLOCK_24 = re.compile(
    r"(?:\b(?:at|by|about|around|from|until|before|after)\s+|\()(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\b"
    r"(?=\s*(?:hours\b|hrs\b|GMT\b|UTC\b|local\b|\(|\)))"
)
_DIGIT = re.compile(r"\d")
_NOT_A_TIME = re.compile(r"[\w%]|[.,]\d")
_MONEY_BEFORE = re.compile(r"[$£€¥]\s?$")
_AT_TIME = re.compile(r"\b(?:at|by|around|about|from|until|till|before|after|since|to|and)\s+$", re.I)
CLOCK_TOLERANCE_MINUTES = 15
HEDGED_HOUR_MINUTES = 30  # "about 5 p.m."
HEDGED_TIME_MINUTES = 20  # "about 4:40 p.m."
_TIME_HEDGE = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|some|just (?:before|after)|shortly (?:before|after))\s*$",
    re.I,
)
_LIST_JOINER = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|&)\s*$")


@dataclass(slots=True)
class Side:
    """One side of a link as the verdict sees it."""

    claim: Claim
    body: str
    year: int | None
    sources: frozenset[str] = field(default_factory=frozenset)
    masked: list[tuple[int, int]] = field(default_factory=list)  # dateline and attribution: not the fact
    lemmas: frozenset[str] = frozenset()  # the claim's words that tell its fact, as lemmas


@dataclass(slots=True)
class Finding:
    relation: Relation
    text: str


def describe_quantity(q: Quantity) -> str:
    return q.text.strip() or _interval_text(q)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _interval_text(q: Quantity) -> str:
    unit = f" {q.unit}" if q.unit else ""
    if q.low is not None and q.low == q.high:
        return f"{'about ' if q.approximate else ''}{_fmt(q.low)}{unit}"
    if q.high is None and q.low is not None:
        return f"{'at least' if q.low_inclusive else 'more than'} {_fmt(q.low)}{unit}"
    if q.low is None and q.high is not None:
        return f"{'up to' if q.high_inclusive else 'fewer than'} {_fmt(q.high)}{unit}"
    if q.low is not None and q.high is not None:
        return f"{_fmt(q.low)}–{_fmt(q.high)}{unit}"
    return f"an unspecified number{unit}"


def _bound_note(qa: Quantity, qb: Quantity) -> str:
    def kind(q: Quantity) -> str | None:
        if q.low is not None and q.high is None:
            return "a lower bound"
        if q.high is not None and q.low is None:
            return "an upper bound"
        if q.approximate:
            return "an approximate figure"
        if q.low is not None and q.high is not None and q.low != q.high:
            return "a range"
        return None

    ka, kb = kind(qa), kind(qb)
    if ka and not kb:
        return f"; A gives {ka} ({describe_quantity(qa)})"
    if kb and not ka:
        return f"; B gives {kb} ({describe_quantity(qb)})"
    return ""


def _width(q: Quantity) -> float:
    if q.low is None or q.high is None:
        return float("inf")
    return q.high - q.low


def _money_matches(qa: Quantity, qb: Quantity, year: int | None) -> bool | None:
    if qa.low is None or qb.low is None or not qa.currency or not qb.currency:
        return None
    if qa.currency == qb.currency:
        return None
    converted = convert_money(qb.low, qb.currency, qa.currency, year)
    if converted is None:
        return None
    return abs(converted - qa.low) <= MONEY_TOLERANCE * max(abs(qa.low), abs(converted), 1.0)


@cache
def _unit_sizes() -> dict[str, tuple[str, float]]:
    """Each measure unit's dimension and its size in the first unit of that dimension (data/units.json)."""
    table = json.loads((Path(__file__).parent / "data" / "units.json").read_text(encoding="utf-8"))
    return {
        unit: (dim, float(size)) for dim, units in table["dimensions"].items() for unit, size in units.items()
    }


# Figures converted between units are rounded by whoever converted them ("150 metres (490 feet)").
CONVERSION_TOLERANCE = 0.05


def _converted(q: Quantity, unit: str) -> Quantity | None:
    """A measure in another unit of the same dimension (miles as kilometres), or None if it cannot be."""
    sizes = _unit_sizes()
    if q.kind != "measure" or q.unit not in sizes or unit not in sizes or sizes[q.unit][0] != sizes[unit][0]:
        return None
    factor = sizes[q.unit][1] / sizes[unit][1]
    return replace(
        q,
        low=None if q.low is None else q.low * factor,
        high=None if q.high is None else q.high * factor,
        unit=unit,
    )


def _in_other_units(qa: Quantity, qb: Quantity) -> bool:
    return qa.kind == "measure" and qa.unit is not None and qa.unit != qb.unit


def _same_thing(qa: Quantity, qb: Quantity, body_a: str, body_b: str) -> bool:
    if _in_other_units(qa, qb):
        return _converted(qb, str(qa.unit)) is not None
    noun_a, state_a = noun_and_state(qa, body_a)
    noun_b, state_b = noun_and_state(qb, body_b)
    if state_a and state_b and state_a != state_b:
        return False
    if qa.kind == "count" and qb.kind == "count" and (noun_a is None or noun_b is None):
        # "16 injured" is comparable with "15 people hurt", but two bare figures say nothing of what they count
        return state_a is not None and state_a == state_b
    return same_counted_thing(replace(qa, unit=noun_a), replace(qb, unit=noun_b))


_STATE_WORDS = {
    "dead": ("dead", "died", "kill", "fatal"),
    "injured": ("injur", "hurt", "wound"),
    "in hospital": ("hospital",),
    "rescued": ("rescu", "saved"),
    "released": ("releas", "freed"),
    "aboard": ("aboard", "on board", "carrying"),
}


def _described(q: Quantity, body: str) -> str:
    """The figure as written, with what happened to those counted when its words leave it out: "15 people
    (injured)" for "another 15 people" in "... were killed; another 15 people were injured"."""
    text = describe_quantity(q)
    if q.kind != "count":
        return text
    state = noun_and_state(q, body)[1]
    if state and not any(w in text.lower() for w in _STATE_WORDS.get(state, (state,))):
        return f"{text} ({state})"
    return text


def _person_noun(noun: str | None) -> str | None:
    if noun is None:
        return None
    low = noun.lower()
    return {"victims": "victim", "person": "people", "persons": "people"}.get(low, low)


def _with_state(q: Quantity, body: str) -> Quantity:
    """The figure with what happened to those counted as its unit, for totals such as 'ten shot'."""
    state = noun_and_state(q, body)[1]
    return replace(q, unit=state) if state else q


def _compare_quantities(a: Side, b: Side) -> list[Finding]:
    """Pair each figure of A with a figure of the same thing in B: agreeing pairs first, one to one; a figure
    left with no agreeing partner conflicts with one of the same thing that is also left over."""
    findings: list[Finding] = []
    same = {
        (i, k)
        for i, qa in enumerate(a.claim.quantities)
        for k, qb in enumerate(b.claim.quantities)
        if _same_thing(qa, qb, a.body, b.body) and _same_context(qa, qb, a.body, b.body)
    }
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, k in sorted(same):
        qa, qb = a.claim.quantities[i], b.claim.quantities[k]
        if i in used_a or k in used_b or not _agree(qa, qb, a.year):
            continue
        used_a.add(i)
        used_b.add(k)
        findings.append(_agreement(qa, qb))
    for i, k in sorted(same):
        qa, qb = a.claim.quantities[i], b.claim.quantities[k]
        if i in used_a or k in used_b or _vague(qa) or _vague(qb):
            continue
        used_a.add(i)
        used_b.add(k)
        if _other_groups(qa, qb, a.body, b.body):
            findings.append(
                Finding(
                    "partial",
                    f"different groups: A counts {_described(qa, a.body)}, B counts {_described(qb, b.body)}",
                )
            )
            continue
        findings.append(
            Finding(
                "conflict",
                f"A says {_described(qa, a.body)}, B says {_described(qb, b.body)}"
                + _conversion_note(qa, qb)
                + f": {_difference(qa, qb)}",
            )
        )
    findings.extend(
        _casualty_totals(
            [_with_state(q, a.body) for q in a.claim.quantities],
            [_with_state(q, b.body) for q in b.claim.quantities],
        )
    )
    return findings


_WHAT = {"measure": "measure", "money": "amount", "percent": "share", "age": "age", "duration": "duration"}
# Units whose difference is no quantity a reader would use ("differs by 319 caliber").
_NO_GAP_UNITS = frozenset(("caliber",))
# Units written as words take a plural ("35 miles", "2 minutes"); symbols do not ("35 km").
_WORD_UNITS = frozenset(
    """mile inch yard tonne acre hectare litre gallon barrel knot degree second minute hour day week month
    year""".split()
)


def _difference(qa: Quantity, qb: Quantity) -> str:
    """'the same count differs by one', 'one reports none', 'the same measure cannot be both'."""
    what = _WHAT.get(qa.kind, "count")
    converted = _converted(qb, str(qa.unit))
    x, y = _exact(qa), _exact(converted) if converted else _exact(qb)
    if x is not None and y is not None and (x == 0) != (y == 0):
        return "one reports none, the other some"
    if x is None or y is None or qa.kind == "money" or qa.unit in _NO_GAP_UNITS:
        return f"the same {what} cannot be both"
    gap = abs(x - y)
    if gap == 1 and qa.kind in ("count", "age"):
        return f"the same {what} differs by one"
    shown = round(gap) if gap >= 10 else round(gap, 1)
    unit = ""
    if qa.kind in ("measure", "duration") and qa.unit:
        unit = f" {qa.unit}{'s' if qa.unit in _WORD_UNITS and shown != 1 else ''}"
    return f"the same {what} differs by {shown:,g}{unit}"


# "two other victims", "eight of the victims", "all but five": a part of a group, not its size.
_PART_BEFORE = re.compile(
    r"\b(?:other|another|more|additional|further|all but|remaining)\s+(?:\w+\s+)?$", re.I
)
_OTHER_GROUP = re.compile(r"\b(?:other|another)\s+(?:\w+\s+)?$", re.I)
_PART_AFTER = re.compile(r"^\S+\s+(?:other|others|more|of (?:the|them|those|its|his|her|their))\b", re.I)


def _part_of_group(q: Quantity, body: str) -> bool:
    if q.kind == "percent":
        return False  # a share is of something by nature: "52% of the vote" is no part of a group
    return bool(_PART_BEFORE.search(body[max(0, q.start - 25) : q.start])) or bool(
        _PART_AFTER.match(body[q.start : q.end + 20])
    )


_ALL_BUT = re.compile(r"\ball but\s+$", re.I)
_INCLUDING = re.compile(r"^[^.;:]{0,30}?,?\s+including\b", re.I)


def _exceeds(q: Quantity, other: Quantity) -> bool:
    return q.low is not None and other.high is not None and q.low > other.high


def _other_groups(qa: Quantity, qb: Quantity, body_a: str, body_b: str) -> bool:
    """Whether two figures of the same thing count different groups, so that they may both be right.

    "eight of the victims" and "13 victims" (a part and a whole) may both hold, and so may "all but five"
    and "eight"; "four others injured" and "three others injured" (two parts told alike) may not, nor may
    "seven of its villages" and "five villages", where the part is larger than the other's whole."""
    if _other_states(qa, qb, body_a, body_b):
        return True
    (noun_a, state_a), (noun_b, state_b) = noun_and_state(qa, body_a), noun_and_state(qb, body_b)
    if "dead" in (state_a, state_b) and {_person_noun(noun_a), _person_noun(noun_b)} == {"victim", "people"}:
        return True  # "three victims killed" may leave out a gunman whom "four people killed" counts
    if any(_ALL_BUT.search(body[max(0, q.start - 12) : q.start]) for q, body in ((qa, body_a), (qb, body_b))):
        return True
    for total, body, other in ((qa, body_a, qb), (qb, body_b, qa)):
        # "four people were dead, including the shooter" against "three people killed": the larger count
        # names whom it includes, which the smaller one may leave out
        if _INCLUDING.match(body[total.end : total.end + 60]) and _exceeds(total, other):
            return True
    part_a, part_b = _part_of_group(qa, body_a), _part_of_group(qb, body_b)
    if part_a == part_b:
        return False
    state_a, state_b = noun_and_state(qa, body_a)[1], noun_and_state(qb, body_b)[1]
    if (
        state_a
        and state_a == state_b
        and any(
            _OTHER_GROUP.search(body[max(0, q.start - 25) : q.start])
            for q, body in ((qa, body_a), (qb, body_b))
        )
    ):
        # "two people were killed; another 15 were wounded" against "16 wounded": "another" sets the wounded
        # apart from the dead, and both count all the wounded
        return False
    part, whole = (qa, qb) if part_a else (qb, qa)
    return not _exceeds(part, whole)


def _other_states(qa: Quantity, qb: Quantity, body_a: str, body_b: str) -> bool:
    """One figure counts the dead, the other the injured (or the arrested, the released...)."""
    state_a, state_b = noun_and_state(qa, body_a)[1], noun_and_state(qb, body_b)[1]
    return bool(state_a and state_b and state_a != state_b)


def _vague(q: Quantity) -> bool:
    """'a few', 'several', 'dozens': an impression of size, not a figure another report can contradict."""
    return q.approximate and q.low != q.high


def _agree(qa: Quantity, qb: Quantity, year: int | None) -> bool:
    if _in_other_units(qa, qb):
        converted = _converted(qb, str(qa.unit))
        tol = max(CONVERSION_TOLERANCE, APPROXIMATE_TOLERANCE if (qa.approximate or qb.approximate) else 0.0)
        return converted is not None and intervals_overlap(replace(qa, approximate=True), converted, tol)
    money = _money_matches(qa, qb, year) if qa.kind == "money" else None
    return money is True or (money is None and _overlap(qa, qb))


def _agreement(qa: Quantity, qb: Quantity) -> Finding:
    what = qa.unit or "the figure"
    if qa.kind == "money" and qa.currency != qb.currency:
        return Finding(
            "agree", f"same amount in two currencies: A {describe_quantity(qa)}, B {describe_quantity(qb)}"
        )
    if _narrower_range(qa, qb):
        return Finding(
            "partial",
            f"ranges differ in width: A {describe_quantity(qa)}, B {describe_quantity(qb)} ({what})",
        )
    return Finding(
        "agree",
        f"both report {what}: A {describe_quantity(qa)}, B {describe_quantity(qb)}"
        + _conversion_note(qa, qb)
        + _bound_note(qa, qb),
    )


def _conversion_note(qa: Quantity, qb: Quantity) -> str:
    """' (B's 200 ft is 61 m)' when the two figures are in different units."""
    converted = _converted(qb, str(qa.unit)) if _in_other_units(qa, qb) else None
    if converted is None or converted.low is None:
        return ""
    if converted.high != converted.low:
        return f" (B's {describe_quantity(qb)} is {_interval_text(converted)})"
    value = round(converted.low, 0 if converted.low >= 10 else 1)
    return f" (B's {describe_quantity(qb)} is {value:,g} {qa.unit})"


_CONTEXT_WORDS = 2


def figure_context(q: Quantity, body: str) -> set[str]:
    """Concepts of the few words around a figure: what an amount or a share is of ("paid £6.9m in tax")."""
    before = body[max(0, q.start - 60) : q.start]
    after = body[q.end : q.end + 60]
    if q.kind == "percent":
        # a share is of a thing ("52% of the vote", "Turnout ... was 65%"), not of a place, a day or a source:
        # the words after it count only as what it is "of"
        of = _SHARE_OF.match(after)
        before, after = _plain_words(before), _plain_words(of.group(1)) if of else ""
    words = [t for _, _, t in content_tokens(before)][-_CONTEXT_WORDS:]
    words += [t for _, _, t in content_tokens(after)][:_CONTEXT_WORDS]
    words += [t for _, _, t in content_tokens(body[q.start : q.end])]
    # the unit is no context: "35 miles north of the city" and "a range of 6 miles" are not one distance
    units = _unit_concepts() if q.kind == "measure" and q.unit != "magnitude" else frozenset()
    return set(words) - units


_SHARE_OF = re.compile(r"\s*of\s+((?:\w+\s+){0,3}\w+)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_DAY_WORDS = re.compile(r"\b(?:today|yesterday|tonight)\b", re.I)  # weekdays are capitalised


def _plain_words(text: str) -> str:
    """``text`` without its capitalised words and its days."""
    return _DAY_WORDS.sub(" ", _CAPITALISED.sub(" ", text))


@cache
def _unit_concepts() -> frozenset[str | None]:
    return frozenset(concept(w) for w in measure_words())


def _same_context(qa: Quantity, qb: Quantity, body_a: str, body_b: str) -> bool:
    """Amounts, shares and measures have no counted noun; they are the same figure only when the words
    around them speak of the same thing, and a distance in a direction is no depth."""
    if qa.kind == "count" or qa.kind == "age":
        return True
    if qa.kind == "measure" and len({_bearing(qa, body_a), _bearing(qb, body_b)} - {None}) == 2:
        return False
    if qa.kind == "measure" and not _same_reference(_reference(qa, body_a), _reference(qb, body_b)):
        return False
    return bool(figure_context(qa, body_a) & figure_context(qb, body_b))


_COMPASS = r"north|south|east|west|north-?east|north-?west|south-?east|south-?west"
_DIRECTION = re.compile(rf"^\W*(?:\w+\W+)?(?:{_COMPASS}|away|from|off)\b", re.I)
_DEPTH = re.compile(
    r"^\W*(?:\w+\W+)?(?:deep|below|beneath|underground|under\s+the)\b|depth\W+(?:of\W+)?$", re.I
)


_REFERENCE = re.compile(
    rf"\W*(?:\w+\W+)?(?:(?:{_COMPASS})\W+)?"
    r"(?:of|from)\s+(?:the\s+(?:town|city|village|capital|port)\s+of\s+)?"
    r"(?P<place>here|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
# Place names spelt two ways ("Heydarieh", "Heydariyeh") read as one above this similarity.
SAME_PLACE = 0.8


def _reference(q: Quantity, body: str) -> str | None:
    """The place a distance is measured from: "Torbat-e Heydarieh" in "30km south-east of Torbat-e
    Heydarieh", "here" in "50 miles north of here"; None when the words name none."""
    m = _REFERENCE.match(body, q.end, q.end + 80)
    return m.group("place").lower() if m else None


def _same_reference(ra: str | None, rb: str | None) -> bool:
    """Two distances measured from places named differently ("30km south-east of Torbat-e Heydarieh",
    "750 kilometres east of Tehran") are two facts, not one figure told two ways."""
    if ra is None or rb is None:
        return True
    return SequenceMatcher(None, ra, rb).ratio() >= SAME_PLACE


def _bearing(q: Quantity, body: str) -> str | None:
    """ "direction" for "30km south-east of the town", "depth" for "16 km below the surface" or "a depth of
    10km", None when the words say neither."""
    after, before = body[q.end : q.end + 30], body[max(0, q.start - 20) : q.start]
    if _DEPTH.search(after) or _DEPTH.search(before):
        return "depth"
    if _DIRECTION.search(after):
        return "direction"
    return None


def _overlap(qa: Quantity, qb: Quantity) -> bool:
    tol = APPROXIMATE_TOLERANCE if (qa.approximate or qb.approximate) else 0.0
    return intervals_overlap(qa, qb, tol)


def _narrower_range(qa: Quantity, qb: Quantity) -> bool:
    """Two genuine ranges where one is strictly narrower ('between 10 and 20' vs 'between 12 and 15')."""
    wa, wb = _width(qa), _width(qb)
    both_ranges = wa > 0 and wb > 0 and wa != float("inf") and wb != float("inf")
    return both_ranges and wa != wb


def _exact(q: Quantity) -> float | None:
    return q.low if q.low is not None and q.low == q.high else None


def _casualty_totals(qa_list: list[Quantity], qb_list: list[Quantity]) -> list[Finding]:
    """'ten shot' against 'one dead and nine injured': a total on one side, its parts on the other."""
    out: list[Finding] = []
    for total_side, parts_side, label in ((qa_list, qb_list, ("A", "B")), (qb_list, qa_list, ("B", "A"))):
        totals = [q for q in total_side if (q.unit or "") in TOTAL_UNITS and _exact(q) is not None]
        dead = [q for q in parts_side if (q.unit or "") in DEAD_UNITS and _exact(q) is not None]
        injured = [q for q in parts_side if (q.unit or "") in INJURED_UNITS and _exact(q) is not None]
        if not totals or not dead or not injured:
            continue
        total = _exact(totals[0])
        parts = (_exact(dead[0]) or 0.0) + (_exact(injured[0]) or 0.0)
        relation: Relation = "agree" if total == parts else "conflict"
        out.append(
            Finding(
                relation,
                f"{label[0]} counts {describe_quantity(totals[0])}; {label[1]} counts "
                f"{describe_quantity(dead[0])} and {describe_quantity(injured[0])} ({_fmt(parts)} in all)",
            )
        )
    return out


def _compare_dates(a: Side, b: Side) -> list[Finding]:
    da, db = a.claim.dates, b.claim.dates
    if not da or not db:
        return []
    for x in da:
        for y in db:
            if dates_compatible(x, y):
                return [Finding("agree", f"same date: A {_date_text(x)}, B {_date_text(y)}")]
    if len(da) > 1 or len(db) > 1:
        # "joined in 2009 and quit earlier this month" against "left last year": only the dates of one
        # event, told by the same verb or a synonym, can contradict each other
        told = [(x, y) for x in da for y in db if _one_event(x, y)]
        if len(told) != 1:
            return []
        da, db = [told[0][0]], [told[0][1]]
    if len(da) == 1 and len(db) == 1 and _comparable(da[0], db[0]) and _role(da[0]) == _role(db[0]):
        x, y = da[0], db[0]
        if not _same_event(x.event, y.event):
            # "since its creation in 2013" against "since it declared a caliphate in 2014": the two claims
            # date different events; only partly the same fact, unless their figures agree (see judge)
            return [
                Finding(
                    "partial",
                    f"{_OTHER_EVENTS}: A {x.event} {_date_text(x)}, B {y.event} {_date_text(y)}",
                )
            ]
        return [Finding("conflict", f"dates differ: A says {_date_text(x)}, B says {_date_text(y)}")]
    return []


# Verbs that say when something was told, or nothing: they never set the two dates apart.
EMPTY_EVENTS = frozenset(("", "be", "have", "do", "say", "tell", "report", "add"))
# Below this similarity of their verbs' word vectors, two dates tell the times of different events
# ("identified on Friday", "injured on Thursday"); synonyms ("quit", "leave") are well above it.
SAME_EVENT_SIMILARITY = 0.3


# Two verbs this similar by their word vectors tell one event ("quit" and "leave", "kill" and "die").
SYNONYM_SIMILARITY = 0.55


# Verbs that tell when something started: "the shooting began", "gunfire erupted", "the fire broke out".
ONSET_EVENTS = frozenset(("begin", "start", "erupt", "break", "happen", "occur", "unfold", "commence"))


def _same_event(event_a: str, event_b: str) -> bool:
    if event_a == event_b or event_a in EMPTY_EVENTS or event_b in EMPTY_EVENTS:
        return True
    if event_a in ONSET_EVENTS and event_b in ONSET_EVENTS:
        return True
    return word_similarity(event_a, event_b) >= SAME_EVENT_SIMILARITY


def synonyms(event_a: str, event_b: str) -> bool:
    if not event_a or not event_b or event_a in EMPTY_EVENTS or event_b in EMPTY_EVENTS:
        return False
    return word_similarity(event_a, event_b) >= SYNONYM_SIMILARITY


_DATE_ROLES = frozenset(("since", "until", "till", "through", "by", "from", "before", "after"))


def _role(d: DateRef) -> str:
    """What a date marks: "since May" starts a state and "until Friday" ends one; "on Sunday" is when
    something happened. Dates in different roles never contradict each other."""
    first = d.text.strip().split(" ", 1)[0].lower()
    return first if first in _DATE_ROLES else "at"


def _comparable(x: DateRef, y: DateRef) -> bool:
    if "week" in x.text.lower() or "week" in y.text.lower():
        return False  # "this week" is a span of days, never a contradiction of one of them
    if x.precision == y.precision or (x.precision != "year" and y.precision != "year"):
        return True
    # a year against a month or a day is compared only when both date one event ("left last year", "quit
    # earlier this month"); otherwise "in 2015" may frame a story and the day tell one step of it
    return _one_event(x, y)


def _one_event(x: DateRef, y: DateRef) -> bool:
    """Both dates belong to one verb or to two synonyms ("left last year", "quit earlier this month")."""
    return bool(x.event) and (x.event == y.event or synonyms(x.event, y.event))


def _date_text(d: DateRef) -> str:
    return f"“{d.text.strip()}” ({d.value})" if d.text.strip() and d.text.strip() != d.value else d.value


def clock_times(text: str) -> list[tuple[int, str]]:
    """Minutes after midnight of each clock time written with minutes or am/pm, with its text."""
    out: list[tuple[int, str]] = []
    if not _DIGIT.search(text):
        return out  # every clock time has a figure
    for m in _CLOCK.finditer(text):
        if m.group("m") is None and m.group("ampm") is None:
            continue  # a bare number is not a time
        if not m.group("ampm") and (
            _NOT_A_TIME.match(text, m.end("m")) or _MONEY_BEFORE.search(text, 0, m.start())
        ):
            continue  # "$12.40", "£1.31bn", "4.25%": an amount, not a time
        if not m.group("ampm") and "." in m.group() and not _AT_TIME.search(text, 0, m.start()):
            continue  # "12.40" is a time as "at 12.40"; alone it is more often a figure
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        ampm = (m.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        out.append((hour * 60 + minute, m.group().strip()))
    for m in _CLOCK_24.finditer(text):
        if m.group().startswith("(") and out:
            continue  # "1353 (1023 GMT)": the same moment in another zone
        out.append((int(m.group("h")) * 60 + int(m.group("m")), text[m.start("h") : m.end()]))
    return out


def _compare_times(a: Side, b: Side) -> list[Finding]:
    """Clock times compared with the vagueness of their wording: within a quarter of an hour they agree; a
    time given to the hour ("2 a.m.") holds any minute of that hour, and a hedged time half an hour either way
    ("about 5 p.m.") or twenty minutes ("about 4:40 p.m."), which is only partial agreement; times further
    apart conflict."""
    ta, tb = clock_times(a.claim.text), clock_times(b.claim.text)
    if len(ta) != 1 or len(tb) != 1:
        return []
    (ma, xa), (mb, xb) = ta[0], tb[0]
    gap = min(abs(ma - mb), 24 * 60 - abs(ma - mb))
    if gap <= CLOCK_TOLERANCE_MINUTES:
        return [Finding("agree", f"same time: A {xa}, B {xb}")]
    hour_a, hour_b = _on_the_hour(xa), _on_the_hour(xb)
    if (hour_a and 0 < (mb - ma) % (24 * 60) < 60) or (hour_b and 0 < (ma - mb) % (24 * 60) < 60):
        side = "A" if hour_a else "B"
        return [Finding("partial", f"{side} gives only the hour: A {xa}, B {xb}")]
    window = max(_vagueness(a.claim.text, xa, hour_a), _vagueness(b.claim.text, xb, hour_b))
    if gap <= window:
        return [Finding("partial", f"approximate times {gap} minutes apart: A {xa}, B {xb}")]
    return [Finding("conflict", f"times differ: A says {xa}, B says {xb}")]


def _on_the_hour(written: str) -> bool:
    return not re.search(r"[:.]\d\d", written)


def _vagueness(text: str, written: str, on_the_hour: bool) -> int:
    """Minutes either way that a hedged time ("about", "around", "just before") allows; 0 for a plain one."""
    at = text.find(written)
    if at < 0 or not _TIME_HEDGE.search(text[max(0, at - 24) : at]):
        return 0
    return HEDGED_HOUR_MINUTES if on_the_hour else HEDGED_TIME_MINUTES


_CORNER = re.compile(r"\s+(?:streets|avenues|roads|boulevards|sts|aves)\b", re.I)


def entity_lists(claim: Claim, body: str, masked: list[tuple[int, int]] | None = None) -> list[list[Entity]]:
    """Runs of entities joined by commas/'and'/'or' ("Sukhnah, Raqqa and Deir Ezzor"), including single ones,
    leaving out names in a dateline or an attribution."""
    groups: list[list[Entity]] = []
    ents = sorted(
        (
            e
            for e in claim.entities
            if e.kind in ("place", "other", "person", "org")
            and not any(s <= e.start and e.end <= t for s, t in masked or [])
        ),
        key=lambda e: e.start,
    )
    joined_by_and: list[bool] = []
    for e in ents:
        joiner = body[groups[-1][-1].end : e.start] if groups else ""
        if groups and _LIST_JOINER.match(joiner):
            groups[-1].append(e)
            joined_by_and[-1] = joined_by_and[-1] or "," not in joiner or " and" in joiner or " or" in joiner
        else:
            groups.append([e])
            joined_by_and.append(False)
    # "Karachi, Pakistan" qualifies a place; only "X, Y and Z" or "X and Y" is a list, and "Eighth and
    # Trinity streets" is one corner
    out: list[list[Entity]] = []
    for group, is_list in zip(groups, joined_by_and, strict=True):
        if is_list and _CORNER.match(body[group[-1].end : group[-1].end + 20]):
            out.append([group[-1]])
            continue
        out.extend([group] if is_list or len(group) == 1 else [[e] for e in group])
    return out


def _compare_lists(a: Side, b: Side) -> list[Finding]:
    out: list[Finding] = []
    for ga in entity_lists(a.claim, a.body, a.masked):
        for gb in entity_lists(b.claim, b.body, b.masked):
            if len(ga) < 2 and len(gb) < 2:
                continue
            ca = {e.canonical: e.text for e in ga}
            cb = {e.canonical: e.text for e in gb}
            if not set(ca) & set(cb) or set(ca) == set(cb):
                continue
            only_a = [ca[k] for k in ca if k not in cb]
            only_b = [cb[k] for k in cb if k not in ca]
            parts = []
            if only_a:
                parts.append("only A names " + ", ".join(only_a))
            if only_b:
                parts.append("only B names " + ", ".join(only_b))
            out.append(
                Finding(
                    "partial",
                    f"lists differ: A {', '.join(e.text for e in ga)}; B {', '.join(e.text for e in gb)} "
                    f"({'; '.join(parts)})",
                )
            )
    return out


def _compare_sources(a: Side, b: Side) -> list[Finding]:
    """Two sources telling the same fact corroborate it: the verdict stays, the explanation says who."""
    if not a.sources or not b.sources or a.sources & b.sources:
        return []
    return [Finding("agree", f"told by different sources: A {a.claim.attribution}, B {b.claim.attribution}")]


# "There were no immediate reports of casualties": a lack of news, not a report that nobody was hurt.
_NO_REPORTS = re.compile(
    r"\bno (?:immediate |initial |early |official |other )?(?:reports?|word|information|details?) "
    r"(?:yet )?(?:of|on|about) (?:any )?(?:casualties|injuries|deaths|fatalities|victims|dead|injured|wounded)\b",
    re.I,
)
# "Police have not released the name of the victim", "the man has not been identified".
_NAME_WITHHELD = re.compile(
    r"\b(?:not|yet to|declined to|refused to)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:release[ds]?|identif(?:y|ied)|name[ds]?|disclose[ds]?|made public)\b"
    r"|\bname\w*\s+(?:was|were|has|have|had)\s+(?:not|yet to)\b|\bwithh[oe]ld(?:ing)?\s+(?:the|his|her|their)\s+names?\b",
    re.I,
)


def _casualties_counted(claim: Claim, body: str) -> list[Quantity]:
    return [
        q
        for q in claim.quantities
        if q.low is not None and q.low > 0 and noun_and_state(q, body)[1] in ("dead", "injured", "shot")
    ]


def _compare_absences(a: Side, b: Side) -> list[Finding]:
    """One side lacks what the other reports: no reports yet of casualties against a count of them, a name
    not yet released against the name. Both are only partial: the first side is not contradicted."""
    out: list[Finding] = []
    for this, other, label, other_label in ((a, b, "A", "B"), (b, a, "B", "A")):
        counted = _casualties_counted(other.claim, other.body)
        if counted and _NO_REPORTS.search(this.claim.text):
            out.append(
                Finding(
                    "partial",
                    f"{label} has no reports of casualties yet; {other_label} counts "
                    + ", ".join(describe_quantity(q) for q in counted),
                )
            )
        named = [e.text for e in other.claim.entities if e.kind == "person"]
        if named and _NAME_WITHHELD.search(this.claim.text):
            out.append(
                Finding(
                    "partial", f"{label} says the name has not been released; {other_label} names {named[0]}"
                )
            )
    return out


def _one_sided_figures(a: Side, b: Side) -> list[Finding]:
    out: list[Finding] = []
    if a.claim.quantities and not b.claim.quantities:
        out.append(
            Finding("agree", "only A gives a figure (" + describe_quantity(a.claim.quantities[0]) + ")")
        )
    elif b.claim.quantities and not a.claim.quantities:
        out.append(
            Finding("agree", "only B gives a figure (" + describe_quantity(b.claim.quantities[0]) + ")")
        )
    return out


_OTHER_EVENTS = "dates of different events"


def _days_apart(a: Claim, b: Claim) -> str:
    """ "A Thursday, B Tuesday" when both claims are dated and no date of one can hold a date of the other."""
    if not a.dates or not b.dates:
        return ""
    if any(dates_compatible(x, y) for x in a.dates for y in b.dates):
        return ""
    return f"A {a.dates[0].text.strip()}, B {b.dates[0].text.strip()}"


# What happened to people that sets them apart from those another state counts: the dead are not the injured,
# nor those rescued; the shot or those in hospital may be either, and are left out.
_APART_STATES = frozenset(
    ("dead", "injured", "rescued", "missing", "arrested", "released", "aboard", "kidnapped")
)


# Where someone died: at the scene, or in (or on the way to) hospital; one report cannot have it both ways. Only
# words of dying count ("killed at the hospital" may tell where an attack was), with the place right after.
_DIED = re.compile(
    r"\b(?:died|dies|(?:pronounced|declared|was|were)\s+dead|succumbed(?:\s+to\s+(?:his|her|their)\s+\w+)?)\b",
    re.I,
)
_AT_THE_SCENE = re.compile(r"\b(?:at|on)\s+the\s+(?:scene|spot)\b", re.I)
_AT_HOSPITAL = re.compile(
    r"\b(?:in|at|to|on\s+(?:the|his|her|their)\s+way\s+to|en\s+route\s+to)\s+(?:a\s+|the\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+|local\s+|nearby\s+|area\s+)*hospital\b",
    re.I,
)
_PLACE_REACH = 60


@lru_cache(maxsize=4096)
def _death_place(text: str) -> str | None:
    if not _DIED.search(text):
        return None
    if _AT_THE_SCENE.search(text) and _AT_HOSPITAL.search(text):
        return None  # "one died at the scene and another in hospital"
    places: list[str] = []
    for died in _DIED.finditer(text):
        after = text[died.end() : died.end() + _PLACE_REACH]
        near = [m for m in (_AT_THE_SCENE.search(after), _AT_HOSPITAL.search(after)) if m]
        if near:
            places.append(min(near, key=lambda m: m.start()).group())
    kinds = {bool(_AT_THE_SCENE.fullmatch(place)) for place in places}
    return places[0] if len(kinds) == 1 else None


def _compare_death_places(a: Side, b: Side) -> list[Finding]:
    """ "died at the scene" against "died on the way to the hospital": one death, told two ways."""
    place_a, place_b = _death_place(a.claim.text), _death_place(b.claim.text)
    if not place_a or not place_b:
        return []
    scene_a, scene_b = bool(_AT_THE_SCENE.fullmatch(place_a)), bool(_AT_THE_SCENE.fullmatch(place_b))
    if scene_a == scene_b:
        return []
    return [Finding("conflict", f"where they died differs: A says “{place_a}”, B says “{place_b}”")]


# A vote's tally: "voted 52-48 to confirm", "passed by a vote of 230 to 198", "an 11-1 vote".
_TALLY = re.compile(
    r"\bvot(?:e|ed|es|ing)\b(?:\s+\w+){0,4}?\s+(?P<x>\d{1,3})\s*(?:-|–|—|to)\s*(?P<y>\d{1,3})\b(?!\s*(?:%|per))"
    r"|\b(?P<x2>\d{1,3})\s*(?:-|–|—)\s*(?P<y2>\d{1,3})\s+vote\b",
    re.I,
)


def _tally(text: str) -> tuple[int, int, str] | None:
    found = list(_TALLY.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    x, y = (m.group("x"), m.group("y")) if m.group("x") else (m.group("x2"), m.group("y2"))
    return int(x), int(y), f"{x}-{y}"


def _compare_tallies(a: Side, b: Side) -> list[Finding]:
    """ "The Senate voted 52-48" against "voted 51-49": one vote, counted two ways."""
    tally_a, tally_b = _tally(a.claim.text), _tally(b.claim.text)
    if tally_a is None or tally_b is None:
        return []
    if sorted(tally_a[:2]) == sorted(tally_b[:2]):
        return [Finding("agree", f"same vote: {tally_a[2]}")]
    return [Finding("conflict", f"the vote differs: A says {tally_a[2]}, B says {tally_b[2]}")]


def _tells_state(text: str, state: str) -> bool:
    low = text.lower()
    return any(stem in low for stem in _STATE_WORDS.get(state, (state,)))


def _compare_states(a: Side, b: Side, figures: list[Finding]) -> list[Finding]:
    """ "12 people were killed" against "30 people were injured": figures of what happened to different people
    (the dead, the injured, the rescued) tell two facts, however alike the rest of the claims reads."""
    if figures:
        return []
    stated_a = [(q, s) for q in a.claim.quantities if (s := noun_and_state(q, a.body)[1]) in _APART_STATES]
    stated_b = [(q, s) for q in b.claim.quantities if (s := noun_and_state(q, b.body)[1]) in _APART_STATES]
    if not stated_a or not stated_b or {s for _, s in stated_a} & {s for _, s in stated_b}:
        return []
    # "One dead, others hurt" ~ "Woman fatally shot, four people wounded": each also tells the other's state
    if any(_tells_state(b.claim.text, state) for _, state in stated_a) or any(
        _tells_state(a.claim.text, state) for _, state in stated_b
    ):
        return []
    (qa, _), (qb, _) = stated_a[0], stated_b[0]
    return [
        Finding("partial", f"other people counted: A {_described(qa, a.body)}, B {_described(qb, b.body)}")
    ]


@cache
def contrast_groups() -> dict[str, tuple[int, int]]:
    """Each contrasting event word's (row, group)."""
    rows = json.loads((Path(__file__).parent / "data" / "contrasts.json").read_text(encoding="utf-8"))["rows"]
    out: dict[str, tuple[int, int]] = {}
    for r, groups in enumerate(rows):
        for g, words in enumerate(groups):
            for w in words:
                out[w] = (r, g)
    return out


# One event told from its two sides: the army's victory is its enemy's defeat, a purchase the seller's sale.
_SIDES_OF_ONE_EVENT = frozenset(
    ("win", "won", "victory", "lose", "defeat", "loss", "buy", "acquire", "purchase", "sell")
)


# Phrases in which a contrasting word names no event of its own: "opened fire" is shooting, not opening.
_IDIOMS = {
    "open": re.compile(r"\bopen(?:s|ed|ing)?\s+fire\b", re.I),
    "close": re.compile(r"\bclose(?:s|d)?\s+(?:to|by|in\s+on)\b|\bclosely\b", re.I),
    "up": re.compile(r"\b(?:set|show|pick|turn|end|give|make|call)(?:s|ed|ing)?\s+up\b", re.I),
    "down": re.compile(r"\b(?:shut|track|hunt|calm|step|sit|turn|stand)(?:s|ed|ing)?\s+down\b", re.I),
}


def _idiom(word: str, text: str) -> bool:
    pattern = _IDIOMS.get(word)
    return bool(pattern and pattern.search(text))


def _compare_events(a: Side, b: Side, figures_agree: bool) -> list[Finding]:
    """ "The captain was killed" against "The captain was injured", "approved" against "rejected": words of
    events that exclude each other (the table of contrasting event words) tell two facts, or one told two ways;
    either way the claims do not simply agree."""
    if figures_agree:
        return []  # the figures tell the fact both report ("14 others were wounded" ~ "injured 14 others")
    table = contrast_groups()
    groups_a: dict[int, dict[int, str]] = {}
    groups_b: dict[int, dict[int, str]] = {}
    for lemmas, groups, text in ((a.lemmas, groups_a, a.claim.text), (b.lemmas, groups_b, b.claim.text)):
        for word in sorted(lemmas):
            if word in table and word not in _SIDES_OF_ONE_EVENT and not _idiom(word, text):
                row, group = table[word]
                groups.setdefault(row, {}).setdefault(group, word)
    for row, found_a in sorted(groups_a.items()):
        found_b = groups_b.get(row, {})
        # "male workers over their female counterparts" ~ "women ... than men": both sides name both groups
        if found_b and found_a.keys().isdisjoint(found_b.keys()):
            word_a, word_b = next(iter(found_a.values())), next(iter(found_b.values()))
            said_a, said_b = _written(word_a, a.claim.text), _written(word_b, b.claim.text)
            return [Finding("partial", f"other events: A says {said_a}, B says {said_b}")]
    return []


def _written(word: str, text: str) -> str:
    """The word of ``text`` whose lemma is ``word`` ("killed" for "kill"), else ``word`` itself."""
    for found in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", text):
        low = found.group().lower()
        if low == word or lemma(low) == word or (len(word) > 3 and low.startswith(word.removesuffix("e"))):
            return found.group()
    return word


def judge(a: Side, b: Side, shared_words: list[str], *, sure: bool = True) -> tuple[Relation, str]:
    """The relation of two aligned claims and a one-line explanation naming the values on both sides; an
    agreement the link's score leaves unsure of (``sure`` false) is told as likely."""
    figures, dates = _compare_quantities(a, b), _compare_dates(a, b)
    apart = _days_apart(a.claim, b.claim)
    if apart and any(f.relation == "conflict" for f in figures):
        # "a magnitude 5.2 aftershock on Thursday" and "a tremor of magnitude 4.7 on Tuesday": other days and
        # other figures tell of two events more likely than of one told two ways
        told = "; ".join(f.text for f in figures if f.relation == "conflict")
        return "partial", f"perhaps two events, on other days ({apart}): {told}"
    if any(f.relation == "agree" for f in figures) and all(f.relation != "conflict" for f in figures):
        # "four dead ... and 14 others were wounded, the shooter identified Friday" against "injured 14 others
        # Thursday": the figures tell the shared fact; the dates belong to other events of the claims
        dates = [f for f in dates if not f.text.startswith(_OTHER_EVENTS)]
    findings = (
        figures
        + dates
        + _compare_times(a, b)
        + _compare_lists(a, b)
        + _compare_sources(a, b)
        + _compare_absences(a, b)
        + _compare_states(a, b, figures)
        + _compare_death_places(a, b)
        + _compare_tallies(a, b)
    )
    if not any(f.relation in ("conflict", "partial") for f in findings):
        findings += _compare_events(a, b, any(f.relation == "agree" for f in figures))
    strongest: tuple[Relation, ...] = ("conflict", "partial")
    for relation in strongest:
        hits = [f.text for f in findings if f.relation == relation]
        if hits:
            return relation, "; ".join(hits)
    agreed = [f.text for f in findings if f.relation == "agree"] or [f.text for f in _one_sided_figures(a, b)]
    lead = "both report the same fact" if sure else "probably the same fact"
    if shared_words:
        lead += " (" + ", ".join(shared_words[:4]) + ")"
    return "agree", "; ".join([lead, *agreed]) if agreed else lead

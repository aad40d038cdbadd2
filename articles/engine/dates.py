"""Find date mentions in a sentence and resolve them to ISO values against the article's publication date.

Also answers whether two resolved dates can describe the same time (``dates_compatible``).
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from articles.engine.types import DatePrecision, DateRef

__all__ = ["dates_compatible", "extract_dates"]

_Date = datetime.date
_DAY = datetime.timedelta(days=1)
WEEKDAY_SLACK_DAYS = 14  # how far across publication a weekday may place a day and month

# --- world knowledge -------------------------------------------------------------------------------------

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUM: dict[str, int] = {name: i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NUM.update({name[:3]: i + 1 for i, name in enumerate(_MONTHS)})
_MONTH_NUM["sept"] = 9

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NUM: dict[str, int] = {name: i for i, name in enumerate(_WEEKDAYS)}

_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# A lowercase word right after a bare four-digit number decides whether it was a year ("in 2013 the
# group ...") or a count ("in 2000 homes"): only these words may follow a year.
_AFTER_YEAR_OK = _words(
    """
    the a an and or but nor so yet for from to in on at by of with as after before when while where which
    who whom whose that this these those than then until till since during through throughout amid
    despite against under over into about not there here now however because if though although once
    following prior up down out off he she it they we you i his her its their our my your him them us
    was were is are be been being had has have having did do does will would could should might may must
    can said says say told according alone only also too again already even still just respectively ago
    onwards onward forward itself last this next earlier later both all more late early instead overall
    combined
    """
)

# Words that make the number after "by"/"from"/"to"/"of"/"around" a quantity ("rose by 2000",
# "a total of 2000").
_QUANTITY_LEADS = _words(
    """
    rose rise rises risen rising increase increased increases increasing fell fall falls fallen falling
    drop dropped drops grew grow grows growing up down cut cuts reduced reduce climbed climb jumped jump
    total totalled totaled totaling totalling out some nearly almost about over than least most estimated
    approximately roughly additional another just only number numbers group groups declined decline
    decreased decrease soared surged plunged slipped gained gain lost paid pay pays sold sell sells bought
    buy worth
    """
)

# --- regex building blocks ---------------------------------------------------------------------------


def _cased(words: list[str]) -> str:
    """Title-case and upper-case alternatives: a lowercase "may" or "march" is a verb, not a month."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=len, reverse=True))


_MONTH_FULL = rf"\b(?:{_cased(list(_MONTHS))})\b"
_ABBRS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
_MONTH_ABBR = rf"\b(?:{_cased(_ABBRS)})\b\.?"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = rf"(?i:\b(?:{'|'.join(_WEEKDAYS)}))"
_WEEKDAY_PREFIX = (
    rf"(?:{_WEEKDAY}\b|\b(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun|"
    r"MON|TUES|TUE|WED|THURS|THUR|THU|FRI|SAT|SUN)\b\.?)"
)
_YEAR = r"(?:1\d{3}|20\d{2})(?!\d)(?![.,]\d)"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![:.,]\d)(?!\s*(?:%|per\s?cent))"


_RANGE_SEP = r"\s*(?:-|–|—|to|and|&)\s*"

_ISO_RE = re.compile(r"(?<![\w./-])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?!\d)(?![-./]\d)")
_NUMERIC_RE = re.compile(r"(?<![\w./-])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\w/]|\.\d)")
_MONTH_DAY_RE = re.compile(
    rf"(?P<mon>{_MONTH_ANY})\s*(?:the\s+)?{_day('d1')}(?:{_RANGE_SEP}{_day('d2')})?(?:,?\s+(?P<y>{_YEAR}))?"
)
_DAY_MONTH_RE = re.compile(
    rf"(?<![\w$£€¥#.,:/-]){_day('d1')}(?:{_RANGE_SEP}{_day('d2')})?\s+(?:of\s+)?(?P<mon>{_MONTH_ANY})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
_MONTH_YEAR_RE = re.compile(rf"(?P<mon>{_MONTH_ANY}),?\s+(?:of\s+)?(?P<y>{_YEAR})")
_BARE_MONTH_RE = re.compile(
    rf"(?P<mon>{_MONTH_FULL})(?:(?:,?\s+|\s+of\s+)(?P<rel>(?i:last|this|next))\s+(?i:year)\b)?"
)
_YEAR_RE = re.compile(
    r"(?<![\w$£€¥#.,/:'’])(?P<y>1[89]\d\d|20\d\d)(?:(?P<sep>\s?[-–—/]\s?)(?P<y2>\d{4}|\d{2}))?(?P<dec>s)?"
    r"(?!\w|%|[.,:/-]\d)"
)
_APOS_DECADE_RE = re.compile(r"(?<!\w)['’‘](?P<yy>\d0)s\b")
_WEEKDAY_RE = re.compile(
    rf"(?P<wd>{_WEEKDAY})(?P<plural>s)?\b(?P<part>\s+(?i:morning|afternoon|evening|night)\b)?"
)
_REL_DAY_RE = re.compile(
    r"(?i)\b(?:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)"
    r"|(?P<prev>the\s+(?:previous\s+(?:day|night)|day\s+before|night\s+before))"
    r"|(?P<yest>yesterday)|(?P<today>today|tonight)|(?P<tom>tomorrow)"
    r"|(?P<this>this\s+(?:morning|afternoon|evening))|(?P<lastn>last\s+(?:night|evening)))\b"
    r"(?P<part>\s+(?:morning|afternoon|evening|night)\b)?"
)
_REL_PERIOD_RE = re.compile(
    r"(?i)(?<![Tt]he\s)\b(?P<which>this\s+past|this\s+coming|this|last|next|coming)\s+"
    r"(?P<unit>year|month|week|weekend)\b"
)
_REL_SEASON_RE = re.compile(
    r"(?i)(?<![Tt]he\s)\b(?P<which>this\s+past|last|next|this\s+coming)\s+(?P<season>spring|summer|fall|autumn)\b"
)
# The months of each season (northern), for "last summer": the latest one over before publication.
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_THE_WEEKEND_RE = re.compile(r"(?i)\b(?:over|at|during|on)\s+the\s+weekend\b")
_AGO_RE = re.compile(r"(?i)\b(?P<unit>hour|day|week|fortnight|month|year|decade)s?\s+ago\b")

# Words read backwards from the start of a core match (each anchored at the end of the text before it).
_WD_BEFORE_RE = re.compile(rf"(?P<wd>{_WEEKDAY_PREFIX}),?\s+(?:(?i:the)\s+)?$")
_THE_BEFORE_RE = re.compile(r"\b(?i:the)\s+$")
_MON0_BEFORE_RE = re.compile(rf"(?P<mon0>{_MONTH_ANY})\s*(?:-|–|—|/|to|and|or)\s*$")
_WD_QUALIFIER_RE = re.compile(r"(?i)\b(?P<q>last|next|this\s+past|this\s+coming|this|coming)\s+$")
_DECADE_LEAD_RE = re.compile(r"(?i)\bthe\s+(?:(?:early|mid|late)(?:\s+|-))?$|\bmid-$")
_PERIOD_MOD_RE = re.compile(r"(?i)\b(?:earlier|later|early|late)\s+$")
_AGO_COUNT_RE = re.compile(
    rf"(?i)\b(?P<n>\d{{1,3}}|{'|'.join(_NUMBER_WORDS)}|a\s+couple\s+of|a\s+few|several)\s+$"
)

# Anchored at the end of the text before a candidate.
_LEFT_EXT_RE = re.compile(
    r"(?i)(?:(?:\b(?:earlier|later|early|late)\s+)?\b(?:in|on|at|since|by|until|till|through|throughout|from"
    r"|during|before|after|around|over|between|as\s+of|as\s+early\s+as|no\s+later\s+than)\s+)?"
    r"(?:(?:\b(?:early|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of"
    r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?|fiscal(?:\s+year)?|the\s+(?:tax\s+)?year)\s+)"
    r"|\bmid-?\s*)?$"
)
_YEAR_CUE_RE = re.compile(
    r"(?i)(?:(?P<lead>[a-z]+)\s+)?\b(?P<cue>in|since|by|until|till|through|throughout|from|during|before|for"
    r"|after|of|circa|c\.|years?|fiscal|around|spring|summer|autumn|fall|winter|early|late|mid|as\s+of"
    r"|between|and|or|to|&|the|an?|its|his|her|their|our|this|that)[\s-]*$"
)
# Prepositions that also introduce amounts ("by 2000", "for 2000"): the word before them decides.
_WEAK_YEAR_CUES = _words("by from to of for around between and or &")
# "the 2011 uprising": a year used as an adjective.
_ERA_CUES = _words("the a an its his her their our this that")
_MONTH_CUE_RE = re.compile(
    r"(?i)\b(?P<cue>(?:set|scheduled|planned|slated|due|expected|postponed|delayed|adjourned|moved)\s+(?:back\s+)?"
    r"(?:for|to|until)|in|since|by|until|till|through|throughout|from|during|before|after|early|late|mid"
    r"|this\s+past|this\s+coming|last|this|next|coming|of|around|between|and|or|to|as\s+of)[\s-]*$"
)
_LIST_PREV_RE = re.compile(
    rf"(?:{_MONTH_ANY}|\b(?:1[89]\d\d|20\d\d)s?|{_WEEKDAY})\s*,?\s*(?i:and|or|to|&)\s*$"
)
_PLURAL_NOUNS = _words("people children men women police staff personnel troops cattle feet teeth mice geese")


def _plural(word: str) -> bool:
    return word in _PLURAL_NOUNS or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


_LIST_COMMA_RE = re.compile(rf"(?:{_MONTH_FULL}),\s*$")
_PARTNER_RE = re.compile(r"\s*(?:and|to|until|till|through|-|–|—)\s*(\d+)(?![\d,.]\d)")
_PREV_WORD_RE = re.compile(r"(?<![\w'’])([A-Za-z][\w'’-]*)\s+$")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z][\w'’-]*)")
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are)\s+(?:due|set|expected|slated|poised|scheduled|to\s+be)"
    r"|(?:is|are)\s+going\s+to|plans?\s+to|planning\s+to|next(?!\s+to\b)|upcoming|later\s+this|tomorrow)\b|\w['’]ll\b"
)
# "adjourned until June 28": a hearing put off is put off into the future.
_PUT_OFF_RE = re.compile(
    r"(?i)\b(?:adjourn|postpon|defer|remand|bail|delay|extend|reschedul|mov(?:e|ed|es|ing)\b|put\s+off"
    r"|push\s+back|pushed\s+back)\w*\b(?:(?![.;!?]).){0,60}?\b(?:until|till|to)\s+$"
)
# The preposition before a date that may end a span or set a deadline ("until Saturday", "by 6 a.m. on
# Monday", "through the end of June"), anchored at the start of the date.
_LEAD_PREP_RE = re.compile(
    r"(?i)(?:\b(?P<prep>until|till|through|thru|by|before|from|for)|['’](?P<til>til))\s+"
    r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b\.?)|noon|midnight|midday)\s+(?:on\s+)?)?"
    r"(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?$"
)
# "until a special election in June": a span that ends at an event, dated after it.
_LEAD_EVENT_RE = re.compile(
    r"(?i)\b(?P<prep>until|till)\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}(?:in|on)\s+$"
)
_LEAD_GATE = ("til", "thr", "by", "before", "from", "for")
# "from Thursday through Sunday": the end of a range follows the tense of the range, not the preposition.
_RANGE_FROM_RE = re.compile(r"(?i)\bfrom\s+[^,;.!?]{1,30}$")
# "set sentencing for June 28", "a vigil is planned for Monday": a date fixed for something to come.
_SCHEDULE_RE = re.compile(
    r"(?i)\b(?:set|sets|setting|(?:re)?schedul\w*|fix(?:ed|es|ing)?|plans?|plann(?:ed|ing)|slated|booked"
    r"|earmarked|pencill?ed\s+in)\b"
)
_PLUPERFECT_RE = re.compile(r"(?i)\bhad(?:n['’]t)?\b")
# Reported future: "said divers would resume the search on Saturday", "the storm was expected to make
# landfall on Sunday", "she planned to fly home on June 3". The date counts forward from the moment of
# speaking. "would have left on Monday" (a past conditional) and "would often walk ..." (a past habit) are
# not cues.
_REPORTED_RE = re.compile(
    r"(?i)\bwould(?:n['’]t)?(?P<adv>(?:\s+(?:not|never|also|still|then|only|soon|again|now"
    r"|first|instead|all|both|each|[a-z]+ly))*)\s+(?P<verb>[a-z]+(?:['’][a-z]+)?)\b"
    r"|\b(?:(?P<aux>had|has|have|was|were|is|are|hadn['’]t|wasn['’]t|weren['’]t)\s+(?:been\s+)?)?"
    r"(?:(?:also|still|widely|originally|initially|now|then|already|not)\s+)?"
    r"(?P<intent>expected|due|set|scheduled|slated|poised|going|planned|planning|plans?|hoped|hoping|hopes?"
    r"|intended|intending|intends?|aimed|aiming|aims?|promised|promises?|vowed|vows?|pledged|pledges?|likely)"
    r"\s+to\s+(?P<inf>[a-z]+)\b"
)
_HABIT_ADVERBS = _words(
    """
    often usually always sometimes regularly typically normally occasionally frequently routinely generally
    rarely seldom invariably habitually
    """
)
# "due to"/"set to"/"going to" name a plan only after a form of "be" ("was due to appear"), not alone
# ("due to the weather", "going to the market").
_NEEDS_AUX = _words("due set going")
# Words after "to" that make it a cause or a place, not an infinitive ("was due to heavy rain").
_NOT_INFINITIVE = _words(
    """
    the a an his her its their our my your this that these those heavy bad poor high low strong severe
    lack safety security technical health weather rain snow fog
    """
)
# Words that make a sentence reported speech ("said", "told reporters", "according to").
_REPORTING_RE = re.compile(
    r"(?i)\b(?:said|says|say|saying|told|tells|tell|announced|announces|announcing|added|adds|stated|states"
    r"|confirmed|confirms|insisted|insists|promised|promises|pledged|vowed|warned|warns|predicted|predicts"
    r"|indicated|indicates|signall?ed|suggested|explained|claimed|declared|expected|expects|hoped|hopes"
    r"|believed|believes|reported|reportedly|wrote|writes|informed|assured|agreed|decided|ruled|ordered"
    r"|according\s+to|statement|announcement)\b"
)
# A reporting verb right before a date after the reported clause: "..., officials said on Friday".
_REPORTED_ON_RE = re.compile(
    r"(?i)\b(?:said|says|told|announced|added|confirmed|stated|insisted|warned|declared|explained|reported"
    r"|wrote|tweeted|posted)(?:\s+[\w.'’-]+){0,3}?\s+$"
)
# A past setting that makes "would" a habit or a story told from then: "used to", "back then".
_PAST_FRAME_RE = re.compile(
    r"(?i)\b(?:used\s+to|back\s+then|at\s+the\s+time|in\s+those\s+days|in\s+(?:his|her|their)\s+youth"
    r"|as\s+an?\s+(?:child|boy|girl|teenager|student|young\s+\w+)|when\s+(?:he|she|they|we|i)\s+(?:was|were))\b"
)
_TOKEN_RE = re.compile(r"[A-Za-z0-9][\w'’-]*")

# Words that settle whether the clause around "until/by/through <date>" looks back or ahead.
_MODALS = _words(
    """
    will shall must should would could can cannot might may ought need needs won't can't mustn't
    shouldn't wouldn't couldn't needn't won’t can’t mustn’t shouldn’t wouldn’t couldn’t needn’t
    """
)
_PRESENT_VERBS = _words(
    """
    is are am isn't aren't isn’t aren’t has have remain remains stays runs lasts continues expires ends
    opens closes applies begins starts takes faces holds
    """
)
# "would have", "might have": a modal with a perfect looks back ("will have" still looks ahead).
_PERFECT_MODALS = _words(
    "would could should might must may wouldn't couldn't shouldn't mightn't wouldn’t couldn’t shouldn’t"
)
_PAST_AUX = _words("had was were did hadn't wasn't weren't didn't hadn’t wasn’t weren’t didn’t")
# A participle after these belongs to a passive or perfect ("was closed"), a linking verb ("stayed
# closed") or an earlier verb ("treated and released"): that word decides the tense.
_PARTICIPLE_AUX = _words(
    """
    be been being get gets got getting is are was were has have had isn't aren't wasn't weren't hadn't
    isn’t aren’t wasn’t weren’t hadn’t remain remains remained stay stays stayed keep keeps kept left
    and or
    """
)
_SKIP_ADVERBS = _words("not never also still already just then only again since ever")
_IRREGULAR_PAST = _words(
    """
    rose fell grew went came became began got made took gave found left saw said told knew thought brought
    bought built caught drove fled fought flew held kept led lost met paid ran sent sold spent stood struck
    swept threw won wrote broke chose spoke stole woke hid shot drew dug froze hung lay lit meant rode rang
    sank shook slid stuck swore swam tore wore wept withdrew arose sought taught felt dealt slept swung sat
    bled sped heard overtook undertook forbade given taken shown known seen done gone
    """
)
# Past verbs that impose a state for a time ("closed schools until Saturday"): the span runs ahead.
_IMPOSING_VERBS = _words(
    """
    closed ordered lowered suspended extended banned barred halted cancelled canceled imposed declared
    granted allowed permitted gave given scheduled postponed adjourned delayed deferred remanded locked
    restricted blocked sealed grounded paused froze frozen capped
    """
)
# "rose to 30 by Monday": "to" after these leads to an amount or a place, not an infinitive.
_NOT_INFINITIVE_BEFORE = _QUANTITY_LEADS | _words(
    "spread moved returned went came fled travelled traveled flew headed rushed sent transferred taken"
    " according due next close prior back related"
)
_CONJUNCTIONS = _words("and but or so then yet")
_CLAUSE_BOUND_RE = re.compile(r"[.;!?:\n,\"“”()\[\]]")
# The end of the clause after a date; a dot ends it only where it ends a sentence (not in "U.S. troops").
_CLAUSE_END_RE = re.compile(r"[;!?:\n,\"“”()\[\]]|\.(?!\w)(?!\s+[a-z])")
_DETERMINERS = _words("the a an his her its their our my your this that these those")
_MONTH_CUES_OK_WITH_NAME = frozenset({"last", "this", "next", "coming", "this past", "this coming"})

# --- resolution helpers ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: str
    precision: DatePrecision
    relative: bool


def _iso_day(d: _Date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _cover(a: _Date, b: _Date) -> tuple[str, DatePrecision] | None:
    """The value for a week or weekend running from ``a`` to ``b``, or None across a year boundary.

    Never a day: "this week" read on a Monday has only that Monday behind it, but a day value would
    contradict "on Sunday" in a paper dated a day off. A month holds when every day is in it; a week split
    between two months takes the year, so that it contradicts no day of itself ("on Friday, April 1").
    """
    if (a.year, a.month) == (b.year, b.month):
        return _iso_month(a.year, a.month), "month"
    if a.year == b.year:
        return f"{a.year:04d}", "year"
    return None


def _valid_day(year: int, month: int, day: int) -> _Date | None:
    try:
        return _Date(year, month, day)
    except ValueError:
        return None


def _month_year(pub: _Date, month: int, direction: str) -> int:
    """Year of ``month`` seen from ``pub``.

    'back'/'fwd' may return the publication month itself, 'before'/'after' may not.
    """
    if direction == "back":
        return pub.year if month <= pub.month else pub.year - 1
    if direction == "before":
        return pub.year if month < pub.month else pub.year - 1
    if direction == "fwd":
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month > pub.month else pub.year + 1


def _day_month(pub: _Date, month: int, day: int, future: bool, weekday: int | None) -> _Date | None:
    """Place a day-month without a year on the side of ``pub`` the text implies.

    A weekday ("Sunday, March 27") may pick the year before the nearest one, or a day up to
    ``WEEKDAY_SLACK_DAYS`` across publication (an article dated a day early, or "Sunday May 31" two weeks
    ahead when the 31st of May last year was no Sunday), but never a date years away.
    """
    good: list[_Date] = []
    bad: list[_Date] = []
    # Nearest years first; four each way so that 29 February always finds a leap year.
    for shift in (0, 1, -1, 2, -2, 3, -3, 4, -4):
        d = _valid_day(pub.year + shift, month, day)
        if d is not None:
            (good if ((d >= pub) if future else (d <= pub)) else bad).append(d)
    if not good:
        return None
    if weekday is not None and good[0].weekday() != weekday:
        near = [d for d in bad if abs((d - pub).days) <= WEEKDAY_SLACK_DAYS]
        for d in (*good[1:2], *near):
            if d.weekday() == weekday:
                return d
    return good[0]


def _weekday_date(pub: _Date, weekday: int, mode: str) -> _Date:
    if mode in ("back", "before"):
        delta = (pub.weekday() - weekday) % 7
        if delta == 0 and mode == "before":
            delta = 7
        return pub - datetime.timedelta(days=delta)
    delta = (weekday - pub.weekday()) % 7
    if delta == 0 and mode == "after":
        delta = 7
    return pub + datetime.timedelta(days=delta)


def _is_past_verb(word: str) -> bool:
    return word in _IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and not word.endswith("eed"))


def _tense(tokens: list[str], order: range, kind: str) -> str | None:
    """'ahead' or 'past' from the verb nearest a date (``order`` walks away from it), or None.

    ``kind`` is the date's role: 'span' (until/through), 'deadline' (by/before) or 'start' (from).
    """
    for i in order:
        token = tokens[i]
        if token[0].isupper():
            # Names, not verbs: "Will Smith", "Rose", "May".
            continue
        word = token.lower()
        if (word[:-3] in _PERFECT_MODALS and word.endswith(("'ve", "’ve"))) or (
            word == "have" and i > 0 and tokens[i - 1].lower() in _PERFECT_MODALS
        ):
            # "would have stayed until Monday", "could've left by Friday": a past conditional.
            return "past"
        if word in _MODALS or word.endswith(("'ll", "’ll")):
            return "ahead"
        if word in _PAST_AUX:
            return "past"
        if word in _PRESENT_VERBS:
            return "ahead"
        if word == "to":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            prev = tokens[i - 1].lower() if i > 0 else ""
            # "allowed to remain free until ...", but not "rose to 30 by ..." or "went to the city by ...".
            if (
                nxt[:1].islower()
                and nxt not in _DETERMINERS
                and not nxt.endswith("ing")
                and prev not in _NOT_INFINITIVE_BEFORE
            ):
                return "ahead"
            continue
        if _is_past_verb(word):
            j = i - 1
            while j >= 0 and (tokens[j].lower() in _SKIP_ADVERBS or tokens[j].lower().endswith("ly")):
                j -= 1
            if j >= 0 and tokens[j].lower() in _PARTICIPLE_AUX:
                continue
            if kind == "span" and word in _IMPOSING_VERBS:
                return "ahead"
            return "past"
    return None


def _governed(words: list[str], j: int) -> bool:
    """True when the participle ``words[j]`` hangs on an auxiliary or linking verb before it."""
    k = j - 1
    while k >= 0 and (words[k] in _SKIP_ADVERBS or words[k].endswith("ly")):
        k -= 1
    return k >= 0 and words[k] in _PARTICIPLE_AUX


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


# --- context tests -----------------------------------------------------------------------------------


class _Ctx:
    """One sentence being read: its text, publication date and clause boundaries."""

    __slots__ = ("_anchors", "bounds", "nested", "pub", "text")

    def __init__(self, text: str, pub: _Date | None, nested: bool = False) -> None:
        self.text = text
        self.pub = pub
        self.bounds = [m.end() for m in _CLAUSE_BOUND_RE.finditer(text)]
        # A nested reading resolves the sentence's other dates without the reported-future rule, so that
        # one date can anchor another without recursion.
        self.nested = nested
        self._anchors: list[_Cand] | None = None

    def anchors(self) -> list[_Cand]:
        """The sentence's dates read plainly (without the reported-future rule), sorted by start."""
        if self._anchors is None:
            self._anchors = _choose(_Ctx(self.text, self.pub, nested=True))
        return self._anchors

    def reported(self, start: int, end: int, fine: bool) -> _Date | None:
        """The day a reported future counts forward from, or None when the date at ``start`` is not one.

        "Officials said divers would resume the search on Saturday": a date after "would + verb", "was
        expected to", "planned to", "hoped to" ... lies after the moment of speaking. That moment is the
        nearest day named before the cue ("said on Friday that ..."), or one named with the reporting verb
        after it ("..., officials said on Friday"), or else publication. A month or year named before the
        cue that does not contain publication ("in 2010 he said ...") is an explicit past frame: a
        month or day-month counts forward from its start, but a weekday (``fine``) cannot be placed from
        it and stays in the past. "would have", "would often", "used to" and a past verb between the cue
        and the date ("would appeal the ruling handed down on Monday") are not reported futures. A bare
        "would" needs reported speech in the sentence (or a day to count from) before a weekday;
        "expected to" and the like do not.
        """
        pub = self.pub
        if pub is None or self.nested:
            return None
        left = self.clause_start(start)
        window = self.text[left:start].lower()
        if "would" not in window and "to " not in window:
            return None
        cue = next(reversed(list(_REPORTED_RE.finditer(self.text, left, start))), None)
        if cue is None:
            return None
        intent = cue.group("intent")
        if intent is not None:
            aux = (cue.group("aux") or "").lower()
            verb = cue.group("inf").lower()
            if (
                aux.startswith("had")
                or (intent.lower() in _NEEDS_AUX and not aux)
                or verb in _NOT_INFINITIVE
                or verb.endswith("ing")
                or _is_past_verb(verb)
            ):
                return None
        else:
            verb = cue.group("verb").lower()
            if verb == "have" or verb in _HABIT_ADVERBS or _HABIT_ADVERBS & _words(cue.group("adv").lower()):
                return None
        words = [verb, *(t.lower() for t in _TOKEN_RE.findall(self.text, cue.end(), start))]
        for j in range(1, len(words)):
            if _is_past_verb(words[j]) and not _governed(words, j):
                return None
        if _PAST_FRAME_RE.search(self.text, 0, start) is not None:
            return None
        anchors = self.anchors()
        before = [c for c in anchors if c.end <= cue.start()]
        day = next((c for c in reversed(before) if c.precision == "day"), None)
        if day is None:
            day = next(
                (
                    c
                    for c in anchors
                    if c.start >= end
                    and c.precision == "day"
                    and _REPORTED_ON_RE.search(self.text, max(0, c.start - 40), c.start) is not None
                ),
                None,
            )
        if day is not None:
            return _Date.fromisoformat(day.value)
        if intent is None and _REPORTING_RE.search(self.text) is None:
            # "The primary would be held on April 30": a bare "would" looks ahead from publication to a
            # month or a day of the month; a weekday ("would go on Monday") may be a habit told in the past
            return None if fine else pub
        iso = _iso_day(pub)
        frames = [c for c in before if not iso.startswith(c.value)]
        if not frames:
            return pub
        if fine:
            return None
        parts = [int(p) for p in frames[-1].value.split("-")]
        return _Date(parts[0], parts[1] if len(parts) > 1 else 1, 1)

    def prefix(self, pos: int, width: int = 48) -> str:
        return self.text[max(0, pos - width) : pos]

    def future(self, pos: int) -> bool:
        """True when a future cue ("will", "is due to", "next" ...) precedes ``pos`` in its clause."""
        start = self.clause_start(pos)
        if _FUTURE_RE.search(self.text, start, pos) is not None:
            return True
        return _PUT_OFF_RE.search(self.text, max(0, pos - 100), pos) is not None

    def looking(self, pub: _Date, start: int, end: int) -> tuple[_Date, bool]:
        """The day a "this week"/"the weekend" at ``start`` is seen from, and whether it looks ahead."""
        base = self.reported(start, end, fine=True)
        return (base, True) if base is not None else (pub, self.future(start))

    def clause_start(self, pos: int) -> int:
        i = bisect_right(self.bounds, pos) - 1
        # A boundary inside "Mar." or "U.S." would cut the clause short; cap the look-back instead.
        return max(self.bounds[i] if i >= 0 else 0, pos - 120)

    def ahead(self, start: int, end: int) -> bool:
        """True when the date at ``start``-``end`` lies on or after publication.

        Besides a future cue, a date that ends a span or sets a deadline looks ahead ("remain free until
        Saturday", "must surrender his passport by Monday", "set sentencing for June 28") unless its
        clause is told in the past ("had remained free until Saturday", "by Monday it had spread").
        """
        if self.future(start) or self.subject_of_future(start, end):
            return True
        window = max(0, start - 48)
        near = self.text[window:start].lower()
        if not any(word in near for word in _LEAD_GATE):
            return False
        lead = _LEAD_PREP_RE.search(self.text, window, start) or _LEAD_EVENT_RE.search(
            self.text, window, start
        )
        if lead is None:
            return False
        prep = (lead.group("prep") or "till").lower()
        left = self.clause_start(lead.start())
        if prep == "for":
            schedule = _SCHEDULE_RE.search(self.text, left, lead.start())
            return schedule is not None and _PLUPERFECT_RE.search(self.text, left, lead.start()) is None
        kind = {"by": "deadline", "before": "deadline", "from": "start"}.get(prep, "span")
        # "from"/"before", the end of a "from ... through" range and an event ("hit by Sunday's storm")
        # look ahead only with a cue.
        needs_cue = (
            kind == "start"
            or prep == "before"
            or self.text.startswith(("'s", "’s"), end)
            or (
                kind == "span"
                and _RANGE_FROM_RE.search(self.text, max(left, lead.start() - 40), lead.start())
            )
        )
        tokens = _TOKEN_RE.findall(self.text, left, lead.start())
        tense = _tense(tokens, range(len(tokens) - 1, -1, -1), kind)
        if tense is None and all(t.lower() in _CONJUNCTIONS for t in tokens):
            # "By Monday, 30 people had died": a date opening its clause takes the tense of what follows.
            tail = self.text[end : end + 100]
            cut = _CLAUSE_END_RE.search(tail, 1 if tail.startswith(",") else 0)
            right = _TOKEN_RE.findall(tail, 0, cut.start() if cut else len(tail))
            tense = _tense(right, range(len(right)), kind)
        if tense is None:
            return not needs_cue
        return tense == "ahead"

    def subject_of_future(self, start: int, end: int) -> bool:
        """ "The June 25 election will decide it", "A vote in June would be the third": a date in the
        subject of its clause, no verb before it, takes the tense of the verb that follows."""
        before = _TOKEN_RE.findall(self.text, self.clause_start(start), start)
        if any(w[:1].islower() and w not in _DETERMINERS and _tense([w], range(1), "event") for w in before):
            return False
        tail = self.text[end : end + 100]
        cut = _CLAUSE_END_RE.search(tail)
        # capitalised words are names, not verbs ("Will Smith", "May")
        words = [w for w in _TOKEN_RE.findall(tail, 0, cut.start() if cut else len(tail)) if w[:1].islower()]
        for k, low in enumerate(words):
            if low in _MODALS or low.endswith(("'ll", "’ll")):
                # "would have been": a past conditional
                return not (low in _PERFECT_MODALS and words[k + 1 : k + 2] == ["have"])
            if low in _PAST_AUX or low in _PRESENT_VERBS or _is_past_verb(low):
                return False
        return False

    def next_word(self, pos: int) -> str | None:
        m = _NEXT_WORD_RE.match(self.text, pos)
        return m.group(1) if m else None

    def noun_follows(self, pos: int) -> bool:
        """A lowercase content word after a number makes it a count ("2000 homes", not "2015 killed")."""
        word = self.next_word(pos)
        return (
            word is not None
            and word[0].islower()
            and word not in _AFTER_YEAR_OK
            and not word.endswith(("ed", "ing"))
        )

    def names_one_thing(self, pos: int) -> bool:
        """The words after a number end in a singular noun before the next function word or mark ("2010
        victory", "1988 Democratic presidential nominee"): the number describes one thing, an era."""
        words: list[str] = []
        for m in _NEXT_WORD_RE.finditer(self.text, pos):
            if m.start() != pos or len(words) == 4:
                break
            word = m.group(1)
            if word.lower() in _AFTER_YEAR_OK:
                break
            words.append(word)
            pos = m.end()
        head = words[-1] if words else ""
        return head[:1].islower() and not _plural(head) and not head.endswith(("ed", "ing"))

    def plural_follows(self, pos: int) -> bool:
        """A plural noun after a number makes it a count ("the 2000 victims"); a singular one an era."""
        word = self.next_word(pos)
        if word is None or not word[0].islower() or word in _AFTER_YEAR_OK:
            return False
        return _plural(word)

    def prev_word(self, pos: int) -> str | None:
        m = _PREV_WORD_RE.search(self.prefix(pos, 40))
        return m.group(1) if m else None


# --- pattern handlers --------------------------------------------------------------------------------

_Handler = Callable[[_Ctx, re.Match[str]], list[_Cand]]


def _h_iso(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    d = _valid_day(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    return [_Cand(m.start(), m.end(), _iso_day(d), "day", False)] if d else []


# "4/9/2007" read in an article published on 9 April 2007 is that day, not 4 September: of the two readings,
# the one this many days or fewer from publication, when the other is not (of two such, the one not after it).
NUMERIC_NEAR_DAYS = 31


def _h_numeric(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if not 1000 <= year <= 2099:
        return []
    if a == b or a > 12 or b > 12:
        day, month = (a, b) if a > 12 or a == b else (b, a)
        d = _valid_day(year, month, day)
        return [_Cand(m.start(), m.end(), _iso_day(d), "day", False)] if d else []
    if a < 1 or b < 1:
        return []
    if ctx.pub is not None:
        near = [
            d
            for d in (_valid_day(year, a, b), _valid_day(year, b, a))
            if d is not None and abs((d - ctx.pub).days) <= NUMERIC_NEAR_DAYS
        ]
        if len(near) == 2:  # both close: a date line or report tells a day gone by, not one to come
            near = [d for d in near if d <= ctx.pub]
        if len(near) == 1:
            return [_Cand(m.start(), m.end(), _iso_day(near[0]), "day", False)]
    # Day-first and month-first both fit: only the year is certain.
    return [_Cand(m.start(), m.end(), f"{year:04d}", "year", False)]


def _day_month_cand(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    month = _MONTH_NUM.get(m.group("mon").rstrip(".").lower())
    if month is None:
        return []
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else None
    end = m.end()
    year_s = m.group("y")
    if year_s and "," not in ctx.text[m.start("y") - 2 : m.start("y")] and ctx.plural_follows(m.end("y")):
        # "In May 5 2000 people ..." -- the year was a count.
        year_s = None
        end = max(m.end("mon"), m.end("d2") if m.group("d2") else m.end("d1"))
        while end < len(ctx.text) and ctx.text[end].isalpha():
            end += 1
    if d2 is not None and d2 <= d1:
        return []
    start = m.start()
    weekday = None
    before = _WD_BEFORE_RE.search(ctx.text, max(0, start - 20), start)
    if before is not None:
        start = before.start()
        weekday = _WEEKDAY_NUM.get(_weekday_key(before.group("wd")))
    elif m.group("d1") == ctx.text[start : m.end("d1")]:
        # "the 4th of July": the article belongs to the day.
        the = _THE_BEFORE_RE.search(ctx.text, max(0, start - 8), start)
        start = the.start() if the is not None else start
    if year_s:
        year = int(year_s)
        first = _valid_day(year, month, d1)
        if first is None or (d2 is not None and _valid_day(year, month, d2) is None):
            return []
        if d2 is not None:
            return [_Cand(start, end, _iso_month(year, month), "month", False)]
        return [_Cand(start, end, _iso_day(first), "day", False)]
    if ctx.pub is None:
        return []
    base = ctx.reported(start, end, fine=False)
    if base is not None:
        found = _day_month(base, month, d1, True, weekday)
    else:
        found = _day_month(ctx.pub, month, d1, ctx.ahead(start, end), weekday)
    if found is None:
        return []
    if d2 is not None:
        if _valid_day(found.year, month, d2) is None:
            return []
        return [_Cand(start, end, _iso_month(found.year, month), "month", True)]
    return [_Cand(start, end, _iso_day(found), "day", True)]


def _weekday_key(s: str) -> str:
    """Map a weekday name or abbreviation ("Thurs.", "SAT") to its full lowercase name."""
    s = s.rstrip(".").lower()
    for name in _WEEKDAYS:
        if name.startswith(s[:3]):
            return name
    return s


def _h_month_year(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    month = _MONTH_NUM.get(m.group("mon").rstrip(".").lower())
    year = int(m.group("y"))
    if month is None:
        return []
    if _MONTH_CUE_RE.search(ctx.prefix(m.start())) and ctx.plural_follows(m.end()):
        # "In May 2000 people fled": the number was a count (while "the May 2015 offensive" is a date).
        return []
    before = _MON0_BEFORE_RE.search(ctx.text, max(0, m.start() - 20), m.start())
    first = _MONTH_NUM.get(before.group("mon0").rstrip(".").lower()) if before else None
    if before is not None and first is not None and first < month:
        # "May-June 2015": only the year holds for the whole range.
        return [_Cand(before.start(), m.end(), f"{year:04d}", "year", False)]
    return [_Cand(m.start(), m.end(), _iso_month(year, month), "month", False)]


def _h_bare_month(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    month = _MONTH_NUM[m.group("mon").lower()]
    rel = (m.group("rel") or "").lower()
    prefix = ctx.prefix(m.start())
    cue_m = _MONTH_CUE_RE.search(prefix)
    cue = re.sub(r"\s+", " ", cue_m.group("cue").lower()) if cue_m else None
    if cue in ("and", "or", "to") and not _LIST_PREV_RE.search(prefix):
        cue = None
    if cue is None and _LIST_COMMA_RE.search(prefix):
        cue = "and"
    if cue is None and not rel:
        return []
    if cue is None:
        # "Theresa May last year": a capitalised word right before makes the month a surname.
        prev = ctx.prev_word(m.start())
        if prev is not None and prev[0].isupper():
            return []
    if cue not in _MONTH_CUES_OK_WITH_NAME and not rel:
        nxt = _NEXT_WORD_RE.match(ctx.text, m.end())
        word = nxt.group(1) if nxt else None
        # "in April Smith's ..." -- a month followed by a capitalised word reads as a first name.
        if (
            word is not None
            and word[0].isupper()
            and word != "I"
            and word.lower() not in _MONTH_NUM
            and _weekday_key(word) not in _WEEKDAY_NUM
        ):
            return []
    pub = ctx.pub
    if pub is None:
        return []
    if rel:
        year = pub.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif cue in ("last", "this past"):
        year = _month_year(pub, month, "before")
    elif cue in ("next", "coming", "this coming"):
        year = _month_year(pub, month, "after")
    elif cue == "this":
        year = pub.year
    else:
        base = ctx.reported(m.start(), m.end(), fine=False)
        if base is not None:
            year = _month_year(base, month, "fwd")
        else:
            year = _month_year(pub, month, "fwd" if ctx.ahead(m.start(), m.end()) else "back")
    start = m.start()
    if cue in ("last", "this past", "next", "coming", "this coming", "this") and cue_m is not None:
        start = m.start() - len(prefix) + cue_m.start()
    return [_Cand(start, m.end(), _iso_month(year, month), "month", True)]


_ERA_BEFORE_RE = re.compile(rf"(?i)\b(?:(?:{'|'.join(sorted(_ERA_CUES))})\s+[a-z]+|and|or)\s+$")


def _era_year(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    """A year used as an adjective after a determiner and one word, or after "and": "a surprise 2010
    victory", "the former governor and 1988 Democratic presidential nominee"."""
    if not _ERA_BEFORE_RE.search(ctx.prefix(m.start())) or not ctx.names_one_thing(m.end()):
        return []
    return [_Cand(m.start(), m.end(), f"{int(m.group('y')):04d}", "year", False)]


def _h_year(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    text = ctx.text
    s = m.start()
    year = int(m.group("y"))
    if s > 0 and text[s - 1] == "-" and text[max(0, s - 4) : s].lower() != "mid-":
        return []
    if m.group("dec"):
        if m.group("y2") or year % 10:
            return []
        return [_Cand(_decade_start(ctx, s), m.end(), f"{year:04d}", "year", False)]
    y2s = m.group("y2")
    y2 = None
    if y2s is not None:
        y2 = int(y2s) if len(y2s) == 4 else (year // 100) * 100 + int(y2s)
        if y2 <= year - 1 and len(y2s) == 2:
            y2 += 100
        if y2 == year + 1:
            # A season or fiscal year ("2015-16"): the year it starts in.
            return [_Cand(s, m.end(), f"{year:04d}", "year", False)]
        if not year < y2 <= 2099:
            return []
    prefix = ctx.prefix(s)
    cue_m = _YEAR_CUE_RE.search(prefix)
    if cue_m is None:
        return _era_year(ctx, m) if y2 is None else []
    cue = cue_m.group("cue").lower()
    if cue in _ERA_CUES and ctx.plural_follows(m.end()):
        return []
    lead = (cue_m.group("lead") or "").lower()
    if cue in ("and", "or", "to", "&") and not _LIST_PREV_RE.search(prefix):
        return _era_year(ctx, m) if y2 is None and cue in ("and", "or") else []
    if cue in ("between", "from") and y2 is None:
        partner = _PARTNER_RE.match(ctx.text, m.end())
        # "between 2010 and 2014" is a span of years; "between 2000 and 3000 people" is a count.
        if partner is not None and (
            not 1800 <= int(partner.group(1)) <= 2099 or ctx.noun_follows(partner.end())
        ):
            return []
        if partner is not None:
            lead = ""
    if cue in _WEAK_YEAR_CUES and lead in _QUANTITY_LEADS:
        return []
    if cue not in _ERA_CUES and ctx.noun_follows(m.end()):
        return []
    if y2 is None:
        return [_Cand(s, m.end(), f"{year:04d}", "year", False)]
    mid = m.start("y2")
    return [
        _Cand(s, m.end("y"), f"{year:04d}", "year", False),
        _Cand(mid, m.end(), f"{y2:04d}", "year", False),
    ]


def _h_apos_decade(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    yy = int(m.group("yy"))
    ref = ctx.pub.year if ctx.pub else 2030
    year = 2000 + yy if 2000 + yy <= ref else 1900 + yy
    return [_Cand(_decade_start(ctx, m.start()), m.end(), f"{year:04d}", "year", False)]


def _decade_start(ctx: _Ctx, start: int) -> int:
    """Take in the "the early" of "the early 1990s"."""
    before = _DECADE_LEAD_RE.search(ctx.text, max(0, start - 12), start)
    return before.start() if before is not None else start


def _h_weekday(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    if m.group("plural") or ctx.pub is None:
        return []
    weekday = _WEEKDAY_NUM[m.group("wd").lower()]
    qual = _WD_QUALIFIER_RE.search(ctx.text, max(0, m.start() - 14), m.start())
    q = re.sub(r"\s+", " ", qual.group("q").lower()) if qual else ""
    start = qual.start() if qual else m.start()
    if q in ("last", "this past"):
        mode = "before"
    elif q in ("next", "coming", "this coming"):
        mode = "after"
    else:
        base = ctx.reported(start, m.end(), fine=True)
        if base is not None:
            return [_Cand(start, m.end(), _iso_day(_weekday_date(base, weekday, "fwd")), "day", True)]
        mode = "fwd" if ctx.ahead(start, m.end()) else "back"
    d = _weekday_date(ctx.pub, weekday, mode)
    return [_Cand(start, m.end(), _iso_day(d), "day", True)]


def _h_rel_day(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    pub = ctx.pub
    if pub is None:
        return []
    if m.group("prev"):
        word = ctx.next_word(m.end())
        # "the day before the vote" counts back from the vote, not from publication.
        if word is not None and (word.lower() in _DETERMINERS or word[0].isupper() or word.endswith("'s")):
            return []
        if m.group("part"):
            return []
        d = pub - _DAY
    elif m.group("today"):
        word = ctx.prev_word(m.start())
        # "USA Today" is a newspaper.
        if m.group("today")[0].isupper() and word is not None and word[0].isupper():
            return []
        d = pub
    elif m.group("dby"):
        d = pub - 2 * _DAY
    elif m.group("dat"):
        d = pub + 2 * _DAY
    elif m.group("yest") or m.group("lastn"):
        d = pub - _DAY
    elif m.group("tom"):
        d = pub + _DAY
    else:
        d = pub
    return [_Cand(m.start(), m.end(), _iso_day(d), "day", True)]


def _weekend(pub: _Date, which: str, future: bool) -> tuple[_Date, _Date]:
    """Saturday and Sunday of the weekend meant, cut to the side of ``pub`` the clause is told on."""
    saturday = 5
    if which in ("last", "this past"):
        sat = _weekday_date(pub - 2 * _DAY, saturday, "back")
    elif which in ("next", "coming", "this coming") or future:
        sat = _weekday_date(pub, saturday, "fwd")
    else:
        sat = _weekday_date(pub, saturday, "back")
    sun = sat + _DAY
    if which in ("this", "the") and sat <= pub <= sun:
        # Read on the weekend itself, only its days on the clause's side of publication remain.
        return (max(sat, pub), sun) if future else (sat, min(sun, pub))
    return sat, sun


def _h_rel_period(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    pub = ctx.pub
    if pub is None:
        return []
    which = re.sub(r"\s+", " ", m.group("which").lower())
    unit = m.group("unit").lower()
    shift = {"last": -1, "this past": -1, "this": 0, "next": 1, "coming": 1, "this coming": 1}[which]
    mod = _PERIOD_MOD_RE.search(ctx.text, max(0, m.start() - 10), m.start())
    start = mod.start() if mod else m.start()
    if unit == "year":
        return [_Cand(start, m.end(), f"{pub.year + shift:04d}", "year", True)]
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, shift)
        return [_Cand(start, m.end(), _iso_month(y, mo), "month", True)]
    if unit == "week":
        if shift == 0:
            # "this week" is the part of the week already past, unless the clause looks ahead.
            base, future = ctx.looking(pub, start, m.end())
            monday = base - datetime.timedelta(days=base.weekday())
            first, last = (base, monday + 6 * _DAY) if future else (monday, base)
        else:
            first = pub - datetime.timedelta(days=pub.weekday()) + datetime.timedelta(days=7 * shift)
            last = first + 6 * _DAY
        span = _cover(first, last)
    elif which == "this":
        base, future = ctx.looking(pub, start, m.end())
        span = _cover(*_weekend(base, which, future))
    else:
        span = _cover(*_weekend(pub, which, ctx.future(m.start())))
    if span is None:
        return []
    return [_Cand(start, m.end(), span[0], span[1], True)]


def _h_rel_season(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    """ "last summer", "next spring": the year of the latest season over before publication, or of the next
    one to begin after it."""
    pub = ctx.pub
    if pub is None:
        return []
    first, last = _SEASON_MONTHS[m.group("season").lower()]
    which = re.sub(r"\s+", " ", m.group("which").lower())
    if which in ("last", "this past"):
        year = pub.year if pub.month > last else pub.year - 1
    else:
        year = pub.year if pub.month < first else pub.year + 1
    return [_Cand(m.start(), m.end(), f"{year:04d}", "year", True)]


def _h_the_weekend(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    if ctx.pub is None:
        return []
    base, future = ctx.looking(ctx.pub, m.start(), m.end())
    span = _cover(*_weekend(base, "the", future))
    return [_Cand(m.start(), m.end(), span[0], span[1], True)] if span else []


def _h_ago(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    pub = ctx.pub
    count = _AGO_COUNT_RE.search(ctx.text, max(0, m.start() - 16), m.start())
    if pub is None or count is None:
        return []
    raw = re.sub(r"\s+", " ", count.group("n").lower())
    if raw in ("a few", "several"):
        return []
    n = 2 if raw == "a couple of" else int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m.group("unit").lower()
    if unit == "hour":
        return [_Cand(count.start(), m.end(), _iso_day(pub), "day", True)] if n <= 24 else []
    if unit in ("day", "week", "fortnight"):
        days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
        return [_Cand(count.start(), m.end(), _iso_day(pub - datetime.timedelta(days=days)), "day", True)]
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, -n)
        return [_Cand(count.start(), m.end(), _iso_month(y, mo), "month", True)]
    years = n * (10 if unit == "decade" else 1)
    return [_Cand(count.start(), m.end(), f"{pub.year - years:04d}", "year", True)]


# Holidays on a fixed day of the year: "on Christmas Eve", "New Year's Day", "the Fourth of July".
_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31),
    "fourth of july": (7, 4), "bastille day": (7, 14), "guy fawkes night": (11, 5),
    "bonfire night": (11, 5), "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "armistice day": (11, 11),
    "veterans day": (11, 11), "veterans' day": (11, 11), "remembrance day": (11, 11),
}  # fmt: skip
_HOLIDAY_RE = re.compile(
    r"(?<![\w'’])(?P<lead>(?:the|on|at|over|during|by|since|before|after|until|till)\s+)?(?P<h>"
    + "|".join(
        re.escape(h).replace("'", "['’]").replace(r"\ ", r"\s+")
        for h in sorted(_HOLIDAYS, key=len, reverse=True)
    )
    + r")(?![\w'’])(?:\s+(?P<y>"
    + _YEAR
    + r"))?",
    re.IGNORECASE,
)


# Holidays whose name also stands for their season, read as the day only after these words
_SEASONS_TOO = frozenset(("christmas", "halloween"))
_ON_THE_DAY = frozenset(("on", "since", "before", "after", "until", "till", "by"))


def _h_holiday(ctx: _Ctx, m: re.Match[str]) -> list[_Cand]:
    """A holiday resolved as its day: of the year written, or on the side of publication the text implies."""
    key = re.sub(r"\s+", " ", m.group("h").lower().replace("’", "'"))
    month, day = _HOLIDAYS[key]
    lead = (m.group("lead") or "").strip().lower()
    if not m.group("y") and key in _SEASONS_TOO and lead not in _ON_THE_DAY:
        return []  # "Christmas shopping", "over Christmas": the season, not the day

    start = m.start("h")
    if m.group("y"):
        found = _valid_day(int(m.group("y")), month, day)
        return [_Cand(start, m.end(), _iso_day(found), "day", False)] if found else []
    if ctx.pub is None:
        return []
    found = _day_month(ctx.pub, month, day, ctx.ahead(start, m.end()), None)
    return [_Cand(start, m.end(), _iso_day(found), "day", True)] if found else []


# Each pattern runs only when the sentence holds one of its gate words (lowercased); "0" stands for any
# digit. Most sentences carry no date at all, so this skips most of the regex work.
_DIGIT = ("0",)
_MONTHISH = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, tuple[str, ...], bool], ...] = (
    (_ISO_RE, _h_iso, _DIGIT, False),
    (_NUMERIC_RE, _h_numeric, _DIGIT, False),
    (_MONTH_DAY_RE, _day_month_cand, _MONTHISH, True),
    (_DAY_MONTH_RE, _day_month_cand, _MONTHISH, True),
    (_MONTH_YEAR_RE, _h_month_year, _MONTHISH, True),
    (_BARE_MONTH_RE, _h_bare_month, _MONTHISH, False),
    (_YEAR_RE, _h_year, _DIGIT, False),
    (_APOS_DECADE_RE, _h_apos_decade, _DIGIT, False),
    (_WEEKDAY_RE, _h_weekday, ("day",), False),
    (_REL_DAY_RE, _h_rel_day, ("day", "night", "morning", "afternoon", "evening", "tomorrow"), False),
    (_REL_PERIOD_RE, _h_rel_period, ("year", "month", "week"), False),
    (_REL_SEASON_RE, _h_rel_season, ("spring", "summer", "fall", "autumn"), False),
    (_THE_WEEKEND_RE, _h_the_weekend, ("weekend",), False),
    (_AGO_RE, _h_ago, ("ago",), False),
    (
        _HOLIDAY_RE,
        _h_holiday,
        (
            "christmas",
            "year's",
            "year’s",
            "valentine",
            "halloween",
            "fourth of july",
            "bastille",
            "fawkes",
            "bonfire",
            "patrick",
            "armistice",
            "veterans",
            "remembrance",
            "boxing day",
        ),
        False,
    ),
)
_DIGITS_RE = re.compile(r"\d")
_VALUE_RE = re.compile(r"(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _candidates(ctx: _Ctx) -> Iterator[_Cand]:
    # Fold every digit to "0" so that the digit gate is one substring test like the others.
    folded = _DIGITS_RE.sub("0", ctx.text.lower())
    has_digit = "0" in folded
    for pattern, handler, gate, needs_digit in _PATTERNS:
        if (needs_digit and not has_digit) or not any(word in folded for word in gate):
            continue
        for m in pattern.finditer(ctx.text):
            try:
                # Shifts from a publication date near year 1 or 9999 can leave the calendar.
                yield from (c for c in handler(ctx, m) if _VALUE_RE.match(c.value))
            except (ValueError, OverflowError, KeyError):
                continue


def _choose(ctx: _Ctx) -> list[_Cand]:
    """The longest candidates that do not overlap, sorted by start."""
    chosen: list[_Cand] = []
    for cand in sorted(_candidates(ctx), key=lambda c: (c.start - c.end, c.start)):
        if cand.start < cand.end and all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


def extract_dates(text: str, published: datetime.date | None, base: int = 0) -> list[DateRef]:
    """Every date mention in ``text``, resolved against ``published`` and sorted by start.

    Offsets are ``base`` plus positions in ``text``; expressions that need a publication date are skipped
    when ``published`` is None.
    """
    if not text:
        return []
    pub = published.date() if isinstance(published, datetime.datetime) else published
    out: list[DateRef] = []
    prev_end = 0
    for cand in _choose(_Ctx(text, pub)):
        window_start = max(prev_end, cand.start - 48)
        ext = _LEFT_EXT_RE.search(text, window_start, cand.start)
        start = ext.start() if ext is not None and ext.start() < cand.start else cand.start
        out.append(
            DateRef(
                start=base + start,
                end=base + cand.end,
                value=cand.value,
                precision=cand.precision,
                text=text[start : cand.end],
                relative=cand.relative,
            )
        )
        prev_end = cand.end
    return out


# "the 1990s", "the early '90s": a decade, written as its first year (an ISO value names no decade)
_DECADE_TEXT_RE = re.compile(r"(?:\d\d|['’])\d0s\b")


def dates_compatible(a: DateRef, b: DateRef) -> bool:
    """True when one value can contain the other ("2015" and "2015-05-03", "the 1990s" and "1995"), false
    when they are disjoint."""
    for x, y in ((a, b), (b, a)):
        if _DECADE_TEXT_RE.search(x.text):
            start = int(x.value[:4])
            return start <= int(y.value[:4]) <= start + 9
    pa, pb = a.value.split("-"), b.value.split("-")
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]

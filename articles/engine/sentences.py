"""Split an article's plain text into sentences, find its quoted passages, and spot label lines.

Everything works on character offsets into the text as given, so spans can be handed on unchanged.
"""

from __future__ import annotations

import itertools
import re

from articles.engine.clauses import LIST_MARKS


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Line breaks as str.splitlines() sees them; "\r\n" counts as one.
_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_RE = re.compile(f"[^{_BREAK_CHARS}]+")
_BREAK_RE = re.compile(f"\r\n|[{_BREAK_CHARS}]")
_ONE_BREAK = f"(?:\r\n|[{_BREAK_CHARS}])"
_PARAGRAPH_RE = f"{_ONE_BREAK}[^\\S{_BREAK_CHARS}]*{_ONE_BREAK}|\u2029"

# A run of sentence-final marks followed by any closing quotes or brackets.
_END_RE = re.compile(r"(?:[.!?]+|…+)[\"'”’»)\]]*")
_OPENERS = frozenset("“\"‘'«„([¿¡")
_CLOSERS = frozenset("\"'”’»)]")

# Abbreviations that stand before a name or a number, so a full stop after them never ends a sentence.
NEVER_END = _words(
    """mr mrs ms mx messrs mme mlle dr prof st ste sen sens rep reps gov gen col lt sgt capt cpt maj brig
    adm cmdr cdr cpl pvt supt insp det rev hon pres atty fr mt ft vs v e.g i.e cf viz approx nos vol fig
    figs pp no ca ed eds"""
)
# Abbreviations that can also close a sentence ("... at Apple Inc. The company ...").
AMBIGUOUS_END = _words(
    """inc ltd co corp llc plc bros jr sr etc al dept est ave blvd rd univ assn intl govt
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"""
)
_CALENDAR_ABBR = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
)
_TIME_ABBR = frozenset({"a.m", "p.m"})
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")

# Words that commonly open an English sentence; after an ambiguous abbreviation they mean a new sentence.
_STARTERS = _words(
    """the a an he she it they we i you his her its their our my your this that these those there here in on
    at as after before but and or so yet since while when where why how what who which if although though
    because meanwhile however also some many most several other others all both each no not earlier later
    last now then still according during despite following under over for from with without by once until
    such among another every any neither either nor only even just one two three four five six seven eight
    nine ten police officials authorities"""
)
_CALENDAR_WORDS = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec gmt utc bst
    cet cest est edt cst cdt pst pdt mst mdt et pt ist jst aest local"""
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------------------------
# Quotes


_DOUBLE_CLOSE_RE = {
    "“": re.compile(f"”|{_PARAGRAPH_RE}"),
    "„": re.compile(f"[”“]|{_PARAGRAPH_RE}"),
    "«": re.compile(f"»|{_PARAGRAPH_RE}"),
    '"': re.compile(f'"|{_PARAGRAPH_RE}'),
    "”": re.compile(f"”|{_PARAGRAPH_RE}"),
}
_SINGLE_CLOSE_RE = {
    "‘": re.compile(f"’|{_PARAGRAPH_RE}"),
    "'": re.compile(f"'|{_PARAGRAPH_RE}"),
}
# "’90s", "'em", "'til": apostrophes that happen to sit at the start of a word.
_ELISION_RE = re.compile(r"\d\ds?\b|(?:em|til|tis|twas|cause|bout|n\s)\b", re.IGNORECASE)
_OPEN_CONTEXT = frozenset("([{“\"‘'«„—–-/")
_QUOTE_START_RE = re.compile("[“„«\"‘'”]")


def _can_open_single(text: str, i: int, start: int, end: int) -> bool:
    if i + 1 >= end or text[i + 1].isspace():
        return False
    if i > start and not (text[i - 1].isspace() or text[i - 1] in _OPEN_CONTEXT):
        return False
    return _ELISION_RE.match(text, i + 1, end) is None


def _find_close(text: str, i: int, end: int) -> tuple[int, bool]:
    """Where the quote opened at ``i`` ends (exclusive) and whether a closing mark was found."""
    mark = text[i]
    single = mark in _SINGLE_CLOSE_RE
    pattern = _SINGLE_CLOSE_RE[mark] if single else _DOUBLE_CLOSE_RE[mark]
    for m in pattern.finditer(text, i + 1, end):
        j = m.start()
        if len(m.group()) > 1 or text[j] in _BREAK_CHARS:
            return _trim(text, i, j)[1], False
        # A closing single quote is never inside a word ("Isis’s") nor after a space.
        if single and (
            text[j - 1].isspace() or (j + 1 < end and (text[j + 1].isalnum() or text[j + 1] in "'’"))
        ):
            continue
        return j + 1, True
    return _trim(text, i, end)[1], False


def scan_quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """Top-level quoted passages of ``text[start:end]`` as (start, end, closed), marks included.

    An unclosed quote runs to the end of its paragraph; an unclosed straight single quote is taken for an
    apostrophe and ignored.
    """
    stop = len(text) if end is None else min(end, len(text))
    found: list[tuple[int, int, bool]] = []
    i = max(start, 0)
    while i < stop:
        m = _QUOTE_START_RE.search(text, i, stop)
        if m is None:
            break
        i = m.start()
        mark = text[i]
        if mark in "‘'" and not _can_open_single(text, i, start, stop):
            i += 1
            continue
        # A right double quote standing before a word opens a quote on sites that use it both ways.
        if mark == "”" and not (
            (i == start or text[i - 1].isspace()) and i + 1 < stop and text[i + 1].isalnum()
        ):
            i += 1
            continue
        close, closed = _find_close(text, i, stop)
        if not closed and mark in "'”":
            i += 1
            continue
        found.append((i, max(close, i + 1), closed))
        i = max(close, i + 1)
    return found


def _bracket_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        ch = text[i]
        if ch in "([":
            stack.append((ch, i))
        elif ch in ")]" and stack:
            if stack[-1][0] == ("(" if ch == ")" else "["):
                spans.append((stack.pop()[1], i + 1))
            else:
                stack.clear()
    return spans


# --------------------------------------------------------------------------------------------------------
# Sentences


def _segments(text: str) -> list[tuple[int, int]]:
    """Stretches of text no sentence crosses: paragraphs, with headline-like lines split off."""
    lines: list[tuple[int, int, bool]] = []  # start, end, paragraph break before
    prev_end = 0
    for m in _LINE_RE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if s == e:
            continue
        breaks = len(_BREAK_RE.findall(text, prev_end, s))
        lines.append((s, e, not lines or breaks >= 2 or "\u2029" in text[prev_end:s]))
        prev_end = e

    segments: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if not block:
            return
        longest = max(e - s for s, e in block)
        seg_start = block[0][0]
        for (s, e), (ns, _ne) in itertools.pairwise(block):
            if not _line_continues(text, s, e, ns, longest):
                segments.append((seg_start, e))
                seg_start = ns
        segments.append((seg_start, block[-1][1]))
        block.clear()

    for s, e, para in lines:
        if para:
            flush()
        block.append((s, e))
    flush()
    return segments


def _line_continues(text: str, s: int, e: int, next_start: int, longest: int) -> bool:
    """Whether a single line break is only wrapping (the sentence goes on) rather than ending a line."""
    last = text[e - 1]
    first = text[next_start]
    if last in ".!?…" or (last in _CLOSERS and e - 2 >= s and text[e - 2] in ".!?…"):
        return True  # the usual in-paragraph rules decide
    mark = next((m for m in LIST_MARKS if text.startswith(m, next_start)), None)
    if mark is not None and (len(mark) == 1 or last == ":" or text.startswith(mark, s)):
        return False  # "Key points:" and the items of its list under it: each a line of its own
    if first.islower() or first in ",;:)]–—" or last in ",;:([–—-":
        return True
    # Hard-wrapped prose: a line filling the column is cut mid-sentence.
    return longest >= 50 and (e - s) >= 0.75 * longest


def _word_before(text: str, pos: int, start: int) -> str:
    k = pos
    while k > start and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    return text[k:pos].lstrip(".")


def _next_word(text: str, pos: int, end: int) -> str:
    k = pos
    while k < end and text[k] in _OPENERS:
        k += 1
    j = k
    while j < end and text[j].isalpha():
        j += 1
    return text[k:j]


def _abbreviation_blocks(text: str, dot: int, nxt: int, start: int, end: int) -> bool:
    """Whether the full stop at ``dot`` belongs to an abbreviation, so no sentence ends there."""
    word = _word_before(text, dot, start)
    if not word:
        return False
    low = word.lower()
    if low == "no":
        return text[nxt].isdigit()
    if len(word) == 1:
        # An initial ("John F. Kennedy"), not a unit glued to a number ("$1.5m.").
        before = dot - 2
        return before < start or not text[before].isalnum()
    if low in NEVER_END:
        return True
    following = _next_word(text, nxt, end)
    if low in _CALENDAR_ABBR and not word[0].isupper():
        return False  # "in the sun." is not "Sun."
    if low in AMBIGUOUS_END or _INITIALS_RE.fullmatch(low):
        if following.lower() in _STARTERS:
            return False
        if low in _TIME_ABBR and following[:1].isupper() and following.lower() not in _CALENDAR_WORDS:
            return False
        return text[nxt] not in '“"‘«'
    return False


def _starts_sentence(ch: str) -> bool:
    return ch.isdigit() or ch in _OPENERS or (ch.isalpha() and not ch.islower())


def _glued(text: str, stop: int, p: int, start: int, end: int) -> bool:
    """A sentence glued to the next with no space, as text pulled from web pages often is
    ("...before the shooting.The attack..."): a lower-case word, the stop, then a capitalised word."""
    return (
        stop > start
        and text[stop - 1].islower()
        and p + 1 < end
        and text[p].isupper()
        and text[p + 1].islower()
    )


def _split_segment(
    text: str, start: int, end: int, out: list[tuple[int, int]], inside_quotes: bool = False
) -> None:
    shields = [] if inside_quotes else [(s, e) for s, e, closed in scan_quotes(text, start, end) if closed]
    shields += _bracket_spans(text, start, end)
    cut = start
    for m in _END_RE.finditer(text, start, end):
        p = m.end()
        if p >= end:
            continue
        if not text[p].isspace() and not _glued(text, m.start(), p, start, end):
            continue
        nxt = p
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end or not _starts_sentence(text[nxt]):
            continue
        if m.group() == "." and _abbreviation_blocks(text, m.start(), nxt, start, end):
            continue
        if any(s < p < e for s, e in shields):
            continue
        s, e = _trim(text, cut, p)
        if s < e:
            out.append((s, e))
        cut = nxt
    s, e = _trim(text, cut, end)
    if s < e:
        out.append((s, e))


def quoted_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at the sentence ends inside its quotes: “We won. We are happy,” he said. is “We won. |
    We are happy,” he said. Each part is a statement of its own, all told by the sentence's speaker."""
    out: list[tuple[int, int]] = []
    _split_segment(text, start, end, out, inside_quotes=True)
    return out or [(start, end)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a whole article as ordered, non-overlapping, trimmed half-open spans."""
    out: list[tuple[int, int]] = []
    for start, end in _segments(text):
        _split_segment(text, start, end, out)
    return out


# --------------------------------------------------------------------------------------------------------
# Headings

_CLOCK_RE = re.compile(r"\d+(?:[.:]\d+)*(?:st|nd|rd|th|am|pm|h|hrs)?")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_LABEL_START_RE = re.compile(
    r"(?:by|photo|photos|image|images|picture|video|videos|posted|published|updated|last\s+updated|modified|"
    r"(?:first|originally)\s+(?:published|posted)|"
    r"share|shares|follow|subscribe|advertisement|advertising|sponsored|read\s+more|related|see\s+also|"
    r"more\s+on|more\s+from|comments?|print|email|e-mail|sign\s+up|click|listen|watch|copyright|©|"
    r"reporting\s+by|editing\s+by|writing\s+by|additional\s+reporting|source|sources|credit|file\s+photo|"
    r"top\s+stories|latest|breaking|trending|most\s+read|most\s+popular|recommended|topics?|tags?)\b",
    re.IGNORECASE,
)
_DATE_TOKENS = (
    _CALENDAR_WORDS
    | _CALENDAR_ABBR
    | _words(
        """updated published posted edited created last modified at on am pm a.m p.m a.m. p.m. gmt utc hrs hours ago today
    yesterday min mins minutes sec st nd rd th of the local time"""
    )
)
_VERBS = _words(
    """is are was were be been being am has have had do does did will would shall should can could may might
    must say says said tell tells told kill kills killed die dies died take takes took taken win wins won
    lose loses lost fall falls fell rise rises rose flee flees fled leave leaves left hold holds held seize
    seizes seized capture captures captured recapture recaptures recaptured retake retakes retook retaken
    attack attacks attacked strike strikes struck shoot shoots shot hit hits bomb bombs bombed explode
    explodes exploded rob robs robbed steal steals stole stolen charge charges charged arrest arrests
    arrested jail jails jailed sentence sentences sentenced find finds found claim claims claimed confirm
    confirms confirmed deny denies denied warn warns warned vow vows vowed urge urges urged face faces faced
    get gets got make makes made give gives gave go goes went come comes came see sees saw show shows
    showed open opens opened close closes closed begin begins began end ends ended hits slams slammed
    flees pulls pulled drive drives drove quit quits resign resigns resigned plead pleads pleaded file files
    filed pay pays paid sue sues sued"""
)
_FACT_WORDS = _words(
    "dead death deaths toll killed injured wounded hurt missing arrested charged jailed guilty"
)


def _looks_like_verb(word: str) -> bool:
    low = word.lower()
    if low in _VERBS:
        return True
    return word.islower() and len(low) > 4 and low.endswith("ed") and not low.endswith("eed")


# The furniture of a news page, kept in the text but stating no fact of the story: rights notices, prompts to
# follow, subscribe or read on, and the credits of those who wrote, reported or edited it.
_FURNITURE_RE = re.compile(
    r"""^\W*(?:
        copyright\s*(?:©|\(c\)|\d{4})          # Copyright 2011 The Associated Press.
      | (?:©|\(c\))\s*\d{4}                    # © 2016 Reuters
      | all\s+rights\s+reserved
      | (?:this|the)\s+material\s+may\s+not\s+be\s+(?:published|reproduced|broadcast|rewritten|redistributed)
      | (?:follow|like)\s+(?:us|[\w.@-]+(?:\s+[\w.@-]+)?)\s+on\s+(?:twitter|facebook|instagram|threads|linkedin|tiktok)\b
      | (?:sign\s+up|subscribe)\s+(?:for|to|now|here|today)\b
      | click\s+here\b
      | (?:read\s+more|related(?:\s+(?:stories|articles|coverage))?|see\s+also|watch|more\s+on\s+this\s+story)\s*[:|]
      | advertisement\W*$
      | continue\s+reading(?:\s+the\s+(?:main\s+)?(?:story|article))?\W*$
      | a\s+version\s+of\s+this\s+(?:article|story|report)\s+appear(?:s|ed)\s+in\s+print\b
      | image\s+copyright\b                   # Image copyright AFP
      | media\s+playback\s+is\s+(?:unsupported|not\s+supported)\b
      | this\s+(?:article|story)\s+is\s+more\s+than\s+\w+\s+(?:years?|months?)\s+old\W*$
      | (?:correction|clarification)s?\s*[:—–]    # Correction: An earlier version of this article ...
      | an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report)\b
      | this\s+(?:article|story)\s+has\s+been\s+(?:updated|corrected|amended)\b
      | \(?(?:AP|AFP|EPA|Reuters|Getty)\s+(?:photos?|images)\s*(?:/[^)]*)?\)?\W*$   # (AP Photo/Jo Lee)
      | this\s+(?:article|story)\s+was\s+(?:originally|first)\s+published\b
      | [^()]{1,80}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\W*$   # — Coast Guard (@USCG) April 2, 2013
      | we\s+use\s+cookies\b
      | (?:please\s+)?enable\s+javascript\b
      | your\s+browser\s+does\s+not\s+support\b
      | our\s+standards\s*:                    # Our Standards: The Thomson Reuters Trust Principles.
      | filed\s+under\s*:
      | (?:got|have)\s+a\s+(?:news\s+)?tip\b
      | (?:e-?mail|contact|write\s+to)\s+us\s+at\b
      | already\s+a\s+(?:subscriber|member)\b
      | you\s+have\s+(?:\w+\s+){1,3}(?:articles?|stories)\s+(?:left|remaining)\b
      | (?:download|get)\s+(?:the|our)\s+(?:\w+\s+){0,2}app\b
      | support\s+(?:our|independent|quality)\s+journalism\b
      | skip\s+to\s+(?:main\s+)?content\b
      | [^.!?]{0,80}\b(?:delivered\s+)?(?:straight\s+|directly\s+)?to\s+your\s+inbox\b   # Get the latest news delivered to your inbox
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "Reporting by Jo Lee; Editing by Sam Hart", "(Additional reporting by Jo Lee in London)": names, not a fact
_CREDIT_LINE_RE = re.compile(
    r"^\W*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\s+[A-Z][\w'’.-]*"
    r"(?:\s*(?:[A-Z][\w'’.-]*|and|&|,))*\s*(?:[;)]|\.?\s*$|\s+in\s+[A-Z])"
)
# "Associated Press writer Jo Lee contributed to this report."
_CONTRIBUTED_RE = re.compile(
    r"\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\W*$", re.IGNORECASE
)


# A bar of links ("Order Reprints | Today's Paper | Subscribe"): three or more short items between bars.
_NAV_ITEM_WORDS = 4
_NAV_ITEMS = 3


def _navigation(line: str) -> bool:
    items = [item.strip() for item in line.split("|")]
    return len(items) >= _NAV_ITEMS and all(0 < len(item.split()) <= _NAV_ITEM_WORDS for item in items)


# How a reporter shields a source ("who spoke on condition of anonymity because they were not authorized to
# discuss the case"): it says why a source is unnamed, nothing of the story.
_SOURCING_RE = re.compile(
    r"""(?:who\s+)?(?:spoke|speaking|talked|talking)\s+(?:to\s+[\w.]+(?:\s+[\w.]+)?\s+)?on\s+(?:the\s+)?
        condition\s+of\s+anonymity
      | (?:because|as|since)\s+(?:they|he|she|the\s+\w+)\s+(?:was|were|is|are)\s+not\s+authori[sz]ed\s+to
        \s+(?:speak|discuss|talk|comment|release)\b[^,;.]*
      | (?:who\s+)?(?:asked|requested|declined)\s+not\s+to\s+be\s+(?:named|identified)
      | (?:who\s+)?declined\s+to\s+be\s+(?:named|identified)""",
    re.IGNORECASE | re.VERBOSE,
)
_SOURCING_REST_WORDS = 4


def sourcing_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` says why a source goes unnamed ("speaking on condition of anonymity")."""
    return [m.span() for m in _SOURCING_RE.finditer(text, start, end)]


def is_sourcing(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` only says why a source goes unnamed ("Two officials, who spoke on condition
    of anonymity", "because they were not authorized to discuss the case"): no claim of the story."""
    found = sourcing_spans(text, start, end)
    if not found:
        return False
    bounds = [start, *(at for span in found for at in span), end]
    rest = " ".join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return len(_WORD_RE.findall(rest)) <= _SOURCING_REST_WORDS


def is_furniture(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is page furniture rather than a sentence of the story: a rights notice
    ("Copyright 2011 The Associated Press. All rights reserved."), a prompt ("Follow us on Twitter", "Sign up
    for our newsletter", "Read more:", "Continue reading the main story"), a credit ("Associated Press writer
    Jo Lee contributed to this report.", "Reporting by Jo Lee; Editing by Sam Hart", "(AP Photo/Jo Lee)"), a
    note on the print edition or a bar of links."""
    line = text[max(start, 0) : min(end, len(text))].strip()
    if not line or len(line) > 300:
        return False
    return bool(
        _FURNITURE_RE.match(line)
        or _CREDIT_LINE_RE.match(line)
        or _CONTRIBUTED_RE.search(line)
        or _navigation(line)
    )


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a label, dateline or byline rather than a sentence stating a fact."""
    s, e = _trim(text, max(start, 0), min(end, len(text)))
    line = text[s:e]
    words = _WORD_RE.findall(line)
    if not words:
        return True
    lows = [w.lower().rstrip(".") for w in words]
    if len(words) <= 30 and all(w in _DATE_TOKENS or _CLOCK_RE.fullmatch(w) for w in lows):
        return True
    if len(words) > 12 or len(line) > 120:
        return False
    if re.match(r"[Bb]y\s+[A-Z]", line) and not any(_looks_like_verb(w) for w in words[1:]):
        return True
    if line[-1] in ".!?" and len(words) >= 4:
        return False
    label = _LABEL_START_RE.match(line)
    rest = _WORD_RE.findall(line, label.end()) if label else words
    if any(w.lower() in _FACT_WORDS or _looks_like_verb(w) for w in rest):
        return False
    if label and len(words) <= 10:
        return True
    if any(ch.isdigit() for ch in line):
        return False  # a count or amount is a fact even without a verb
    return len(words) <= 5

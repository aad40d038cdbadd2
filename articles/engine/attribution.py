"""Read who a sentence attributes its claim to ("..., a military source said") and where its quotes are.

Works on one sentence (or clause) at a time with a shallow word-level reading, no parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import AMBIGUOUS_END, NEVER_END, scan_quotes
from .types import Quote


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source a sentence cites: ``source``, its words (a leading "the"/"a" is kept), and the span of the
    attribution's words, which may also hold a description of the source set off beside its name.

    ``verb`` is normalised to the past tense ("said" for say/says/said, "told", "according to", ...).
    For "X quoted Y as saying" the source is Y, whose words are reported.
    """

    source: str
    start: int
    end: int
    verb: str


def find_quotes(text: str, base: int = 0) -> list[Quote]:
    """Quoted passages of ``text``, marks included; an unclosed quote runs to the end of its paragraph."""
    return [Quote(s + base, e + base, text[s:e]) for s, e, _closed in scan_quotes(text)]


# --------------------------------------------------------------------------------------------------------
# Words


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_VERB_FORMS: dict[str, str] = {}
for _label, _forms in {
    "said": "say says said",
    "told": "tell tells told",
    "reported": "report reports reported",
    "announced": "announce announces announced",
    "claimed": "claim claims claimed",
    "confirmed": "confirm confirms confirmed",
    "added": "adds added",
    "described": "describe describes described",
    "stated": "stated",
    "declared": "declares declared",
    "insisted": "insist insists insisted",
    "explained": "explains explained",
    "warned": "warn warns warned",
    "wrote": "writes wrote",
    "noted": "noted",
    "estimated": "estimated",
    "alleged": "allege alleges alleged",
    "testified": "testify testifies testified",
    "acknowledged": "acknowledge acknowledges acknowledged",
    "denied": "deny denies denied",
    "admitted": "admit admits admitted",
    "revealed": "reveal reveals revealed",
    "disclosed": "disclose discloses disclosed",
    "tweeted": "tweeted",
    "asked": "asked",
    "replied": "replied",
    "responded": "responded",
    "argued": "argue argues argued",
    "recalled": "recalled",
    "quoted": "quoted",
    "cited": "cited",
}.items():
    for _form in _forms.split():
        _VERB_FORMS[_form] = _label


_FORMS_OF: dict[str, frozenset[str]] = {
    label: frozenset(form for form, known in _VERB_FORMS.items() if known == label)
    for label in set(_VERB_FORMS.values())
} | {"according to": frozenset(("according",))}


def verb_forms(label: str) -> frozenset[str]:
    """The words read as the attribution verb ``label``: "claim", "claims" and "claimed" for "claimed"."""
    return _FORMS_OF.get(label, frozenset())


def verb_label(word: str) -> str | None:
    """The attribution verb a word is a form of ("says": "said"), if any."""
    return _VERB_FORMS.get(word.lower())


# Forms that are just as often nouns ("media reports", "the claims", "have their say").
_NOUN_LIKE = frozenset({"say", "report", "reports", "claim", "claims", "tell"})
# Verbs whose grammatical subject may follow them ("..., said the coach").
_NO_INVERSION = frozenset({"told", "described", "quoted", "cited", "according to"})

_DETERMINERS = _words(
    "a an the this these those its his her their our my your some any each every no another"
)
_PRONOUNS = _words("he she they it we i you")
_BE = _words("is are was were be been being 's")
_NEGATED = frozenset(
    f"{w}{mark}t"
    for w in _words("didn doesn don hasn haven hadn wasn weren isn aren won wouldn couldn can shouldn")
    for mark in "'’"
)
_AUX = _BE | _NEGATED | _words("has have had do does did will would shall should can could may might must")
_AUX_ADVERBS = (
    _BE
    | _NEGATED
    | _words(
        """has have had do does did will would shall should can could may might must not never also
    earlier later previously separately then now further initially first repeatedly reportedly officially
    publicly privately recently already still just only again once himself herself itself themselves
    subsequently quickly immediately today yesterday tonight"""
    )
)
_SUBORDINATORS = _words(
    """that which who whom whose when where while whereas whilst because since although though if unless until
    after before as than so but yet once whether how why what despite"""
)
_PREPOSITIONS = _words(
    """of for in at on from with to near outside inside within across among around by into onto over under
    about against between through during via per"""
)
_LEAD_TRIM = _PREPOSITIONS | _words(
    "and or but so then also meanwhile however yet now still even nor plus too"
)
_ADVERB_CHUNKS = _words(
    """however meanwhile too though instead nevertheless moreover furthermore separately also still again
    indeed later earlier elsewhere overall finally today yesterday tonight now then"""
)
_TEMPORAL = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec yesterday
    today tonight morning afternoon evening night overnight week weekend month year earlier later recently
    previously"""
)
_TEMPORAL_GLUE = _words(
    "on in at during late early earlier later last this next of the a.m p.m am pm local time same"
)
_MEDIA = _words(
    """statement interview report tweet post press conference briefing release letter message speech
    video broadcast"""
)
_NAME_PARTICLES = _words(
    "al el bin ibn abu de del della da di du van von der den la le ter y and & of for the"
)
_COMMON_VERBS = _words(
    """kill kills killed die dies died take takes took taken win wins won lose loses lost fall falls fell
    rise rises rose flee flees fled leave leaves left hold holds held seize seizes seized capture captures
    strike strikes struck shoot shoots shot steal steals stole stolen find finds found give gives gave get
    gets got make makes made go goes went come comes came see sees saw show shows showed begin begins began
    run runs ran break breaks broke bring brings brought build builds built fight fights fought keep keeps
    kept know knows knew lead leads led meet meets met pay pays paid send sends sent sell sells sold speak
    speaks spoke spend spends spent stand stands stood sweep sweeps swept throw throws threw think thinks
    thought blew drew flew overran overruns shook sank sought felt heard opens remains remained seems
    seemed appears appeared becomes became includes included continues continued believes believed
    knows wants wanted needs needed tried tries used uses"""
)
_ED_NOUNS = _words("hundred bed shed red sled sacred naked wicked kindred")
_AGENT_ADVERBS = _words("first earlier initially previously also exclusively widely originally later")
_SAYING = frozenset({"saying", "telling", "stating", "warning", "adding"})

_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’.&/][^\W_]+)*|\S")
_ABBREVIATIONS = NEVER_END | AMBIGUOUS_END


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # "w" word, "p" punctuation, "q" a closed quotation
    low: str


def _tokens(text: str) -> list[_Tok]:
    quotes = [(s, e) for s, e, closed in scan_quotes(text) if closed]
    toks: list[_Tok] = []
    qi = 0
    pos = 0
    n = len(text)
    while pos < n:
        if qi < len(quotes) and pos >= quotes[qi][0]:
            s, e = quotes[qi]
            toks.append(_Tok(s, e, text[s:e], "q", ""))
            pos = e
            qi += 1
            continue
        stop = quotes[qi][0] if qi < len(quotes) else n
        m = _TOKEN_RE.search(text, pos, stop)
        if m is None:
            pos = stop
            continue
        s, e = m.span()
        word = m.group()
        if word[0].isalnum():
            # "Dr." and "U.S." keep their full stop; "ISIS'" keeps its possessive apostrophe.
            nxt = text[e] if e < stop else ""
            after = text[e + 1] if e + 1 < stop else ""
            abbreviation = nxt == "." and (word.lower() in _ABBREVIATIONS or len(word) == 1 or "." in word)
            possessive = nxt in "'’" and word[-1] in "sS" and not after.isalnum()
            if abbreviation or possessive:
                e += 1
            toks.append(_Tok(s, e, text[s:e], "w", text[s:e].lower()))
        else:
            toks.append(_Tok(s, e, word, "p", word))
        pos = e
    return toks


def _word(toks: list[_Tok], i: int) -> _Tok | None:
    return toks[i] if 0 <= i < len(toks) and toks[i].kind == "w" else None


def _is_verb(toks: list[_Tok], i: int) -> bool:
    """A finite verb (so not part of a noun phrase); capitalised words are taken for names."""
    tok = toks[i]
    if not tok.text[:1].islower():
        return False
    low = tok.low
    if low in _AUX:
        return True
    if low in _VERB_FORMS:
        return low not in _NOUN_LIKE
    generic = low.endswith("ed") and len(low) >= 5 and "-" not in low and low not in _ED_NOUNS
    if not (low in _COMMON_VERBS or (generic and not low.endswith("eed"))):
        return False
    prev = _word(toks, i - 1)
    if prev is not None and (
        prev.low in _DETERMINERS
        or prev.low.endswith(("'s", "’s", "'", "’"))
        or prev.low[:1].isdigit()
        or prev.low in {"most", "very", "newly", "heavily", "recently", "so-called", "and", "or"}
    ):
        return False  # an adjective: "an unnamed official", "the armed forces"
    if low in _COMMON_VERBS:
        return True
    nxt = _word(toks, i + 1)
    if nxt is None:
        return True
    # A past participle at the head of a phrase ("armed men") is an adjective.
    return prev is not None and not (nxt.text[:1].islower() and nxt.low not in _DETERMINERS | _PREPOSITIONS)


def _is_proper(toks: list[_Tok], lo: int, hi: int) -> bool:
    words = [t for t in toks[lo:hi] if t.kind == "w"]
    if not words:
        return False
    if words[0].low in {"the"}:
        words = words[1:]
    return bool(words) and all(t.text[:1].isupper() or t.low in _NAME_PARTICLES for t in words)


def _is_noun_phrase(toks: list[_Tok], lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) read as a plausible source: a short phrase with no verb or clause in it."""
    if not 0 < hi - lo <= 12:
        return False
    first = toks[lo]
    if first.kind != "w":
        return False
    if first.low in _PREPOSITIONS | _SUBORDINATORS | _ADVERB_CHUNKS | _LEAD_TRIM | _TEMPORAL:
        return False
    if first.text[:1].islower() and first.low.endswith("ing"):
        return False
    depth = 0
    for i in range(lo, hi):
        tok = toks[i]
        if tok.kind == "p":
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth -= 1
            elif tok.text not in "&-" and depth == 0:
                return False
            continue
        if tok.kind != "w":
            return False
        if depth == 0 and (tok.low in _SUBORDINATORS or (tok.low in _PRONOUNS and hi - lo > 1)):
            return False
        if depth == 0 and _is_verb(toks, i):
            return False
    return not all(toks[i].low in _TEMPORAL | _TEMPORAL_GLUE or toks[i].low.isdigit() for i in range(lo, hi))


def _trim_phrase(toks: list[_Tok], lo: int, hi: int) -> tuple[int, int]:
    """Drop leading glue words and trailing "on Sunday" / "in a statement" from a candidate source."""
    while lo < hi - 1 and toks[lo].kind == "w" and (toks[lo].low in _LEAD_TRIM or toks[lo].low in _TEMPORAL):
        lo += 1
    changed = True
    while changed and hi > lo:
        changed = False
        # "... in a statement", "... on Twitter"
        if (
            hi - lo > 3
            and toks[hi - 1].low in _MEDIA
            and toks[hi - 2].low in {"a", "an", "the"}
            and toks[hi - 3].low in {"in", "at", "during", "via"}
        ):
            hi -= 3
            changed = True
            continue
        k = hi
        temporal = False
        while k > lo and (
            toks[k - 1].low in _TEMPORAL | _TEMPORAL_GLUE
            or toks[k - 1].low.isdigit()
            or toks[k - 1].text == ","
        ):
            temporal = temporal or toks[k - 1].low in _TEMPORAL
            k -= 1
        if temporal and k > lo:
            # Keep a leading glue word that belongs to the name ("the", "of").
            while k < hi and toks[k].low in {"the", "of"}:
                k += 1
            hi = k
            changed = True
    while hi > lo and toks[hi - 1].kind == "p" and toks[hi - 1].text != ")":
        hi -= 1
    return lo, hi


def _chunk_before(toks: list[_Tok], comma: int) -> tuple[int, int]:
    """The comma-delimited chunk that ends just before ``toks[comma]`` (a comma)."""
    k = comma
    depth = 0
    while k > 0:
        tok = toks[k - 1]
        if tok.kind == "p" and tok.text == ")":
            depth += 1
        elif tok.kind == "p" and tok.text == "(":
            depth -= 1
        elif depth <= 0 and (tok.kind == "q" or (tok.kind == "p" and tok.text not in "&-")):
            break
        k -= 1
    return k, comma


def _appositive(toks: list[_Tok], lo: int, hi: int, other_lo: int, other_hi: int) -> bool:
    """Whether two comma-separated phrases name one source ("the group's director, Rami Abdel Rahman")."""
    if not _is_noun_phrase(toks, other_lo, other_hi):
        return False
    a, b = _is_proper(toks, lo, hi), _is_proper(toks, other_lo, other_hi)
    if a and b:
        return any(t.low == "and" for t in toks[max(lo, other_lo) : max(hi, other_hi)])
    if a:
        return toks[other_lo].low in _DETERMINERS or toks[other_lo].text.endswith(("'s", "’s"))
    if b:
        return toks[lo].low in _DETERMINERS or toks[lo].text.endswith(("'s", "’s"))
    return False


def _walk_back(toks: list[_Tok], j: int) -> tuple[int, int, int]:
    """Collect the subject phrase ending at ``toks[j]``; returns (lo, hi, index of what stopped it)."""
    hi = j + 1
    k = j
    while k >= 0 and hi - k <= 14:
        tok = toks[k]
        if tok.kind == "p" and tok.text == ")":
            # Take in a short aside such as "(SOHR)".
            m = k - 1
            while m >= 0 and k - m <= 7 and toks[m].text != "(":
                m -= 1
            if m >= 0 and toks[m].text == "(" and k - m <= 7 and m > 0:
                k = m - 1
                continue
            return k + 1, hi, k
        if tok.kind != "w":
            return k + 1, hi, k
        if tok.low in _PRONOUNS:
            return (k, hi, k - 1) if k == j else (k + 1, hi, k)
        speech_verb = tok.low in _VERB_FORMS and tok.low not in _NOUN_LIKE
        if tok.low in _SUBORDINATORS or speech_verb or _is_verb(toks, k):
            return k + 1, hi, k
        k -= 1
    return k + 1, hi, k


def _walk_forward(toks: list[_Tok], i: int) -> tuple[int, int]:
    """The phrase that starts at ``toks[i]`` and runs to the next clause boundary."""
    k = i
    while k < len(toks) and k - i < 12:
        tok = toks[k]
        if tok.kind == "p" and tok.text == "(":
            m = k + 1
            while m < len(toks) and m - k <= 7 and toks[m].text != ")":
                m += 1
            if m < len(toks) and toks[m].text == ")":
                k = m + 1
                continue
            break
        if tok.kind != "w":
            break
        if tok.low in _SUBORDINATORS or tok.low in _SAYING or tok.low in _VERB_FORMS or _is_verb(toks, k):
            break
        if tok.low in _PRONOUNS and k > i:
            break
        k += 1
    return _trim_phrase(toks, i, k)


def _extend_forward(toks: list[_Tok], lo: int, hi: int) -> int:
    """Take in an appositive name after a comma: "according to the group's director, Rami Abdel Rahman"."""
    if hi >= len(toks) or toks[hi].text != ",":
        return hi
    k = hi + 1
    while k < len(toks) and toks[k].kind == "w" and k - hi <= 6:
        k += 1
    ends = k >= len(toks) or (toks[k].kind == "p" and toks[k].text in ",.;:!?)")
    if k > hi + 1 and ends and _appositive(toks, lo, hi, hi + 1, k):
        return k
    return hi


def _result(text: str, base: int, toks: list[_Tok], lo: int, hi: int, verb: str) -> Attribution | None:
    if lo >= hi:
        return None
    s, e = toks[lo].start, toks[hi - 1].end
    return Attribution(text[s:e], s + base, e + base, verb)


def _subject_before(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The source standing before the verb at ``toks[i]``, or None if it must come after the verb."""
    j = i - 1
    while j >= 0 and toks[j].kind == "w" and toks[j].low in _AUX_ADVERBS:
        j -= 1
    if j < 0:
        return None
    lo, hi, stop = _walk_back(toks, j)
    if lo < hi and toks[lo].low in _PRONOUNS:
        return lo, hi
    if lo < hi and stop >= 0 and toks[stop].kind == "w" and _is_verb(toks, stop):
        # Stopped at a verb: the phrase may be "<object> and <subject>"; keep the part after "and".
        for k in range(lo, hi):
            if toks[k].low in {"and", "but"}:
                lo = k + 1
                break
    lo, hi = _trim_phrase(toks, lo, hi)
    if lo < hi and hi - lo > 10:
        lo = next(
            (k for k in range(hi - 10, hi) if toks[k].low in _DETERMINERS or toks[k].text[:1].isupper()),
            hi - 10,
        )
    if lo < hi:
        if stop >= 0 and toks[stop].text == ",":
            clo, chi = _chunk_before(toks, stop)
            if _appositive(toks, lo, hi, clo, chi):
                return clo, hi
        return lo, hi
    if stop >= 0 and toks[stop].text == "," and stop == j:
        return _subject_across_commas(toks, stop)
    if stop >= 0 and toks[stop].kind == "w" and toks[stop].low in {"who", "which", "that"} and stop == j:
        # "the man, who told police ..." — the speaker is the phrase the relative clause hangs on.
        k = stop - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        if k >= 0:
            blo, bhi, _ = _walk_back(toks, k)
            blo, bhi = _trim_phrase(toks, blo, bhi)
            if blo < bhi and _is_noun_phrase(toks, blo, bhi):
                return blo, bhi
    return None


def _subject_across_commas(toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """The verb follows a comma: find "X, who ..., said" or "X, the director of Y, said"."""
    lo, hi = _chunk_before(toks, comma)
    for _ in range(3):
        first = toks[lo] if lo < hi else None
        skip = first is not None and (
            first.low in {"who", "which", "whose", "whom"}
            or (hi - lo == 1 and first.low in _ADVERB_CHUNKS)
            or (
                first.text[:1].islower()
                and first.low.endswith(("ing", "ed"))
                and first.low not in _DETERMINERS
            )
        )
        if not skip:
            break
        if lo == 0 or toks[lo - 1].text != ",":
            return None
        lo, hi = _chunk_before(toks, lo - 1)
    tlo, thi = _trim_phrase(toks, lo, hi)
    if not (tlo == lo and _is_noun_phrase(toks, tlo, thi)):
        return None
    if lo > 0 and toks[lo - 1].text == ",":
        plo, phi = _chunk_before(toks, lo - 1)
        if _appositive(toks, tlo, thi, plo, phi):
            return plo, thi
    return tlo, thi


def _attribute(text: str, base: int, toks: list[_Tok], i: int) -> Attribution | None:
    tok = toks[i]
    prev = _word(toks, i - 1)
    nxt = _word(toks, i + 1)
    if tok.low == "according":
        if nxt is None or nxt.low != "to":
            return None
        lo, hi = _walk_forward(toks, i + 2)
        return _result(text, base, toks, lo, _extend_forward(toks, lo, hi), "according to")
    verb = _VERB_FORMS[tok.low]
    at_clause_start = i == 0 or toks[i - 1].kind != "w"
    if not tok.text[:1].islower() and not at_clause_start:
        return None
    if prev is not None and (prev.low in _DETERMINERS or prev.low == "to" or prev.low.endswith(("'s", "’s"))):
        return None  # "the reported attack", "declined to say", "the group's claims"
    if tok.low in _NOUN_LIKE and (
        (prev is not None and (prev.low in _PREPOSITIONS or prev.low[:1].isdigit()))
        or (nxt is not None and (nxt.low in _VERB_FORMS or nxt.low in {"of", "by", "from", "about", "on"}))
        or (nxt is not None and nxt.low in _BE | {"have", "had", "has", "suggest", "suggested"})
    ):
        return None
    j = i - 1
    passive = False
    while j >= 0 and toks[j].kind == "w" and toks[j].low in _AUX_ADVERBS:
        passive = passive or toks[j].low in _BE
        j -= 1
    k = i + 1
    while k < len(toks) and toks[k].low in _AGENT_ADVERBS:
        k += 1
    if k < len(toks) and toks[k].low == "by" and (passive or prev is None or prev.low == "as"):
        # "was confirmed by the ministry", "..., reported first by the Financial Times"
        lo, hi = _walk_forward(toks, k + 1)
        return _result(text, base, toks, lo, _extend_forward(toks, lo, hi), verb)
    if verb in {"quoted", "cited"}:
        lo, hi = _walk_forward(toks, i + 1)
        after = [t.low for t in toks[hi : hi + 2]]
        if lo < hi and after and (after[0] in _SAYING or after[0] == "as"):
            return _result(text, base, toks, lo, hi, verb)
    elif passive:
        return None  # a passive without an agent ("is said to be", "were reported killed") names no source
    subject = _subject_before(toks, i)
    if subject is not None:
        return _result(text, base, toks, subject[0], subject[1], verb)
    inverted = j < 0 or toks[j].kind != "w"
    if inverted and verb not in _NO_INVERSION and nxt is not None:
        lo, hi = _walk_forward(toks, i + 1)
        if _is_noun_phrase(toks, lo, hi):
            return _result(text, base, toks, lo, _extend_forward(toks, lo, hi), verb)
    return None


def find_attribution(text: str, base: int = 0) -> Attribution | None:
    """The first source a sentence's claim is attributed to, or None if it has no speech or report verb; a
    source that "would not say" comes after any that speaks."""
    toks = _tokens(text)
    verbs = [
        i for i, t in enumerate(toks) if t.kind == "w" and (t.low in _VERB_FORMS or t.low == "according")
    ]
    # a source who would not say is the source only when nobody else in the sentence says anything
    for i in sorted(verbs, key=lambda i: _withheld(toks, i)):
        found = _attribute(text, base, toks, i)
        if found is not None:
            return found
    return None


# Words before a speech verb that say nothing was said: "would not say", "declined to say", "never told".
_WITHHOLDING = frozenset(
    "not never n't wouldn't won't didn't don't doesn't couldn't can't cannot declined refused".split()
)


def _withheld(toks: list[_Tok], i: int) -> bool:
    """Whether the speech verb at ``i`` is denied ("Police would not say how many …"): no one is quoted."""
    before = [t.low for t in toks[max(0, i - 3) : i] if t.kind == "w"]
    return any(w in _WITHHOLDING for w in before)

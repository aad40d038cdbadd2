"""The facts and values stages: sentences and clauses of an article with their quantities, dates, names,
quotes and attribution, then the claims cut from them."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from articles.engine.attribution import Attribution, find_attribution, find_quotes, verb_forms, verb_label
from articles.engine.clauses import LIST_MARKS
from articles.engine.dates import extract_dates
from articles.engine.entities import ROLE_WORDS, extract_entities, link_entities
from articles.engine.facts import ADDRESSED_LEMMAS, SUBJECT_DEPS, clause_spans, is_speech_verb
from articles.engine.parse import char_span, doc_text
from articles.engine.quantities import extract_quantities
from articles.engine.sentences import is_furniture, is_heading, is_sourcing, quoted_sentences, split_sentences
from articles.engine.types import Claim, DateRef, Entity, Quantity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(slots=True)
class SentenceRead:
    """Everything read from one sentence, before it is cut into claims."""

    index: int
    start: int
    end: int
    headline: bool
    quantities: list[Quantity]
    dates: list[DateRef]
    entities: list[Entity]
    quotes: list[Quote]
    attribution: Attribution | None
    dateline: tuple[int, int] | None = None  # "TEHRAN —" before a story's first sentence
    # where the attribution's words begin when it is told in a clause set inside the sentence ("Among those
    # shot was Chris Rafael, who said …"): the clauses before it are not the speaker's
    said_from: int = 0
    clauses: list[tuple[int, int]] = field(default_factory=list)  # the claim spans cut from it
    subjects: list[str] = field(default_factory=list)  # per clause: its subject when it stands outside it
    # "the group" and the like: (start, end, starts of the names it may stand for, the likeliest first)
    references: list[tuple[int, int, list[int]]] = field(default_factory=list)
    # "the gunman": (start, end, role) for each description of a person by the part they played, and (role,
    # start of the name) for each name the sentence gives that role ("the alleged gunman, Cedric Ford")
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    role_names: list[tuple[str, int]] = field(default_factory=list)
    # a line above or beside the text that only dates it ("Published: November 28, 2005"): read for its date,
    # never matched as a fact
    stamp: bool = False


MAX_HEADLINES = 2  # a headline and its standfirst
MAX_HEADLINE_CHARS = 300


@dataclass(slots=True)
class ArticleRead:
    text: str
    published: dt.date | None
    sentences: list[SentenceRead]


def read_article(
    text: str, published: dt.date | None, doc: Doc, spans: list[tuple[int, int]] | None = None
) -> ArticleRead:
    """Sentences of an article (``spans``, or split here) with their numbers, dates, names, quotes and
    attribution."""
    sentences: list[SentenceRead] = []
    dropped: list[list[Entity]] = []  # per sentence, the mentions the parse doubts are names
    recent: list[list[tuple[int, bool]]] = []  # names of the last sentences: (start, heads a subject)
    seen_text = False
    headlines = 0
    for index, (start, end) in enumerate(split_sentences(text) if spans is None else spans):
        chunk = text[start:end]
        if is_furniture(text, start, end):
            continue
        if is_heading(text, start, end):
            stamp = _stamp(index, chunk, start, end, published)
            if stamp is not None:
                sentences.append(stamp)
                dropped.append([])
            continue
        dates = [replace(d, event=_event_of(doc, d)) for d in extract_dates(chunk, published, start)]
        quantities = [
            q
            for q in extract_quantities(chunk, start)
            if not any(d.start < q.end and q.start < d.end for d in dates) or q.kind in ("duration", "age")
        ]
        line_alone = _whole_line(text, start, end)
        # The headline, and a standfirst on the line after it: lines alone without a full stop, above the body.
        headline = (
            headlines < MAX_HEADLINES
            and not seen_text
            and line_alone
            and not chunk.rstrip().endswith((".", "!", "?"))
            and not chunk.lstrip().startswith(LIST_MARKS)  # an item of a list
            and len(chunk.strip()) <= MAX_HEADLINE_CHARS  # a paragraph pasted without its full stops
        )
        headlines += headline
        seen_text = not headline
        clauses, subjects = (
            ([(start, _before_site(text, start, end))], [""]) if headline else _clauses(text, start, end, doc)
        )
        entities, doubtful = _named(extract_entities(chunk, start), doc)
        dropped.append(doubtful)
        quotes = find_quotes(chunk, start)
        references = [] if headline else _references(chunk, start, entities, quotes, recent, doc)
        if headline:
            recent.clear()
        else:
            recent = [*recent[1 - _SENTENCES_BACK :], [(e.start, _subject(doc, e)) for e in entities]]
        attribution = _speaker_from_parse(doc, find_attribution(chunk, start), start, end)
        sentences.append(
            SentenceRead(
                index=index,
                start=start,
                end=end,
                headline=headline,
                quantities=quantities,
                dates=dates,
                entities=entities,
                quotes=quotes,
                attribution=attribution,
                said_from=_said_from(doc, attribution, start, end),
                dateline=_dateline(chunk, start),
                clauses=clauses,
                subjects=subjects,
                references=references,
                roles=[] if headline else _role_mentions(chunk, start, entities, quotes, doc),
                role_names=_role_names(doc, entities),
            )
        )
    _restore_names(sentences, dropped)
    _continue_quotes(sentences)
    return ArticleRead(text, published, sentences)


# A sentence is all quotation when its quotes hold this share of it.
QUOTED_SHARE = 0.9


def _continue_quotes(sentences: list[SentenceRead]) -> None:
    """A quotation that names no speaker, right after a quoted sentence that does, goes on with that speaker's
    words, in the same paragraph or the next one, as news writing has it ("…," Kennedy said to the lawyer.
    "Then in the next breath, you say …"): a new speaker is always named."""
    for before, sent in itertools.pairwise(sentences):
        if (
            sent.attribution is None
            and before.attribution is not None
            and before.quotes
            and not (sent.headline or sent.stamp or before.headline or before.stamp)
            and any(q.start == sent.start for q in sent.quotes)
            and _quoted_share(sent) >= QUOTED_SHARE
        ):
            sent.attribution = before.attribution


def _quoted_share(sent: SentenceRead) -> float:
    held = sum(max(0, min(q.end, sent.end) - max(q.start, sent.start)) for q in sent.quotes)
    return held / max(1, sent.end - sent.start)


def _restore_names(sentences: list[SentenceRead], dropped: list[list[Entity]]) -> None:
    """A word the parse misread as a verb or a function word ("Bruning, a Republican, blamed …") is a name
    after all where the article uses it as a name elsewhere ("Nebraska Attorney General Jon Bruning")."""
    names = {_fold_name(e.text) for sent in sentences for e in sent.entities}
    names |= {
        _fold_name(e.text.split()[-1]) for sent in sentences for e in sent.entities if e.kind == "person"
    }
    for sent, doubtful in zip(sentences, dropped, strict=True):
        for ent in doubtful:
            if _fold_name(ent.text) in names:
                _add_mention(sent, ent)


def _fold_name(text: str) -> str:
    return text.casefold().replace("’", "'")


def _stamp(index: int, chunk: str, start: int, end: int, published: dt.date | None) -> SentenceRead | None:
    """A heading line that gives a full date ("Updated 4/9/2007 6:04 PM", "Published: 2012.08.08"), as a
    sentence of one claim that holds the date and nothing else; other headings (bylines, labels) are not read."""
    dates = [d for d in extract_dates(chunk, published, start) if d.value.count("-") == 2]
    if not dates:
        return None
    return SentenceRead(
        index=index,
        start=start,
        end=end,
        headline=False,
        quantities=[],
        dates=dates,
        entities=[],
        quotes=[],
        attribution=None,
        clauses=[(start, end)],
        subjects=[""],
        stamp=True,
    )


# The part a person played, by the words that name it: one role for words that mean the same part.
ROLES = {
    "gunman": "gunman",
    "shooter": "gunman",
    "attacker": "gunman",
    "assailant": "gunman",
    "killer": "gunman",
    "bomber": "bomber",
    "suspect": "suspect",
}
_ROLE_DESCRIPTION = re.compile(
    r"\b[Tt]he (?:(?:alleged|suspected|accused|lone|lone alleged) )?(?P<role>" + "|".join(ROLES) + r")\b"
    r"(?![’']s? \w+ (?:was|is) )(?!\s+(?:of|in|who|that|whose)\b)"
)


def _role_mentions(
    chunk: str, start: int, entities: list[Entity], quotes: list[Quote], doc: Doc
) -> list[tuple[int, int, str]]:
    """ "the gunman", "the alleged shooter": where a sentence refers to a person by the part they played."""
    out = []
    for m in _ROLE_DESCRIPTION.finditer(chunk):
        here = start + m.start()
        if any(e.start <= here < e.end for e in entities) or any(q.start <= here < q.end for q in quotes):
            continue
        out.append((here, start + m.end(), ROLES[m.group("role").lower()]))
    for m in _AGE_DESCRIPTION.finditer(chunk):
        here = start + m.start()
        last = char_span(doc, start + m.end() - 1, start + m.end())
        if last and last[0].dep_ in ("amod", "compound"):
            continue  # "the 10-year-old lawsuit": an age of something else
        if not any(e.start < start + m.end() and here < e.end for e in entities) and not any(
            q.start <= here < q.end for q in quotes
        ):
            out.append((here, start + m.end(), f"age:{int(m.group('age'))}"))
    return out


# "the 64-year-old": a person known by an age the article gives them ("Ford, 38," or "38-year-old Ford").
_AGE_DESCRIPTION = re.compile(r"\b[Tt]he (?P<age>\d{1,3})-year-old\b(?!\s+[A-Z])(?!-)")
_AGE_AFTER = re.compile(r"^,\s*(?P<age>\d{1,3}),")
_AGE_BEFORE = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+$")


def _role_names(doc: Doc, entities: list[Entity]) -> list[tuple[str, int]]:
    """Names a sentence gives a role in so many words: "the alleged gunman, Cedric Larry Ford", "Ford, the
    shooter", "suspect Cedric Ford", "identified the shooter as Cedric Ford", "Ford was identified as the
    gunman"."""
    out: list[tuple[str, int]] = []
    text = doc_text(doc)
    for ent in entities:
        tokens = char_span(doc, ent.start, ent.end)
        if not tokens:
            continue
        head = tokens[-1]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        near = [c for c in head.children if c.dep_ in ("appos", "compound")]
        if head.dep_ == "appos":
            near.append(head.head)
        if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lemma_ in ("identify", "name"):
            verb = head.head.head
            near.extend(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd"))
            if verb.dep_ == "acl":  # "the shooter identified Friday as Cedric Ford"
                near.append(verb.head)
        if head.dep_ in ("nsubjpass", "dobj") and head.head.lemma_ in ("identify", "name"):
            for prep in head.head.children:
                if prep.lower_ == "as":
                    near.extend(g for g in prep.children if g.dep_ == "pobj")
        roles = {ROLES[t.lemma_.lower()] for t in near if t.lemma_.lower() in ROLES}
        age = _AGE_AFTER.match(text[ent.end : ent.end + 8]) or _AGE_BEFORE.search(
            text[max(0, ent.start - 16) : ent.start]
        )
        if age:
            roles.add(f"age:{int(age.group('age'))}")
        out.extend((role, ent.start) for role in sorted(roles))
    return out


# A definite description that stands for an organisation named just before: "the group", "the militant group",
# "the company". Not when a phrase after it says which one is meant ("the group of protesters").
_DESCRIPTION = re.compile(
    r"\b[Tt]he (?:(?:militant|jihadist|extremist|terror|terrorist|armed|rebel|insurgent|islamist) )?"
    r"(?:group|organi[sz]ation|militants|jihadists|extremists|insurgents|militia|company|firm)\b"
    r"(?![’'] ?s?\s+(?:of)\b)(?!\s+(?:of|that|who|which|whose)\b)(?!\s+[A-Z])"
)
_TOPIC_MENTIONS = 2  # a description stands only for an organisation the article has named this often
_SENTENCES_BACK = 3  # how many sentences before its own a description may point back
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _subject(doc: Doc, ent: Entity) -> bool:
    """Whether a name heads the subject of its clause (the preferred antecedent of a later description)."""
    tokens = char_span(doc, ent.start, ent.end)
    if not tokens:
        return False
    token = tokens[-1]
    while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in _SUBJECTS


def _references(
    chunk: str,
    start: int,
    entities: list[Entity],
    quotes: list[Quote],
    recent: list[list[tuple[int, bool]]],
    doc: Doc,
) -> list[tuple[int, int, list[int]]]:
    """Descriptions in a sentence with the names, earlier in it or in the sentences before, that they may
    stand for: subjects first, then the others; the nearest first in each. Not in quoted speech, where "the
    group" is as often a group of people."""
    out = []
    for m in _DESCRIPTION.finditer(chunk):
        here = start + m.start()
        if any(e.start <= here < e.end for e in entities) or any(q.start <= here < q.end for q in quotes):
            continue
        before = [
            *(n for names in recent for n in names),
            *((e.start, _subject(doc, e)) for e in entities if e.end <= here),
        ]
        if not before:
            continue
        ranked = [s for s, subj in reversed(before) if subj] + [s for s, subj in reversed(before) if not subj]
        out.append((here, start + m.end(), ranked))
    return out


def _event_of(doc: Doc, date: DateRef) -> str:
    """The lemma of the verb a date belongs to ("identified Friday as Cedric Ford": "identify"), or ""."""
    tokens = char_span(doc, date.start, date.end)
    if not tokens:
        return ""
    token = tokens[0]
    for _ in range(6):
        if token.pos_ == "VERB":
            return token.lemma_.lower()
        if token.head.i == token.i:
            break
        token = token.head
    return ""


_NEVER_NAMES = frozenset(
    {"PRON", "VERB", "AUX", "ADV", "DET", "NUM", "INTJ", "ADP", "SCONJ", "CCONJ", "PART"}
)
_NAMED_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


def _named(entities: list[Entity], doc: Doc) -> tuple[list[Entity], list[Entity]]:
    """The mentions the parse agrees may be names, and those it doubts: a capitalised word that spaCy reads
    as a pronoun, verb, numeral or function word ("Everybody", "Saying", "There", "Fourteen" at the start of a
    sentence) and not as part of a named entity is doubted, as is an opening adverb it takes for a name
    ("Technically, …"). Nouns stay: "the Observatory" may be a short form of a name."""
    kept = []
    doubtful = []
    for ent in entities:
        span = char_span(doc, ent.start, ent.end)
        if (
            not span
            or not ent.text[:1].isupper()
            or any(t.ent_type_ in _NAMED_TYPES for t in span)
            or not (_misread(span) or _opening_adverb(span))
        ):
            kept.append(ent)
        else:
            doubtful.append(ent)
    return kept, doubtful


def _misread(span: list[Token]) -> bool:
    """A capitalised word the tagger reads as no name at all: a pronoun, verb, numeral or function word."""
    return span[0].pos_ in _NEVER_NAMES and not any(t.pos_ == "PROPN" for t in span)


def _opening_adverb(span: list[Token]) -> bool:
    """One word opening its sentence, set off by a comma and modifying the verb, that the tagger took for a
    name because of its capital ("Technically, the task force …", "Meanwhile, police …")."""
    word = span[0]
    return (
        len(span) == 1
        and bool(word.is_sent_start)
        and word.dep_ == "advmod"
        and word.i + 1 < len(word.doc)
        and word.doc[word.i + 1].text == ","
    )


def _clauses(text: str, start: int, end: int, doc: Doc) -> tuple[list[tuple[int, int]], list[str]]:
    clauses = [c for s, e in quoted_sentences(text, start, end) for c in clause_spans(doc, s, e)]
    return [(c.start, c.end) for c in clauses], [c.subject for c in clauses]


# "TEHRAN —", "TOLEDO, Ohio —", "LONDON (Reuters) -": where a story was filed, not part of its facts.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s+[A-Z][A-Za-z. ]+)?(?:\s*\([A-Za-z ]+\))?\s*[—–-]{1,2}\s")


def _dateline(chunk: str, start: int) -> tuple[int, int] | None:
    m = _DATELINE.match(chunk)
    return (start, start + m.end()) if m else None


# A web page's title ends with its site: "13 people injured in Bridgeport shooting - WFSB 3 Connecticut",
# "Iran quake kills 10 | BBC News". The site is a few capitalised words (or figures) after a spaced dash or bar.
_SITE_SUFFIX = re.compile(
    r"\s+[-–—|]\s+(?:[A-Z0-9][\w.&'’]*)(?:\s+(?:[A-Z0-9&][\w.&'’]*|of|and|the)){0,4}\s*$"
)
_TITLE_MIN_WORDS = 3


def _before_site(text: str, start: int, end: int) -> int:
    """Where a headline's own words end: before the site its page title names, if any."""
    found = _SITE_SUFFIX.search(text, start, end)
    if found is None or len(text[start : found.start()].split()) < _TITLE_MIN_WORDS:
        return end
    return found.start()


def _whole_line(text: str, start: int, end: int) -> bool:
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    return not text[before + 1 : start].strip() and not text[end : after if after >= 0 else len(text)].strip()


@dataclass(slots=True)
class BuiltClaims:
    """Claims of one article, with the spans left out of matching (attribution, dateline) and the names
    each claim is credited to."""

    claims: list[Claim]
    masked_spans: dict[str, list[tuple[int, int]]]
    sources: dict[str, frozenset[str]]
    stamps: list[Claim] = field(default_factory=list)  # date lines: shown and read, never matched

    def shown(self) -> list[Claim]:
        """Every claim, date lines included, in the order of the text."""
        return sorted([*self.claims, *self.stamps], key=lambda c: c.start)


def build_claims(article: ArticleRead, prefix: str) -> BuiltClaims:
    """Cut each sentence into clause claims, each carrying its sentence's attribution."""
    text = article.text
    claims: list[Claim] = []
    masked_spans: dict[str, list[tuple[int, int]]] = {}
    sources: dict[str, frozenset[str]] = {}
    stamps: list[Claim] = []
    speakers = _speakers(text, article.sentences)
    for sent, speaker in zip(article.sentences, speakers, strict=True):
        if sent.stamp:
            start, end = sent.start, sent.end
            stamps.append(
                Claim(
                    id=f"{prefix}{len(claims) + len(stamps) + 1}",
                    start=start,
                    end=end,
                    text=text[start:end],
                    kind="dateline",
                    sentence=sent.index,
                    dates=list(sent.dates),
                )
            )
            continue
        for (start, end), subject in zip(
            sent.clauses, sent.subjects or [""] * len(sent.clauses), strict=True
        ):
            if is_sourcing(article.text, start, end):
                continue
            claim_id = f"{prefix}{len(claims) + len(stamps) + 1}"

            def inside(s: int, e: int, lo: int = start, hi: int = end) -> bool:
                return lo <= s and e <= hi

            quantities = [q for q in sent.quantities if inside(q.start, q.end)]
            dates = [d for d in sent.dates if inside(d.start, d.end)]
            quotes = [q for q in sent.quotes if q.start < end and start < q.end]
            kind = "headline" if sent.headline else _kind(quantities, dates, quotes)
            # a clause before the one that tells who said it is the outlet's report, not the speaker's, and so is
            # one that mostly comes before it ("ISIS blew up temples in a campaign that Unesco called a crime")
            said = speaker if end - sent.said_from > sent.said_from - start or quotes else None
            attribution = sent.attribution if said else None
            claims.append(
                Claim(
                    id=claim_id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    kind=kind,
                    sentence=sent.index,
                    quantities=quantities,
                    dates=dates,
                    entities=[e for e in sent.entities if inside(e.start, e.end)],
                    attribution=said.source if said else None,
                    quotes=quotes,
                    subject=subject or None,
                )
            )
            # a quotation that goes on from the sentence before has its speaker there
            own = attribution is not None and sent.start <= attribution.start < sent.end
            masked = [(attribution.start, attribution.end)] if attribution and own else []
            if sent.dateline and start <= sent.dateline[0] < end:
                masked.append(sent.dateline)
            if masked:
                masked_spans[claim_id] = masked
            if said:
                sources[claim_id] = said.names
    return BuiltClaims(claims, masked_spans, sources, stamps)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a sentence's words are credited to: the words naming them and the ids of the names among them."""

    source: str
    names: frozenset[str]
    person: bool  # a person is among the names


# "He said" and "she said" credit the person named as the speaker of one of the sentences just before, when
# the honorific, if any, does not say otherwise; "they said", the group or body that spoke just before.
PRONOUN_SPEAKERS = {"he": re.compile(r"\b(?:Ms|Mrs|Miss)\b"), "she": re.compile(r"\b(?:Mr|Messrs)\b")}
PRONOUN_REACH = 2


def _earlier_speaker(
    text: str, sentences: list[SentenceRead], speakers: list[Speaker | None], k: int, unlike: re.Pattern[str]
) -> Speaker | None:
    """The person named as the speaker of one of the ``PRONOUN_REACH`` sentences before sentence ``k``, unless
    a sentence between them names another person (whom the pronoun may stand for)."""
    between: set[str] = set()
    for back, speaker in enumerate(_before(speakers, k), start=1):
        sent = sentences[k - back]
        if speaker and speaker.person:
            if unlike.search(speaker.source) or not between <= speaker.names:
                return None
            return speaker
        if sent.headline:
            return None
        if back == 1:
            opening = _opening_person(text, sent)
            if opening is not None:
                return None if unlike.search(opening.source) else opening
        between |= {e.canonical for e in sent.entities if e.kind == "person"}
    return None


def _opening_person(text: str, sent: SentenceRead) -> Speaker | None:
    """The one person a sentence names, when it opens the sentence ("Chief Justice John Roberts also offered
    his doubts …"): the "he" of the next sentence."""
    people = [e for e in sent.entities if e.kind == "person"]
    if not people or len({e.canonical for e in people}) > 1:
        return None
    first = min(people, key=lambda e: e.start)
    if len(text[sent.start : first.start].split()) > OPENING_WORDS:
        return None
    return Speaker(first.text, frozenset((first.canonical,)), person=True)


OPENING_WORDS = 2  # words before a name that still opens its sentence ("Chief Justice", "But Smith")


def _speakers(text: str, sentences: list[SentenceRead]) -> list[Speaker | None]:
    """The speaker of each sentence: the words its attribution found (in the sentence before, for a quotation
    that goes on), with a speaking "he" or "she" read as the person named as the speaker just before."""
    out: list[Speaker | None] = []
    for k, sent in enumerate(sentences):
        found = sent.attribution
        if found is None or sent.stamp:
            out.append(None)
            continue
        if not sent.start <= found.start < sent.end and k and out[k - 1] is not None:
            out.append(out[k - 1])  # a quotation that goes on has the speaker of the sentence before
            continue
        named = [e for e in sent.entities if found.start <= e.start and e.end <= found.end]
        other = PRONOUN_SPEAKERS.get(found.source.lower())
        if other is not None and not named:
            earlier = _earlier_speaker(text, sentences, out, k, other)
            if earlier is not None:
                out.append(earlier)
                continue
        if found.source.lower() == "they":
            group = next(
                (s for s in _before(out, k) if s and not s.person and s.source.lower() not in _PRONOUNS), None
            )
            if group is not None:
                out.append(group)
                continue
        kinds = {e.kind for e in named}
        out.append(Speaker(found.source, frozenset(e.canonical for e in named), "person" in kinds))
    return out


_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you"))


def _before(speakers: list[Speaker | None], k: int) -> list[Speaker | None]:
    """The speakers of the ``PRONOUN_REACH`` sentences before sentence ``k``, the nearest first."""
    return [speakers[k - back] for back in range(1, min(PRONOUN_REACH, k) + 1)]


# How far (in characters) the speech verb may stand from the words the attribution found.
_SPEAKER_REACH = 40
# Beside the speaker's name, what is not part of it: a description set off by commas, a clause about them.
_NOT_THE_SPEAKER = frozenset(("relcl", "appos", "acl", "advcl", "punct", "parataxis"))


def _speaker_from_parse(doc: Doc, found: Attribution | None, start: int, end: int) -> Attribution | None:
    """The attribution with its speaker read from the parse: the subject of the speech verb beside the words
    found ("Mayor Ann Fields, often a swing vote on the council, said": Mayor Ann Fields), or the noun a
    relative clause of speech describes ("… rest with Judge Alan Reyes, who said": Judge Alan Reyes). A pronoun, or
    a verb the parse does not find, leaves the attribution as found."""
    if found is None:
        return _participle_attribution(doc, start, end)
    words = char_span(doc, start, end)
    nearby = [t for t in words if found.start - _SPEAKER_REACH <= t.idx <= found.end + _SPEAKER_REACH]
    forms = verb_forms(found.verb)
    read_as_verb = [t for t in nearby if t.lower_ in forms]
    if read_as_verb and not any(t.pos_ == "VERB" for t in read_as_verb):
        # the verb found is a noun here ("through an insurance claim", "Report Sees …"): another speech verb of
        # the sentence with its subject says who said it, or nobody does
        return _speaker_of_sentence(doc, words)
    verb = _nearest(found, [t for t in nearby if is_speech_verb(t)])
    if verb is None:
        return found
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if (subject is None or subject.tag_ in ("WP", "WDT")) and verb.dep_ == "relcl":
        who = subject is not None and subject.lower_ == "who"
        subject = verb.head
        if who and subject.pos_ != "PROPN" and subject.lower_ not in ROLE_WORDS:
            # "who" speaks of a person: "the ire of Judge Lena Park, who said" is the judge's, not the ire's
            names = [
                t for t in subject.subtree if t.pos_ == "PROPN" and t.dep_ != "compound" and t.i < verb.i
            ]
            subject = names[-1] if names else subject
    if subject is None:
        subject = _participle_subject(verb)
    if subject is None or subject.pos_ in ("PRON", "VERB", "AUX") or subject.tag_ in ("WP", "WDT"):
        return found
    if (verb.lemma_ in ADDRESSED_LEMMAS and subject.dep_ == "nsubjpass") or verb.lemma_ == "quote":
        return found  # "Y was told", "X quoted Y as saying": the words found name whose words they are
    text = doc_text(doc)
    found_words = char_span(doc, found.start, found.end)
    phrase = any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in found_words) and not any(
        t.pos_ in ("VERB", "AUX") for t in found_words
    )
    # "two agencies and a monitoring group said": the words found stand right before the verb, and the parse
    # finds no subject among them
    beside = found.end <= verb.idx and not text[found.end : verb.idx].strip()
    if phrase and beside and not found.start <= subject.idx < found.end:
        return found
    if subject.pos_ != "PROPN":
        # a description as the subject with the name beside it ("the state's treasurer, Jo Hart, …"): the name
        subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)
    s, e = _name_run(doc, subject)
    if not start <= s < e <= end or (s, e) == (found.start, found.end):
        return found
    # the words found hold the speaker's name with more about them: set off from it ("X, a professor"), or a
    # role before it ("Capt.", "his sister")
    before = text[found.start : s].rstrip(" .").split()
    last = before[-1].lower() if before else ""
    role = last.removesuffix("'s").removesuffix("’s") in ROLE_WORDS
    set_off = last.endswith(",") or text[e : found.end].lstrip()[:1] in (",", "(")
    if phrase and found.start <= s and e <= found.end and (role or set_off):
        return found
    # the words left out of matching: the name, with the words found where they touch it (a description set
    # off by commas: "Mayor Ann Fields, often a swing vote on the council")
    lo, hi = min(s, found.start), max(e, found.end)
    gap = text[min(e, found.end) : max(s, found.start)]
    if not (found.start < e and s < found.end) and gap.strip(" ,;:—–"):
        lo, hi = s, e
    return Attribution(text[s:e], lo, hi, found.verb)


def _participle_subject(verb: Token) -> Token | None:
    """Who speaks in a participle of speech hung on a verb: that verb's subject ("Two states filed suit on
    Thursday, saying …": Two states)."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _participle_attribution(doc: Doc, start: int, end: int) -> Attribution | None:
    """For a sentence whose only speech verb is a participle reporting words ("…, saying that …", "…, adding
    that …"), the subject of the verb it hangs on; a participle that reports nothing ("saying nothing")
    credits nobody."""
    for verb in char_span(doc, start, end):
        if not is_speech_verb(verb) or not any(c.dep_ == "ccomp" for c in verb.children):
            continue
        subject = _participle_subject(verb)
        if (
            subject is None
            or subject.pos_ not in ("PROPN", "NOUN", "PRON")
            or subject.lower_ in _NOT_SPEAKERS
        ):
            continue
        s, e = _name_run(doc, subject)
        if start <= s < e <= end:
            return Attribution(doc_text(doc)[s:e], s, e, verb_label(verb.text) or "said")
    return None


_NOT_SPEAKERS = frozenset(("it", "this", "that", "there", "which", "what"))


# Clauses set inside a sentence: a speech verb heading one speaks only for the words from there on.
_INNER_CLAUSES = frozenset(("relcl", "advcl", "acl"))


def _nearest(found: Attribution, verbs: list[Token]) -> Token | None:
    """Of ``verbs``, the one nearest the words an attribution found."""
    if not verbs:
        return None
    return min(verbs, key=lambda t: max(found.start - t.idx - len(t.text), t.idx - found.end, 0))


def _said_from(doc: Doc, found: Attribution | None, start: int, end: int) -> int:
    """Where the words of a speech verb heading a relative or adverbial clause begin ("Among those shot was
    Chris Rafael, who said …", "The case started a decade ago, when Betty Dukes said …"), else the start of
    the sentence: what comes before that clause is the outlet's own report."""
    if found is None:
        return start
    # the verb the attribution was found by, as the parse reads it, even where it says more than it reports
    # ("after Nebraska and Oklahoma asked the court to …")
    forms = verb_forms(found.verb)
    speech = [
        t for t in char_span(doc, start, end) if is_speech_verb(t) or (t.lower_ in forms and t.pos_ == "VERB")
    ]
    verb = _nearest(
        found, [t for t in speech if found.start - _SPEAKER_REACH <= t.idx <= found.end + _SPEAKER_REACH]
    )
    if verb is None:
        # a participle further on whose speaker the attribution found ("Two states filed suit …, saying")
        verb = _nearest(
            found,
            [
                t
                for t in speech
                if (who := _participle_subject(t)) is not None and found.start <= who.idx < found.end
            ],
        )
    if verb is None or verb.dep_ not in _INNER_CLAUSES:
        return start
    return max(start, min(t.idx for t in verb.subtree))


def _speaker_of_sentence(doc: Doc, words: list[Token]) -> Attribution | None:
    """The first speech verb of the sentence that has a subject, with that subject as the speaker."""
    for verb in words:
        if not is_speech_verb(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ in ("WP", "WDT") or not words[0].i <= subject.i <= words[-1].i:
            continue
        s, e = _name_run(doc, subject)
        return Attribution(doc_text(doc)[s:e], s, e, verb_label(verb.text) or "said")
    return None


# Marks that end a speaker's name; a hyphen inside a word ("British-based") does not.
_NAME_BREAKS = frozenset((",", ";", ":", "(", ")", "—", "–", '"', "“", "”", "'", "‘", "’"))


def _name_run(doc: Doc, head: Token) -> tuple[int, int]:
    """The characters of a noun phrase without what is set off from it: "Sheriff Tom Price of Lane County" in
    "Sheriff Tom Price of Lane County, who has served for a decade, …"."""
    kept = {t.i for t in head.subtree}
    for child in head.children:
        if child.dep_ in _NOT_THE_SPEAKER and child.text not in ("-", "."):
            kept -= {t.i for t in child.subtree}
    lo = hi = head.i
    while lo - 1 in kept and doc[lo - 1].text not in _NAME_BREAKS:
        lo -= 1
    while hi + 1 in kept and doc[hi + 1].text not in _NAME_BREAKS:
        hi += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _kind(quantities: list[Quantity], dates: list[DateRef], quotes: list[Quote]) -> str:
    if quantities:
        return "quantity"
    if dates:
        return "date"
    if quotes:
        return "quote"
    return "event"


def link_across(articles: list[ArticleRead]) -> list[ArticleRead]:
    """Copies of the articles in which every variant of a name has one canonical id across all of them."""
    mentions = [s.entities for art in articles for s in art.sentences]
    article_of = [index for index, art in enumerate(articles) for _ in art.sentences]
    linked = iter(link_entities(mentions, article_of))
    out = []
    for art in articles:
        sentences = [replace(s, entities=next(linked)) for s in art.sentences]
        _resolve_references(art.text, sentences)
        _resolve_roles(art.text, sentences)
        out.append(ArticleRead(art.text, art.published, sentences))
    return out


def _resolve_references(text: str, sentences: list[SentenceRead]) -> None:
    """Each description becomes a mention of the organisation it stands for: of its candidates that are
    organisations the article is about (named at least twice before), the one named most often, then the
    likeliest."""
    orgs = {e.start: e for s in sentences for e in s.entities if e.kind == "org"}
    mentions = sorted((e.start, e.canonical) for s in sentences for e in s.entities)
    seen: Counter[str] = Counter()  # names mentioned before the description at hand, counted as we go
    counted = 0
    for sent in sentences:
        for start, end, candidates in sent.references:
            while counted < len(mentions) and mentions[counted][0] < start:
                seen[mentions[counted][1]] += 1
                counted += 1
            found = [orgs[c] for c in candidates if c in orgs and seen[orgs[c].canonical] >= _TOPIC_MENTIONS]
            if not found:
                continue
            ent = max(found, key=lambda e: seen[e.canonical])  # the first of the most named: max keeps it
            _add_mention(sent, Entity(start, end, text[start:end], ent.canonical, "org"))
            seen[ent.canonical] += 1  # a description read counts for the ones after it


def _resolve_roles(text: str, sentences: list[SentenceRead]) -> None:
    """Each "the gunman" becomes a mention of the one person the article names as the gunman; none when it
    names no one, or more than one person, in that role."""
    at = {e.start: e for s in sentences for e in s.entities if e.kind in ("person", "other")}
    named: dict[str, set[str]] = {}
    for sent in sentences:
        for role, start in sent.role_names:
            if start in at:
                named.setdefault(role, set()).add(at[start].canonical)
    for sent in sentences:
        for start, end, role in sent.roles:
            people = named.get(role, set())
            if len(people) == 1 and not any(e.start < end and start < e.end for e in sent.entities):
                _add_mention(sent, Entity(start, end, text[start:end], next(iter(people)), "person"))


def _add_mention(sent: SentenceRead, ent: Entity) -> None:
    sent.entities = sorted([*sent.entities, ent], key=lambda e: e.start)

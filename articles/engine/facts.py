"""The facts stage: cut a sentence into single-fact clauses from its dependency parse.

A clause is a predicate with its arguments: the main clause, coordinated verbs and clauses, relative and
participle clauses, adverbial clauses, reported speech and long appositions ("a former congressman who led
the task force"). Each becomes its own claim; pieces too short to state a fact stay with their neighbour,
so the sentence is always covered, in order, without overlaps.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from articles.engine.clauses import finalise
from articles.engine.parse import char_span, doc_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

# Dependencies that open a clause of their own.
CLAUSE_DEPS = frozenset(("conj", "relcl", "advcl", "ccomp", "parataxis", "acl", "appos", "pcomp", "amod"))
# Prepositions of time whose verb ("after capturing the city in May") tells an event of its own.
TIME_PREPOSITIONS = frozenset(("after", "before", "since", "upon", "while"))
# A piece needs this many words and a verb, a number or a name to stand as a claim of its own.
MIN_WORDS = 4
# An apposition is a fact of its own only when it says something ("a former congressman from Arkansas").
MIN_APPOSITION = 4


# Marks that set a clause off from the words before it (", which began in May"); an apposition may also follow
# a double hyphen or a colon.
ASIDE_MARKS = frozenset((",", "—", "–", "("))
APPOSITION_MARKS = ASIDE_MARKS | {"--", ":"}


def _set_off(token: Token, marks: frozenset[str]) -> bool:
    """The clause headed by ``token`` follows one of ``marks``."""
    return token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text in marks


def _opens_clause(token: Token) -> bool:
    if token.dep_ not in CLAUSE_DEPS:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False  # "to bring under control": an infinitive completes its verb's fact
    size = token.right_edge.i - token.left_edge.i + 1
    if token.dep_ == "appos":
        # "Teqnika Moultrie, a 30-year-old bus driver, was killed": an apposition between a subject and its
        # verb says who the fact is about, and stays with it, unless it tells something done ("a former
        # congressman who led the task force")
        head = token.head
        if (
            head.dep_ in SUBJECT_DEPS
            and head.head.i > token.right_edge.i
            and not any(t.pos_ == "VERB" for t in token.subtree)
        ):
            return False
        # an apposition is set off by a comma or a dash; one glued to its noun is the parse's reading of a
        # phrase ("75 kilometres south-east of the town")
        return size >= MIN_APPOSITION and _set_off(token, APPOSITION_MARKS)
    if token.dep_ == "conj":
        # coordinated verbs and clauses, not coordinated nouns ("guards or staff members"); "and that …" opens
        # a clause whatever the parse makes of its words
        if any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in token.children):
            return size >= MIN_WORDS
        if token.pos_ not in ("VERB", "AUX") or token.head.pos_ not in ("VERB", "AUX"):
            return False
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        return has_subject or (token.head.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBP"))
    if token.dep_ == "relcl":
        # "the heaviest loss that ISIS has sustained" restricts its noun; ", which began in May" adds a fact
        return _set_off(token, ASIDE_MARKS)
    if token.dep_ == "pcomp":
        return token.pos_ == "VERB" and token.head.lower_ in TIME_PREPOSITIONS and size >= MIN_WORDS - 1
    if token.dep_ == "ccomp" and _small_clause(token):
        return False
    if token.dep_ == "advcl" and (_dates_a_superlative(token) or _condition(token)):
        return False
    if token.dep_ == "amod":
        # "a war crime | punishable by the International Criminal Court": an adjective after its noun, with a
        # phrase of its own that names someone or something, tells one more fact about the noun
        head = token.head
        return (
            token.tag_ == "JJ"
            and token.i > head.i
            and size >= MIN_WORDS + 1
            and head.pos_ == "NOUN"
            and head.dep_ not in SUBJECT_DEPS
            and any(c.dep_ == "det" for c in head.children)
            and any(
                c.dep_ == "prep" and any(t.pos_ in ("PROPN", "NUM") for t in c.subtree)
                for c in token.children
            )
        )
    if token.dep_ == "acl":
        # "troops backed by Russian forces recaptured...", "mines planted by ISIS": a participle next to its
        # noun restricts it, as a relative clause without a comma does; after a comma it adds a fact
        return (
            token.pos_ == "VERB"
            and size >= MIN_WORDS
            and token.head.dep_ not in SUBJECT_DEPS
            and _set_off(token, ASIDE_MARKS)
        )
    return token.pos_ in ("VERB", "AUX") or token.dep_ in ("ccomp", "parataxis")


# Subordinators of a condition: "if the company breaks the law, it should be punished" states one thing.
CONDITION_MARKS = frozenset(("if", "unless"))


def _condition(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children)


def _small_clause(token: Token) -> bool:
    """ "let Kessler stay out of custody", "found Kessler guilty": a complement without a tense of its own (a
    bare infinitive, an adjective or a noun) completes its verb's fact."""
    if any(c.dep_ in ("aux", "auxpass", "mark", "expl") for c in token.children):
        return False
    return token.tag_ == "VB" or token.pos_ not in ("VERB", "AUX")


# Words that rank a thing, so that a "since" clause beside them is its reference point.
RANKING_WORDS = frozenset(("first", "last", "only", "most", "least"))


def _dates_a_superlative(token: Token) -> bool:
    """ "the biggest defeat since it declared a caliphate", "the first time since 2014": the "since" clause
    says what the ranking is measured from, which is part of the fact it ranks."""
    if not any(c.dep_ == "mark" and c.lower_ == "since" for c in token.children):
        return False
    head = token.head
    own = {t.i for t in token.subtree}
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in RANKING_WORDS for t in head.subtree if t.i not in own)


# "the authorities said", "Swanson told reporters": who said it, which is the claim's attribution.
SPEECH_LEMMAS = frozenset(
    ("say", "tell", "add", "state", "report", "announce", "confirm", "note", "explain", "quote")
)


def is_speech_verb(token: Token) -> bool:
    """A verb of saying as the parse reads it ("said", not "the report")."""
    return token.lemma_ in SPEECH_LEMMAS and token.pos_ == "VERB"


# Speech verbs whose object is whom it was said to or by ("told reporters", "quoted a military source saying").
ADDRESSED_LEMMAS = frozenset(("tell", "quote"))
# What may stand beside a speech verb in an attribution: its speaker, when and where, and whom it was told to.
ATTRIBUTION_DEPS = frozenset(
    ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "dative", "punct", "cc")
)


# Verbs of belief that frame a clause as someone's view ("police said they believe | there were two").
BELIEF_LEMMAS = frozenset(("believe", "think", "suspect", "say", "understand"))


def _belief_frame(token: Token, inside: set[int]) -> bool:
    """ "they believe" in "Police said they believe [there were two shooters]": a clause of belief whose
    complement lies outside the piece, so that the piece only says whose view the next one is."""
    if token.dep_ != "ccomp" or token.lemma_ not in BELIEF_LEMMAS:
        return False
    kept = [c for c in token.children if c.i in inside]
    return all(c.dep_ in ATTRIBUTION_DEPS for c in kept) and any(
        c.dep_ == "ccomp" and c.i not in inside for c in token.children
    )


def _is_attribution(words: list[Token]) -> bool:
    """ "Jon Doe, the city's public safety director, said", "Doe told reporters on Friday": who said it, which
    is the attribution of the claim beside it, not a fact of its own. A speech verb with an object or a
    clause ("said the fire started in the kitchen") states something."""
    inside = {t.i for t in words}
    for verb in words:
        if not is_speech_verb(verb):
            continue
        children = [c for c in verb.children if c.i in inside]
        told = verb.lemma_ in ADDRESSED_LEMMAS
        passive = any(c.dep_ == "nsubjpass" for c in children)
        if passive and not told and not any(c.dep_ == "agent" for c in verb.children):
            continue  # "no injuries were reported": what was reported is the subject, and the fact
        if all(
            c.dep_ in ATTRIBUTION_DEPS
            or (told and c.dep_ == "dobj")
            or _belief_frame(c, inside)
            or _reported_speaker(c, inside)
            for c in children
        ):
            covered = {t.i for c in children for t in c.subtree} | {verb.i}
            # the comma and conjunction before a coordinated "and police said" belong to the clause before
            if all(t.i in covered or t.dep_ in ("cc", "punct") for t in words):
                return True
    return False


def _reported_speaker(token: Token, inside: set[int]) -> bool:
    """ "witnesses told the police" in "He said | witnesses told the police | that …": a speech verb reported
    by another, itself only saying who said what follows."""
    return token.dep_ == "ccomp" and _is_attribution([t for t in token.subtree if t.i in inside])


def _reports_next(piece: list[Token], after: list[Token]) -> bool:
    """The piece only says who said what the next piece says."""
    following = {t.i for t in after}
    return _is_attribution(piece) and any(
        c.dep_ == "ccomp" and c.i in following
        for verb in piece
        if verb.lemma_ in SPEECH_LEMMAS
        for c in verb.children
    )


FRAME_DEPS = ATTRIBUTION_DEPS | {"mark"}
# Complements through which a frame reaches the clause it frames ("making sure | that …", "was to see | …").
FRAME_LINKS = frozenset(("ccomp", "xcomp", "acomp"))


def _frames_next(piece: list[Token], after: list[Token]) -> bool:
    """The piece only frames the clause in the next piece: a verb with at most its subject, adverbs, time and
    place, whose complement is that clause ("suggested | that …", "believed | the gunshots were …", "is |
    that most schools …"), perhaps through another frame ("added that the report found | …", "was to see |
    whether …", "making sure | that …")."""
    inside = {t.i for t in piece}
    following = {t.i for t in after}
    for verb in piece:
        if verb.head.i in inside and verb.head.i != verb.i:
            continue
        if verb.pos_ in ("VERB", "AUX") and _frame(verb, inside, following) == (True, True):
            covered = {t.i for t in verb.subtree}
            return all(t.i in covered or t.dep_ in ("cc", "punct") for t in piece)
    return False


def _frame(token: Token, inside: set[int], following: set[int]) -> tuple[bool, bool]:
    """Whether ``token``, with its words inside the piece, is only a frame, and whether it opens onto a clause
    that follows ("is not clear | what …": the clause belongs to the verb, "clear" to the frame)."""
    opens = any(c.dep_ == "ccomp" and c.i in following for c in token.children)
    for c in token.children:
        if c.i not in inside or c.dep_ in FRAME_DEPS:
            continue
        if c.dep_ not in FRAME_LINKS:
            return False, opens
        frame, inner = _frame(c, inside, following)
        if not frame:
            return False, opens
        opens = opens or inner
    return True, opens


def _counted_event(words: list[Token]) -> bool:
    """ "One woman died", "Two officers fired": a figure, its noun as subject and the verb."""
    inside = {t.i for t in words}
    return any(
        verb.pos_ == "VERB"
        and any(
            c.dep_ in SUBJECT_DEPS
            and c.i in inside
            and any(n.pos_ == "NUM" and n.i in inside for n in c.children)
            for c in verb.children
        )
        for verb in words
    )


# Verbs of occurrence, whose fact is in the clause that says when: "the loss came | three months after ...".
OCCURRENCE_LEMMAS = frozenset(("come", "happen", "occur"))


def _only_occurs(words: list[Token]) -> bool:
    """ "The loss of Palmyra came": a subject and a verb of occurrence, all else of the verb elsewhere."""
    inside = {t.i for t in words}
    for verb in words:
        if verb.lemma_ in OCCURRENCE_LEMMAS and verb.pos_ == "VERB":
            kept = [c for c in verb.children if c.i in inside and not c.is_punct]
            if all(c.dep_ in ("nsubj", "aux", "neg") for c in kept):
                return inside <= {t.i for c in kept for t in c.subtree} | {verb.i}
    return False


def _stands_alone(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct]
    if len(words) < MIN_WORDS and not (len(words) == MIN_WORDS - 1 and _counted_event(words)):
        return False
    if _is_attribution(tokens) or _only_occurs(words):
        return False
    return any(t.pos_ in ("VERB", "AUX", "NUM", "PROPN") for t in words)


@dataclass(frozen=True, slots=True)
class Clause:
    """A claim's span and, when its subject stands outside it, the subject's words (kept as context)."""

    start: int
    end: int
    subject: str = ""


def clause_spans(doc: Doc, start: int, end: int) -> list[Clause]:
    """The single-fact clauses of the sentence ``doc.text[start:end]``, in order, without overlaps."""
    span = char_span(doc, start, end)
    if not span:
        return [Clause(start, end)]
    first, last = span[0].i, span[-1].i + 1  # token indexes, end exclusive
    heads = [t for t in span if _opens_clause(t)]
    # Outer clauses first, so inner ones overwrite what they own.
    heads.sort(key=lambda t: -(t.right_edge.i - t.left_edge.i))
    owner = [-1] * (last - first)  # token -> the clause head that owns it (-1: the main clause)
    for head in heads:
        for k in range(max(head.left_edge.i, first), min(head.right_edge.i + 1, last)):
            owner[k - first] = head.i
    # Maximal runs of tokens with one owner are the pieces.
    pieces: list[list[Token]] = []
    for k in range(first, last):
        if pieces and owner[k - first] == owner[pieces[-1][-1].i - first]:
            pieces[-1].append(doc[k])
        else:
            pieces.append([doc[k]])
    # A preposition or conjunction at the end of a piece introduces the next one ("after | capturing").
    for before, after in itertools.pairwise(pieces):
        while len(before) > 1 and _introduces(before[-1], after):
            after.insert(0, before.pop())
    # A quotation mark stays with the quote it opens or closes ("its “professional staff,” | had been ...").
    for before, after in itertools.pairwise(pieces):
        lead = list(itertools.takewhile(lambda t: t.is_punct and _quote_mark(t) != "open", after[:-1]))
        closes = [k for k, t in enumerate(lead) if _quote_mark(t) == "close"]
        if closes:
            before.extend(after[: closes[-1] + 1])
            del after[: closes[-1] + 1]
        while len(before) > 1 and _quote_mark(before[-1]) == "open":
            after.insert(0, before.pop())
    # A subject cut off from its verb by the clause that describes it joins that clause ("Witnesses said
    # that Gray | , who was running for his life"), so that the speaker and the subject stay with it.
    _join_forward(pieces, _described_next)
    # "… to conduct | but , | at this point, …", "told police | that | when the shooter walked in, …": a
    # conjunction or subordinator left alone (with its comma) opens what follows it.
    _join_forward(pieces, lambda piece, _: _only_leading(piece))
    # "…, and many families said | they would sleep outside": who said it joins what was said.
    _join_forward(pieces, _reports_next)
    # "The task force also suggested | that states loosen …", "some people believed | the gunshots were …":
    # a verb that frames the next piece joins it, as the fact it frames
    _join_forward(pieces, _frames_next)
    pieces = [p for p in pieces if p]
    # Short pieces (a dangling subject, "police said") join the piece before them, or the next one.
    merged: list[list[Token]] = []
    for piece in pieces:
        if merged and (not _stands_alone(piece) or not _stands_alone(merged[-1])):
            merged[-1].extend(piece)
        else:
            merged.append(piece)
    if len(merged) > 1 and not _stands_alone(merged[-1]):
        tail = merged.pop()
        merged[-1].extend(tail)
    out: list[Clause] = []
    text = doc_text(doc)
    for piece in merged:
        s = max(piece[0].idx, start)
        e = min(piece[-1].idx + len(piece[-1].text), end)
        if s < e:
            subject = _outside_subject(piece) if len(merged) > 1 else ""
            out.extend(Clause(a, b, subject) for a, b in finalise(text, [(s, e)]))
    return out or [Clause(start, end)]


LEADING_POS = frozenset(("ADP", "SCONJ", "CCONJ"))


def _join_forward(pieces: list[list[Token]], joins: Callable[[list[Token], list[Token]], bool]) -> None:
    """Each piece that ``joins`` the one after it moves to the start of that one, leaving an empty piece."""
    for k in range(len(pieces) - 1):
        if pieces[k] and joins(pieces[k], pieces[k + 1]):
            pieces[k + 1][:0] = pieces[k]
            pieces[k] = []


def _quote_mark(token: Token) -> str:
    """ "open" or "close" for a quotation mark, by its shape or, for a straight one, by the word it touches."""
    if token.text in ("“", "‘"):
        return "open"
    if token.text == "”":
        return "close"
    if token.text == '"':
        if token.i > 0 and not token.doc[token.i - 1].whitespace_:
            return "close"
        if not token.whitespace_:
            return "open"
    return ""


def _only_leading(piece: list[Token]) -> bool:
    """A conjunction, preposition or subordinator with nothing but punctuation beside it."""
    return any(t.pos_ in LEADING_POS for t in piece) and all(
        t.pos_ in LEADING_POS or t.is_punct for t in piece
    )


def _described_next(piece: list[Token], after: list[Token]) -> bool:
    """ "Witnesses said that Gray" before ", who was running": the piece is a subject whose verb lies
    elsewhere, with at most who said it, and the next piece is the clause that describes that subject."""
    inside = {t.i for t in piece}
    following = {t.i for t in after}
    for noun in piece:
        if noun.dep_ not in SUBJECT_DEPS or noun.head.i in inside:
            continue
        if not any(c.dep_ in ("relcl", "acl", "appos") and c.i in following for c in noun.subtree):
            continue
        rest = [t for t in piece if t.i not in {u.i for u in noun.subtree}]
        if all(t.is_punct or t.dep_ in ("mark", "cc") for t in rest):
            return True
        return _is_attribution([*rest, noun])
    return False


def _introduces(token: Token, after: list[Token]) -> bool:
    """A conjunction, or a preposition or subordinator tied to the words after it; the particle of a
    phrasal verb ("he went down") stays with its verb."""
    if token.pos_ not in LEADING_POS:
        return False
    if token.pos_ == "CCONJ":
        return True
    inside = {t.i for t in after}
    return token.head.i in inside or any(c.i in inside for c in token.children)


SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
MAX_SUBJECT_CHARS = 80


def _outside_subject(piece: list[Token]) -> str:
    """The words of the piece's subject when they stand in another piece: the noun a relative clause or
    apposition describes, the subject of a coordinated verb, or the verb's own subject cut off by a clause."""
    inside = {t.i for t in piece}
    roots = [t for t in piece if t.head.i not in inside or t.head.i == t.i]
    roots = [t for t in roots if t.pos_ not in ("PUNCT", "CCONJ", "SCONJ")] or roots
    if not roots:
        return ""
    root = roots[0]
    for _ in range(3):
        if root.dep_ in ("relcl", "acl", "appos"):
            noun = root.head.head if root.head.dep_ == "appos" else root.head
            return _words(noun, inside)
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return "" if subjects[0].i in inside else _words(subjects[0], inside)
        if root.dep_ not in ("conj", "advcl", "ccomp", "xcomp") or root.head.i == root.i:
            return ""
        root = root.head
    return ""


def _words(token: Token, inside: set[int]) -> str:
    """A noun with its modifiers to its left ("the Syrian Observatory"), or a short subtree."""
    tokens = [t for t in token.subtree if t.i not in inside]
    if token.pos_ in ("NOUN", "PROPN"):
        tokens = [t for t in tokens if t.i <= token.i and t.i >= token.left_edge.i]
    text = " ".join(t.text for t in tokens if not t.is_punct)
    return text if len(text) <= MAX_SUBJECT_CHARS else ""

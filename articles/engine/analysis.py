"""The analysis of one article: what is read from it alone, kept so that comparing never reads it again.

An ``Analysis`` holds the sentences with their values (quantities, dates, names before they are joined with
another article's, quotes, attribution, clause spans), the content lemmas of each clause from the parse, and
each clause's and sentence's encodings: the sentence encoder's and the word vectors' (``wordvectors``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from scipy.sparse import csr_matrix

from articles.engine.beside import beside
from articles.engine.encoder import TokenFeatures, TokenWork, pooled
from articles.engine.facts import ADDRESSED_LEMMAS, ATTRIBUTION_DEPS, SPEECH_LEMMAS, is_speech_verb
from articles.engine.parse import char_span, doc_text, parse, preload
from articles.engine.reading import ArticleRead, read_article
from articles.engine.sentences import split_sentences
from articles.engine.wordvectors import part_vectors, word_vectors

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.tokens import Doc, Token

Span = tuple[int, int]

# Parts of speech whose lemmas carry a fact's content.
CONTENT_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"))


@dataclass(slots=True)
class Analysis:
    """Everything the engine reads from one article on its own."""

    text: str
    published: dt.date | None
    read: ArticleRead
    lemmas: dict[Span, tuple[str, ...]] = field(default_factory=dict)
    # where each of a clause's lemmas stands in the text (-1 for its subject's, which stand outside it), so that
    # words that are not the fact (who said it, its dates) can be left out of what the claim shares with another
    lemma_starts: dict[Span, tuple[int, ...]] = field(default_factory=dict)
    # the words in each clause that name who says something in it (``speaker_spans``)
    speakers: dict[Span, tuple[Span, ...]] = field(default_factory=dict)
    encodings: dict[Span, NDArray[np.float32]] = field(default_factory=dict)
    sentence_encodings: dict[int, NDArray[np.float32]] = field(default_factory=dict)
    word_encodings: dict[Span, NDArray[np.float32]] = field(default_factory=dict)
    sentence_word_encodings: dict[int, NDArray[np.float32]] = field(default_factory=dict)
    # clauses less their speaker, and the word vectors of each clause's parts (wordvectors.parts)
    bare_encodings: dict[Span, NDArray[np.float32]] = field(default_factory=dict)
    # each clause's verbs with their arguments: "blow up>temple", "defuse>mine"
    predicates: dict[Span, tuple[str, ...]] = field(default_factory=dict)
    part_encodings: dict[Span, NDArray[np.float32]] = field(default_factory=dict)

    def clause_spans(self) -> list[Span]:
        return [span for sent in self.read.sentences for span in sent.clauses]


def analyse(text: str, published: dt.date | None = None) -> Analysis:
    """Parse an article, read its sentences and clauses, and encode each clause."""
    preload()
    sentences = split_sentences(text)
    # a sentence the article repeats word for word is encoded once
    sentence_texts = [text[s:e] for s, e in sentences]
    distinct_sentences = {t: k for k, t in enumerate(dict.fromkeys(sentence_texts))}
    # the sentences' tokens go through the encoder while the parser runs (on another core where there is one)
    work = TokenWork(list(distinct_sentences))
    early = beside(work.run, "encode-sentences")
    doc = parse(text, [start for start, _ in sentences])
    read = read_article(text, published, doc, sentences)
    spans = [span for sent in read.sentences for span in sent.clauses]
    subjects = [subject for sent in read.sentences for subject in sent.subjects]
    # a clause is read with its subject when the subject stands outside it ("who led the task force"); one
    # that says who said it ("…, the police chief said") also without those words, which say nothing of the fact
    clause_texts = [f"{subject} {text[s:e]}".strip() for (s, e), subject in zip(spans, subjects, strict=True)]
    kept = [_unattributed_spans(doc, s, e) for s, e in spans]
    bare = [k for k, found in enumerate(kept) if found is not None]
    work.run(from_back=True)  # what is left of the encoder's work, shared from the other end
    early()
    tokens = work.result()
    selections = TokenSelections(tokens, text, sentences, [distinct_sentences[t] for t in sentence_texts])
    for sent in read.sentences:
        selections.add(sent.index, [(sent.start, sent.end)])
    owners = [sent.index for sent in read.sentences for _ in sent.clauses]
    for (s, e), subject, index in zip(spans, subjects, owners, strict=True):
        selections.add(index, [(s, e)], subject=subject)
    for k in bare:
        selections.add(owners[k], kept[k] or [], subject=subjects[k])
    vectors = selections.vectors()
    sentence_vectors = vectors[: len(read.sentences)]
    clause_vectors = vectors[len(read.sentences) : len(read.sentences) + len(spans)]
    bare_vectors = vectors[len(read.sentences) + len(spans) :]
    texts = clause_texts + [text[s.start : s.end] for s in read.sentences]
    # a sentence of one clause is the same text twice: its word vectors are looked up once
    distinct = list(dict.fromkeys(texts))
    row = {t: k for k, t in enumerate(distinct)}
    words = word_vectors(distinct)[[row[t] for t in texts]]
    sentence_words = words[len(spans) :]
    part_rows, owner = part_vectors([text[s:e] for s, e in spans])
    bounds = np.searchsorted(owner, np.arange(len(spans) + 1))  # each clause's parts are consecutive rows
    # each clause's content words with where they stand (its subject's, kept as context, stand outside it)
    words_at = {
        span: content_words(doc, span) + [(w, -1) for w in _subject_lemmas(doc, subject)]
        for span, subject in zip(spans, subjects, strict=True)
    }
    return Analysis(
        text=text,
        published=published,
        read=read,
        lemmas={span: tuple(w for w, _ in found) for span, found in words_at.items()},
        lemma_starts={span: tuple(at for _, at in found) for span, found in words_at.items()},
        speakers={span: found for span in spans if (found := speaker_spans(doc, span))},
        predicates={span: predicates(doc, span) for span in spans},
        encodings={span: clause_vectors[k] for k, span in enumerate(spans)},
        bare_encodings={spans[k]: bare_vectors[n] for n, k in enumerate(bare)},
        part_encodings={span: part_rows[bounds[k] : bounds[k + 1]] for k, span in enumerate(spans)},
        sentence_encodings={s.index: sentence_vectors[k] for k, s in enumerate(read.sentences)},
        word_encodings={span: words[k] for k, span in enumerate(spans)},
        sentence_word_encodings={s.index: sentence_words[k] for k, s in enumerate(read.sentences)},
    )


class TokenSelections:
    """Selections of an article's words, each encoded as the sum of its words' token rows
    (``encoder.token_features``) between its sentence's start and end of text: a clause read in its sentence,
    without a second pass of the encoder."""

    def __init__(
        self, tokens: TokenFeatures, text: str, sentences: list[tuple[int, int]], encoded_as: list[int]
    ) -> None:
        """``tokens`` holds the rows of the article's distinct sentences; sentence k is ``encoded_as[k]``
        among them."""
        self.tokens, self.text, self.encoded_as = tokens, text, encoded_as
        self.starts = [start for start, _ in sentences]
        self.runs: list[list[tuple[int, int]]] = []  # each selection's rows, as runs [first, end)

    def add(self, sentence: int, ranges: list[tuple[int, int]], *, subject: str = "") -> None:
        """Select the words of sentence ``sentence`` that begin inside ``ranges`` (article characters), and
        the words of ``subject`` where the article names it before them."""
        chosen = self._words(sentence, ranges)
        if subject and chosen:
            at = self.text.rfind(subject, 0, chosen[0][0])
            where = bisect_right(self.starts, at) - 1 if at >= 0 else -1
            if where >= 0:
                chosen = self._words(where, [(at, at + len(subject))]) + chosen
        first, last = self.tokens.bounds[self.encoded_as[sentence]]
        runs = [(first, first + 1)]
        for _, _, lo, hi in chosen:
            if runs[-1][1] == lo:
                runs[-1] = (runs[-1][0], hi)
            else:
                runs.append((lo, hi))
        if runs[-1][1] == last - 1:
            runs[-1] = (runs[-1][0], last)
        else:
            runs.append((last - 1, last))
        self.runs.append(runs)

    def _words(self, sentence: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        """The sentence's words that begin inside the ranges, as (start, end, first row, end row) with the
        characters of the article."""
        origin = self.starts[sentence]
        return [
            (origin + a, origin + b, lo, hi)
            for a, b, lo, hi in self.tokens.words[self.encoded_as[sentence]]
            if any(x <= origin + a < y for x, y in ranges)
        ]

    def vectors(self) -> NDArray[np.float32]:
        """A unit vector per selection, in the order they were added: the rows are summed between the ends
        of all the runs once, and each selection adds up the pieces its runs cover."""
        lo = np.array([a for r in self.runs for a, _ in r], dtype=np.int64)
        hi = np.array([b for r in self.runs for _, b in r], dtype=np.int64)
        cuts = np.unique(np.concatenate([lo, hi]))
        # each piece is the rows from one cut to the next (the rows end at the last cut)
        pieces = (
            np.add.reduceat(self.tokens.rows[: cuts[-1]], cuts[:-1], axis=0)
            if len(cuts)
            else self.tokens.rows[:0]
        )
        owner = np.repeat(np.arange(len(self.runs)), [len(r) for r in self.runs])
        first, last = np.searchsorted(cuts, lo), np.searchsorted(cuts, hi)
        # which pieces each selection covers, as a sparse matrix: the work grows with the article, not its square
        counts = last - first
        columns = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts - first, counts)
        cover = csr_matrix(
            (np.ones(len(columns), dtype=np.float32), (np.repeat(owner, counts), columns)),
            shape=(len(self.runs), len(pieces)),
        )
        sizes = np.bincount(owner, weights=hi - lo, minlength=len(self.runs))
        return pooled(np.asarray(cover @ pieces, dtype=np.float32), sizes.astype(np.float32))


MIN_UNATTRIBUTED_WORDS = 3


def speaker_spans(doc: Doc, span: Span) -> tuple[Span, ...]:
    """The words inside a clause that name who says something in it: the subject of each of its speech
    verbs ("Some witnesses told police that …, Police Chief Charles Craft said"), whoever the sentence's
    attribution names."""
    start, end = span
    out: list[Span] = []
    for verb in char_span(doc, start, end):
        if not is_speech_verb(verb):
            continue
        for subject in verb.children:
            if subject.dep_ == "nsubj" and subject.pos_ in ("PROPN", "NOUN"):
                s, e = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
                if max(s, start) < min(e, end):
                    out.append((max(s, start), min(e, end)))
    return tuple(out)


def _unattributed(doc: Doc, start: int, end: int) -> str:
    """The clause's words less who said them ("…, the police chief said"), which say nothing of the fact:
    a speech verb with its speaker and the words around them, when at least a few words are left."""
    kept = _unattributed_spans(doc, start, end)
    if kept is None:
        return doc_text(doc)[start:end]
    text = doc_text(doc)
    return "".join(
        text[a:b] + ("" if k + 1 < len(kept) and kept[k + 1][0] == b else " ")
        for k, (a, b) in enumerate(kept)
    ).strip()


def _unattributed_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """The character spans of the clause's words less who said them (``_unattributed``), or None where
    nothing is left out."""
    tokens = char_span(doc, start, end)
    inside = {t.i for t in tokens}
    frame: set[int] = set()
    for verb in tokens:
        if not is_speech_verb(verb):
            continue
        kept = [c for c in verb.children if c.i in inside]
        reports = verb.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in verb.children)
        if not reports or any(c.dep_ == "neg" for c in verb.children):
            continue  # "told workers to stay", "could not say how many": the telling is the fact
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kept):
            continue
        frame.add(verb.i)
        for c in kept:
            if c.dep_ in ATTRIBUTION_DEPS or (c.dep_ == "dobj" and verb.lemma_ in ADDRESSED_LEMMAS):
                frame.update(t.i for t in c.subtree if t.i in inside)
    rest = [t for t in tokens if t.i not in frame]
    if not frame or sum(not t.is_punct for t in rest) < MIN_UNATTRIBUTED_WORDS:
        return None
    # the marks left at either end ("…," and "— ") belong to the words taken out
    while rest and rest[0].text in _EDGE_MARKS:
        rest.pop(0)
    while rest and rest[-1].text in _EDGE_MARKS:
        rest.pop()
    return [(t.idx, t.idx + len(t.text)) for t in rest]


_EDGE_MARKS = frozenset((",", ";", ":", "—", "–", "-", "--"))


def content_words(doc: Doc, span: Span) -> list[tuple[str, int]]:
    """Each content word inside a character span as its lower-cased lemma and where it starts, in order; not
    a verb that says who spoke ("…, the police chief said"), which tells nothing of the fact."""
    start, end = span
    out: list[tuple[str, int]] = []
    for token in char_span(doc, start, end):
        if token.is_stop or token.is_punct or token.pos_ not in CONTENT_POS or _reports_speech(token):
            continue
        lemma = token.lemma_.lower().strip("-'’.")
        if lemma and any(ch.isalnum() for ch in lemma):
            out.append((lemma, token.idx))
    return out


def _reports_speech(token: Token) -> bool:
    """A speech verb with a speaker ("police said", "she told reporters")."""
    return is_speech_verb(token) and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


# The arguments that, with their verb, say what was done to what or by whom.
ARGUMENT_DEPS = frozenset(("dobj", "nsubjpass", "nsubj", "attr", "oprd", "dative"))
# Verbs that say who spoke or little of what happened.
LIGHT_VERBS = SPEECH_LEMMAS | {"be", "do", "get", "make", "take"}
# Nouns that count or measure what follows them ("dozens of bombs", "much of the desert").
QUANTITY_NOUNS = frozenset(
    "dozen hundred thousand million some many much most all number lot part half".split()
)


def predicates(doc: Doc, span: Span) -> tuple[str, ...]:
    """Each verb of a clause with the head lemma of each of its arguments ("blow up>temple" for "had blown up
    two of its treasured temples", "defuse>bomb" and "defuse>mine" for "defusing dozens of bombs and mines")."""
    start, end = span
    out: list[str] = []
    for verb in char_span(doc, start, end):
        if verb.pos_ != "VERB" or not (start <= verb.idx < end) or verb.lemma_ in LIGHT_VERBS:
            continue
        name = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
        name = f"{name} {particle}".strip()
        heads = [c for c in verb.children if c.dep_ in ARGUMENT_DEPS]
        heads += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        # "the man who led the task force", "mines planted by ISIS": the noun the clause describes
        relative = any(c.tag_ in ("WP", "WDT") and c.dep_ in ARGUMENT_DEPS for c in verb.children)
        if (verb.dep_ == "relcl" and relative) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            heads.append(verb.head)
        k = 0
        while k < len(heads):
            head = heads[k]
            k += 1
            # "two of its temples", "dozens of bombs": the thing counted
            if _no_argument(head):
                heads += [
                    g
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            heads += [c for c in head.children if c.dep_ == "conj"]
        out += [f"{name}>{head.lemma_.lower()}" for head in heads if not _no_argument(head)]
    return tuple(dict.fromkeys(out))


def _no_argument(token: Token) -> bool:
    """A pronoun, a determiner or a count ("two", "dozens"): it says nothing of what the deed was done to."""
    return token.pos_ in ("NUM", "PRON", "DET") or token.lemma_.lower() in QUANTITY_NOUNS


def _subject_lemmas(doc: Doc, subject: str) -> tuple[str, ...]:
    """Lemmas of a subject kept as context: its words, lower-cased (names carry no inflection)."""
    return tuple(w.lower() for w in subject.split() if w[:1].isupper() or (w.isalpha() and len(w) > 3))

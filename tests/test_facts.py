"""The facts stage: sentences cut into single-fact clauses from the dependency parse."""

from __future__ import annotations

import itertools

import pytest

from articles.engine.facts import clause_spans
from articles.engine.parse import parse


def clauses(sentence: str) -> list[tuple[str, str]]:
    doc = parse(sentence)
    return [(sentence[c.start : c.end], c.subject) for c in clause_spans(doc, 0, len(sentence))]


def texts(sentence: str) -> list[str]:
    """The claims' words alone."""
    return [text for text, _ in clauses(sentence)]


def test_an_apposition_is_a_claim_and_the_main_clause_keeps_its_subject() -> None:
    got = clauses(
        "Asa Hutchinson, a former Republican congressman from Arkansas who led the task force, unveiled "
        "the report at a packed news conference."
    )
    assert got[0][0] == "Asa Hutchinson, a former Republican congressman from Arkansas who led the task force"
    assert got[1] == ("unveiled the report at a packed news conference.", "Asa Hutchinson")


def test_a_relative_clause_after_a_comma_is_a_fact_of_its_own() -> None:
    got = clauses("The gunman, who had worked at the plant for a decade, opened fire shortly after 5 p.m.")
    assert got == [
        ("The gunman, who had worked at the plant for a decade", ""),
        ("opened fire shortly after 5 p.m.", "The gunman"),
    ]


@pytest.mark.parametrize("mark", ["”", '"'])
def test_a_closing_quotation_mark_stays_with_the_quote_it_closes(mark: str) -> None:
    opening = "“" if mark == "”" else '"'
    got = texts(
        f"The driver, who was described by his employer as a {opening}careful worker,{mark} had moved to the "
        "town in May."
    )
    assert got[0].endswith(f"careful worker,{mark}")
    assert got[1] == "had moved to the town in May."


def test_a_restrictive_relative_clause_stays_with_its_noun() -> None:
    got = clauses("That's the heaviest loss that ISIS has sustained in a single battle since 2013.")
    assert len(got) == 1


def test_a_relative_clause_between_subject_and_verb_leaves_the_subject_as_context() -> None:
    got = clauses(
        "Russian forces, which began a campaign of air strikes in September, have been heavily involved "
        "in the offensive to retake Palmyra."
    )
    assert got[-1][0].startswith("have been heavily involved")
    assert got[-1][1] == "Russian forces"


def test_coordinated_nouns_are_one_fact() -> None:
    assert len(clauses("There were no dead or wounded in the market.")) == 1


def test_an_infinitive_stays_with_its_verb() -> None:
    assert len(clauses("The fire took firefighters six hours to bring under control on Monday.")) == 1


def test_the_speaker_is_not_a_claim_of_its_own() -> None:
    got = clauses(
        "Deputies chased him at speeds of more than 100 mph before he finally pulled over, "
        "Undersheriff Chris Swanson said."
    )
    assert not any(text.startswith("Undersheriff") for text, _ in got)
    assert got[-1][0].endswith("Swanson said.")


def test_claims_cover_the_sentence_in_order_without_overlaps() -> None:
    sentence = (
        "A man who was fired last week from his job at an accounting firm walked into his former office with "
        "a shotgun on Monday and shot three people, killing one, before fleeing, the authorities said."
    )
    doc = parse(sentence)
    spans = [(c.start, c.end) for c in clause_spans(doc, 0, len(sentence))]
    assert len(spans) >= 2
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert spans[0][0] == 0
    assert spans[-1][1] == len(sentence)


def test_a_speaker_with_a_long_title_is_the_attribution_not_a_claim() -> None:
    got = clauses(
        "“The fire spread through the roof within minutes,” Jon Maple, the city's public safety director, said."
    )
    assert len(got) == 1
    assert got[0][0].endswith("said.")


def test_a_speech_verb_with_what_was_said_is_a_claim() -> None:
    got = clauses("The mayor said on Friday that the bridge would reopen in March, and the council agreed.")
    assert any("the bridge would reopen in March" in text for text, _ in got)
    assert any("the council agreed" in text for text, _ in got)


def test_a_since_clause_stays_with_the_superlative_it_dates() -> None:
    got = clauses(
        "He described it as the biggest single defeat for the group since it declared a caliphate in 2014."
    )
    assert len(got) == 1


def test_a_verb_after_a_preposition_of_time_is_a_fact_of_its_own() -> None:
    got = texts(
        "The group sparked a global outcry with the destruction of monuments after capturing the city in May."
    )
    assert got[-1] == "after capturing the city in May."


def test_a_participle_next_to_its_noun_stays_and_after_a_comma_it_is_cut() -> None:
    assert (
        len(clauses("Army sappers were defusing mines and bombs planted by the militants in the ruins.")) == 1
    )
    got = texts("Army sappers were defusing the mines, planted by the militants across the ancient ruins.")
    assert got[-1].startswith("planted by the militants")


def test_an_apposition_between_a_subject_and_its_verb_stays_with_them() -> None:
    sentence = "Teqnika Moultrie, a 30-year-old bus driver from San Carlos, was killed in the crash."
    assert texts(sentence) == [sentence]


def test_a_quoted_statement_is_cut_into_its_sentences_each_with_the_speaker() -> None:
    from articles.engine import extract_claims

    claims = extract_claims("“We won. We are happy about the result of the vote,” the mayor said on Sunday.")
    assert [c.text for c in claims] == [
        "“We won.",
        "We are happy about the result of the vote,” the mayor said on Sunday.",
    ]
    assert {c.attribution for c in claims} == {"the mayor"}


def test_a_verb_of_occurrence_stays_with_the_clause_that_says_when() -> None:
    sentence = "The announcement came two days after the company reported a record loss."
    assert clauses(sentence) == [(sentence, "")]


def test_a_clause_with_a_verb_of_its_own_is_still_cut_from_the_time_clause() -> None:
    got = texts("The gunman fled on foot after police officers arrived at the scene.")
    assert got == [
        "The gunman fled on foot",
        "after police officers arrived at the scene.",
    ]


def test_a_short_clause_with_a_figure_as_its_subject_is_a_fact_of_its_own() -> None:
    got = texts("One woman died and three others, including a police officer, were injured in the attack.")
    assert got == [
        "One woman died",
        "and three others, including a police officer, were injured in the attack.",
    ]
    assert clauses("Police said he died.") == [("Police said he died.", "")]


def test_a_speaker_and_a_verb_of_belief_are_the_attribution_of_the_clause_they_frame() -> None:
    got = texts("Police said they believe there were at least two shooters, who fired from a backyard.")
    assert got == [
        "Police said they believe there were at least two shooters",
        "who fired from a backyard.",
    ]


def test_the_particle_of_a_phrasal_verb_stays_with_its_verb() -> None:
    got = clauses("They started shooting him and he went down, he was bleeding, she said.")
    assert all(not text.startswith("down") for text, _ in got)
    assert any("he went down" in text for text, _ in got)


def test_a_preposition_still_opens_the_clause_it_introduces() -> None:
    got = texts("Army sappers were defusing mines after capturing the city in May last year.")
    assert got[-1].startswith("after capturing")


def test_a_subject_cut_off_by_the_clause_that_describes_it_joins_that_clause() -> None:
    got = clauses(
        "Witnesses said that Gray, who was running for his life when he was shot, did not have a gun."
    )
    words = [text for text, _ in got]
    assert "Witnesses said that Gray" not in words  # no claim of a speaker and a name alone
    assert words[0].startswith("Witnesses said that Gray, who was running")
    assert got[-1] == ("did not have a gun.", "Gray")


def test_a_second_reported_clause_after_and_that_is_a_fact_of_its_own() -> None:
    got = clauses(
        "Walton said about 150 people were likely in the plant at the time of the shooting, and that the law "
        "enforcement officer who killed the suspect saved multiple lives."
    )
    assert len(got) == 2
    assert got[1][0].startswith("and that the law enforcement officer")


@pytest.mark.parametrize(
    "sentence",
    [
        "The epicentre was some 75 kilometres south-east of Torbat-e Heydariyeh.",
        "The US Geological Survey put the epicentre at about 58km (36 miles) south-west of Bandar Abbas.",
    ],
)
def test_a_phrase_the_parse_reads_as_an_apposition_without_a_comma_stays_with_its_noun(sentence: str) -> None:
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The judge let the defendant stay out of custody until her sentencing hearing.",
        "A federal jury on Thursday found the former county treasurer guilty on all 14 counts she faced.",
        "The mayor said the decision would make it harder for families to find housing in the city.",
    ],
)
def test_a_complement_without_a_tense_of_its_own_stays_with_its_verb(sentence: str) -> None:
    assert clauses(sentence) == [(sentence, "")]


def test_a_reported_clause_with_a_tense_of_its_own_is_still_cut() -> None:
    got = texts("Investigators warned the owners on Monday that the fire began in the kitchen.")
    assert got == ["Investigators warned the owners on Monday", "that the fire began in the kitchen."]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Dozens of aftershocks followed the main quake, and many families said they would sleep outside.",
            "and many families said they would sleep outside.",
        ),
        (
            "Investigators are unclear on the gunman's motive, but the sheriff said it was not terrorism.",
            "but the sheriff said it was not terrorism.",
        ),
    ],
)
def test_who_said_it_joins_what_was_said_after_a_conjunction(sentence: str, said: str) -> None:
    assert texts(sentence)[-1] == said


def test_what_was_reported_in_the_passive_is_a_fact_not_an_attribution() -> None:
    got = texts("One person is believed to have been arrested, and no injuries were reported.")
    assert got == [
        "One person is believed to have been arrested",
        "and no injuries were reported.",
    ]


def test_a_source_quoted_as_saying_is_the_attribution_of_what_it_said() -> None:
    sentence = "State television quoted a military source saying the army had taken control of the city."
    assert clauses(sentence) == [(sentence, "")]


def test_a_conjunction_before_a_comma_opens_the_clause_after_it() -> None:
    got = texts(
        "The sheriff told reporters that investigators still have many interviews to conduct but, at this "
        "point, the motive was most likely domestic violence."
    )
    assert got == [
        "The sheriff told reporters that investigators still have many interviews to conduct",
        "but, at this point, the motive was most likely domestic violence.",
    ]


def test_a_subordinator_left_alone_opens_the_clause_after_it() -> None:
    got = clauses(
        "Some witnesses told police that when the gunman walked into the office on the second floor around "
        "10 a.m. Monday, he looked as if he was trying to hide something, the chief said."
    )
    assert got[0][0].startswith("Some witnesses told police that when the gunman walked")


def test_a_speaker_reported_by_another_is_part_of_the_attribution_not_a_claim() -> None:
    got = clauses(
        "He said witnesses told the police that the suspect had walked into the building and into the "
        "firm's unlocked suite as though he were concealing something."
    )
    assert got[0][0] == (
        "He said witnesses told the police that the suspect had walked into the building and into the "
        "firm's unlocked suite"
    )


def test_a_speaker_quoted_in_the_passive_is_the_attribution_of_the_quote() -> None:
    got = clauses(
        '"The gulf is not deep enough for a tsunami, and the coast is safe," he was quoted as saying.'
    )
    assert got[-1][0] == 'and the coast is safe," he was quoted as saying.'


def test_a_verb_that_frames_a_clause_joins_it() -> None:
    assert texts("The commission also recommended that cities hire more building inspectors.") == [
        "The commission also recommended that cities hire more building inspectors."
    ]
    assert texts(
        "Investigators from the state fire marshal's office found on Monday that the fire began in the kitchen."
    ) == [
        "Investigators from the state fire marshal's office found on Monday that the fire began in the kitchen."
    ]
    assert texts("The crowd was so loud that some neighbours thought the explosions were thunder.") == [
        "The crowd was so loud that some neighbours thought the explosions were thunder."
    ]


def test_a_verb_with_an_object_of_its_own_does_not_join_the_next_clause() -> None:
    assert texts(
        "Firefighters rescued three children, and neighbours said the blaze began in the kitchen."
    ) == [
        "Firefighters rescued three children",
        "and neighbours said the blaze began in the kitchen.",
    ]


def test_a_subject_joins_the_clause_that_describes_a_noun_inside_it() -> None:
    got = clauses(
        "But the complaint from Iowa and Ohio, where the drug is still banned, claims that the company "
        "misled regulators."
    )
    assert got == [
        ("But the complaint from Iowa and Ohio, where the drug is still banned", ""),
        ("claims that the company misled regulators.", "the complaint"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "He added that the report found most schools had no security plan.",
        "Among the panel's main findings is that most schools have no security plan.",
        "The idea was to see whether the wall would hold.",
        "We are just making sure that the road is safe.",
        "It is not clear what charges he could face.",
    ],
)
def test_a_frame_reached_through_another_frame_or_a_complement_joins_its_clause(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_a_condition_stays_with_what_it_conditions() -> None:
    assert texts("If the company breaks the law, then it should be punished.") == [
        "If the company breaks the law, then it should be punished."
    ]
    # a reason is a fact of its own
    assert len(texts("The road was closed on Friday because the bridge had cracked in two places.")) == 2


@pytest.mark.parametrize(
    ("sentence", "cut"),
    [
        (
            "The council denounced the strike as an act punishable by the International Court of Justice.",
            [
                "The council denounced the strike as an act",
                "punishable by the International Court of Justice.",
            ],
        ),
        (
            "The company sells a pill available in Canada and Mexico since 2019.",
            ["The company sells a pill", "available in Canada and Mexico since 2019."],
        ),
    ],
)
def test_an_adjective_after_its_noun_with_a_named_complement_is_a_fact_of_its_own(
    sentence: str, cut: list[str]
) -> None:
    assert texts(sentence) == cut


@pytest.mark.parametrize(
    "sentence",
    [
        "Police vowed to find the person responsible for the shooting.",
        "Rescuers pulled a young girl alive from the rubble of a house on Tuesday.",
        "An act punishable by the International Court of Justice was committed in the city.",
    ],
)
def test_an_adjective_that_identifies_its_noun_or_names_nothing_stays_with_it(sentence: str) -> None:
    assert texts(sentence) == [sentence]

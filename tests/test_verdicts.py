from __future__ import annotations

import datetime as dt

import pytest

from articles.engine import compare_texts, extract_claims, result_to_dict
from articles.engine.types import Claim
from articles.engine.verdicts import Side, clock_times, judge


def claim(text: str, published: dt.date = dt.date(2016, 3, 28)) -> Claim:
    claims = extract_claims(text, published)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def verdict(text_a: str, text_b: str, sources: tuple[set[str], set[str]] = (set(), set())) -> tuple[str, str]:
    a, b = claim(text_a), claim(text_b)
    return judge(
        Side(a, text_a, 2016, frozenset(sources[0])), Side(b, text_b, 2016, frozenset(sources[1])), []
    )


def test_an_exact_figure_inside_a_lower_bound_agrees() -> None:
    relation, why = verdict(
        "ISIS lost at least 400 fighters in the battle.", "400 fighters died in the battle."
    )
    assert relation == "agree"
    assert "lower bound" in why


def test_fifteen_hurt_against_sixteen_injured_conflicts() -> None:
    relation, why = verdict("Fifteen people were hurt in the blast.", "The blast left 16 injured.")
    assert relation == "conflict"
    assert "15" in why or "Fifteen" in why
    assert "16" in why


def test_five_dead_against_twenty_four_dead_conflicts() -> None:
    relation, _ = verdict("Five people died in the collapse.", "The collapse killed 24 people.")
    assert relation == "conflict"


def test_twelve_killed_against_no_dead_conflicts() -> None:
    relation, _ = verdict(
        "The bombing killed 12 people in the market.", "There were no dead or wounded in the market."
    )
    assert relation == "conflict"


def test_a_total_shot_agrees_with_its_dead_and_injured() -> None:
    relation, why = verdict("Police said ten people were shot.", "One dead and nine injured, police said.")
    assert relation == "agree"
    assert "10" in why or "ten" in why


def test_the_same_amount_in_two_currencies_agrees() -> None:
    relation, why = verdict("The thieves took $2.6 million in cash.", "The thieves took £1.8m in cash.")
    assert relation == "agree"
    assert "two currencies" in why


def test_different_ages_conflict() -> None:
    relation, _ = verdict("The victim, an 82-year-old man, died.", "The victim, a 79-year-old man, died.")
    assert relation == "conflict"


def test_different_months_conflict() -> None:
    relation, why = verdict("Rebels captured the city in May 2015.", "Rebels captured the city in June 2015.")
    assert relation == "conflict"
    assert "2015-05" in why and "2015-06" in why


def test_a_relative_date_agrees_with_the_absolute_one() -> None:
    relation, _ = verdict(
        "Rebels captured the city in May last year.", "Rebels captured the city in May 2015."
    )
    assert relation == "agree"


def test_a_list_with_an_extra_town_is_partial() -> None:
    relation, why = verdict(
        "The fighters fled to the towns of Hama and Homs.",
        "The fighters fled to the towns of Hama, Idlib and Homs.",
    )
    assert relation == "partial"
    assert "Idlib" in why


def test_a_figure_told_by_different_sources_agrees_and_names_both() -> None:
    relation, why = verdict(
        "Twelve people died, the ministry said.",
        "Twelve people died, the Red Cross said.",
        ({"ministry"}, {"red-cross"}),
    )
    assert relation == "agree"
    assert "different sources" in why and "ministry" in why and "Red Cross" in why


def test_a_range_against_a_narrower_range_is_partial() -> None:
    relation, _ = verdict("Between 10 and 20 people were injured.", "Between 12 and 15 people were injured.")
    assert relation == "partial"


def test_figures_of_different_things_do_not_conflict() -> None:
    relation, _ = verdict(
        "188 troops were killed on the government side.", "400 fighters died in the battle."
    )
    assert relation != "conflict"


def test_a_start_date_does_not_contradict_an_event_date() -> None:
    relation, _ = verdict(
        "The militia had controlled the city since May last year.", "Troops recaptured the city on Sunday."
    )
    assert relation != "conflict"


def test_a_vague_amount_does_not_contradict_a_figure() -> None:
    relation, _ = verdict(
        "The rain fell within a few hours on the hills.", "The rain fell within 36 hours on the hills."
    )
    assert relation != "conflict"


def test_a_week_does_not_contradict_a_day_in_it() -> None:
    relation, _ = verdict(
        "Ministers will declare a state of emergency on Thursday.",
        "Ministers will declare a state of emergency this week.",
    )
    assert relation != "conflict"


def test_clock_times_far_apart_conflict() -> None:
    relation, why = verdict(
        "The plane came down at 10.52am local time.", "The plane came down at around 11:20 a.m."
    )
    assert relation == "conflict"
    assert "10.52am" in why and "11:20 a.m." in why


def test_a_time_given_to_the_hour_holds_the_minutes_of_that_hour() -> None:
    relation, why = verdict(
        "Several gunshots rang out around 2:17 a.m. near the bar.", "The shooting happened at 2 a.m. Sunday."
    )
    assert relation == "partial"
    assert "only the hour" in why
    relation, _ = verdict("Shots were fired at 2 a.m.", "Shots were fired at 3:20 a.m.")
    assert relation == "conflict"


def test_hedged_times_a_little_apart_are_partial_and_exact_ones_conflict() -> None:
    relation, why = verdict("The incident began about 4:40 p.m.", "The carnage began about 5 p.m.")
    assert relation == "partial"
    assert "20 minutes apart" in why
    relation, _ = verdict("The incident began at 4:40 p.m.", "The carnage began at 5:05 p.m.")
    assert relation == "conflict"


def test_clock_times_minutes_apart_agree() -> None:
    relation, _ = verdict("The quake struck at 4:32am local time.", "The quake hit at 4.35am.")
    assert relation == "agree"


def test_measures_in_different_units_are_compared_after_conversion() -> None:
    relation, why = verdict("The tower is 150 metres tall.", "The tower is 200 feet tall.")
    assert relation == "conflict"
    assert "150 metres" in why and "200 feet" in why and "61 m" in why
    relation, why = verdict("The tower is 150 metres tall.", "The tower is 490 feet tall.")
    assert relation == "agree"
    assert "149 m" in why
    relation, _ = verdict(
        "The plane crashed 10 miles from the airport.", "The plane crashed 16 km from the airport."
    )
    assert relation == "agree"


def test_an_age_in_a_decade_conflicts_with_an_age_outside_it() -> None:
    relation, why = verdict("One woman in her 20s died at the scene.", "A 30-year-old bus driver was killed.")
    assert relation == "conflict"
    assert "20s" in why and "30-year-old" in why
    relation, _ = verdict("One woman in her 20s died at the scene.", "A 24-year-old bus driver was killed.")
    assert relation == "agree"


def test_no_reports_of_casualties_against_a_count_is_only_partial() -> None:
    relation, why = verdict(
        "There were no immediate reports of casualties.", "Five people were killed in the quake."
    )
    assert relation == "partial"
    assert "no reports of casualties" in why and "Five people" in why


def test_no_one_hurt_against_a_count_of_injured_conflicts() -> None:
    relation, _ = verdict("No one was hurt in the fire.", "Two firefighters were injured in the fire.")
    assert relation == "conflict"


def test_a_name_not_yet_released_against_the_name_is_partial() -> None:
    relation, why = verdict(
        "Police have not released the name of the victim.", "The victim was identified as Jane Roe."
    )
    assert relation == "partial"
    assert "Jane Roe" in why
    relation, _ = verdict("The victim was identified by police.", "The victim was identified as Jane Roe.")
    assert relation != "partial"


def test_hedged_figures_told_to_the_unit_conflict_and_round_ones_agree() -> None:
    relation, _ = verdict(
        "The incident lasted approximately 26 minutes from start to finish.",
        "The incident lasted about 24 minutes.",
    )
    assert relation == "conflict"
    relation, _ = verdict("About 400 fighters died in the battle.", "Some 380 fighters died in the battle.")
    assert relation == "agree"


def test_two_counts_of_others_told_alike_conflict() -> None:
    relation, why = verdict(
        "Four others were injured in the attack.",
        "Three others, including one police officer, were injured in the attack.",
    )
    assert relation == "conflict"
    assert "Four" in why and "Three" in why


def test_a_part_larger_than_the_other_whole_conflicts_and_a_smaller_part_does_not() -> None:
    relation, _ = verdict("Five villages were badly hit.", "Seven of its villages were badly hit.")
    assert relation == "conflict"
    relation, _ = verdict("Twelve villages were badly hit.", "Seven of its villages were badly hit.")
    assert relation == "partial"


def test_a_count_that_names_whom_it_includes_may_hold_a_smaller_count() -> None:
    relation, _ = verdict(
        "Four people were dead, including the shooter.", "The gunman killed three people at the plant."
    )
    assert relation != "conflict"
    relation, _ = verdict("Four people were dead at the plant.", "Three people were dead at the plant.")
    assert relation == "conflict"


def test_dates_of_different_events_do_not_conflict() -> None:
    relation, why = verdict(
        "The shooter was identified on Friday as Cedric Ford.", "Ford injured 14 others on Thursday."
    )
    assert relation != "conflict"
    assert "different events" in why
    relation, _ = verdict("Voters approved the bond in 2009.", "Voters approved the bond in 2011.")
    assert relation == "conflict"


def test_calibers_that_differ_conflict() -> None:
    relation, why = verdict(
        "He pointed a .357 caliber revolver at them.", "He pointed a .38 caliber revolver."
    )
    assert relation == "conflict"
    assert "caliber" in why


def test_a_year_against_a_month_conflicts_when_both_date_one_event() -> None:
    relation, why = verdict(
        "Cowan reportedly quit the administration earlier this month.",
        "He left the administration last year to return to private practice.",
    )
    assert relation == "conflict"
    assert "last year" in why


def test_an_age_in_a_decade_with_an_apostrophe_conflicts_with_an_age_outside_it() -> None:
    relation, _ = verdict(
        "One woman in her 20's died at the scene.", "Teqnika Moultrie, a 30-year-old bus driver, was killed."
    )
    assert relation == "conflict"


def test_two_magnitudes_of_one_quake_conflict_and_the_explanation_gives_the_gap() -> None:
    relation, why = verdict(
        "The US Geological Survey put the magnitude at 6.1.",
        "The agency measured the quake at magnitude 6.4.",
    )
    assert relation == "conflict"
    assert "6.1" in why and "6.4" in why and "differs by 0.3" in why


def test_two_depths_in_two_spellings_of_one_unit_conflict() -> None:
    relation, why = verdict(
        "Its epicentre was at a shallow depth of 10km.", "The epicentre was 16 kilometres below the surface."
    )
    assert relation == "conflict"
    assert "differs by 6 km" in why


def test_two_distances_that_measure_different_things_are_not_compared() -> None:
    relation, _ = verdict(
        "The town lies about 35 miles north of the city.",
        "The three shootings covered a range of about 6 miles.",
    )
    assert relation != "conflict"


def test_a_count_that_names_two_makers_still_counts_its_noun() -> None:
    relation, why = verdict(
        "Among the haul were more than 40 Rolex and Patek Philippe watches.",
        "The thieves took 36 luxury watches.",
    )
    assert relation == "conflict"
    assert "more than 40" in why and "36" in why


def test_another_fifteen_wounded_after_the_dead_is_the_whole_count_of_the_wounded() -> None:
    a, b = "Another 15 people were wounded.", "Sixteen people were wounded."
    relation, why = verdict(a, b)
    assert relation == "conflict"
    assert "differs by one" in why
    relation, _ = verdict("Eight of the victims were released.", "Thirteen victims were released.")
    assert relation == "partial"


def test_victims_a_hospital_received_and_people_hospitalized_are_one_count() -> None:
    relation, why = verdict(
        "Officials say area hospitals received 12 victims.", "Fourteen people were hospitalized."
    )
    assert relation == "conflict"
    assert "12" in why and "Fourteen" in why
    relation, _ = verdict(
        "Officials say area hospitals received 12 victims.", "Twelve people were hospitalized."
    )
    assert relation == "agree"


def test_victims_killed_against_people_killed_is_no_conflict() -> None:
    # the people killed may include the attacker, whom "victims" leaves out
    relation, why = verdict("Three victims died in the fire.", "Four people died in the fire.")
    assert relation == "partial"
    assert "different groups" in why


def test_an_explanation_says_none_against_some_and_gives_a_duration_gap_in_its_unit() -> None:
    _, why = verdict("No injuries were reported in the crash.", "Three people were injured in the crash.")
    assert "one reports none" in why
    relation, why = verdict("The raid lasted approximately 26 minutes.", "The raid lasted about 24 minutes.")
    assert relation == "conflict"
    assert "differs by 2 minutes" in why


def test_a_distance_in_a_direction_is_not_compared_with_a_depth() -> None:
    relation, _ = verdict(
        "The epicentre was about 30km south-east of the town.",
        "The epicentre was 16 kilometres below the surface.",
    )
    assert relation != "conflict"


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        (
            "The quake struck about 30km south-east of Torbat-e Heydarieh.",
            "The quake struck some 750 kilometres east of Tehran.",
        ),
        (
            "The gunman fled to a building about 15 miles north of Detroit.",
            "A motorist spotted the car in Flint, about 50 miles north of here.",
        ),
    ],
)
def test_distances_from_two_named_places_are_not_compared(text_a: str, text_b: str) -> None:
    assert verdict(text_a, text_b)[0] != "conflict"


def test_distances_from_one_place_spelt_two_ways_are_compared() -> None:
    relation, why = verdict(
        "The quake struck about 30km south-east of Torbat-e Heydarieh.",
        "The quake struck some 75 kilometres south-east of Torbat-e Heydariyeh.",
    )
    assert relation == "conflict"
    assert "30km" in why and "75 kilometres" in why


def test_other_figures_on_other_days_are_perhaps_two_events() -> None:
    relation, why = verdict(
        "A magnitude 5.2 aftershock on Thursday afternoon brought down more walls.",
        "A smaller tremor of magnitude 4.7 shook the same area on Tuesday.",
    )
    assert relation == "partial"
    assert why.startswith("perhaps two events") and "5.2" in why and "4.7" in why
    relation, _ = verdict("A magnitude 5.2 quake hit on Thursday.", "A magnitude 4.7 quake hit on Thursday.")
    assert relation == "conflict"


def test_agreeing_figures_are_not_made_partial_by_the_dates_of_other_events() -> None:
    relation, why = verdict(
        "The gunman named on Friday had wounded 14 others.", "The gunman injured 14 others Thursday."
    )
    assert relation == "agree"
    assert "14" in why


def test_two_streets_of_one_corner_are_no_list() -> None:
    relation, _ = verdict(
        "The second shooting happened on Trinity in a parking garage.",
        "Another shooting was reported at a parking garage near Eighth and Trinity streets.",
    )
    assert relation == "agree"
    relation, why = verdict(
        "The gunman fled towards Sukhnah and Raqqa.", "The gunman fled towards Sukhnah, Raqqa and Homs."
    )
    assert relation == "partial" and "only B names Homs" in why


def test_a_24_hour_time_in_four_figures_is_compared_with_a_12_hour_one() -> None:
    relation, why = verdict("The quake struck at 1353 (1023 GMT).", "The quake hit at 1:53 p.m. local time.")
    assert relation == "agree"
    assert "1353" in why and "1:53 p.m." in why
    relation, _ = verdict("The quake struck at 1353 local time.", "The quake hit at 4:10 p.m. local time.")
    assert relation == "conflict"


def test_a_year_is_not_read_as_a_24_hour_time() -> None:
    from articles.engine.verdicts import clock_times

    assert clock_times("The dam was finished in 2013 (after delays).") == []
    assert clock_times("The quake struck at 1353 (1023 GMT).") == [(13 * 60 + 53, "1353")]


def test_two_sizes_of_one_crowd_conflict() -> None:
    data = result_to_dict(
        compare_texts(
            "Police said more than 100 people joined a candlelit vigil for the teenager on Monday night.",
            "At the candlelit vigil for the teenager on Monday night, a local station estimated the crowd at 70.",
        )
    )
    assert [(ln["relation"], ln["explanation"]) for ln in data["links"]] == [
        ("conflict", "A says more than 100 people, B says 70: the same count cannot be both")
    ]


def _linked(text_a: str, text_b: str) -> list[tuple[str, str, str]]:
    data = result_to_dict(compare_texts(text_a, text_b))
    claims = {c["id"]: c["text"] for side in ("a", "b") for c in data[side]["claims"]}
    return [(claims[ln["a"]], ln["relation"], ln["explanation"]) for ln in data["links"]]


@pytest.mark.parametrize(
    ("text_a", "text_b", "said"),
    [
        (
            "The captain was killed in the sinking off Varden, police said.",
            "The captain was injured in the sinking off Varden, police said.",
            "A says killed, B says injured",
        ),
        (
            "Police arrested the driver of the truck on Monday in Varden.",
            "Police released the driver of the truck on Monday in Varden.",
            "A says arrested, B says released",
        ),
        (
            "The council approved the new bridge plan for Varden on Monday.",
            "The council rejected the new bridge plan for Varden on Monday.",
            "A says approved, B says rejected",
        ),
    ],
)
def test_contrasting_events_are_no_agreement_however_alike_the_words(
    text_a: str, text_b: str, said: str
) -> None:
    [(_, relation, why)] = _linked(text_a, text_b)
    assert relation == "partial"
    assert why == f"other events: {said}"


def test_figures_of_the_dead_and_of_the_injured_tell_two_facts() -> None:
    [(_, relation, why)] = _linked(
        "Twelve people were killed in the sinking off Varden, police said.",
        "Thirty people were injured in the sinking off Varden, police said.",
    )
    assert (relation, why) == (
        "partial",
        "other people counted: A Twelve people (dead), B Thirty people (injured)",
    )


def test_those_rescued_are_not_those_aboard_nor_the_dead() -> None:
    relation, why = verdict(
        "The coast guard said 150 people have been rescued.", "The ferry had 210 people aboard."
    )
    assert relation != "conflict"
    [(_, relation, why)] = _linked(
        "150 people were rescued from the sinking off Varden, police said.",
        "At least 14 people died in the sinking off Varden, police said.",
    )
    assert relation == "partial"
    assert "150 people (rescued)" in why


def test_a_figure_told_with_both_states_still_agrees() -> None:
    # "the gunman was killed, 14 others were wounded" against "injured 14 others": the figures tell the shared
    # fact, whatever other events the claims also name
    text_a, text_b = "Police said 14 others were wounded.", "The gunman injured 14 others."
    side_a = Side(claim(text_a), text_a, 2016, lemmas=frozenset({"police", "kill", "wound"}))
    side_b = Side(claim(text_b), text_b, 2016, lemmas=frozenset({"gunman", "injure"}))
    relation, why = judge(side_a, side_b, [])
    assert relation == "agree"
    assert "14" in why
    # "One dead, others hurt" ~ "fatally shot, four wounded": each also tells the other's state in words
    relation, _ = verdict(
        "One dead, others hurt in the shooting.", "Woman killed, four people wounded in shooting"
    )
    assert relation == "agree"


def test_the_shot_may_be_the_wounded() -> None:
    relation, _ = verdict("Thirteen people were shot at the party.", "The shooting left 13 people wounded.")
    assert relation == "agree"


def test_a_start_told_with_another_verb_of_starting_keeps_its_date() -> None:
    relation, why = verdict(
        "The shooting began at about 11:40 p.m. on Saturday.",
        "The gunfire erupted shortly after midnight on Sunday.",
    )
    assert relation == "conflict"
    assert "Saturday" in why and "Sunday" in why


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [
        ("The third victim died on the way to the hospital.", "The woman died at the scene."),
        ("He was pronounced dead at the scene.", "He died later at St Mary's Hospital."),
    ],
)
def test_died_at_the_scene_against_in_hospital_conflicts(text_a: str, text_b: str) -> None:
    relation, why = verdict(text_a, text_b)
    assert relation == "conflict"
    assert why.startswith("where they died differs")


def test_one_report_of_both_places_is_no_conflict() -> None:
    for other in ("The woman died at the scene.", "The woman died in hospital."):
        relation, _ = verdict("One man died at the scene and another in hospital.", other)
        assert relation != "conflict"


def test_killed_at_a_hospital_tells_where_an_attack_was_not_where_someone_died() -> None:
    relation, _ = verdict("A gunman killed two people at the hospital.", "Two people died at the scene.")
    assert relation != "conflict"


def test_a_contrasting_word_inside_an_idiom_tells_no_event() -> None:
    # "opened fire" is shooting, not opening: no contrast with "closed"
    [(_, _, why)] = _linked(
        "Officers opened fire on the gunman outside the Varden bank.",
        "Officers closed the road outside the Varden bank.",
    )
    assert "other events" not in why


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Shares fell 5% to $12.40 on Monday.", []),
        ("It reported a profit of £1.31bn.", []),
        ("Rates rose 4.25% on Monday.", []),
        ("He scored 12.40 points.", []),
        ("The train left at 12.40 on Monday.", [760]),
        ("It was due at 3.30pm.", [930]),
        ("The 7:30 train was late.", [450]),
    ],
)
def test_an_amount_with_a_decimal_point_is_no_clock_time(text: str, times: list[int]) -> None:
    assert [minutes for minutes, _ in clock_times(text)] == times


def test_shares_of_the_same_thing_conflict_and_shares_of_other_things_do_not() -> None:
    relation, why = verdict("Smith won 52% of the vote.", "Smith won 54 percent of the vote.")
    assert relation == "conflict"
    assert "52%" in why and "54 percent" in why
    relation, _ = verdict(
        "Turnout in Varden was 65% on Tuesday.", "Smith won 52% of the vote in Varden on Tuesday."
    )
    assert relation != "conflict"


@pytest.mark.parametrize(
    ("text_a", "text_b", "relation"),
    [
        ("The Senate voted 52-48 to confirm her.", "The Senate voted 51-49 to confirm her.", "conflict"),
        ("The bill passed by a vote of 230-198.", "The bill passed 230 to 198 in a House vote.", "agree"),
        ("The jury voted 11-1 to convict him.", "The jury's 11-1 vote convicted him.", "agree"),
    ],
)
def test_a_vote_counted_two_ways_conflicts(text_a: str, text_b: str, relation: str) -> None:
    got, why = verdict(text_a, text_b)
    assert got == relation, why

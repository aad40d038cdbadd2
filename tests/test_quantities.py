"""Tests for the quantity reader: real sentences in, intervals out."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.engine.quantities import (
    convert_money,
    extract_quantities,
    intervals_overlap,
    same_counted_thing,
)
from articles.engine.types import Quantity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def only(text: str) -> Quantity:
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


def interval(q: Quantity) -> tuple[float | None, float | None]:
    return q.low, q.high


def q(low: float | None, high: float | None, approximate: bool = False, **kw: object) -> Quantity:
    return Quantity(0, 1, low, high, approximate=approximate, **kw)  # type: ignore[arg-type]


# --- numbers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The war has killed 270,000 people.", 270_000),
        ("Prices rose by 2.6 points.", 2.6),
        ("The rally drew 1,250.5 tonnes of aid.", 1250.5),
        ("Ten people were hurt.", 10),
        ("Forty soldiers arrived.", 40),
        ("Twenty-five children were rescued.", 25),
        ("A hundred homes burned.", 100),
        ("Two hundred and fifty cars were destroyed.", 250),
        ("Three million people voted.", 3_000_000),
        ("1.2 million refugees fled.", 1_200_000),
        ("Half a million people marched.", 500_000),
        ("A dozen tower tombs were blown up.", 12),
        ("They stayed a couple of nights.", 2),
        ("A couple of hundred protesters gathered.", 200),
        ("A couple hundred protesters gathered.", 200),
        ("A couple of dozen officers arrived.", 24),
        ("He bought a pair of shoes.", 2),
        ("A trio of robbers stormed the shop.", 3),
        ("A quartet of ministers resigned.", 4),
    ],
)
def test_it_reads_digits_and_number_words(text: str, value: float) -> None:
    got = only(text)
    assert got.low == got.high == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Following a three-week campaign, the city fell.", 3, "week"),
        ("It ended a five-year war.", 5, "year"),
        ("The army imposed a 24-hour curfew.", 24, "hour"),
        ("The loss came three months after the defeat.", 3, "month"),
        ("They flew 40 sorties in just 24 hours.", 24, "hour"),
    ],
)
def test_it_reads_durations(text: str, value: float, unit: str) -> None:
    got = [x for x in extract_quantities(text) if x.kind == "duration"]
    assert len(got) == 1
    assert (got[0].low, got[0].unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Sappers defused dozens of bombs.", 24, None),
        ("Hundreds of people fled.", 200, None),
        ("Thousands of people fled.", 2000, None),
        ("Tens of thousands of protesters marched.", 20_000, None),
        ("Hundreds of thousands of refugees crossed.", 200_000, None),
        ("Millions of people watched.", 2_000_000, None),
        ("Militants dynamited several monuments.", 3, 9),
        ("A few witnesses spoke.", 2, 5),
        ("A handful of witnesses spoke.", 3, 6),
        ("Several hundred people gathered.", 300, 900),
    ],
)
def test_it_reads_vague_amounts_as_approximate_intervals(text: str, low: float, high: float | None) -> None:
    got = only(text)
    assert interval(got) == (low, high)
    assert got.approximate


# --- qualifiers and ranges ---------------------------------------------------------------------------------


def test_it_reads_at_least_as_a_lower_bound() -> None:
    got = only("ISIS lost at least 400 fighters in the battle for the city.")
    assert (got.low, got.high, got.low_inclusive) == (400, None, True)
    assert got.text == "at least 400 fighters"


@pytest.mark.parametrize(
    ("text", "low", "high", "low_inclusive", "high_inclusive", "approximate"),
    [
        ("No fewer than 30 people died.", 30, None, True, True, False),
        ("A minimum of 5 victims were named.", 5, None, True, True, False),
        ("The war has killed more than 270,000 people.", 270_000, None, False, True, False),
        ("Over 50 people were hurt.", 50, None, False, True, False),
        ("Damage was in excess of $5 million.", 5_000_000, None, False, True, False),
        ("Upwards of 200 homes burned.", 200, None, False, True, False),
        ("Nearly 400 people died.", None, 400, True, False, True),
        ("Almost 60 soldiers died.", None, 60, True, False, True),
        ("It lasted just under 20 minutes.", None, 20, True, False, True),
        ("Fewer than 10 people came.", None, 10, True, False, False),
        ("Under 18 people were counted.", None, 18, True, False, False),
        ("Up to 50 people may have died.", None, 50, True, True, False),
        ("As many as 100 migrants drowned.", None, 100, True, True, False),
        ("No more than 12 people were inside.", None, 12, True, True, False),
        ("About 50 people were hurt.", 50, 50, True, True, True),
        ("Some 400 fighters withdrew.", 400, 400, True, True, True),
        ("An estimated 3,000 people fled.", 3000, 3000, True, True, True),
        ("Close to 100 people were there.", 100, 100, True, True, True),
        ("Roughly 70 cars burned.", 70, 70, True, True, True),
        ("400 or more fighters fled.", 400, None, True, True, False),
        ("400+ people were evacuated.", 400, None, True, True, False),
    ],
)
def test_it_turns_qualifiers_into_bounds(
    text: str,
    low: float | None,
    high: float | None,
    low_inclusive: bool,
    high_inclusive: bool,
    approximate: bool,
) -> None:
    got = only(text)
    assert (got.low, got.high) == (low, high)
    assert (got.low_inclusive, got.high_inclusive, got.approximate) == (
        low_inclusive,
        high_inclusive,
        approximate,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Between 15 and 20 people were hurt.",
        "15 to 20 people were hurt.",
        "15-20 people were hurt.",
        "15–20 people were hurt.",
        "From 15 to 20 people were hurt.",
    ],
)
def test_it_reads_ranges(text: str) -> None:
    got = only(text)
    assert interval(got) == (15, 20)
    assert got.unit == "people"
    assert got.text.endswith("people")


def test_it_carries_a_scale_word_back_over_a_range() -> None:
    assert interval(only("Between 2 and 3 million people fled.")) == (2_000_000, 3_000_000)
    assert interval(only("The deal was worth $5m to $6m.")) == (5_000_000, 6_000_000)


def test_it_reads_a_hyphenated_scale_word() -> None:
    assert only("It was a $2.6-million deal.").low == 2_600_000


def test_it_reads_one_in_five_as_a_share() -> None:
    got = only("One in five Americans smoke.")
    assert (got.kind, got.low, got.text) == ("percent", 20, "One in five")


def test_it_reads_a_fraction_as_a_share() -> None:
    got = only("Two-thirds of the victims were women.")
    assert (got.kind, round(got.low or 0), got.text) == ("percent", 67, "Two-thirds")


def test_it_reads_a_change_as_two_figures_not_a_range() -> None:
    got = extract_quantities("The death toll rose from 30 to 50.")
    assert [interval(x) for x in got] == [(30, 30), (50, 50)]
    assert [x.unit for x in got] == ["dead", "dead"]


def test_it_does_not_read_a_score_as_a_range() -> None:
    assert extract_quantities("The court ruled 5-4 and Liverpool won 3-1.") == []


# --- kinds -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age", "span"),
    [
        ("The beheading of the city's 82-year-old former antiquities chief.", 82, "82-year-old"),
        ("An 82-year-old man was killed.", 82, "82-year-old"),
        ("John Smith, 57, said he saw it.", 57, "57"),
        ("The victim was aged 57.", 57, "aged 57"),
        ("At age 23 he joined the army.", 23, "age 23"),
        ("He died at the age of 90.", 90, "age of 90"),
        ("The girl, a 12 years old pupil, survived.", 12, "12 years old"),
        ("The gunman, 29, was shot dead.", 29, "29"),
    ],
)
def test_it_reads_ages(text: str, age: float, span: str) -> None:
    got = only(text)
    assert (got.kind, got.unit, got.low, got.high) == ("age", "age", age, age)
    assert got.text == span


def test_it_reads_every_age_in_a_list_after_aged() -> None:
    got = extract_quantities("Two men, aged 19 and 21, were arrested.")
    assert [(x.low, x.kind) for x in got if x.kind == "age"] == [(19, "age"), (21, "age")]


def test_it_reads_age_ranges_and_decades() -> None:
    assert interval(only("The robbers, aged between 48 and 76, were jailed.")) == (48, 76)
    decade = only("The suspect is in his 40s.")
    assert (decade.kind, decade.low, decade.high) == ("age", 40, 49)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("The firm paid $2.6 million.", 2_600_000, "USD"),
        ("Thieves took £1.7m.", 1_700_000, "GBP"),
        ("The bank lost €5bn.", 5_000_000_000, "EUR"),
        ("Greece needs 30 billion euros.", 30_000_000_000, "EUR"),
        ("Tickets cost US$3.", 3, "USD"),
        ("The fine was Rs 500.", 500, "INR"),
        ("A bowl costs ¥200.", 200, "JPY"),
        ("He paid 500,000 dollars.", 500_000, "USD"),
        ("Japan pledged 1.5 trillion yen.", 1_500_000_000_000, "JPY"),
        ("The tender was worth R2 million.", 2_000_000, "ZAR"),
        ("They raised 500 Kenyan shillings.", 500, "KES"),
        ("The ransom was 5 million Australian dollars.", 5_000_000, "AUD"),
        ("It cost millions of dollars.", 2_000_000, "USD"),
        ("Shares fell 45 cents.", 0.45, "USD"),
    ],
)
def test_it_reads_money_with_currency_and_scale(text: str, amount: float, currency: str) -> None:
    got = only(text)
    assert (got.kind, got.currency, got.unit, got.low) == ("money", currency, currency, amount)


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 40%.",
        "Turnout was 40 per cent.",
        "Turnout was 40 percent.",
        "Turnout rose 40 percentage points.",
    ],
)
def test_it_reads_percentages(text: str) -> None:
    got = only(text)
    assert (got.kind, got.unit, got.low) == ("percent", "%", 40)


@pytest.mark.parametrize(
    ("text", "kind", "unit", "value"),
    [
        ("A 7.8-magnitude earthquake struck.", "measure", "magnitude", 7.8),
        ("A magnitude 6.1 quake struck.", "measure", "magnitude", 6.1),
        ("The quake measured 5.6 on the Richter scale.", "measure", "magnitude", 5.6),
        ("The epicentre was 80km away.", "measure", "km", 80),
        ("The epicentre was 50 miles away.", "measure", "mile", 50),
        ("It was packed with 10kg of explosives.", "measure", "kg", 10),
        ("It was -5°C overnight.", "measure", "°C", -5),
        ("Temperatures reached 40C on Monday.", "measure", "°C", 40),
        ("It was 104F in Phoenix.", "measure", "°F", 104),
        ("Winds gusting to 190km/h hit the coast.", "measure", "km/h", 190),
        ("Winds of 190 km/h hit the coast.", "measure", "km/h", 190),
        ("Winds of 100 miles per hour hit the coast.", "measure", "mph", 100),
        ("The car was doing 50 miles an hour.", "measure", "mph", 50),
        ("The 2in pipe burst.", "measure", "inch", 2),
    ],
)
def test_it_reads_measures(text: str, kind: str, unit: str, value: float) -> None:
    got = only(text)
    assert (got.kind, got.unit, got.low) == (kind, unit, value)


# --- what is counted -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Observatory director Rami Abdulrahman said 400 Islamic State fighters died.", "fighter"),
        ("On the government side, 188 troops and militiamen were killed.", "troop"),
        ("ISIS had blown up two of its treasured temples.", "temple"),
        ("ISIS had blown up a dozen tower tombs.", "tomb"),
        ("Warplanes conducted more than 40 combat sorties.", "sortie"),
        ('Warplanes targeted "158 terrorist" positions.', "position"),
        ("Three women died in the blast.", "woman"),
        ("50 police officers were deployed.", "officer"),
        ("100 police were deployed.", "police"),
        ("One of the victims was a child.", "victim"),
        ("Three Americans were among the dead.", "american"),
        ("Seven witnesses testified.", "witness"),
        ("12 deaths were reported.", "dead"),
    ],
)
def test_it_names_the_counted_noun(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("15 hurt", "injured"),
        ("16 injured", "injured"),
        ("three wounded", "injured"),
        ("five dead", "dead"),
        ("12 killed", "dead"),
        ("24 died in the attack", "dead"),
        ("ten people injured", "people injured"),
        ("ten people killed", "people dead"),
        ("ten shot", "shot"),
        ("3 missing", "missing"),
        ("2 arrested", "arrested"),
        ("Three wounded soldiers were flown out.", "soldier injured"),
    ],
)
def test_it_normalises_casualty_states(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The attack killed 12 in the market.", "dead"),
        ("The blast injured 40.", "injured"),
        ("Two others were injured.", "injured"),
        ("The bomb killed a child, and 20 others wounded.", "injured"),
        ("The number of dead rose to 43.", "dead"),
        ("The death toll rose to 50 on Monday.", "dead"),
    ],
)
def test_it_takes_the_state_from_the_verb_when_nothing_is_counted(text: str, unit: str) -> None:
    assert only(text).unit == unit


def test_it_does_not_take_an_active_verb_for_a_state() -> None:
    got = extract_quantities("Three gunmen killed 12 in the market.")
    assert [(x.low, x.unit) for x in got] == [(3, "gunman"), (12, "dead")]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("There were no dead or wounded.", ["dead", "injured"]),
        ("No one was killed.", ["dead"]),
        ("Nobody was hurt.", ["injured"]),
        ("There were no deaths.", ["dead"]),
        ("There were no casualties.", ["casualty"]),
        ("No one was killed or injured in the blast.", ["dead", "injured"]),
        ("None of the passengers were hurt.", ["injured"]),
    ],
)
def test_it_reads_no_one_as_zero(text: str, units: list[str]) -> None:
    got = extract_quantities(text)
    assert [x.unit for x in got] == units
    assert all(interval(x) == (0, 0) for x in got)


def test_it_does_not_read_no_reports_as_zero() -> None:
    assert extract_quantities("There were no immediate reports of casualties.") == []


# --- what is not a quantity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The blast happened at 3:30 pm.",
        "The blast happened at 10am.",
        "He left at 9 o'clock.",
        "Police were called at about 10.30pm on Tuesday.",
        "It is the 21st century.",
        "He lives on the 3rd floor.",
        "Call 555-1234 for details.",
        "Call +44 20 7946 0958 for details.",
        "The COVID-19 pandemic spread.",
        "A Boeing 737 crashed.",
        "NATO invoked Article 5.",
        "Traffic stopped on the M4 motorway.",
        "Leaders met at the G20.",
        "The group was founded in 2013.",
        "It has held Mosul since June 2014.",
        "They will leave by 2020.",
        "The 2015-16 season was cancelled.",
        "The ceasefire has held since Feb 27.",
        "They met on 27 February.",
        "They met on June 28.",
        "No one came.",
        "Someone else did it.",
        "They helped one another.",
        "She was the one who left.",
        "One day he left.",
        "The 1990s were calm.",
        "The Type 2 diabetes drug failed.",
        "The flight MH17 crashed.",
        "He watched Formula One.",
    ],
)
def test_it_skips_numbers_that_are_not_quantities(text: str) -> None:
    assert extract_quantities(text) == []


def test_it_reads_a_year_shaped_number_with_a_counted_noun() -> None:
    assert interval(only("2,000 people fled.")) == (2000, 2000)
    assert interval(only("Police said 2000 people fled.")) == (2000, 2000)


def test_it_keeps_a_count_after_a_capitalised_word_when_it_plainly_counts_people() -> None:
    assert only("On Monday 12 people died.").unit == "people"
    assert only("Kenya's 2.5 billion shillings were lost.").currency == "KES"


# --- spans -----------------------------------------------------------------------------------------------


def test_its_spans_are_offsets_into_the_article() -> None:
    sentence = "ISIS lost at least 400 fighters, and 188 troops were killed."
    base = 1000
    found = extract_quantities(sentence, base)
    assert [x.text for x in found] == ["at least 400 fighters", "188 troops"]
    for x in found:
        assert sentence[x.start - base : x.end - base] == x.text


def test_it_reads_the_seed_articles() -> None:
    text_a = (SEEDS / "000_475460b12f2ee23d.txt").read_text()
    found = extract_quantities(text_a)
    read = {x.text: (x.low, x.high, x.unit) for x in found}
    assert read["at least 400 fighters"] == (400, None, "fighter")
    assert read["188 troops"] == (188, 188, "troop")
    assert read["more than 270,000 people"] == (270_000, None, "people")
    assert read["82-year-old"] == (82, 82, "age")
    assert not any("2013" in t or "2014" in t or t == "27" for t in read)
    for x in found:
        assert text_a[x.start : x.end] == x.text


def test_it_reads_a_sentence_well_under_a_millisecond() -> None:
    sentences = [
        line.strip()
        for name in ("000_475460b12f2ee23d.txt", "004_d796ff16ba98fff6.txt")
        for line in (SEEDS / name).read_text().splitlines()
        if line.strip()
    ]
    began = time.perf_counter()
    for _ in range(5):
        for sentence in sentences:
            extract_quantities(sentence)
    per_sentence = (time.perf_counter() - began) / (5 * len(sentences))
    assert per_sentence < 0.001


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=10_000))
def test_it_never_raises_and_gives_valid_spans_on_any_text(text: str, base: int) -> None:
    for x in extract_quantities(text, base):
        assert base <= x.start < x.end <= base + len(text)
        assert text[x.start - base : x.end - base] == x.text
        assert x.low is None or x.high is None or x.low <= x.high


_PIECES = st.sampled_from(
    [
        "1", "12", "2,000", "2.5", "-", "–", "$", "£", "US", "R", "Rs", ".", ",", "one", "two", "a", "dozen",
        "hundred", "million", "m", "bn", "%", "per", "cent", "-year-old", "aged", "no", "nobody", "was",
        "killed", "people", "of", "the", "between", "and", "from", "to", "or", "more", "at least", "nearly",
        "Smith", "May", "2015", "his", "40s", "magnitude", "M", "7.8", "+", "half", "several", "tens",
        "thousands", "in", "out", "\"", "“", "é", "İ", ":", "am", "o'clock", "#", "°", "C", "dollars", "won",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", "  "])), max_size=16))
def test_it_gives_valid_spans_on_number_like_word_salad(parts: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in parts)
    for x in extract_quantities(text, 3):
        assert text[x.start - 3 : x.end - 3] == x.text
        assert x.low is None or x.high is None or x.low <= x.high


# --- helpers ---------------------------------------------------------------------------------------------


def test_it_converts_money_at_the_rate_of_the_year() -> None:
    pounds = convert_money(1_000_000, "USD", "GBP", 2016)
    assert pounds is not None and 700_000 < pounds < 780_000
    back = convert_money(pounds, "GBP", "USD", 2016)
    assert back is not None and abs(back - 1_000_000) < 1


def test_it_converts_between_two_non_dollar_currencies() -> None:
    yen = convert_money(100, "EUR", "JPY", 2015)
    assert yen is not None and 12_000 < yen < 14_500


def test_it_uses_the_nearest_year_outside_the_table() -> None:
    assert convert_money(10, "USD", "EUR", 1990) == convert_money(10, "USD", "EUR", 2000)
    assert convert_money(10, "USD", "EUR", 2090) == convert_money(10, "USD", "EUR", 2026)
    assert convert_money(10, "USD", "EUR", None) == convert_money(10, "USD", "EUR", 2026)


def test_it_cannot_convert_an_unknown_currency() -> None:
    assert convert_money(10, "USD", "XYZ", 2016) is None
    assert convert_money(10, "xyz", "XYZ", 2016) == 10


def test_intervals_overlap_honours_open_bounds() -> None:
    more_than_400 = q(400, None, low_inclusive=False)
    assert not intervals_overlap(more_than_400, q(400, 400))
    assert intervals_overlap(more_than_400, q(401, 401))
    assert intervals_overlap(q(400, None), q(400, 400))
    assert intervals_overlap(q(15, 20), q(20, 25))
    assert not intervals_overlap(q(15, 20), q(21, 25))
    assert intervals_overlap(q(None, None), q(3, 3))


def test_intervals_overlap_widens_only_approximate_sides() -> None:
    assert not intervals_overlap(q(400, 400), q(420, 420), 0.1)
    assert intervals_overlap(q(400, 400, approximate=True), q(420, 420), 0.1)
    nearly_400 = q(None, 400, approximate=True, high_inclusive=False)
    assert not intervals_overlap(nearly_400, q(400, 400))
    assert intervals_overlap(nearly_400, q(400, 400), 0.1)


def test_same_counted_thing_knows_synonyms() -> None:
    def count(unit: str | None) -> Quantity:
        return q(1, 1, unit=unit)

    assert same_counted_thing(count("injured"), count("injured"))
    assert same_counted_thing(only("15 hurt"), only("three wounded"))
    assert same_counted_thing(count("dead"), count("people dead"))
    assert same_counted_thing(count("people"), count("person"))
    assert same_counted_thing(count("fighter"), count("militant"))
    assert same_counted_thing(count("troop"), count("soldier"))
    assert same_counted_thing(count("fighter"), count("fighter dead"))
    assert not same_counted_thing(count("dead"), count("injured"))
    assert not same_counted_thing(count("people dead"), count("people injured"))
    assert not same_counted_thing(count("fighter"), count("troop"))
    assert not same_counted_thing(count("child dead"), count("dead"))


def test_same_counted_thing_compares_money_in_any_currency_but_not_across_kinds() -> None:
    assert same_counted_thing(only("He paid $5m."), only("He paid £4m."))
    assert not same_counted_thing(only("He paid $5m."), only("5 people"))
    assert same_counted_thing(only("three months"), only("four months"))
    assert not same_counted_thing(only("three months"), only("four weeks"))


def test_it_reads_a_toll_that_passes_a_figure_as_more_than_it() -> None:
    (q,) = extract_quantities("Quake death toll passes 120 as rescuers search villages")
    assert (q.low, q.high, q.low_inclusive) == (120, None, False)
    (q,) = extract_quantities("The number of dead topped 3,000 on Friday.")
    assert (q.low, q.high, q.low_inclusive) == (3000, None, False)


def test_a_decade_written_with_an_apostrophe_is_an_age() -> None:
    decade = only("The woman in her 20's died at the scene.")
    assert (decade.kind, decade.low, decade.high) == ("age", 20, 29)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Between 40 percent to 70 percent of the buildings were destroyed.", 40, 70),
        ("Officers take a 40- to 60-hour training course.", 40, 60),
        ("The law lets anyone 21 or older buy the drug.", 21, None),
        ("Children aged 5 or under travel free.", None, 5),
        ("At least a half-dozen others were hurt.", 6, None),
        ("A half-dozen people were arrested.", 6, 6),
        ("He was given 5 years to 10 years in prison.", 5, 10),
    ],
)
def test_ranges_bounds_and_half_dozens(sentence: str, low: float | None, high: float | None) -> None:
    assert interval(only(sentence)) == (low, high)


def test_a_change_from_one_figure_to_another_is_two_figures() -> None:
    found = extract_quantities("The jobless rate rose from 5 percent to 12 percent.")
    assert [interval(q) for q in found] == [(5, 5), (12, 12)]


def test_a_headline_verb_in_capitals_takes_its_count() -> None:
    found = extract_quantities("Powerful Quake in Chile Kills 10; 80 Hurt")
    assert [interval(q) for q in found] == [(10, 10), (80, 80)]
    assert extract_quantities("A Boeing 737 landed safely.") == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Officers reached him within about an hour.", 1, 1, "hour"),
        ("The lawsuit began a decade ago.", 10, 10, "year"),
        ("An hour later police arrived.", 1, 1, "hour"),
        ("The roof fell in within a minute or two.", 1, 2, "minute"),
        ("In the next minute or two, the roof fell.", 1, 2, "minute"),
        ("Officers confronted him less than a minute later.", None, 1, "minute"),
    ],
)
def test_a_or_an_before_a_unit_of_time_that_passed_counts_one(
    text: str, low: float | None, high: float, unit: str
) -> None:
    q = only(text)
    assert q.kind == "duration"
    assert (q.low, q.high, q.unit) == (low, high, unit)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "They held a minute of silence.",
        "A day of mourning was declared.",
        "She earns a salary a year.",
        "For a day or night.",
    ],
)
def test_a_unit_of_time_that_is_no_span_is_no_figure(text: str) -> None:
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "inches"),
    [
        ("He is 5 feet 9 inches tall.", 69),
        ("a 6-foot, 2-inch man", 74),
        ("It was 10 feet and 3 inches high.", 123),
        ("a 6ft 2in man", 74),
        ("The 6-foot-11 centre was arrested.", 83),
    ],
)
def test_feet_and_inches_are_one_height_in_inches(text: str, inches: float) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit) == (inches, inches, "inch")


def test_feet_and_inches_of_two_things_stay_apart() -> None:
    assert len(extract_quantities("The fence is 5 feet tall and the gap 9 inches wide.")) == 2
    assert only("a 6-foot-tall fence").unit == "ft"


@pytest.mark.parametrize("text", ["the 4c stamp", "He sat in seat 3f.", "He ran 10 km on Monday."])
def test_a_letter_after_digits_is_a_temperature_only_as_a_capital(text: str) -> None:
    assert all(q.unit not in ("°C", "°F") for q in extract_quantities(text))


def test_decades_and_centuries_are_counted_in_years() -> None:
    found = only("Two decades of war left the city in ruins.")
    assert (found.kind, found.low, found.high, found.unit) == ("duration", 20, 20, "year")
    assert found.text == "Two decades"
    assert interval(only("The church stood for a century before the fire.")) == (100, 100)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Much of the hour-long argument was about class actions.", "hour"),
        ("A day-long strike closed schools.", "day"),
    ],
)
def test_a_unit_of_time_made_an_adjective_with_long_is_one_unit(text: str, unit: str) -> None:
    q = only(text)
    assert (q.kind, q.low, q.high, q.unit) == ("duration", 1, 1, unit)
    assert text[q.start : q.end] == q.text


def test_a_number_before_unit_long_keeps_its_number() -> None:
    q = only("They held a two-hour-long meeting.")
    assert (q.kind, q.low, q.unit, q.text) == ("duration", 2, "hour", "two-hour-long")


def test_twice_after_a_verb_counts_two_times() -> None:
    q = only("He got shot twice in the chest.")
    assert (q.low, q.high, q.unit, q.text) == (2, 2, "time", "twice")
    assert interval(only("He was shot three times in the chest.")) == (3, 3)


@pytest.mark.parametrize(
    "text", ["It is twice as large as last year's.", "Prices rose at twice the rate.", "Twice a week he ran."]
)
def test_twice_as_a_ratio_or_a_frequency_is_not_a_count(text: str) -> None:
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police said that one man was killed.",
        "Crowds smashed windows, and that one person had been attacked.",
    ],
)
def test_one_after_a_reporting_that_counts(text: str) -> None:
    assert interval(only(text)) == (1, 1)


@pytest.mark.parametrize(
    "text",
    ["He said that one was enough.", "I like that one better.", "She said that one day she would return."],
)
def test_that_one_as_a_pronoun_counts_nothing(text: str) -> None:
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("NBC New York estimated the crowd at 70.", "people"),
        ("A crowd of about 300 gathered outside the station.", "people"),
        ("Organizers put attendance at 5,000.", "people"),
        ("At 70, he retired from the force.", None),
        ("Police said 12 of the marchers were detained.", "marcher"),
    ],
)
def test_the_size_of_a_crowd_counts_people(text: str, unit: str | None) -> None:
    (found,) = extract_quantities(text)
    assert found.unit == unit


def test_thousands_grouped_by_a_no_break_or_thin_space_are_one_figure() -> None:
    for text, value in (("3\u00a0000 people left", 3000.0), ("some 12\u202f500 homes", 12500.0)):
        found = extract_quantities(text, 0)
        assert [(q.low, q.high) for q in found] == [(value, value)], text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("one and a half million people", 1_500_000.0, "people"),
        ("a million and a half people", 1_500_000.0, "people"),
        ("two million and a half people", 2_500_000.0, "people"),
        ("two and a half thousand troops", 2_500.0, "troop"),
        ("a quarter of a million homes", 250_000.0, "home"),
        ("three quarters of a million dollars", 750_000.0, "USD"),
        ("a quarter of a century ago", 25.0, "year"),
        ("three quarters of an hour later", 0.75, "hour"),
        ("two and a half years", 2.5, "year"),
    ],
)
def test_halves_and_quarters_of_round_numbers(text: str, value: float, unit: str) -> None:
    found = extract_quantities(text, 0)
    assert [(q.low, q.high, q.unit) for q in found] == [(value, value, unit)], text


@pytest.mark.parametrize(
    "text", ["the 911 call came at noon", "a neighbour dialled 999 at once", "she called 911.", "999 calls"]
)
def test_an_emergency_number_is_no_count(text: str) -> None:
    assert extract_quantities(text, 0) == []


def test_an_emergency_number_alone_may_still_count() -> None:
    assert [(q.low, q.unit) for q in extract_quantities("999 people died", 0)] == [(999.0, "people")]


def test_a_suspended_hyphen_makes_both_figures_ages() -> None:
    found = extract_quantities("the 47- and 48-year-old men", 0)
    assert [(q.low, q.kind) for q in found] == [(47.0, "age"), (48.0, "age")]

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.engine.attribution import Attribution, find_attribution, find_quotes
from articles.engine.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def source(sentence: str) -> tuple[str, str] | None:
    found = find_attribution(sentence)
    return None if found is None else (found.source, found.verb)


def quotes(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


# Quotes


def test_it_finds_curly_and_straight_double_quotes_with_their_marks() -> None:
    assert quotes('He said “we won” and she said "we lost".') == ["“we won”", '"we lost"']


def test_it_finds_single_curly_quotes() -> None:
    assert quotes("Syrian army recaptures ‘all of Palmyra’ from Islamic State") == ["‘all of Palmyra’"]


def test_an_apostrophe_inside_a_word_is_not_a_quote_mark() -> None:
    assert quotes("Isis’s self-styled “caliphate” and the regime’s army") == ["“caliphate”"]
    assert quotes("That's ISIS' biggest loss, the players' union said.") == []


def test_an_unclosed_quote_runs_to_the_end_of_the_text() -> None:
    assert quotes("“We were scared, nobody came. ") == ["“We were scared, nobody came."]


def test_a_quote_nested_in_another_is_part_of_the_outer_one() -> None:
    assert quotes("“He told me ‘run’ and I ran,” she said.") == ["“He told me ‘run’ and I ran,”"]


def test_quote_spans_are_shifted_by_the_base_offset() -> None:
    found = find_quotes("He said “no”.", 100)
    assert [(q.start, q.end, q.text) for q in found] == [(108, 112, "“no”")]


# Attribution: source before the verb


def test_it_reads_a_source_before_said_at_the_end_of_a_sentence() -> None:
    assert source("Army sappers were defusing mines in the ruins, a military source said.") == (
        "a military source",
        "said",
    )


def test_it_reads_a_long_organisation_name_as_the_source() -> None:
    assert source("ISIS lost at least 400 fighters, the Syrian Observatory for Human Rights said.") == (
        "the Syrian Observatory for Human Rights",
        "said",
    )


def test_it_reads_a_source_at_the_start_of_a_sentence() -> None:
    assert source("Observatory director Rami Abdulrahman said 400 fighters died.") == (
        "Observatory director Rami Abdulrahman",
        "said",
    )


def test_it_reads_a_source_in_the_middle_of_a_sentence() -> None:
    text = (
        "Syrian forces have recaptured Palmyra, state media and a monitoring group said, inflicting a defeat."
    )
    assert source(text) == ("state media and a monitoring group", "said")


def test_it_reads_an_attribution_after_a_closing_quote() -> None:
    assert source("“After heavy fighting, the army is in full control,” a military source told AFP.") == (
        "a military source",
        "told",
    )


def test_it_returns_a_pronoun_source_as_the_pronoun() -> None:
    assert source("“We won. We are happy,” he said.") == ("he", "said")
    assert source("She told reporters the suspect had fled.") == ("She", "told")


def test_it_keeps_an_appositive_name_with_its_description() -> None:
    text = (
        '"That\'s the heaviest loss" in 2013, the director of the Britain-based monitoring group, '
        "Rami Abdel Rahman, told Agence France-Presse."
    )
    assert source(text) == ("the director of the Britain-based monitoring group, Rami Abdel Rahman", "told")


def test_it_skips_a_relative_clause_between_source_and_verb() -> None:
    assert source("Rami Abdel Rahman, who heads the Observatory, said 400 fighters died.") == (
        "Rami Abdel Rahman",
        "said",
    )


def test_it_skips_a_participle_phrase_and_an_adverb_between_commas() -> None:
    assert source("The Observatory, based in Britain, said 12 people died.") == ("The Observatory", "said")
    assert source("Police, however, said the man was unarmed.") == ("Police", "said")


def test_it_keeps_a_bracketed_acronym_in_the_source() -> None:
    text = "The British-based Syrian Observatory for Human Rights (SOHR) said there was still gunfire."
    assert source(text) == ("The British-based Syrian Observatory for Human Rights (SOHR)", "said")


def test_it_leaves_out_when_and_how_the_source_spoke() -> None:
    assert source("Police on Sunday said the man was 45.") == ("Police", "said")
    assert source("The death toll rose to 45, the ministry said on its website.") == ("the ministry", "said")


def test_it_keeps_titles_and_abbreviations_in_a_name() -> None:
    assert source("Gov. Greg Abbott told reporters the shooter was 18.") == ("Gov. Greg Abbott", "told")


def test_an_adjective_ending_in_ed_stays_in_the_source() -> None:
    assert source("An unnamed official said the talks had failed.") == ("An unnamed official", "said")


def test_it_separates_the_subject_from_the_object_of_an_earlier_clause() -> None:
    assert source("The army entered the city and officials said it was calm.") == ("officials", "said")


def test_it_reads_other_report_verbs() -> None:
    assert source("On Thursday, the Iraqi army announced the launch of an offensive.") == (
        "the Iraqi army",
        "announced",
    )
    assert source("Isis claimed responsibility for the attack.") == ("Isis", "claimed")
    assert source("A spokesman for the US-led coalition confirmed the strike.") == (
        "A spokesman for the US-led coalition",
        "confirmed",
    )
    assert source("“It’s over,” she added.") == ("she", "added")


def test_it_normalises_the_verb_to_the_past_tense() -> None:
    assert source("Witnesses say the gunman fired at least 30 shots.") == ("Witnesses", "said")
    assert source("The United States says the town fell.") == ("The United States", "said")


def test_it_reads_described_as() -> None:
    text = "ISIS blew up temples in a campaign that Unesco described as a war crime."
    assert source(text) == ("Unesco", "described")


# Attribution: source after the verb


def test_it_reads_according_to() -> None:
    assert source("Warplanes conducted 40 sorties, according to the Russian defence ministry.") == (
        "the Russian defence ministry",
        "according to",
    )
    assert source("According to the health ministry, 45 people died.") == (
        "the health ministry",
        "according to",
    )


def test_it_reads_an_inverted_said_and_reported() -> None:
    assert source("“We won,” said coach John Smith.") == ("coach John Smith", "said")
    text = "The recapture opens up the desert, stretching to the Iraqi border, reported Reuters."
    assert source(text) == ("Reuters", "reported")


def test_it_reads_the_quoted_person_in_quoted_as_saying() -> None:
    assert source("Syrian television quoted a military source saying the army took the city.") == (
        "a military source",
        "quoted",
    )
    assert source("The agency quoted the minister as saying the city had fallen.") == (
        "the minister",
        "quoted",
    )
    assert source("The minister was quoted as saying the city had fallen.") == ("The minister", "quoted")


def test_it_reads_the_agent_of_a_passive_report() -> None:
    assert source("The attack was claimed by Islamic State.") == ("Islamic State", "claimed")
    text = "The HMRC filing, reported first by the Financial Times, showed a tax bill of €3.4m."
    assert source(text) == ("the Financial Times", "reported")


def test_a_by_phrase_after_an_active_verb_is_not_the_source() -> None:
    assert source("Sgt. Ali Hassan told AFP by telephone that 12 died.") == ("Sgt. Ali Hassan", "told")


# No attribution


def test_it_returns_none_without_a_speech_verb() -> None:
    assert source("The earthquake killed 300 people.") is None
    assert (
        source("Drone footage released by a Russian television station showed collapsed structures.") is None
    )


def test_it_returns_none_for_a_passive_without_a_source() -> None:
    assert source("The suspect is said to be 25.") is None
    assert source("Twelve people were reported killed.") is None


def test_it_returns_none_for_report_words_used_as_nouns() -> None:
    assert source("The claims could not be independently verified.") is None
    assert source("Police declined to say how many people were hurt.") is None


def test_it_ignores_speech_verbs_inside_a_closed_quote() -> None:
    assert source("Protesters chanted “the people said no” outside.") is None


def test_it_reads_a_noun_report_as_the_source() -> None:
    assert source("Media reports said the death toll had risen to 50.") == ("Media reports", "said")


# Offsets and the seeds


def test_the_span_points_at_the_source_words_after_the_base_offset() -> None:
    sentence = "Three people were killed, police said."
    found = find_attribution(sentence, 500)
    assert found == Attribution("police", 526, 532, "said")
    assert sentence[found.start - 500 : found.end - 500] == "police"


def test_it_finds_the_attributions_of_the_second_seed_article() -> None:
    text = (SEEDS / "004_d796ff16ba98fff6.txt").read_text(encoding="utf-8")
    found = {}
    for start, end in split_sentences(text):
        attribution = find_attribution(text[start:end], start)
        if attribution is not None:
            assert text[attribution.start : attribution.end] == attribution.source
            found[attribution.source] = attribution.verb
    assert found == {
        "state media and a monitoring group": "said",
        "a military source": "told",
        "the source": "said",
        "The British-based Syrian Observatory for Human Rights (SOHR)": "said",
        "Observatory director Rami Abdulrahman": "said",
        "Syria's antiquities chief": "told",
        "a Syrian military source on the outskirts of Palmyra": "said",
        "The source": "said",
        "The military source": "said",
    }


# Properties


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=1000))
def test_random_text_never_raises_and_spans_are_valid(text: str, base: int) -> None:
    last = base
    for quote in find_quotes(text, base):
        assert last <= quote.start < quote.end <= base + len(text)
        assert text[quote.start - base : quote.end - base] == quote.text
        last = quote.end
    found = find_attribution(text, base)
    if found is not None:
        assert found.source and text[found.start - base : found.end - base] == found.source


WORDS = ["said", "told", "according to", "quoted", "as saying", "by", "who", "the", "he", "Police", "Mr."]
MARKS = [" ", ", ", ".", "“", "”", '"', "‘", "’", "'", "(", ")", "\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + MARKS)))
def test_speech_verb_soup_never_raises_and_spans_are_valid(parts: list[str]) -> None:
    text = "".join(parts)
    last = 0
    for quote in find_quotes(text):
        assert last <= quote.start < quote.end <= len(text)
        last = quote.end
    found = find_attribution(text)
    if found is not None:
        assert found.source and text[found.start : found.end] == found.source


def test_a_source_that_would_not_say_gives_way_to_one_that_speaks() -> None:
    sentence = (
        "Though they would not say what led to the shooting, “it was not random,” the police chief, "
        "Charles Craft, said."
    )
    found = find_attribution(sentence)
    assert found is not None and found.source == "the police chief, Charles Craft"
    # alone, it is still the source of what the sentence reports
    alone = find_attribution("Police couldn't say how many shots were fired.")
    assert alone is not None and alone.source == "Police"

"""Who said it, read from the parse: the subject of the speech verb, or the noun a relative clause of speech
describes, where the words around the verb would mislead a reading by position alone."""

from __future__ import annotations

import pytest

from articles.engine.pipeline import extract_claims


def speakers(text: str) -> set[str | None]:
    return {claim.attribution for claim in extract_claims(text)}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a description set off by commas between the name and the verb
        (
            "Mayor Ann Fields, often a swing vote on the council, said the plan would pass.",
            "Mayor Ann Fields",
        ),
        # a relative clause of speech: the speaker is the noun it describes, not the verb before it
        (
            "The deciding vote may rest with Judge Alan Reyes, who said the statute was unclear.",
            "Judge Alan Reyes",
        ),
        # an opening participle names a topic, not who spoke
        ("Asked about the budget talks in the legislature, Thompson said he expected a deal.", "Thompson"),
        # an adverb between the subject and the verb
        ("Officials have long said that the bridge was unsafe.", "Officials"),
        # a place set off after the name; the words after the verb are what was said
        (
            "Sheriff Mark Olsen, in northern Idaho, said Montana cattle were crossing the border.",
            "Sheriff Mark Olsen",
        ),
        # words before the name that are no role of the speaker's
        ("As for the first crash Lee says the driver fled.", "Lee"),
        # "who" speaks of a person, not of the thing the parse hangs it on
        ("This argument also drew the ire of Judge Lena Park who said the claim was odd.", "Judge Lena Park"),
    ],
)
def test_the_speaker_is_the_subject_of_the_speech_verb(text: str, speaker: str) -> None:
    assert speakers(text) - {None} == {speaker}


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        (
            "Among those shot was Roy Tate, who said the gunfire came from a passing car.",
            "Among those shot was Roy Tate",
            "Roy Tate",
        ),
        (
            "The case began a decade ago, when a cashier named Joan Miles said she was paid less than men.",
            "The case began a decade ago",
            "Joan Miles",
        ),
        (
            "The hearing was delayed by a man who police say threatened the judge.",
            "The hearing was delayed by a man",
            "police",
        ),
        (
            "Officials named the victims on Friday after the sheriff asked reporters to leave the scene.",
            "Officials named the victims on Friday",
            "the sheriff",
        ),
        # a participle of speech credits the subject of the verb it hangs on, for the words it reports
        (
            "Two states filed a lawsuit on Thursday, saying that the shops were sending drugs across the border.",
            "Two states filed a lawsuit on Thursday",
            "Two states",
        ),
        (
            "The group set off the bomb at noon, saying the attack was revenge for the raids.",
            "The group set off the bomb at noon",
            "The group",
        ),
    ],
)
def test_a_clause_before_a_speech_clause_set_inside_the_sentence_is_the_outlets_report(
    text: str, report: str, speaker: str
) -> None:
    claims = extract_claims(text)
    assert [c.attribution for c in claims if c.text.startswith(report)] == [None]
    assert {c.attribution for c in claims if not c.text.startswith(report)} == {speaker}


def test_a_quotation_before_a_speech_clause_keeps_its_speaker() -> None:
    claims = extract_claims(
        '"The cops jumped out of the car so fast," the paper quoted witness Dev Brown as saying.'
    )
    assert {c.attribution for c in claims} == {"witness Dev Brown"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Two men were hurt on Main Street, police say.", "police"),
        ("State television quoted a military source as saying the town had fallen.", "a military source"),
        ("Senator Maria Lopez, a longtime critic of the plan, said the vote would be delayed.",
         "Senator Maria Lopez, a longtime critic of the plan"),
        ("The British-based Syrian Observatory for Human Rights said fighting continued.",
         "The British-based Syrian Observatory for Human Rights"),
        ("The fire was small, Fire Capt. Ana Ruiz said.", "Fire Capt. Ana Ruiz"),
        ("Stocks fell, his sister Ann Byrne said.", "his sister Ann Byrne"),
    ],
)  # fmt: skip
def test_a_speaker_found_beside_its_verb_stays(text: str, speaker: str) -> None:
    assert speakers(text) == {speaker}


def test_a_speaker_in_a_relative_clause_speaks_for_what_follows_not_for_the_noun_it_describes() -> None:
    # a role before the name is part of who said it
    first, *_, last = extract_claims(
        "The plan drew praise from the wife of Senator Ray Burr who said it was overdue and would save lives "
        "across the county."
    )
    assert last.attribution == "the wife of Senator Ray Burr"
    assert first.attribution is None
    (claim,) = extract_claims(
        "Rebels destroyed two bridges and a power station in a campaign of sabotage that the United Nations "
        "described as a war crime."
    )
    assert claim.attribution is None


def test_the_description_beside_the_name_is_left_out_of_matching_with_it() -> None:
    from articles.engine.analysis import analyse
    from articles.engine.reading import build_claims, link_across

    text = "Mayor Ann Fields, often a swing vote on the council, said the plan would pass."
    (read,) = link_across([analyse(text).read])
    built = build_claims(read, "c")
    (masked,) = {tuple(spans) for spans in built.masked_spans.values()}
    assert [text[s:e] for s, e in masked] == ["Mayor Ann Fields, often a swing vote on the council"]


def test_a_noun_read_as_the_speech_verb_leaves_the_speaker_to_the_real_verb() -> None:
    text = "The county has recovered $80,000 through an insurance claim and a sale of land, Commissioner Jo Reed said."
    assert speakers(text) == {"Commissioner Jo Reed"}


def test_a_noun_read_as_the_speech_verb_credits_nobody() -> None:
    assert speakers("Lawsuits that pool small individual claims into one action are rare.") == {None}


def test_a_quotation_that_goes_on_in_the_same_paragraph_keeps_its_speaker() -> None:
    text = (
        '"You said the headquarters knows everything," Judge Mara Voss said to the lawyer. "Then in the next '
        'breath you say the managers decide alone. It seems to me there is an inconsistency there."'
    )
    claims = extract_claims(text)
    assert {c.attribution for c in claims} == {"Judge Mara Voss"}
    inconsistency = next(c for c in claims if "inconsistency" in c.text)
    assert inconsistency.attribution == "Judge Mara Voss"


def test_a_quotation_in_the_next_paragraph_goes_on_but_one_after_an_unquoted_sentence_does_not() -> None:
    after_a_break = (
        '"The dam held," the engineer Ravi Patel said.\n\n"Nobody expected the river to rise so fast."'
    )
    rising = next(c for c in extract_claims(after_a_break) if "river" in c.text)
    assert rising.attribution == "Ravi Patel"
    after_plain = 'Engineer Ravi Patel said the dam held. "Nobody expected the river to rise so fast."'
    rising = next(c for c in extract_claims(after_plain) if "river" in c.text)
    assert rising.attribution is None


def attributions(text: str) -> dict[str, str | None]:
    """Each claim's first words with its speaker."""
    return {" ".join(c.text.split()[:3]): c.attribution for c in extract_claims(text)}


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        # "he" is the person named as the speaker just before, in a quotation too
        (
            "Sheriff Tom Walton said about 150 people were in the plant. He said the gunman had a rifle. "
            "“There will be a lot of sad people,” he said.",
            "He said the",
            "Sheriff Tom Walton",
        ),
        (
            "Sheriff Tom Walton said about 150 people were in the plant. He said the gunman had a rifle. "
            "“There will be a lot of sad people,” he said.",
            "“There will be",
            "Sheriff Tom Walton",
        ),
        # another person stands between: "he" may be them
        (
            "Justice Ann Fields said the claim was too broad. The court then heard from the lawyer Ben Cole. "
            '"Is the gap smaller than the national average?" he asked.',
            '"Is the gap',
            "he",
        ),
        # the honorific says otherwise
        (
            "Ms. Dana Park said the bridge was safe. He said repairs would start in May.",
            "He said repairs",
            "He",
        ),
        # a sentence that opens with one person and names no other: that person
        (
            "Chief Justice John Roberts also doubted the merits of the lawsuit. "
            '"Is the gap smaller than the national average?" he asked.',
            '"Is the gap',
            "John Roberts",
        ),
        (
            "Judge Ann Fields met Chief Justice John Roberts on Monday. He said the talks went well.",
            "He said the",
            "He",
        ),
        # "they" is the group that spoke just before
        (
            "Police said most witnesses were cooperating. They added it was too early to tell if the shooting "
            "was linked to gangs.",
            "They added it",
            "Police",
        ),
    ],
)
def test_a_speaking_pronoun_is_the_speaker_named_just_before_when_nobody_else_may_be_meant(
    text: str, claim: str, speaker: str
) -> None:
    assert attributions(text)[claim] == speaker


def test_a_participle_that_reports_nothing_credits_nobody() -> None:
    assert {c.attribution for c in extract_claims("She left the room, saying nothing.")} == {None}

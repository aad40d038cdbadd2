"""Definite descriptions ("the group", "the company") read as the organisation the article is about, and a
clause's words without who said them."""

from __future__ import annotations

from articles.engine.analysis import _unattributed
from articles.engine.parse import parse
from articles.engine.pipeline import extract_claims


def names_of(text: str, words: str) -> set[str]:
    """Canonical ids of the names in the claim that holds ``words``."""
    for claim in extract_claims(text):
        if words in claim.text:
            return {e.canonical for e in claim.entities}
    raise AssertionError(f"no claim holds {words!r}")


MILITANTS = (
    "Syrian troops recaptured Palmyra from Islamic State on Sunday. Islamic State overran the ruins in May "
    "2015, sparking fears for the Unesco world heritage site. The group has since blown up several temples."
)


def test_the_group_is_the_organisation_named_most_often_before_it() -> None:
    names = names_of(MILITANTS, "blown up several temples")
    assert names == {names_of(MILITANTS, "overran the ruins").pop()}  # Islamic State, not Unesco


def test_a_group_named_once_is_not_what_the_group_stands_for() -> None:
    text = (
        "The Department of Education published its report on Tuesday. The group also called on states to "
        "require security plans."
    )
    assert names_of(text, "also called on states") == set()


def test_the_group_in_quoted_speech_is_not_read_as_an_organisation() -> None:
    text = (
        'The NYPD said officers were on patrol. The NYPD said the officers saw one man "break away from the '
        'group upon noticing the police."'
    )
    claim = next(c for c in extract_claims(text) if "break away" in c.text)
    assert not any(e.text.lower() == "the group" for e in claim.entities)


def test_a_group_of_people_is_not_a_reference() -> None:
    text = (
        "Excel Industries makes mowers. Excel Industries employs 1,000 people. The company said the group of "
        "workers was safe."
    )
    claim = next(c for c in extract_claims(text) if "was safe" in c.text or "group of" in c.text)
    assert not any(e.text == "the group" for e in claim.entities)
    assert any(e.text == "The company" for e in claim.entities)


def bare(sentence: str) -> str:
    return _unattributed(parse(sentence), 0, len(sentence))


def test_a_trailing_speaker_is_left_out_of_the_words_compared() -> None:
    assert bare("He looked as if he was trying to hide something, Troy Police Chief Charles Craft said.") == (
        "He looked as if he was trying to hide something"
    )


def test_a_leading_speaker_is_left_out_of_the_words_compared() -> None:
    assert (
        bare("Authorities said Ford had an assault rifle and a pistol.")
        == "Ford had an assault rifle and a pistol"
    )


def test_a_telling_that_is_itself_the_fact_stays() -> None:
    assert bare("Police at first told workers to stay in their offices.") == (
        "Police at first told workers to stay in their offices."
    )
    assert (
        bare("Police couldn't say how many shots were fired.")
        == "Police couldn't say how many shots were fired."
    )


def test_the_gunman_is_the_person_the_article_names_as_the_gunman() -> None:
    text = (
        "The attack was the last of three shootings by the alleged gunman, Cedric Larry Ford. Sheriff T. Walton "
        "said the gunman opened fire from his vehicle near the plant."
    )
    ford = names_of(text, "Cedric Larry Ford")
    gunman = next(c for c in extract_claims(text) if "opened fire" in c.text)
    assert [e.canonical for e in gunman.entities if e.text == "the gunman"] == [
        n for n in ford if "ford" in n
    ]


def test_the_shooter_identified_as_a_name_is_that_person() -> None:
    text = (
        "Four people were dead, including the shooter identified Friday as Cedric Ford. Investigators are "
        "unclear on the shooter's motive."
    )
    motive = next(c for c in extract_claims(text) if "motive" in c.text)
    assert [e.text for e in motive.entities] == ["the shooter"]


def test_no_one_is_the_gunman_when_the_article_names_two_or_none() -> None:
    two = "Police named the gunman as John Reed. A second report named the gunman as Mark Hale. The gunman fled on foot toward the river."
    fled = next(c for c in extract_claims(two) if "fled" in c.text)
    assert fled.entities == []
    none = "Officer Jane Cole arrived first. The gunman fled on foot."
    fled = next(c for c in extract_claims(none) if "fled" in c.text)
    assert fled.entities == []


def test_the_64_year_old_is_the_person_the_article_gives_that_age() -> None:
    text = (
        "Police arrested Gary Mendez, 64, at his home on Friday. The 64-year-old was charged with arson the "
        "next day."
    )
    charged = next(c for c in extract_claims(text) if "charged" in c.text)
    mendez = names_of(text, "Gary Mendez")
    assert {e.canonical for e in charged.entities} == mendez
    lawsuit = (
        "The 10-year-old lawsuit was argued at the court on Tuesday by lawyers for Sam Lee, 10, and others."
    )
    argued = next(c for c in extract_claims(lawsuit) if "argued" in c.text)
    assert not any(e.text.startswith("The 10") for e in argued.entities)


def test_a_name_the_parse_reads_as_a_verb_is_a_name_where_the_article_uses_it_as_one() -> None:
    text = (
        "Nebraska Attorney General Jon Bruning said the sales hurt his state. Bruning, a Republican, blamed "
        "federal officials for failing to enforce the ban."
    )
    assert names_of(text, "blamed federal officials") == {"jon-bruning"}
    assert "jon-bruning" in names_of(text, "the sales hurt his state")


def test_a_capitalised_verb_the_article_never_uses_as_a_name_stays_out() -> None:
    text = "Police said the road was closed. Saying nothing more, officers left the scene on Tuesday."
    assert names_of(text, "officers left the scene") == set()


def test_an_opening_adverb_the_tagger_takes_for_a_name_is_not_one() -> None:
    text = (
        "The task force released its report on Tuesday. Technically, Mr. Hutchison's task force is "
        "independent of the rifle association."
    )
    assert names_of(text, "task force is independent") == {"hutchison"}


def test_an_opening_name_before_a_comma_stays_a_name() -> None:
    text = "Jones, the county's treasurer, resigned on Friday. Jones said nothing more."
    assert "jones" in names_of(text, "resigned on Friday")

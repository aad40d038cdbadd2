from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.engine.sentences import is_furniture, is_heading, is_sourcing, scan_quotes, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def heading(line: str) -> bool:
    return is_heading(line, 0, len(line))


# Plain splitting


def test_it_splits_after_full_stops_question_and_exclamation_marks() -> None:
    assert sentences("Is it over? Nobody knows! Police left.") == [
        "Is it over?",
        "Nobody knows!",
        "Police left.",
    ]


def test_it_returns_nothing_for_empty_or_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n\t \n ") == []


def test_it_trims_whitespace_around_each_sentence() -> None:
    text = "   Two people died.    Three were hurt.  "
    assert sentences(text) == ["Two people died.", "Three were hurt."]


def test_it_does_not_split_before_a_lowercase_word() -> None:
    assert sentences("The toll was 12 at 6 a.m. and rose later.") == [
        "The toll was 12 at 6 a.m. and rose later."
    ]


def test_it_splits_before_a_sentence_that_opens_with_a_digit() -> None:
    assert sentences("The blast hit at noon. 45 people died.") == [
        "The blast hit at noon.",
        "45 people died.",
    ]


def test_it_treats_an_ellipsis_as_a_sentence_end() -> None:
    assert sentences("He waited... Then he left.") == ["He waited...", "Then he left."]


# Abbreviations, initials, numbers


def test_it_keeps_titles_with_the_name_that_follows() -> None:
    text = "Dr. Jane Smith, Sen. Ted Cruz and Gen. Mark Milley attended. Mr. Smith did not."
    assert sentences(text) == [
        "Dr. Jane Smith, Sen. Ted Cruz and Gen. Mark Milley attended.",
        "Mr. Smith did not.",
    ]


def test_it_does_not_split_after_a_middle_initial() -> None:
    assert sentences("John F. Kennedy was shot in Dallas. He died.") == [
        "John F. Kennedy was shot in Dallas.",
        "He died.",
    ]


def test_it_does_not_split_inside_a_decimal_number() -> None:
    assert sentences("The rate rose to 3.5 percent. Analysts were surprised.") == [
        "The rate rose to 3.5 percent.",
        "Analysts were surprised.",
    ]


def test_it_splits_after_a_unit_glued_to_a_number() -> None:
    assert sentences("He earned $1.5m. He spent it all.") == ["He earned $1.5m.", "He spent it all."]


def test_it_keeps_a_month_abbreviation_with_its_day() -> None:
    assert sentences("The attack happened on Jan. 5. Nobody was hurt. They met on Sept. 11 at noon.") == [
        "The attack happened on Jan. 5.",
        "Nobody was hurt.",
        "They met on Sept. 11 at noon.",
    ]


def test_it_keeps_us_and_uk_inside_a_sentence_but_splits_when_a_new_one_starts() -> None:
    assert sentences("The U.S. Army said it would help. The U.K. did not.") == [
        "The U.S. Army said it would help.",
        "The U.K. did not.",
    ]
    assert sentences("He lives in the U.S. The rest live abroad.") == [
        "He lives in the U.S.",
        "The rest live abroad.",
    ]


def test_it_reads_a_company_suffix_as_a_sentence_end_only_before_a_sentence_opener() -> None:
    assert sentences("He works for Apple Inc. The company is big.") == [
        "He works for Apple Inc.",
        "The company is big.",
    ]
    assert sentences("Shares in Acme Corp. Holdings fell.") == ["Shares in Acme Corp. Holdings fell."]


def test_it_keeps_am_and_pm_before_a_weekday_but_not_before_a_new_subject() -> None:
    assert sentences("Results are due at 10 a.m. Tuesday.") == ["Results are due at 10 a.m. Tuesday."]
    assert sentences("He arrived at 3 p.m. Police met him.") == ["He arrived at 3 p.m.", "Police met him."]


def test_it_keeps_eg_vs_and_no_with_what_follows() -> None:
    assert sentences("Fruit, e.g. apples, is healthy. He scored vs. Chelsea. No. 10 said nothing.") == [
        "Fruit, e.g. apples, is healthy.",
        "He scored vs. Chelsea.",
        "No. 10 said nothing.",
    ]


# Quotes and brackets


def test_it_keeps_a_quoted_sentence_with_its_attribution() -> None:
    assert sentences("“We won. We are happy,” he said. The crowd cheered.") == [
        "“We won. We are happy,” he said.",
        "The crowd cheered.",
    ]


def test_it_splits_after_a_closing_quote_that_follows_a_full_stop() -> None:
    assert sentences("“We won. We are happy.” The crowd cheered.") == [
        "“We won. We are happy.”",
        "The crowd cheered.",
    ]


def test_it_splits_before_an_opening_quote() -> None:
    assert sentences("He said: “We won.” “We are happy,” he added.") == [
        "He said: “We won.”",
        "“We are happy,” he added.",
    ]


def test_it_handles_straight_double_quotes_like_curly_ones() -> None:
    assert sentences('"It is over. We left," she said. Police came.') == [
        '"It is over. We left," she said.',
        "Police came.",
    ]


def test_it_still_splits_a_paragraph_whose_quote_is_never_closed() -> None:
    # News style leaves a quote open when it continues into the next paragraph.
    assert sentences("“We were scared. Nobody came.\n\n“Then the army arrived,” she said.") == [
        "“We were scared.",
        "Nobody came.",
        "“Then the army arrived,” she said.",
    ]


def test_it_does_not_split_inside_brackets() -> None:
    assert sentences("The man (he was 45. Or 46.) died. Police came.") == [
        "The man (he was 45. Or 46.) died.",
        "Police came.",
    ]


# Lines and paragraphs


def test_a_headline_line_without_a_full_stop_is_its_own_sentence() -> None:
    assert sentences("Gunman kills five in Texas\nA gunman killed five people on Monday. He fled.") == [
        "Gunman kills five in Texas",
        "A gunman killed five people on Monday.",
        "He fled.",
    ]


def test_blank_lines_always_end_a_sentence() -> None:
    assert sentences("Top Stories\n\n\n    Mar 28, 2016\n\n    Palmyra retaken\n\n    Troops won.") == [
        "Top Stories",
        "Mar 28, 2016",
        "Palmyra retaken",
        "Troops won.",
    ]


def test_hard_wrapped_lines_are_joined_back_into_one_sentence() -> None:
    text = (
        "This is a hard-wrapped paragraph of prose that goes on for a while and\n"
        "Then continues on the next line with more words until the sentence ends.\n"
        "Another sentence begins here."
    )
    assert sentences(text) == [
        "This is a hard-wrapped paragraph of prose that goes on for a while and\n"
        "Then continues on the next line with more words until the sentence ends.",
        "Another sentence begins here.",
    ]


def test_it_accepts_windows_line_endings() -> None:
    assert sentences("Headline here\r\n\r\nBody one. Body two.\r\n") == [
        "Headline here",
        "Body one.",
        "Body two.",
    ]


# The seed articles


def test_it_splits_the_first_seed_article_into_its_real_sentences() -> None:
    text = (SEEDS / "000_475460b12f2ee23d.txt").read_text(encoding="utf-8")
    got = sentences(text)
    assert len(got) == 20
    assert got[:3] == [
        "Top Stories",
        "Mar 28, 2016",
        "Russia-backed Syrian forces recapture Palmyra from ISIS",
    ]
    assert got[7] == "On the government side, 188 troops and militiamen were killed."
    assert got[8].startswith("\"That's the heaviest loss") and got[8].endswith("told Agence France-Presse.")
    assert got[-1].endswith("a five-year war that has killed more than 270,000 people.")


def test_it_splits_the_second_seed_article_into_its_real_sentences() -> None:
    text = (SEEDS / "004_d796ff16ba98fff6.txt").read_text(encoding="utf-8")
    got = sentences(text)
    assert len(got) == 24
    assert got[0] == "Syrian army recaptures ‘all of Palmyra’ from Islamic State"
    assert got[5] == (
        "Isis fighters pulled out on Sunday morning, retreating to the towns of Sukhnah, Raqqa and "
        "Deir Ezzor to the east."
    )
    assert got[6] == (
        "“Army sappers are in the process of defusing dozens of bombs and mines planted inside the "
        "ancient site,” the source said."
    )
    assert got[10] == "Palmyra is also home to some of the most extensive ruins of the Roman empire."
    assert got[-1].startswith("It used Palmyra’s ancient amphitheatre")


def test_no_sentence_of_the_seeds_is_taken_for_a_heading_except_the_labels() -> None:
    text = (SEEDS / "000_475460b12f2ee23d.txt").read_text(encoding="utf-8")
    flags = [is_heading(text, s, e) for s, e in split_sentences(text)]
    assert flags[:3] == [True, True, False]
    assert not any(flags[3:])


# Headings


def test_label_lines_are_headings() -> None:
    for line in ["Top Stories", "World News", "Share this article", "Advertisement", "Associated Press"]:
        assert heading(line), line


def test_date_and_time_lines_are_headings() -> None:
    for line in [
        "Mar 28, 2016",
        "Updated 10:32 GMT",
        "Monday 28 March 2016 14.05 BST",
        "Last modified on 1 March 2016",
        "Edited time: March 13, 2013 02:15",
        "Created: 5 May 2019",
        "First published on Tue 9 Apr 2007 14.00 BST",
        "Originally posted March 5, 2024",
    ]:
        assert heading(line), line


def test_bylines_and_credits_are_headings() -> None:
    for line in [
        "By Jane Smith",
        "By Jane Smith and John Doe, Reuters",
        "Reporting by John Davison; Editing by Tom Heneghan",
    ]:
        assert heading(line), line


def test_headlines_and_sentences_with_a_fact_are_not_headings() -> None:
    for line in [
        "Russia-backed Syrian forces recapture Palmyra from ISIS",
        "Palmyra recaptured",
        "Gunman kills 5",
        "Five dead in Texas shooting",
        "Police said three people died.",
        "By the time police arrived, three people had died.",
    ]:
        assert not heading(line), line


def test_is_heading_reads_only_the_span_it_is_given() -> None:
    text = "Police said two died.\nTop Stories\n"
    assert is_heading(text, 22, 33)
    assert not is_heading(text, 0, 21)


# Quote scanning used by the splitter


def test_scan_quotes_ignores_apostrophes_inside_words() -> None:
    text = "Isis’s self-styled “caliphate” and the regime’s army"
    assert [(text[s:e], closed) for s, e, closed in scan_quotes(text)] == [("“caliphate”", True)]


# Properties


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_yields_ordered_trimmed_non_empty_spans(text: str) -> None:
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        is_heading(text, start, end)
        last = end


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Mr.", " ", "“", "”", '"', "’", "‘", "(", ")", ".", "\n", "\n\n", "A", "a", "1"])
    )
)
def test_punctuation_soup_never_breaks_the_splitter(parts: list[str]) -> None:
    text = "".join(parts)
    last = 0
    for start, end in split_sentences(text):
        assert last <= start < end <= len(text)
        last = end


@pytest.mark.parametrize(
    "line",
    [
        "Copyright 2011 The Associated Press.",
        "All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "© 2016 Reuters",
        "Follow us on Twitter and Facebook.",
        "Sign up for our newsletter.",
        "Click here to read the full report.",
        "Read more: Why the bridge fell",
        "Related: Five things to know",
        "Advertisement",
        "Reporting by Jo Lee; Editing by Sam Hart",
        "(Additional reporting by Jo Lee in London)",
        "Associated Press writer Jo Lee contributed to this report.",
        "Continue reading the main story",
        "A version of this article appears in print on April 10, 2007, on Page A14 of the New York edition.",
        "Image copyright Getty Images",
        "Media playback is unsupported on your device",
        "This article is more than 15 years old",
        "Correction: An earlier version of this article gave the wrong age for the suspect.",
        "An earlier version of this story misstated the number of injured.",
        "This story has been updated with the latest figures.",
        "(AP Photo/Charlie Riedel)",
        "Order Reprints | Today's Paper | Subscribe",
        "This article was originally published on April 2.",
        "We use cookies to improve your experience on our site.",
        "Please enable JavaScript to view the comments.",
        "Your browser does not support the video tag.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Filed under: World, Asia",
        "Have a news tip? Email us at tips@example.com.",
        "Email us at newsdesk@example.com",
        "Already a subscriber? Log in",
        "You have 2 free articles remaining this month.",
        "Download the News app for breaking alerts.",
        "Support independent journalism today.",
        "Skip to main content",
        "Get the latest headlines delivered to your inbox every morning.",
        "— Coast Guard (@USCG) April 2, 2013",
        "— Jane Roe (@janeroe) Dec. 4, 2016",
    ],
)
def test_page_furniture_is_no_sentence_of_the_story(line: str) -> None:
    assert is_furniture(line, 0, len(line))


@pytest.mark.parametrize(
    "line",
    [
        "Copyright infringement lawsuits rose sharply last year.",
        "Watch the skies tonight, officials said.",
        "Reporting by the Times showed the mayor knew.",
        "Reporting by Reuters showed the mayor knew.",
        "Several agencies contributed to this report, the commission said.",
        "Related charges were filed on Monday.",
        "He urged residents to follow police on Twitter for updates.",
        "The advertisement ran on Sunday.",
        "Continue reading to the end of the list, the judge told the clerk.",
        "A version of the bill passed the Senate in March.",
        "AP photographers were among those injured.",
        "The correction came two days later, the agency said.",
        "This report was updated by the agency in May, the minister said.",
        "The vote was 5 | 4 in favour.",
        "Ferry capsizes | 12 killed as passenger boat overturns on Lake Varden in strong winds",
        "We use the same roads every day, residents said.",
        "The ministry said it had a tip from a neighbour.",
        "The app was downloaded 2 million times, the company said.",
        "Police said the letters were delivered to the mayor's inbox on Monday.",
        "The article was first published in a local paper, the court heard.",
    ],
)
def test_sentences_of_the_story_are_not_furniture(line: str) -> None:
    assert not is_furniture(line, 0, len(line))


@pytest.mark.parametrize(
    ("clause", "sourcing"),
    [
        ("Two officials, who spoke on condition of anonymity", True),
        ("because they were not authorized to discuss the case", True),
        ("The witness, who asked not to be named,", True),
        ("A police official, speaking on the condition of anonymity, said three people were arrested", False),
        ("He said the officers were not authorized to use force", False),
    ],
)
def test_a_clause_that_only_shields_a_source_is_sourcing(clause: str, sourcing: bool) -> None:
    assert is_sourcing(clause, 0, len(clause)) is sourcing


def test_the_items_of_a_list_are_lines_of_their_own_under_their_label() -> None:
    text = "Key points:\n• 12 confirmed dead\n• 150 rescued\n\nThe storm hit:\n- roads closed\n- power cut to 3,000 homes\n"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Key points:",
        "• 12 confirmed dead",
        "• 150 rescued",
        "The storm hit:",
        "- roads closed",
        "- power cut to 3,000 homes",
    ]

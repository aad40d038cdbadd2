from __future__ import annotations

import datetime as dt

from conftest import SEED_A, SEED_B

from articles.importing import parse_article, read_article


def test_headline_then_date_line_then_body() -> None:
    parsed = parse_article(
        "Flood hits Exampleton\n\nMarch 5, 2024\n\nHeavy rain flooded the town on Tuesday, officials said. "
        "Some 300 people left their homes.\n"
    )
    assert (parsed.title, parsed.dateline) == ("Flood hits Exampleton", dt.date(2024, 3, 5))


def test_section_label_then_date_line_then_headline() -> None:
    parsed = parse_article(
        "World\n\n05 March 2024\n\nFlood hits Exampleton\n\nHeavy rain flooded the town.\n"
    )
    assert (parsed.title, parsed.dateline) == ("Flood hits Exampleton", dt.date(2024, 3, 5))


def test_headline_then_standfirst() -> None:
    parsed = parse_article(
        "Flood hits Exampleton\n\nThree hundred people leave their homes as the river rises two metres\n\n"
        "Heavy rain flooded the town on Tuesday, officials said.\n"
    )
    assert (parsed.title, parsed.dateline) == ("Flood hits Exampleton", None)


def test_a_date_line_first_is_followed_by_the_headline() -> None:
    parsed = parse_article(
        "Tuesday, March 5, 2024\n\nFlood hits Exampleton\n\nHeavy rain flooded the town.\n"
    )
    assert parsed.title == "Flood hits Exampleton"


def test_a_long_first_line_before_the_date_is_still_the_headline_not_the_body() -> None:
    headline = "Flood forces hundreds from their homes in Exampleton as river rises"
    parsed = parse_article(f"{headline}\nMar 5, 2024\nHeavy rain flooded the town on Tuesday.\n")
    assert parsed.title == headline


def test_the_seeds_keep_their_headlines() -> None:
    assert read_article(SEED_A).title == "Russia-backed Syrian forces recapture Palmyra from ISIS"
    assert read_article(SEED_B).title == "Syrian army recaptures ‘all of Palmyra’ from Islamic State"

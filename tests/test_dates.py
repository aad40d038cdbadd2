"""Tests for the date reader: what counts as a date, how it resolves, and that spans stay honest."""

from __future__ import annotations

import datetime
import itertools
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.engine.dates import WEEKDAY_SLACK_DAYS, dates_compatible, extract_dates
from articles.engine.types import DateRef

MON_28_MAR_2016 = datetime.date(2016, 3, 28)  # a Monday
SUN_27_MAR_2016 = datetime.date(2016, 3, 27)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ISO_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def values(text: str, published: datetime.date | None = MON_28_MAR_2016) -> list[str]:
    return [d.value for d in extract_dates(text, published)]


def only(text: str, published: datetime.date | None = MON_28_MAR_2016) -> DateRef:
    found = extract_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# --- absolute dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "covered"),
    [
        ("Isis overran the city in May 2015, sparking outcry.", "2015-05", "in May 2015"),
        ("The blast happened on March 27, 2016, police said.", "2016-03-27", "on March 27, 2016"),
        ("The blast happened on 27 March 2016 in the capital.", "2016-03-27", "on 27 March 2016"),
        ("The filing is dated 2016-03-27 by the clerk.", "2016-03-27", "2016-03-27"),
        ("The group was founded in 2013 by veterans.", "2013", "in 2013"),
        ("It has held Mosul since 2014, officials say.", "2014", "since 2014"),
        ("The plant will close by 2020.", "2020", "by 2020"),
        ("Mar 28, 2016", "2016-03-28", "Mar 28, 2016"),
        ("It was signed on Sunday, March 27, 2016 in Geneva.", "2016-03-27", "on Sunday, March 27, 2016"),
        ("She was born on the 4th of July 1990.", "1990-07-04", "on the 4th of July 1990"),
        ("The return covers May of 2014.", "2014-05", "May of 2014"),
        ("Sales fell in mid-2015 after the scandal.", "2015", "in mid-2015"),
        ("The talks collapsed in late 2012.", "2012", "in late 2012"),
        ("The deal expires at the end of 2019.", "2019", "at the end of 2019"),
    ],
)
def test_it_reads_absolute_dates_with_their_preposition(sentence: str, value: str, covered: str) -> None:
    found = only(sentence)
    assert found.value == value
    assert found.text == covered
    assert found.relative is False


def test_it_reads_the_precision_of_each_form() -> None:
    assert [d.precision for d in extract_dates("In 2013, in May 2015 and on 3 June 2015.", None)] == [
        "year",
        "month",
        "day",
    ]


def test_it_reads_a_decade_as_its_first_year() -> None:
    found = only("Crime peaked in the 1990s in the city.")
    assert (found.value, found.precision, found.text) == ("1990", "year", "in the 1990s")
    assert only("The case dates back to the early 2000s.").text == "the early 2000s"


def test_it_reads_an_apostrophe_decade() -> None:
    assert values("It was a hit in the ’80s.") == ["1980"]


@pytest.mark.parametrize("season", ["2015-16", "2015/16", "2015–16", "2015-2016"])
def test_it_reads_a_season_as_the_year_it_starts(season: str) -> None:
    found = only(f"He scored 30 goals in the {season} season.")
    assert found.value == "2015"
    assert season in found.text


def test_it_reads_both_ends_of_a_year_range() -> None:
    assert values("Profits rose between 2010 and 2014.") == ["2010", "2014"]
    assert values("He ran the firm from 2008 to 2012.") == ["2008", "2012"]


def test_it_reads_numeric_dates_only_when_day_and_month_are_unambiguous() -> None:
    assert values("The form was filed on 27/03/2016.") == ["2016-03-27"]
    assert values("The form was filed on 03/27/2016.") == ["2016-03-27"]
    # 04/05/2010 could be April or May, far from publication: only the year is certain.
    assert values("The form was filed on 04/05/2010.") == ["2010"]
    assert values("The form was filed on 04/05/2016.", None) == ["2016"]


def test_of_two_readings_of_a_numeric_date_the_one_near_publication_is_taken() -> None:
    # 5 April is a week from publication (28 March 2016); 4 May is five weeks away
    assert values("The form was filed on 04/05/2016.") == ["2016-04-05"]
    # both within a month: the one not after publication
    assert values("The form was filed on 03/04/2016.", datetime.date(2016, 3, 5)) == ["2016-03-04"]
    assert values("Updated 4/9/2007 6:04 PM", datetime.date(2007, 4, 10)) == ["2007-04-09"]


def test_a_date_written_year_first_is_read_whatever_its_separator() -> None:
    assert values("Published: 2012.08.08 09:01 AM", None) == ["2012-08-08"]
    assert values("The filing is dated 2012/08/08.", None) == ["2012-08-08"]


def test_it_reads_a_day_range_as_its_month() -> None:
    found = only("The summit ran on March 14-16, 2016 in Vienna.")
    assert (found.value, found.precision) == ("2016-03", "month")


def test_it_reads_a_month_range_as_its_year() -> None:
    assert values("The survey ran May-June 2015.") == ["2015"]


def test_it_reads_abbreviated_months_with_a_dot() -> None:
    assert values("The ceasefire began on Mar. 27.") == ["2016-03-27"]
    assert values("The trial opened Sept. 3, 2015.") == ["2015-09-03"]


def test_it_reads_ordinal_days() -> None:
    assert values("He was arrested on March 3rd.") == ["2016-03-03"]


def test_a_full_date_keeps_its_year_before_a_verb() -> None:
    assert values("The earthquake of April 25, 2015 killed 9,000.") == ["2015-04-25"]
    assert values("A court on 4 April 2016 sentenced him.") == ["2016-04-04"]


def test_a_year_used_as_an_adjective_is_read() -> None:
    assert values("They fled in the 2011 uprising.") == ["2011"]
    assert values("A 2015 report found 300 cases.") == ["2015"]
    assert values("It was the worst since the 2005 London bombings.") == ["2005"]


def test_a_year_after_a_describing_word_or_and_is_read() -> None:
    assert values("Brown, who pulled off a surprise 2010 victory in the race, is running.") == ["2010"]
    assert values("Dukakis, the former governor and 1988 Democratic presidential nominee, spoke.") == ["1988"]
    assert values("It was a record 2014 profit.") == ["2014"]


def test_a_number_after_a_describing_word_or_and_before_a_plural_is_a_count() -> None:
    assert values("Some 2000 Democratic voters stayed home.") == []
    assert values("The last 2000 feet were the hardest.") == []
    assert values("Police said 2000 and 1900 people were evacuated.") == []
    assert values("A further 2000 police officers were sent.") == []


def test_a_number_before_a_plural_noun_is_a_count_not_a_year() -> None:
    assert values("The 2000 victims were buried.") == []
    assert values("In May 2000 people fled.") == ["2015-05"]


def test_a_month_year_before_a_noun_is_still_a_date() -> None:
    assert values("The May 2015 offensive failed.") == ["2015-05"]


def test_it_reads_every_month_in_a_list() -> None:
    assert values("The unrest flared in May, June and July.") == ["2015-05", "2015-06", "2015-07"]


def test_it_reads_seasons_and_fiscal_years_into_the_span() -> None:
    assert only("During the summer of 2015 the group lost ground.").text == "During the summer of 2015"
    assert only("The company paid tax in fiscal 2014.").text == "in fiscal 2014"


def test_it_reads_uppercase_months() -> None:
    assert values("FILED MARCH 3, 2015") == ["2015-03-03"]


# --- day-month without a year ---------------------------------------------------------------------


def test_a_day_month_without_year_falls_on_or_before_publication() -> None:
    found = only("A truce has held since Feb 27.")
    assert (found.value, found.text, found.relative) == ("2016-02-27", "since Feb 27", True)


def test_a_later_day_month_without_year_goes_to_the_previous_year() -> None:
    assert values("The attack on June 28 killed five.") == ["2015-06-28"]


def test_the_publication_day_itself_is_not_in_the_future() -> None:
    assert values("The vote took place on March 28.") == ["2016-03-28"]


def test_a_weekday_settles_the_year_of_a_day_month() -> None:
    # 27 March fell on a Sunday in 2016, a Friday in 2015.
    assert values("The vote was held on Sunday, March 27.", datetime.date(2016, 3, 20)) == ["2016-03-27"]
    # 28 June 2015 was a Sunday, 2014 a Saturday.
    assert values("It happened on Saturday, June 28.") == ["2014-06-28"]


def test_a_weekday_never_pushes_a_day_month_years_away() -> None:
    # Sunday, 11 February is 2018: too far from a 2016 article, so the weekday is ignored.
    assert values("It happened on Sunday, Feb. 11.") == ["2016-02-11"]


def test_a_day_month_without_year_is_skipped_without_publication_date() -> None:
    assert extract_dates("The attack on June 28 killed five.", None) == []


# --- relative days ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Troops recaptured the city yesterday.", "2016-03-27"),
        ("The minister resigned today.", "2016-03-28"),
        ("The vote is tonight.", "2016-03-28"),
        ("Police said this morning that two died.", "2016-03-28"),
        ("Gunmen struck last night in the north.", "2016-03-27"),
        ("The court will rule tomorrow.", "2016-03-29"),
        ("He had arrived the day before yesterday.", "2016-03-26"),
        ("He had arrived the previous day.", "2016-03-27"),
        ("Talks broke down the day before, diplomats said.", "2016-03-27"),
        ("The body was found yesterday morning.", "2016-03-27"),
    ],
)
def test_it_resolves_relative_days_against_publication(sentence: str, value: str) -> None:
    found = only(sentence)
    assert (found.value, found.precision, found.relative) == (value, "day", True)


def test_the_day_before_an_event_is_not_a_publication_relative_date() -> None:
    assert values("He bought the gun the day before the attack.") == []


def test_a_month_after_a_first_name_is_a_surname() -> None:
    found = only("Prime Minister Theresa May last year promised reform.")
    assert (found.text, found.value) == ("last year", "2015")


def test_usa_today_is_a_newspaper_not_a_date() -> None:
    assert values("The figures were published by USA Today.") == []


# --- weekdays ---------------------------------------------------------------------------------------


def test_a_weekday_is_the_most_recent_one_on_or_before_publication() -> None:
    found = only("On Thursday, the army announced an offensive.")
    assert (found.value, found.text, found.relative) == ("2016-03-24", "On Thursday", True)


def test_a_weekday_equal_to_the_publication_day_is_that_day() -> None:
    found = only("Isis fighters pulled out on Sunday morning.", SUN_27_MAR_2016)
    assert (found.value, found.text) == ("2016-03-27", "on Sunday morning")


def test_last_weekday_is_strictly_before_publication() -> None:
    assert values("The bomb exploded last Monday.") == ["2016-03-21"]
    assert values("The bomb exploded last Thursday.") == ["2016-03-24"]


def test_next_weekday_is_strictly_after_publication() -> None:
    assert values("Talks resume next Monday.") == ["2016-04-04"]
    assert values("Talks resume next Tuesday.") == ["2016-03-29"]


@pytest.mark.parametrize(
    "form",
    [
        "{} evening",
        "on {} morning",
        "late {} night",
        "{} afternoon",
        "early {}",
        "early on {}",
        "before dawn on {}",
        "shortly after midnight on {}",
        "at 9 p.m. on {}",
    ],
)
@pytest.mark.parametrize(
    "published", [datetime.date(2019, 6, 10) + datetime.timedelta(days=n) for n in range(7)]
)
def test_a_weekday_with_a_time_of_day_resolves_like_the_bare_weekday(
    form: str, published: datetime.date
) -> None:
    for weekday in ("Monday", "Wednesday", "Saturday", "Sunday"):
        bare = values(f"The crowd gathered on {weekday}.", published)
        assert values(f"The crowd gathered {form.format(weekday)}.", published) == bare
    day_name = published.strftime("%A")
    assert values(f"The crowd gathered {form.format(day_name)}.", published) == [published.isoformat()]


def test_a_weekday_with_part_of_day_keeps_the_part_in_its_span() -> None:
    assert only("Gunfire was heard Thursday night.").text == "Thursday night"


def test_earlier_on_is_part_of_a_weekday_span() -> None:
    assert only("A source said earlier on Saturday that the city fell.").text == "earlier on Saturday"


def test_plural_weekdays_are_habits_not_dates() -> None:
    assert values("The market is closed on Fridays.") == []


def test_a_weekday_range_yields_both_days() -> None:
    assert values("They flew 40 sorties from Friday to Saturday.") == ["2016-03-25", "2016-03-26"]


# --- relative months and years ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "covered"),
    [
        ("Russia intervened last September.", "2015-09", "last September"),
        ("Isis swept into Palmyra last May.", "2015-05", "last May"),
        ("The city fell in May last year.", "2015-05", "in May last year"),
        ("It has been held since May last year.", "2015-05", "since May last year"),
        ("The town fell in February.", "2016-02", "in February"),
        ("The town fell in March.", "2016-03", "in March"),
        ("The town fell in June.", "2015-06", "in June"),
        ("Rebels took the town in early June.", "2015-06", "in early June"),
        ("The protests began in mid-January.", "2016-01", "in mid-January"),
        ("Elections are due in May this year.", "2016-05", "in May this year"),
    ],
)
def test_it_resolves_bare_months(sentence: str, value: str, covered: str) -> None:
    found = only(sentence)
    assert (found.value, found.text, found.relative) == (value, covered, True)


def test_last_month_of_the_same_name_is_a_year_back() -> None:
    assert values("It happened last March.") == ["2015-03"]


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("Isis dynamited monuments last year.", "2015", "year"),
        ("Turnout rose this year.", "2016", "year"),
        ("The law changed earlier this year.", "2016", "year"),
        ("Prices rose earlier this month.", "2016-03", "month"),
        ("Prices rose last month.", "2016-02", "month"),
        ("Prices will rise next month.", "2016-04", "month"),
        ("Prices will rise next year.", "2017", "year"),
        ("The drawdown began last week.", "2016-03", "month"),
        ("The blast happened three days ago.", "2016-03-25", "day"),
        ("The blast happened two weeks ago.", "2016-03-14", "day"),
        ("The plant closed a year ago.", "2015", "year"),
        ("The plant closed six months ago.", "2015-09", "month"),
    ],
)
def test_it_resolves_relative_periods(sentence: str, value: str, precision: str) -> None:
    found = only(sentence)
    assert (found.value, found.precision, found.relative) == (value, precision, True)


def test_last_year_in_january_is_the_previous_year() -> None:
    assert values("Sales fell last year.", datetime.date(2016, 1, 2)) == ["2015"]


def test_this_week_and_last_weekend_are_read_at_the_precision_they_fit() -> None:
    wednesday = datetime.date(2016, 3, 30)
    assert values("Talks collapsed this week.", wednesday) == ["2016-03"]
    assert values("Talks will resume this week.") == ["2016"]
    assert values("Rebels attacked last weekend.") == ["2016-03"]
    assert values("Rebels attacked over the weekend.") == ["2016-03"]
    assert values("Rebels attacked last week.", datetime.date(2016, 3, 9)) == ["2016"]


def _week_of(day: datetime.date) -> list[datetime.date]:
    monday = day - datetime.timedelta(days=day.weekday())
    return [monday + datetime.timedelta(days=n) for n in range(7)]


# Publication days from late February to early May 2016: weeks inside a month and weeks split by one.
_SPRING_2016 = [datetime.date(2016, 2, 22) + datetime.timedelta(days=n) for n in range(72)]


@pytest.mark.parametrize("published", _SPRING_2016, ids=str)
def test_a_week_or_weekend_is_never_read_as_a_single_day(published: datetime.date) -> None:
    for sentence in [
        "Talks collapsed this week.",
        "Talks collapsed earlier this week.",
        "Talks will resume later this week.",
        "Talks will resume this week.",
        "Talks collapsed last week.",
        "Talks will resume next week.",
        "Rebels attacked this weekend.",
        "Rebels will attack this weekend.",
        "Rebels attacked last weekend.",
        "Rebels will march next weekend.",
        "Rebels attacked over the weekend.",
        "Officials said talks would resume this week.",
    ]:
        for found in extract_dates(sentence, published):
            assert found.precision != "day", (sentence, found)


@pytest.mark.parametrize("published", _SPRING_2016, ids=str)
def test_this_week_never_contradicts_a_weekday_of_the_same_week(published: datetime.date) -> None:
    week = _week_of(published)
    (this_week,) = extract_dates("Talks collapsed earlier this week.", published)
    (ahead,) = extract_dates("Talks will resume later this week.", published)
    (last_week,) = extract_dates("Talks collapsed last week.", published)
    (next_week,) = extract_dates("Talks will resume next week.", published)
    seven = datetime.timedelta(days=7)
    for day in week:
        on_day = ref(day.isoformat())
        if day <= published:
            assert dates_compatible(this_week, on_day), (this_week, day)
        if day >= published:
            assert dates_compatible(ahead, on_day), (ahead, day)
        assert dates_compatible(last_week, ref((day - seven).isoformat())), (last_week, day)
        assert dates_compatible(next_week, ref((day + seven).isoformat())), (next_week, day)
    # And the weekday itself, read from the same sentence frame, agrees with "this week".
    for day in week[: published.weekday() + 1]:
        (on_weekday,) = extract_dates(f"Talks collapsed on {day:%A}.", published)
        assert dates_compatible(this_week, on_weekday)


def test_this_week_read_on_a_monday_is_the_month_not_that_monday() -> None:
    found = only("Talks collapsed earlier this week.", MON_28_MAR_2016)
    assert (found.value, found.precision, found.text) == ("2016-03", "month", "earlier this week")
    assert only("Talks will resume later this week.", SUN_27_MAR_2016).value == "2016-03"


def test_a_week_split_between_two_months_takes_the_year() -> None:
    # Monday 28 March to Sunday 3 April: "on Friday" (1 April) must not contradict "next week" seen from
    # 21 March, so no month is claimed.
    assert values("Talks will resume next week.", datetime.date(2016, 3, 21)) == ["2016"]
    assert values("Talks will resume later this week.", MON_28_MAR_2016) == ["2016"]


def test_a_weekend_read_on_its_saturday_keeps_only_the_days_on_the_clauses_side() -> None:
    saturday = datetime.date(2016, 4, 30)  # Sunday is 1 May
    assert values("Rebels attacked this weekend.", saturday) == ["2016-04"]
    assert values("Rebels attacked over the weekend.", saturday) == ["2016-04"]
    assert values("Rebels will march this weekend.", saturday) == ["2016"]
    assert values("Rebels attacked this weekend.", datetime.date(2016, 5, 1)) == ["2016"]


def test_a_couple_of_days_ago_is_two_days_back() -> None:
    assert values("He fled a couple of days ago.") == ["2016-03-26"]


def test_a_vague_count_of_days_ago_is_not_resolved() -> None:
    assert values("He fled several days ago.") == []


def test_the_last_year_is_a_duration_not_a_date() -> None:
    assert values("Prices doubled over the last year.") == []


def test_relative_expressions_are_skipped_without_publication_date() -> None:
    assert extract_dates("Troops took the city yesterday, on Thursday, in May last year.", None) == []


def test_absolute_dates_are_still_read_without_publication_date() -> None:
    assert values("Troops took it yesterday, since June 2014.", None) == ["2014-06"]


# --- the future -------------------------------------------------------------------------------------


def test_dates_never_resolve_after_publication_without_a_cue() -> None:
    published = MON_28_MAR_2016
    text = (
        "He was arrested on June 28 and questioned on Thursday; the city fell in September and "
        "was shelled on April 2, then again in April."
    )
    for found in extract_dates(text, published):
        assert found.value <= published.isoformat()[: len(found.value)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He will be sentenced on June 28.", "2016-06-28"),
        ("The trial is due to start on Thursday.", "2016-03-31"),
        ("The report is expected to be published in April.", "2016-04"),
        ("The minister plans to visit on April 2.", "2016-04-02"),
        ("The court is scheduled to rule on Monday.", "2016-03-28"),
        ("Voters go to the polls in the upcoming election on May 5.", "2016-05-05"),
        ("They'll meet on Friday.", "2016-04-01"),
    ],
)
def test_a_future_cue_resolves_forward(sentence: str, value: str) -> None:
    assert values(sentence) == [value]


def test_a_hearing_put_off_until_a_date_is_in_the_future() -> None:
    assert values("The case was adjourned until June 28.") == ["2016-06-28"]
    assert values("He was remanded in custody until Thursday.") == ["2016-03-31"]


def test_a_hearing_put_off_on_a_day_is_in_the_past() -> None:
    assert values("The trial was postponed on Tuesday.") == ["2016-03-22"]


def test_a_future_cue_in_another_clause_does_not_apply() -> None:
    assert values("Talks will resume, officials said on Thursday.") == ["2016-03-24"]


def test_next_to_is_a_place_not_a_future_cue() -> None:
    assert values("He stood next to the car on Thursday.") == ["2016-03-24"]


def test_a_future_cue_after_the_date_does_not_apply() -> None:
    assert values("On Thursday the minister said he will resign.") == ["2016-03-24"]


# --- reported futures ------------------------------------------------------------------------------

FRI_25_MAR_2016 = datetime.date(2016, 3, 25)
WED_30_MAR_2016 = datetime.date(2016, 3, 30)


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("Rescuers said divers would resume the search on Saturday.", FRI_25_MAR_2016, "2016-03-26"),
        ("Divers would resume the search on Saturday, the navy said.", FRI_25_MAR_2016, "2016-03-26"),
        ("The ministry said the levy would not apply until Sunday.", FRI_25_MAR_2016, "2016-03-27"),
        ("Police said the suspect would be formally charged on Wednesday.", FRI_25_MAR_2016, "2016-03-30"),
        ("The storm was expected to make landfall on Sunday.", FRI_25_MAR_2016, "2016-03-27"),
        ("The union planned to strike on Tuesday.", FRI_25_MAR_2016, "2016-03-29"),
        ("Residents hoped to return home on Thursday.", FRI_25_MAR_2016, "2016-03-31"),
        ("He was due to appear in court on June 28.", MON_28_MAR_2016, "2016-06-28"),
        ("The court said the retrial would open on June 28.", MON_28_MAR_2016, "2016-06-28"),
        ("The minister said the law would take effect in July.", MON_28_MAR_2016, "2016-07"),
        ("Officials said talks would resume over the weekend.", MON_28_MAR_2016, "2016-04"),
    ],
)
def test_a_reported_future_lies_after_publication(
    sentence: str, published: datetime.date, value: str
) -> None:
    assert values(sentence, published) == [value]


def test_a_reported_future_counts_from_the_day_it_was_said() -> None:
    # Said on Thursday 24 March about "Saturday": the Saturday after the saying, already past on Monday.
    assert values("Officials said on Thursday that the search would resume on Saturday.") == [
        "2016-03-24",
        "2016-03-26",
    ]
    assert values("The search would resume on Saturday, officials said on Thursday.") == [
        "2016-03-26",
        "2016-03-24",
    ]
    assert values("He told reporters on Friday that he would resign on Monday.") == [
        "2016-03-25",
        "2016-03-28",
    ]


def test_a_reported_future_in_an_explicit_past_year_counts_from_that_year() -> None:
    assert values("In 2010 the court said the retrial would open on June 28.") == ["2010", "2010-06-28"]
    # A weekday cannot be placed from a year: it stays in the past.
    assert values("In 2010 the court said it would rule on Thursday.") == ["2010", "2016-03-24"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # Past conditional.
        ("Officials said the bridge would have reopened on Monday.", "2016-03-28"),
        ("Officials said the bridge would have stayed shut until Monday.", "2016-03-28"),
        ("Officials said the bridge would've reopened by Monday.", "2016-03-28"),
        # Past habit.
        ("He would often visit his mother on Sunday, neighbours said.", "2016-03-27"),
        ("As a boy he would fish with his father on Saturday, his sister said.", "2016-03-26"),
        ("Back then, officials said, the market would open on Friday.", "2016-03-25"),
        # "would" outside reported speech and without a day to count from.
        ("He would walk to the market on Saturday.", "2016-03-26"),
        # A plan that had fallen through, and "due to" as a cause.
        ("The group had planned to march on Saturday.", "2016-03-26"),
        ("The delay was due to heavy rain on Tuesday.", "2016-03-29"),
        # The date belongs to another verb or to the saying itself.
        ("He said he would appeal the ruling handed down on Monday.", "2016-03-28"),
        ("On Saturday, officials said divers would resume the search.", "2016-03-26"),
    ],
)
def test_would_of_past_habit_or_condition_stays_in_the_past(sentence: str, value: str) -> None:
    assert values(sentence, WED_30_MAR_2016) == [value]


def test_will_have_still_looks_ahead() -> None:
    assert values("The crews will have cleared the road by Monday.", WED_30_MAR_2016) == ["2016-04-04"]


def test_a_reported_this_week_is_the_part_still_to_come() -> None:
    # Read on Wednesday 30 March: the rest of the week runs into April, the part behind stays in March.
    assert values("Talks collapsed this week.", WED_30_MAR_2016) == ["2016-03"]
    assert values("Officials said talks would resume this week.", WED_30_MAR_2016) == ["2016"]


# --- spans and deadlines ahead ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Officials shut the border crossing until Sunday.", "2016-04-03"),
        ("The court let him stay out of jail until Tuesday.", "2016-04-05"),
        ("The bridge stays shut till Friday.", "2016-04-01"),
        ("The museum is open through Sunday.", "2016-04-03"),
        ("The governor ordered offices closed through Friday.", "2016-04-01"),
        ("Ministers suspended the tax through the end of June.", "2016-06"),
        ("The curfew is in force until 6 a.m. on Saturday.", "2016-04-02"),
        ("Trains remain halted until April 4.", "2016-04-04"),
        ("He has until Friday to file an appeal.", "2016-04-01"),
        ("The board gave bidders until Wednesday.", "2016-03-30"),
    ],
)
def test_the_end_of_a_span_lies_ahead(sentence: str, value: str) -> None:
    assert values(sentence, WED_30_MAR_2016) == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The company must repay the loan by Friday.", "2016-04-01"),
        ("Bidders need to lodge offers by April 8.", "2016-04-08"),
        ("He was ordered to hand over his guns by Monday.", "2016-04-04"),
        ("Ballots must be received by the end of April.", "2016-04"),
        ("Tenants have to leave before Sunday.", "2016-04-03"),
        ("Investors should expect a decision by Tuesday.", "2016-04-05"),
    ],
)
def test_a_deadline_lies_ahead(sentence: str, value: str) -> None:
    assert values(sentence, WED_30_MAR_2016) == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The judge fixed the retrial for May 9.", "2016-05-09"),
        ("A memorial service is planned for Saturday afternoon.", "2016-04-02"),
        ("The vote was scheduled for Tuesday.", "2016-04-05"),
        ("Elders booked the hall for April 2.", "2016-04-02"),
    ],
)
def test_a_date_set_for_something_lies_ahead(sentence: str, value: str) -> None:
    assert values(sentence, WED_30_MAR_2016) == [value]


def test_a_hearing_moved_or_extended_to_a_day_lies_ahead() -> None:
    assert values("The court moved the hearing to Tuesday.", WED_30_MAR_2016) == ["2016-04-05"]
    assert values("The ceasefire was extended until Sunday.", WED_30_MAR_2016) == ["2016-04-03"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The suspect had stayed with relatives until Sunday.", "2016-03-27"),
        ("Rescue teams searched the rubble until Sunday.", "2016-03-27"),
        ("The pass was closed through Monday.", "2016-03-28"),
        ("The market stayed shut until Monday.", "2016-03-28"),
        ("The streets were deserted until Tuesday morning.", "2016-03-29"),
        ("Police did not name the victims until Monday.", "2016-03-28"),
        ("Until Sunday, the border had been open.", "2016-03-27"),
        ("By Monday, the fire had burned 4,000 acres.", "2016-03-28"),
        ("By Monday it had reached the coast.", "2016-03-28"),
        ("Prices climbed to a record by Tuesday.", "2016-03-29"),
        ("Forty patients were discharged by Sunday evening.", "2016-03-27"),
        ("Two suspects were arrested and charged by March 3.", "2016-03-03"),
        ("The envoy left the capital before Sunday.", "2016-03-27"),
        ("The trial, which had been set for Monday, collapsed.", "2016-03-28"),
    ],
)
def test_a_span_or_deadline_told_in_the_past_stays_in_the_past(sentence: str, value: str) -> None:
    assert values(sentence, WED_30_MAR_2016) == [value]


def test_an_event_after_by_is_not_a_deadline() -> None:
    assert values("The coast, hit by Sunday's storm, is recovering.", WED_30_MAR_2016) == ["2016-03-27"]
    assert values("Firms must file by Monday's deadline.", WED_30_MAR_2016) == ["2016-04-04"]


def test_a_range_follows_the_tense_of_its_clause() -> None:
    assert values("The fair ran from Thursday through Sunday.", WED_30_MAR_2016) == [
        "2016-03-24",
        "2016-03-27",
    ]
    assert values("The fair runs from Friday through Sunday.", WED_30_MAR_2016) == [
        "2016-04-01",
        "2016-04-03",
    ]


def test_a_deadline_on_the_publication_day_is_that_day() -> None:
    assert values("Staff must vacate the building by Wednesday.", WED_30_MAR_2016) == ["2016-03-30"]
    assert values("Offices are closed until Wednesday.", WED_30_MAR_2016) == ["2016-03-30"]


def test_since_and_on_still_look_back() -> None:
    assert values("The road has been closed since Monday.", WED_30_MAR_2016) == ["2016-03-28"]
    assert values("Officials closed the road on Friday.", WED_30_MAR_2016) == ["2016-03-25"]
    assert values("The road has been closed since March 3.", WED_30_MAR_2016) == ["2016-03-03"]


def test_a_name_is_not_a_verb_of_the_clause() -> None:
    # "Will" and "May" are names here, not "will" and "may".
    assert values("Will Barker stayed in Leeds until Sunday.", WED_30_MAR_2016) == ["2016-03-27"]
    assert values("Rose Hill worked there from May until July.", WED_30_MAR_2016) == ["2015-05", "2015-07"]


_PAST_WORDS = st.lists(
    st.sampled_from(
        [
            "on",
            "in",
            "since",
            "last",
            "Sunday",
            "Thursday",
            "May",
            "March",
            "December",
            "27",
            "31",
            "29",
            "Feb",
            "of",
            "year",
            "month",
            "week",
            "weekend",
            "the",
            "yesterday",
            "morning",
            "night",
            "ago",
            "three",
            "days",
            ",",
            "and",
            "early",
        ]
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=_PAST_WORDS, published=st.dates(datetime.date(1950, 1, 1), datetime.date(2050, 12, 31)))
def test_without_a_future_cue_nothing_resolves_after_publication(text: str, published: datetime.date) -> None:
    for found in extract_dates(text, published):
        if found.value <= published.isoformat()[: len(found.value)]:
            continue
        # only the weekday of a day and month may name a day just after publication: "Sunday May 31" in an
        # article of Sunday 17 May 1987, when 31 May 1986 was a Saturday
        day = datetime.date.fromisoformat(found.value) if found.precision == "day" else None
        assert day is not None, found
        assert (day - published).days <= WEEKDAY_SLACK_DAYS and day.strftime("%A") in found.text, found


def test_a_weekday_may_name_a_day_just_after_publication() -> None:
    (found,) = extract_dates("Sunday May 31", datetime.date(1987, 5, 17))
    assert found.value == "1987-05-31"


# --- not dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "It was a five-year war that killed more than 270,000 people.",
        "Warplanes flew 40 sorties in just 24 hours.",
        "The three-week campaign was backed by air strikes.",
        "He served for 10 years in prison.",
        "The helpline runs 24/7.",
        "Floods destroyed 2,000 homes.",
        "Floods destroyed 2000 homes.",
        "Floods hit in 2000 homes across the region.",
        "The count rose by 2000 overnight.",
        "He may leave the country.",
        "May I ask a question?",
        "Thousands joined a march through the city.",
        "Protesters marched on parliament.",
        "Theresa May said the attack was appalling.",
        "April Smith told reporters she saw the gunman.",
        "The Women's March drew crowds.",
        "The bomb went off at 10:30 and again at 11.45.",
        "The 82-year-old former antiquities chief was beheaded.",
        "A total of 1998 votes were cast.",
    ],
)
def test_it_ignores_things_that_are_not_dates(sentence: str) -> None:
    assert extract_dates(sentence, MON_28_MAR_2016) == []


# --- offsets ----------------------------------------------------------------------------------------


def test_offsets_are_shifted_by_base_and_match_the_text() -> None:
    sentence = "ISIS lost Tikrit last year and Al-Shadadi in February."
    article = "Some earlier sentence. " + sentence
    base = article.index(sentence)
    found = extract_dates(sentence, MON_28_MAR_2016, base=base)
    assert [d.text for d in found] == ["last year", "in February"]
    for d in found:
        assert article[d.start : d.end] == d.text


def test_results_are_sorted_and_disjoint() -> None:
    found = extract_dates("On Thursday, in May 2015, since Feb 27 and last year.", MON_28_MAR_2016)
    assert [d.start for d in found] == sorted(d.start for d in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_datetime_publication_date_is_accepted() -> None:
    assert values("It fell yesterday.", datetime.datetime(2016, 3, 28, 9, 30)) == ["2016-03-27"]


def test_it_returns_nothing_for_empty_text() -> None:
    assert extract_dates("", MON_28_MAR_2016) == []


# --- compatibility ----------------------------------------------------------------------------------


def ref(value: str) -> DateRef:
    precision = {1: "year", 2: "month", 3: "day"}[len(value.split("-"))]
    return DateRef(0, 1, value, precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2015", "2015-05", True),
        ("2015-05", "2015", True),
        ("2015-05-03", "2015-05", True),
        ("2015-05", "2015-06", False),
        ("2015", "2016", False),
        ("2016-03-27", "2016-03-27", True),
        ("2016-03-27", "2016-03-26", False),
        ("2015-05-03", "2016", False),
    ],
)
def test_dates_are_compatible_when_one_can_contain_the_other(a: str, b: str, expected: bool) -> None:
    assert dates_compatible(ref(a), ref(b)) is expected


# --- robustness and speed ---------------------------------------------------------------------------

_NASTY = st.lists(
    st.sampled_from(
        [
            *"0123456789 -/.,:;'’\"“”()ae",
            *("May", "March", "Sunday", "last ", "in ", "next ", "will ", "th", "this week", "weekend"),
            *(" would ", " have ", "said ", " was expected to ", " resume ", " on ", "In 2010 "),
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=200), _NASTY),
    published=st.one_of(st.none(), st.dates()),
    base=st.integers(min_value=0, max_value=10_000),
)
def test_random_text_never_raises_and_yields_valid_spans(
    text: str, published: datetime.date | None, base: int
) -> None:
    found = extract_dates(text, published, base)
    previous_end = base
    for d in found:
        assert base <= d.start < d.end <= base + len(text)
        assert text[d.start - base : d.end - base] == d.text
        assert d.start >= previous_end
        previous_end = d.end
        assert ISO_VALUE.match(d.value), d.value
        assert d.precision == {1: "year", 2: "month", 3: "day"}[len(d.value.split("-"))]
        if published is None:
            assert not d.relative


def test_it_reads_a_seed_sentence_well_under_a_millisecond() -> None:
    sentences = [
        s
        for path in sorted(SEEDS.glob("*.txt"))
        for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))
        if s.strip()
    ]
    started = time.perf_counter()
    for s in sentences:
        extract_dates(s, MON_28_MAR_2016)
    per_sentence = (time.perf_counter() - started) / len(sentences)
    assert per_sentence < 0.001


def test_a_bare_would_or_likely_looks_ahead_to_a_month_or_a_day() -> None:
    wed_30_jan_2013 = datetime.date(2013, 1, 30)
    assert values("The primary would be held on April 30.", wed_30_jan_2013) == ["2013-04-30"]
    assert values("Two congressmen are likely to face off in a primary in April.", wed_30_jan_2013) == [
        "2013-04"
    ]
    assert values("The primary was held on April 30.", wed_30_jan_2013) == ["2012-04-30"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The March 12 runoff will decide the seat.", "2021-03-12"),
        ("A recount in March would be the second one.", "2021-03"),
        ("The March 12 runoff would have been his third.", "2020-03-12"),
        ("The March 12 runoff was close.", "2020-03-12"),
        ("The mayor appointed an aide to serve until a special election in March.", "2021-03"),
        ("The mayor served until the special election in March.", "2020-03"),
    ],
)
def test_a_date_in_the_subject_or_ending_a_span_at_an_event_follows_the_verb(
    sentence: str, value: str
) -> None:
    (found,) = extract_dates(sentence, datetime.date(2020, 11, 20))
    assert found.value == value


@pytest.mark.parametrize(
    ("published", "text", "year"),
    [
        (datetime.date(2013, 1, 30), "The campaign began last fall.", "2012"),
        (datetime.date(2016, 7, 4), "Last summer, he moved to Denver.", "2015"),
        (datetime.date(2016, 9, 4), "Last summer, he moved to Denver.", "2016"),
        (datetime.date(2016, 4, 4), "He will retire next summer.", "2016"),
        (datetime.date(2016, 7, 4), "He will retire next summer.", "2017"),
    ],
)
def test_a_season_before_or_after_publication_is_dated_to_its_year(
    published: datetime.date, text: str, year: str
) -> None:
    found = extract_dates(text, published)
    assert [(d.value, d.precision) for d in found] == [(year, "year")]


def test_a_decade_holds_each_of_its_years_and_no_other() -> None:
    published = datetime.date(2016, 3, 28)
    decade = extract_dates("in the 1990s", published, 0)[0]
    short = extract_dates("in the early '90s", published, 0)[0]
    inside, outside = extract_dates("in 1995", published, 0)[0], extract_dates("in 2001", published, 0)[0]
    assert dates_compatible(decade, inside) and dates_compatible(inside, decade)
    assert dates_compatible(short, inside)
    assert not dates_compatible(decade, outside)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("On Christmas Eve, the store closed.", "2015-12-24"),
        ("The store will close on Christmas Day.", "2016-12-25"),
        ("It happened on New Year's Eve 2010.", "2010-12-31"),
        ("It happened on New Year’s Day.", "2016-01-01"),
        ("The parade on the Fourth of July was cancelled.", "2015-07-04"),
        ("Sales have slowed since Christmas.", "2015-12-25"),
        ("The Valentine's Day dinner was held in the hotel.", "2016-02-14"),
    ],
)
def test_a_holiday_on_a_fixed_day_is_that_day(sentence: str, value: str) -> None:
    assert values(sentence) == [value]


@pytest.mark.parametrize(
    "sentence",
    ["Christmas shopping was slow.", "The family was away over Christmas.", "They threw a Halloween party."],
)
def test_a_holiday_that_names_its_season_is_no_day(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The vote is set for May.", "2016-05"),
        ("The trial was postponed to June.", "2016-06"),
        ("Sentencing is scheduled for July 12.", "2016-07-12"),
    ],
)
def test_a_month_a_date_is_set_for_is_ahead(sentence: str, value: str) -> None:
    assert values(sentence) == [value]


def test_a_name_after_for_is_no_month() -> None:
    assert values("Many voters went for May in the leadership race.") == []

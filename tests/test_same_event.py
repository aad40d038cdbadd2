"""The same-event judgement: two reports of one event against two reports of different events."""

from __future__ import annotations

import datetime as dt

import numpy as np

from articles.engine import compare_texts
from articles.engine.sameevent import Evidence, judge_same_event

QUAKE_A = (
    "Strong earthquake kills 3 in southern Iran\n\n"
    "A magnitude 5.9 earthquake struck near the city of Bandar Abbas in southern Iran on Sunday, killing "
    "three people and injuring 40, the state news agency IRNA reported. Rescue teams reached the villages "
    "around Bandar Abbas by nightfall."
)
QUAKE_B = (
    "Earthquake near Bandar Abbas leaves three dead\n\n"
    "Three people died and about 40 were hurt when a 5.9-magnitude quake hit the area of Bandar Abbas on "
    "Sunday, IRNA said. Rescuers were sent to the villages near Bandar Abbas."
)
OTHER_QUAKE = (
    "Earthquake shakes Chile's north\n\n"
    "A magnitude 6.4 earthquake hit northern Chile near Antofagasta on Tuesday, damaging roads. No deaths "
    "were reported, Chile's emergency office ONEMI said. Power was cut in parts of Antofagasta."
)


def test_two_reports_of_one_quake_are_judged_the_same_event() -> None:
    day = dt.date(2024, 3, 4)
    judged = compare_texts(QUAKE_A, QUAKE_B, day, day).same_event
    assert judged is not None and judged.likely
    assert "Bandar Abbas" in judged.why


def test_quakes_on_two_continents_years_apart_are_not() -> None:
    judged = compare_texts(QUAKE_A, OTHER_QUAKE, dt.date(2024, 3, 4), dt.date(2019, 7, 9)).same_event
    assert judged is not None and not judged.likely
    assert "no names in common" in judged.why and "years apart" in judged.why


def test_unknown_dates_leave_the_other_measures_to_judge() -> None:
    shared = Evidence(0.9, 0.8, 0.4, None, ("Bandar Abbas", "IRNA"))
    nothing = Evidence(0.5, 0.0, 0.0, None, ())
    assert judge_same_event(shared).likely
    assert not judge_same_event(nothing).likely
    assert np.isclose(shared.vector()[-1], 0.0)  # dates not known


def test_a_name_in_a_datelines_capitals_is_shown_as_the_other_text_writes_it() -> None:
    day = dt.date(2024, 3, 4)
    a = "BANDAR ABBAS — " + QUAKE_A.split("\n\n", 1)[1].replace(
        "the city of Bandar Abbas", "the port"
    ).replace("around Bandar Abbas", "in the area")
    judged = compare_texts("Strong earthquake kills 3 in southern Iran\n\n" + a, QUAKE_B, day, day).same_event
    assert judged is not None
    assert "Bandar Abbas" in judged.why and "BANDAR ABBAS" not in judged.why


SHOOTING_A = (
    "Gunman kills two at Toledo warehouse\n\n"
    "A gunman opened fire at a warehouse on Detroit Avenue in Toledo, Ohio, on Monday morning, killing two "
    "workers and wounding three before police shot him, Toledo police chief Mike Troendle said. The suspect, "
    "a 41-year-old former employee, died at the scene."
)
SHOOTING_B = (
    "Three wounded in Tacoma mall shooting\n\n"
    "Three people were wounded when a man fired shots inside the Tacoma Mall in Washington state on Friday "
    "evening, Tacoma police said. Officers arrested a 19-year-old suspect in the parking lot; no one was killed."
)


def test_shootings_in_two_cities_are_not_the_same_event() -> None:
    judged = compare_texts(SHOOTING_A, SHOOTING_B, dt.date(2023, 5, 8), dt.date(2023, 9, 15)).same_event
    assert judged is not None and not judged.likely
    assert "no names in common" in judged.why

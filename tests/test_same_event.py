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

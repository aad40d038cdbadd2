from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.engine.entities import _extract, _Linker, extract_entities, link_entities
from articles.engine.types import Entity


def names(text: str) -> list[str]:
    return [e.text for e in extract_entities(text)]


def kinds(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in extract_entities(text)}


def linked(*sentences: str) -> list[list[Entity]]:
    return link_entities([extract_entities(s) for s in sentences])


def canon(rows: list[list[Entity]]) -> dict[str, str]:
    return {e.text: e.canonical for row in rows for e in row}


# --- mention boundaries ----------------------------------------------------------------------------------


def test_spans_are_offsets_into_the_article_given_the_sentence_base() -> None:
    sentence = "ISIS fighters pulled out of Palmyra's ruins."
    for e in extract_entities(sentence, base=500):
        assert sentence[e.start - 500 : e.end - 500] == e.text
    assert names(sentence) == ["ISIS", "Palmyra"]


def test_it_leaves_out_the_and_possessives() -> None:
    assert names("The Observatory said Isis’s fighters left Palmyra’s ruins and ISIS' links broke.") == [
        "Observatory",
        "Isis",
        "Palmyra",
        "ISIS",
    ]


def test_it_keeps_connectors_inside_names() -> None:
    assert names("The Syrian Observatory for Human Rights said so.") == [
        "Syrian Observatory for Human Rights"
    ]
    assert names("Osama bin Laden and Charles de Gaulle are dead.") == [
        "Osama bin Laden",
        "Charles de Gaulle",
    ]
    assert names("The Ministry of Defence and the Bank of England agreed.") == [
        "Ministry of Defence",
        "Bank of England",
    ]
    assert names("Troops of President Bashar al-Assad advanced.") == ["Bashar al-Assad"]


def test_a_long_known_name_is_read_whole() -> None:
    text = "Troops took the city from the Islamic State in Iraq and Syria (ISIS) yesterday."
    assert names(text) == ["Islamic State in Iraq and Syria", "ISIS"]


def test_a_trailing_group_belongs_to_an_organisation() -> None:
    assert names("a defeat on the Islamist State group which had held it") == ["Islamist State group"]
    assert names("the Islamic State group said") == ["Islamic State group"]


def test_titles_and_roles_are_not_part_of_a_persons_name() -> None:
    assert kinds("Observatory director Rami Abdulrahman said 400 died.") == {
        "Observatory": "org",
        "Rami Abdulrahman": "person",
    }
    assert kinds("Mr Deng said the talks had failed.") == {"Deng": "person"}
    assert names("Prime Minister Theresa May met US President Barack Obama.") == [
        "Theresa May",
        "US",
        "Barack Obama",
    ]
    assert names("Syrian President Bashar al-Assad spoke.") == ["Bashar al-Assad"]
    assert names("Wilson County Sheriff Joe Tackitt said.") == ["Joe Tackitt"]


def test_the_seat_of_a_local_office_is_read_into_the_title() -> None:
    assert names("Marlow County Sheriff P. Tennant said the road was shut.") == ["P. Tennant"]
    assert names("Kestrel Bay Mayor Ana Reyes spoke at noon.") == ["Ana Reyes"]
    assert names("Dunmore County Undersheriff Carl Pryce said.") == ["Carl Pryce"]
    assert names("City Council Member Odell Banks and Councilman Ray Hollis met.") == [
        "Odell Banks",
        "Ray Hollis",
    ]
    rows = linked("Marlow County Sheriff P. Tennant said it was over.", "Tennant said 12 were hurt.")
    assert rows[0][0].canonical == rows[1][0].canonical


def test_a_known_place_or_a_firm_before_a_title_stays_a_name() -> None:
    assert names("Texas Gov. Rick Perry spoke.") == ["Texas", "Rick Perry"]
    assert names("Halvorsen CEO Tim Brandt said.") == ["Halvorsen", "Tim Brandt"]


def test_capitals_at_the_start_of_a_sentence_are_read_with_care() -> None:
    assert names("SYRIAN troops backed by Russian forces recaptured the city.") == []
    assert names("During its occupation, ISIS blew up temples.") == ["ISIS"]
    assert names("Elsewhere in Syria, a ceasefire held.") == ["Syria"]
    assert names("On Thursday, the Iraqi army announced an offensive.") == []
    assert names("Witnesses said the gunman fled.") == []


def test_months_weekdays_and_nationalities_are_not_entities() -> None:
    assert names("Russian warplanes flew from Friday to Saturday in May last year and on Feb 27.") == []
    assert names("Syrian troops and Greco-Roman ruins near the Iraqi border.") == []
    assert names("Prime Minister Theresa May spoke on Monday.") == ["Theresa May"]


def test_hyphenated_prefixes_and_suffixes_are_split_off() -> None:
    assert names("non-ISIS rebels held Unesco-listed sites in the Britain-based group's view") == [
        "ISIS",
        "Unesco",
        "Britain",
    ]


def test_a_title_case_headline_yields_separate_names() -> None:
    assert names("Syrian Army Recaptures Palmyra From Islamic State") == [
        "Army",
        "Recaptures",
        "Palmyra",
        "Islamic State",
    ]
    assert names("Joe Biden Wins Pennsylvania") == ["Joe Biden", "Wins", "Pennsylvania"]
    rows = linked(
        "Syrian Army Recaptures Palmyra From Islamic State", "Troops entered the city of Palmyra on Sunday."
    )
    assert rows[0][2].canonical == rows[1][0].canonical == "palmyra"
    assert rows[0][2].kind == "place"


def test_post_nominals_and_verbs_at_the_start_are_left_out() -> None:
    assert names("Sentencing him, the judge praised Ian Smith QC.") == ["judge", "Ian Smith"]


def test_lower_case_references_are_mentions() -> None:
    assert kinds("the ministry said 40 targets were hit.") == {"ministry": "org"}
    assert kinds("The governor said she would veto it.") == {"governor": "person"}


# --- kinds -----------------------------------------------------------------------------------------------


def test_it_tells_people_places_and_organisations_apart() -> None:
    found = kinds(
        "Rami Abdel Rahman told Agence France-Presse that fighters retreated to the towns of "
        "Al-Sukhnah and Deir al-Zor, near Raqqa province."
    )
    assert found == {
        "Rami Abdel Rahman": "person",
        "Agence France-Presse": "org",
        "Al-Sukhnah": "place",
        "Deir al-Zor": "place",
        "Raqqa": "place",
    }


def test_org_keywords_and_the_table_make_organisations() -> None:
    found = kinds("Leeds Crown Court heard the Internal Revenue Service and Volkswagen AG were involved.")
    assert found == {"Leeds Crown Court": "org", "Internal Revenue Service": "org", "Volkswagen AG": "org"}


def test_place_cues_and_known_countries_make_places() -> None:
    found = kinds("John Smith, 45, of Leeds, was shot near Amatrice in Italy.")
    assert found == {"John Smith": "person", "Leeds": "place", "Amatrice": "place", "Italy": "place"}


def test_a_name_followed_by_said_is_a_person() -> None:
    assert kinds("Hamdi Okur said the building fell.") == {"Hamdi Okur": "person"}


# --- linking ---------------------------------------------------------------------------------------------


def test_it_links_variants_across_the_two_articles() -> None:
    rows = linked(
        "ISIS lost 400 fighters, the Syrian Observatory for Human Rights said.",
        "Rami Abdel Rahman told Agence France-Presse they fled to Al-Sukhnah and Deir al-Zor.",
        "The Observatory said the pullout was ordered.",
        "Isis fighters retreated to the towns of Sukhnah and Deir Ezzor.",
        "The British-based Syrian Observatory for Human Rights (SOHR) said so.",
        "Observatory director Rami Abdulrahman said 400 Islamic State fighters died, AFP reported.",
        "It inflicted a major defeat on the Islamist State group, and ISIL’s capital Raqqa.",
    )
    ids = canon(rows)
    assert ids["ISIS"] == ids["Isis"] == ids["Islamic State"] == ids["ISIL"] == "islamic-state"
    assert ids["Islamist State group"] == "islamic-state"
    assert ids["SOHR"] == ids["Observatory"] == "syrian-observatory-for-human-rights"
    assert ids["Rami Abdel Rahman"] == ids["Rami Abdulrahman"] == "rami-abdel-rahman"
    assert ids["Deir al-Zor"] == ids["Deir Ezzor"]
    assert ids["Al-Sukhnah"] == ids["Sukhnah"]
    assert ids["AFP"] == ids["Agence France-Presse"]
    assert len({ids["Raqqa"], ids["Deir al-Zor"], ids["Al-Sukhnah"], ids["ISIS"]}) == 4


def test_linking_keeps_the_shape_of_the_input() -> None:
    mentions = [extract_entities(s) for s in ("Assad spoke.", "", "Bashar al-Assad and Vladimir Putin met.")]
    rows = link_entities(mentions)
    assert [len(r) for r in rows] == [len(m) for m in mentions]
    assert [(e.start, e.end, e.text) for r in rows for e in r] == [
        (e.start, e.end, e.text) for m in mentions for e in m
    ]


def test_an_acronym_joins_the_name_it_abbreviates() -> None:
    ids = canon(linked("The National Union of Teachers (NUT) went on strike.", "NUT members voted."))
    assert ids["NUT"] == ids["National Union of Teachers"] == "national-union-of-teachers"
    ids = canon(linked("The IRC condemned it.", "The International Rescue Committee condemned it."))
    assert ids["IRC"] == ids["International Rescue Committee"] == "international-rescue-committee"


def test_a_surname_joins_the_earlier_full_name() -> None:
    ids = canon(linked("President Bashar al-Assad spoke.", "Russia is an ally of Assad."))
    assert ids["Assad"] == "bashar-al-assad"
    ids = canon(linked("Deng Xiaoping met officials.", "Mr Deng said the talks failed."))
    assert ids["Deng"] == "deng-xiaoping"
    ids = canon(linked("Robert Smith, 45, was shot.", "Smith died in hospital.", "Bob Smith was a teacher."))
    assert ids["Smith"] == ids["Bob Smith"] == "robert-smith"


def test_a_surname_stays_alone_once_its_article_names_two_people_with_it() -> None:
    rows = linked("John Smith was shot.", "Jane Smith was injured.", "Mr Smith said.")
    assert rows[2][0].canonical not in (rows[0][0].canonical, rows[1][0].canonical)
    assert rows[0][0].canonical != rows[1][0].canonical
    rows = linked(
        "Dale Pruitt, whose son Owen Pruitt was hurt, spoke first.",
        "Pruitt said the school had no guard.",
    )
    assert rows[1][0].canonical not in (rows[0][0].canonical, rows[0][1].canonical)


def test_a_surname_means_the_one_person_named_so_far_in_its_article() -> None:
    rows = linked(
        "Marta Quell was charged on Monday.",
        "Quell, 52, denied it.",
        "Her nephew, Aldo Quell, pleaded guilty.",
        "Quell declined to comment.",
    )
    assert rows[1][0].canonical == rows[0][0].canonical == "marta-quell"
    assert rows[3][0].canonical not in ("marta-quell", "aldo-quell")


def test_a_surname_in_one_article_takes_the_person_that_article_names() -> None:
    mentions = [
        extract_entities("Mark Ostrow and his son, Luca Ostrow, were at the school."),
        extract_entities("Mark Ostrow spoke to reporters."),
        extract_entities("“We need guards,” said Mr. Ostrow."),
    ]
    rows = link_entities(mentions, [0, 1, 1])
    assert rows[2][0].canonical == rows[1][0].canonical == rows[0][0].canonical == "mark-ostrow"


def test_a_title_joins_the_one_person_named_with_it() -> None:
    rows = linked(
        "Governor Jane Roe signed the bill.",
        "Deputy Governor Tom Poe disagreed.",
        "The governor said she would not back down.",
    )
    assert rows[2][0].canonical == "jane-roe"
    assert rows[2][0].kind == "person"


def test_a_title_held_by_two_named_people_stays_unresolved() -> None:
    rows = linked("Governor Jane Roe met Governor Tom Poe.", "The governor said no.")
    assert rows[1][0].canonical not in (rows[0][0].canonical, rows[0][1].canonical)


def test_a_head_noun_joins_the_nearest_organisation_named_with_it() -> None:
    rows = linked(
        "The Ministry of Defence said 40 sorties were flown.",
        "The Ministry of Health said 12 were hurt.",
        "the ministry said more would follow.",
    )
    assert rows[2][0].canonical == "ministry-of-health"


def test_the_known_names_table_joins_names_that_share_no_letters() -> None:
    ids = canon(
        linked(
            "Daesh fighters held the city.",
            "The Islamic State of Iraq and the Levant lost it.",
            "The United States and Britain said so; the UK and America agreed, as did the U.S.",
            "The World Health Organization and the WHO.",
        )
    )
    assert ids["Daesh"] == ids["Islamic State of Iraq and the Levant"] == "islamic-state"
    assert ids["United States"] == ids["America"] == ids["U.S."] == "united-states"
    assert ids["Britain"] == ids["UK"] == "united-kingdom"
    assert ids["WHO"] == ids["World Health Organization"]


def test_near_misses_stay_tight() -> None:
    ids = canon(linked("The Islamic Front took the town.", "Islamic State fighters fled.", "Homs and Hama."))
    assert ids["Islamic Front"] != ids["Islamic State"]
    assert ids["Homs"] != ids["Hama"]


def test_linking_unifies_the_kind_of_a_name() -> None:
    rows = linked("President Bashar al-Assad spoke.", "Russia is a long-time ally of Assad.")
    assert rows[1][1].kind == "person"


def test_a_name_with_and_without_a_middle_name_is_one_person() -> None:
    rows = linked(
        "Police named the driver as Carla Jean Mendez, 31, of Dayton.",
        "Carla Mendez had no criminal record, officers said.",
        "Mendez was taken to hospital.",
    )
    ids = canon(rows)
    assert ids["Carla Jean Mendez"] == ids["Carla Mendez"] == ids["Mendez"]
    ids = canon(linked("Magistrate Peter J. Walsh set bail.", "Judge Peter Walsh said no.", "Walsh left."))
    assert ids["Peter J. Walsh"] == ids["Peter Walsh"] == ids["Walsh"]


def test_a_surname_alone_joins_an_unread_full_name_of_name_words() -> None:
    rows = linked("Police named 24-year-old Endo Marwick as a suspect.", "Marwick is 6 feet tall.")
    assert rows[1][0].canonical == rows[0][0].canonical == "endo-marwick"
    rows = linked("The fire spread along Ferrow Parkway overnight.", "Parkway residents left.")
    assert rows[1][0].canonical != rows[0][0].canonical


def test_a_surname_joins_one_persons_names_with_and_without_a_middle_name() -> None:
    rows = linked(
        "The gunman was Ulric Dane, officials said.",
        "Police named the gunman as Ulric Tobias Dane.",
        "Dane, 38, had a record.",
    )
    assert rows[0][0].canonical == rows[1][0].canonical == rows[2][0].canonical


def test_a_first_name_alone_joins_the_one_person_who_has_it() -> None:
    rows = linked("Officers shot Tavon Reede on Saturday.", "His aunt said Tavon was unarmed.")
    assert rows[1][0].canonical == rows[0][0].canonical == "tavon-reede"


def test_a_first_name_stays_alone_when_it_could_be_another_name() -> None:
    rows = linked("Tavon Reede and Tavon Mills were shot.", "Tavon was unarmed.")
    assert rows[1][0].canonical not in (rows[0][0].canonical, rows[0][1].canonical)
    rows = linked("Tavon Reede met Ellis Tavon.", "Tavon was unarmed.")
    assert rows[1][0].canonical != rows[0][0].canonical


def test_it_joins_a_persons_name_spelled_one_letter_apart() -> None:
    rows = linked(
        "Hospital spokeswoman Ilsa Brandt said two had died.",
        "Ilsa Brant, a spokeswoman for the hospital, said.",
        "The clerk, Maribel Sousa, was hurt.",
        "Marbel Sousa and a guest were treated.",
        "Sousa was released on Monday.",
    )
    ids = canon(rows)
    assert ids["Ilsa Brandt"] == ids["Ilsa Brant"]
    assert ids["Maribel Sousa"] == ids["Marbel Sousa"] == ids["Sousa"]


def test_names_one_letter_apart_that_may_be_two_people_stay_apart() -> None:
    ids = canon(linked("Carl Pike and Carla Pike were hurt.", "Greta Hollis met Anna Hollins."))
    assert ids["Carl Pike"] != ids["Carla Pike"]
    assert ids["Greta Hollis"] != ids["Anna Hollins"]


def test_an_age_before_a_name_is_not_part_of_it() -> None:
    assert names("Sixteen-year-old Tavon Reede was shot.") == ["Tavon Reede"]


def test_different_middle_names_keep_people_apart() -> None:
    ids = canon(linked("George W. Bush met George H. W. Bush in Texas."))
    assert ids["George W. Bush"] != ids["George H. W. Bush"]
    ids = canon(linked("Anna Marie Kolb and Anna Ruth Kolb testified.", "Anna Kolb said she was afraid."))
    assert ids["Anna Marie Kolb"] != ids["Anna Ruth Kolb"]
    assert ids["Anna Kolb"] not in (ids["Anna Marie Kolb"], ids["Anna Ruth Kolb"])  # could be either
    ids = canon(linked("John Lee Smith was shot.", "Jane Smith was injured."))
    assert ids["John Lee Smith"] != ids["Jane Smith"]


def test_a_place_named_in_another_word_order_is_one_place() -> None:
    rows = linked(
        "Floods hit villages in Baja California Sur on Monday.",
        "Rain fell across Sur Baja California state.",
    )
    assert rows[0][0].canonical == rows[1][0].canonical
    ids = canon(linked("Thomas Scott said the vote was lost.", "Scott Thomas said it was won."))
    assert ids["Thomas Scott"] != ids["Scott Thomas"]  # two people, not one place


def test_a_country_code_or_legal_form_after_a_firm_is_left_out_of_its_id() -> None:
    assert kinds("Harwell Freight UK paid £2m in tax.") == {"Harwell Freight UK": "org"}
    rows = linked(
        "Harwell Freight UK paid £2m in tax.",
        "Harwell Freight grew fast.",
        "Its parent, Harwell Partners SA, is based in Geneva.",
        "Harwell Partners took a dividend.",
        "Orvex Pharma Ltd and Orvex Pharma Inc.",
    )
    ids = canon(rows)
    assert ids["Harwell Freight UK"] == ids["Harwell Freight"]
    assert ids["Harwell Partners SA"] == ids["Harwell Partners"]
    assert ids["Harwell Freight"] != ids["Harwell Partners"]
    assert ids["Orvex Pharma Ltd"] == ids["Orvex Pharma Inc"]


def test_a_firms_first_word_alone_means_the_firm_named_before_it() -> None:
    rows = linked(
        "Harwell Freight UK paid £2m in tax.",
        "Revenue rose 14%.",
        "Harwell said the bill reflected new investment.",
        "The business is owned by Harwell Partners SA.",
        "Harwell employs 8,000 people.",
    )
    ids = canon(rows)
    assert ids["Harwell"] == ids["Harwell Freight UK"] != ids["Harwell Partners SA"]
    assert rows[2][0].kind == "org"
    # A headline's short name before the full one a line later
    ids = canon(linked("Orvex cuts 600 jobs", "Orvex Pharma AG said on Thursday it would cut jobs."))
    assert ids["Orvex"] == ids["Orvex Pharma AG"]


def test_a_firms_first_word_stays_alone_when_it_could_mean_another_name() -> None:
    ids = canon(linked("Orvex Holdings owns Orvex Pharma AG.", "Orvex said profits rose."))
    assert ids["Orvex"] not in (ids["Orvex Holdings"], ids["Orvex Pharma AG"])
    ids = canon(
        linked("Harrison Ford starred in it.", "The Ford Motor Company paid for it.", "Ford said so.")
    )
    assert ids["Ford"] != ids["Ford Motor Company"]
    ids = canon(linked("Toledo Police Department said.", "In Toledo, the streets were quiet."))
    assert ids["Toledo"] != ids["Toledo Police Department"]


def test_names_joined_by_an_ampersand_are_one_firm() -> None:
    assert kinds("Thieves raided Dunmore & Pike on Bond Street.") == {
        "Dunmore & Pike": "org",
        "Bond Street": "place",
    }
    assert names("Shares in Procter & Gamble and AT&T rose; R&D and the Q&A were cut.") == [
        "Procter & Gamble",
        "AT&T",
    ]


def test_names_joined_by_and_are_one_firm_only_with_a_sign_of_it() -> None:
    assert names("They broke into Dunmore and Pike, a jeweller on Bond Street.") == [
        "Dunmore and Pike",
        "Bond Street",
    ]
    assert names("Dunmore and Pike said in a statement that its staff were safe.") == ["Dunmore and Pike"]
    assert names("Dunmore and Pike is one of the oldest jewellers in London.") == [
        "Dunmore and Pike",
        "London",
    ]
    assert names("The law firm Slater and Gordon said.") == ["Slater and Gordon"]
    assert names("Dunmore and Pike said their staff were safe.") == ["Dunmore", "Pike"]
    assert names("Tom and Jerry is a cartoon.") == ["Tom", "Jerry"]
    assert names("In Kadkan and Rivash there is almost nothing left.") == ["Kadkan", "Rivash"]
    ids = canon(linked("Thieves raided Dunmore & Pike.", "Dunmore and Pike, a jeweller, was shut."))
    assert ids["Dunmore & Pike"] == ids["Dunmore and Pike"]


def test_a_treasurer_is_a_title() -> None:
    assert kinds("A jury convicted former Wexford County Treasurer Ann B. Pole.") == {
        "Wexford County": "place",
        "Ann B. Pole": "person",
    }


def test_the_met_is_londons_police_beside_its_full_name_only() -> None:
    rows = linked("Scotland Yard said a man was held.", "Officers of the Met's Flying Squad searched a flat.")
    assert rows[1][0].canonical == "scotland-yard"
    assert rows[1][0].kind == "org"
    rows = linked("The Met unveiled a new exhibition of Greek vases.")
    assert rows[0][0].canonical != "scotland-yard"
    ids = canon(linked("The Met Office warned of snow.", "The Metropolitan Police said."))
    assert ids["Met Office"] != ids["Metropolitan Police"]


def test_the_table_knows_major_police_forces_and_agencies() -> None:
    ids = canon(
        linked(
            "The NYPD and the Los Angeles Police Department agreed.",
            "The New York Police Department and the LAPD.",
            "HMRC and HM Revenue & Customs and Her Majesty's Revenue and Customs.",
            "The US Geological Survey (USGS) and the Internal Revenue Service (IRS).",
            "Interpol, Europol, the FBI, the ATF, the DEA and the SEC.",
            "A filing at Companies House.",
        )
    )
    assert ids["NYPD"] == ids["New York Police Department"] == "nypd"
    assert ids["LAPD"] == ids["Los Angeles Police Department"] == "lapd"
    assert ids["HMRC"] == ids["HM Revenue & Customs"] == ids["Her Majesty's Revenue and Customs"]
    assert ids["USGS"] == ids["US Geological Survey"]
    assert ids["IRS"] == ids["Internal Revenue Service"]
    assert {ids[n] for n in ("Interpol", "Europol", "FBI", "ATF", "DEA", "SEC")} == {
        "interpol",
        "europol",
        "fbi",
        "atf",
        "dea",
        "securities-and-exchange-commission",
    }
    assert kinds("A filing at Companies House.") == {"Companies House": "org"}


def test_connector_spellings_of_one_organisation_are_joined() -> None:
    ids = canon(
        linked(
            "Tanzeem-e-Nawab claimed the attack.",
            "Tanzim-i-Nawab fighters were blamed.",
            "Harakat-ul-Sadiq and Harakat Sadiq denied it.",
        )
    )
    assert ids["Tanzeem-e-Nawab"] == ids["Tanzim-i-Nawab"]
    assert ids["Harakat-ul-Sadiq"] == ids["Harakat Sadiq"]
    assert ids["Tanzeem-e-Nawab"] != ids["Harakat Sadiq"]


def test_the_table_knows_armed_groups_named_two_ways() -> None:
    ids = canon(
        linked(
            "Tehrik-e-Taliban Pakistan (TTP) and the Pakistani Taliban, not the Afghan Taliban.",
            "ISWAP, a Boko Haram splinter, and Islamic State West Africa Province.",
            "Hamas, the Islamic Resistance Movement, and Kataib Hezbollah, not Hezbollah.",
            "Hay'at Tahrir al-Sham (HTS), al-Shabaab and Al-Shabab, the Houthis or Ansarallah.",
        )
    )
    assert ids["Tehrik-e-Taliban Pakistan"] == ids["TTP"] == ids["Pakistani Taliban"]
    assert ids["Pakistani Taliban"] != ids["Afghan Taliban"]
    assert ids["ISWAP"] == ids["Islamic State West Africa Province"] != ids["Boko Haram"]
    assert ids["Hamas"] == ids["Islamic Resistance Movement"]
    assert ids["Kataib Hezbollah"] != ids["Hezbollah"]
    assert ids["Hay'at Tahrir al-Sham"] == ids["HTS"]
    assert ids["al-Shabaab"] == ids["Al-Shabab"]
    assert ids["Houthis"] == ids["Ansarallah"]


def test_a_table_name_read_as_a_person_still_takes_its_table_id() -> None:
    rows = linked("Jaish-i-Muhammad denied it.")  # a spelling the table does not list
    assert rows[0][0].canonical == "jaish-e-mohammed"
    assert rows[0][0].kind == "org"


def test_abbreviated_and_plural_generic_words_in_an_organisations_name() -> None:
    ids = canon(
        linked(
            "He was treasurer of Ashgrove Juniors FC for ten years.",
            "Ashgrove Junior Football Club reported him.",
            "Ashgrove Rovers FC played Ashgrove Utd.",
            "Ashgrove United won.",
        )
    )
    assert ids["Ashgrove Juniors FC"] == ids["Ashgrove Junior Football Club"]
    assert ids["Ashgrove Utd"] == ids["Ashgrove United"]
    assert len({ids["Ashgrove Juniors FC"], ids["Ashgrove Rovers FC"], ids["Ashgrove United"]}) == 3
    ids = canon(linked("John Williams spoke.", "John William spoke."))  # people's names keep their "s"
    assert ids["John Williams"] != ids["John William"]


def test_a_river_or_mountain_named_without_its_type_word() -> None:
    ids = canon(
        linked(
            "The Vessa River burst its banks.",
            "Rescuers waited as the Vessa rose.",
            "Homes along the River Vessa were flooded.",
            "Mt Kelvar and Mount Kelvar erupted; Kelvar was quiet by noon.",
            "Ash fell in County Ardell; Ardell schools shut.",
        )
    )
    assert ids["Vessa River"] == ids["Vessa"] == ids["River Vessa"]
    assert ids["Mt Kelvar"] == ids["Mount Kelvar"] == ids["Kelvar"]
    assert ids["County Ardell"] == ids["Ardell"]
    assert ids["Vessa"] != ids["Kelvar"]


def test_a_type_word_is_not_dropped_when_the_bare_name_could_be_something_else() -> None:
    # two features share the name
    ids = canon(linked("Boats crossed Lake Tarvo.", "Mount Tarvo erupted.", "Tarvo was evacuated."))
    assert ids["Tarvo"] not in (ids["Lake Tarvo"], ids["Mount Tarvo"])
    # a sea named after the land beside it: only "the Korvel" is the sea
    ids = canon(linked("The plane fell into the Korvel Sea.", "Flights from Korvel resumed."))
    assert ids["Korvel"] != ids["Korvel Sea"]
    ids = canon(linked("The plane fell into the Korvel Sea.", "Divers searched the Korvel."))
    assert ids["Korvel"] == ids["Korvel Sea"]
    # a common word, a given name or a name in the table is no feature's own name
    ids = canon(linked("The Black River rose.", "Black was the colour.", "Lake Victoria and Victoria."))
    assert ids["Black"] != ids["Black River"]
    assert ids["Victoria"] != ids["Lake Victoria"]
    ids = canon(linked("Sailing on Lake Geneva.", "Talks in Geneva."))
    assert ids["Geneva"] != ids["Lake Geneva"]


def test_an_airlines_short_name() -> None:
    ids = canon(
        linked(
            "A plane operated by Kestrel Airlines crashed.",
            "Kestrel Air said it would help.",
            "He had flown with Kestrel for a decade.",
        )
    )
    assert ids["Kestrel Airlines"] == ids["Kestrel Air"] == ids["Kestrel"]
    ids = canon(linked("Golden Kestrel Airways said.", "Golden Kestrel Air flew on.", "Golden Kestrel Bank."))
    assert ids["Golden Kestrel Airways"] == ids["Golden Kestrel Air"] != ids["Golden Kestrel Bank"]
    ids = canon(linked("Corvina Peru cancelled flights.", "A Corvina spokesman said."))
    assert ids["Corvina Peru"] == ids["Corvina"]
    assert kinds("Corvina Peru cancelled flights.") == {"Corvina Peru": "org"}


def test_an_airlines_short_name_stays_alone_beside_another_firm_of_that_name() -> None:
    ids = canon(linked("Kestrel Airlines and Kestrel Bank merged.", "Kestrel said profits rose."))
    assert ids["Kestrel"] not in (ids["Kestrel Airlines"], ids["Kestrel Bank"])
    assert ids["Kestrel Airlines"] != ids["Kestrel Bank"]
    ids = canon(linked("Central Bank rates rose.", "Central said nothing."))  # no distinctive word
    assert ids["Central"] != ids["Central Bank"]


def test_a_country_after_a_name_is_read_with_care() -> None:
    assert kinds("Northern Peru was flooded.") == {"Northern Peru": "place"}
    assert kinds("Michael Jordan spoke.") == {"Michael Jordan": "person"}
    assert kinds("The University of Ohio said.") == {"University of Ohio": "org"}
    assert kinds("Bank Peru raised rates.") == {"Bank Peru": "org"}


def test_a_lower_case_airport_or_hospital_belongs_to_the_name_before_it() -> None:
    assert names("It was due to land at Velling airport.") == ["Velling airport"]
    assert kinds("She was taken to Mercy hospital.") == {"Mercy hospital": "org"}
    assert names("Students at Kelby university protested.") == ["Kelby university"]
    assert names("Troops guarded Ostrava station.") == ["Ostrava station"]
    # not after a nationality, a title, a known name, an organisation or a lone sentence-initial word
    assert names("An Indonesian airport was shut.") == []
    assert names("Mr Smith hospital visits.") == ["Smith"]
    assert names("Flights from London airport resumed.") == ["London"]
    assert names("The Fox News station aired it.") == ["Fox News"]
    assert names("Police station staff said.") == []
    assert names("Officers at Brixton police station said.") == ["Brixton"]


def test_an_airport_with_and_without_a_generic_word() -> None:
    ids = canon(
        linked(
            "It crashed near Velling International Airport.",
            "It was due to land at Velling airport.",
            "Velling Airport was closed.",
        )
    )
    assert ids["Velling International Airport"] == ids["Velling airport"] == ids["Velling Airport"]
    ids = canon(linked("Kenton General Hospital and Kenton Military Hospital.", "Kenton hospital said."))
    assert ids["Kenton hospital"] not in (ids["Kenton General Hospital"], ids["Kenton Military Hospital"])


def test_flight_numbers_are_read_as_one_name() -> None:
    assert names("Survivors were pulled from flight KR704 on Friday.") == ["flight KR704"]
    assert names("Kestrel Flight 704, a turboprop, took off at noon.") == ["Kestrel Flight 704"]
    assert names("The crash of Flight 704 and flight KR 704.") == ["Flight 704", "flight KR 704"]
    assert names("KR704 was delayed.") == ["KR704"]
    assert names("Kestrel Airlines flight 704 landed.") == ["Kestrel Airlines", "flight 704"]
    assert kinds("Kestrel Flight 704 landed.") == {"Kestrel Flight 704": "other"}
    # not a flight
    assert names("The flight 40 minutes later was full.") == []
    assert names("CO2 and NO2 levels rose.") == ["CO2", "NO2"]
    assert kinds("CO2 levels rose.") == {"CO2": "org"}


def test_flight_numbers_join_when_the_airlines_agree() -> None:
    rows = linked(
        "Survivors were pulled from flight KR704.",
        "Kestrel Flight 704 took off at noon.",
        "Flight 704 lost contact; KR 704 was never heard from.",
        "KR704 was an ATR 72.",
    )
    ids = canon(rows)
    assert ids["flight KR704"] == ids["Kestrel Flight 704"] == ids["Flight 704"] == ids["KR704"]
    ids = canon(linked("Flight 704 landed.", "KR704 and BX704 were delayed.", "Flight 705 left."))
    assert ids["KR704"] != ids["BX704"]
    assert ids["Flight 704"] not in (ids["KR704"], ids["BX704"])  # either airline's
    assert ids["Flight 705"] != ids["Flight 704"]


def test_two_capitals_do_not_abbreviate_a_persons_name() -> None:
    ids = canon(linked("He used an AR-style rifle.", "Angela Ruiz, 34, saw it."))
    assert ids["AR"] != ids["Angela Ruiz"]


# --- robustness ------------------------------------------------------------------------------------------


def test_empty_and_odd_input() -> None:
    assert extract_entities("") == []
    assert extract_entities("   \n\t ") == []
    assert link_entities([]) == []
    assert link_entities([[], []]) == [[], []]
    assert names("“‘(The") == []


_PIECES = st.sampled_from(
    [
        "al-",
        "Mr ",
        "The ",
        "the ",
        "ISIS",
        "US",
        " of ",
        " and ",
        " group",
        "’s",
        "'",
        "Bashar ",
        "President ",
        "governor ",
        "Deir al-Zor",
        "U.S.",
        "May ",
        "non-",
        "-based",
        "Jr.",
        "(",
        ")",
        "“",
        "\n",
        ", ",
        "É",
        "ß",
        "İ",
        "ﬁ",
        "12",
        "A.",
        "Z",
        " & ",
        "&",
        "Ltd",
        " UK",
        " said its",
        ", a jeweller",
        " Lee ",
        "Met",
        "flight ",
        "Flight ",
        "KR704",
        "KR ",
        "704",
        " airport",
        " hospital",
        "River ",
        "Mt ",
        "-e-",
        " Airlines",
        " FC",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=30).map("".join)), st.integers(0, 10_000))
def test_random_text_never_raises_and_yields_valid_spans(text: str, base: int) -> None:
    found = _extract(text, base)  # the unguarded reader, so a bug would surface here
    for e in found:
        assert base <= e.start < e.end <= base + len(text)
        assert text[e.start - base : e.end - base] == e.text
        assert e.canonical
    canon_ids, _ = _Linker([found, found]).run()  # unguarded too: link_entities would hide a crash
    assert len(canon_ids) == 2 * len(found)
    rows = link_entities([found, found])
    assert [len(r) for r in rows] == [len(found), len(found)]


def test_an_organisation_named_without_the_word_for_its_office_is_the_same_one() -> None:
    ids = canon(
        linked(
            "Denver Police say two men were arrested.", "The Denver Police Department released a statement."
        )
    )
    assert ids["Denver Police"] == ids["Denver Police Department"]


def test_a_name_whose_leading_words_are_given_by_their_initials_is_the_same_one() -> None:
    ids = canon(
        linked(
            "Both were taken to OHSU Doernbecher.",
            "They were treated at Oregon Health Science University Doernbecher.",
        )
    )
    assert ids["OHSU Doernbecher"] == ids["Oregon Health Science University Doernbecher"]
    ids = canon(linked("She went to UMC Lakeside.", "He went to University Medical Center Brackenridge."))
    assert ids["UMC Lakeside"] != ids["University Medical Center Brackenridge"]


def test_an_island_of_a_name_is_the_island_of_that_name() -> None:
    ids = canon(linked("The quake struck the Island of Kish.", "Damage on Kish was light."))
    assert ids["Island of Kish"] == ids["Kish"]


def test_a_newspaper_named_without_its_city_is_the_same_paper() -> None:
    ids = canon(linked("The Chicago Sun Times reported the fire.", "The Sun Times said two died."))
    assert ids["Chicago Sun Times"] == ids["Sun Times"]
    ids = canon(
        linked("The Chicago Sun Times reported it.", "The Boston Sun Times disagreed.", "Sun Times said.")
    )
    assert ids["Sun Times"] not in (ids["Chicago Sun Times"], ids["Boston Sun Times"])


def test_a_party_before_a_name_is_no_part_of_it() -> None:
    rows = linked(
        "He lost in November to Democrat Elizabeth Warren.",
        "So far, the only Democrat in the race is Mr. Markey.",
        "Ms. Warren said little.",
    )
    ids = canon(rows)
    assert ids["Elizabeth Warren"] == ids["Warren"] == "elizabeth-warren"
    assert all(e.canonical != "elizabeth-warren" for e in rows[1])


def test_an_office_of_something_before_a_name_is_a_title() -> None:
    for sentence, name in [
        ("The governor picked former Chief of Staff William Cowan.", "William Cowan"),
        ("Chief of Police Mary Smith spoke.", "Mary Smith"),
        ("Director of Communications Jane Doe said it was over.", "Jane Doe"),
    ]:
        assert [(e.text, e.kind) for e in extract_entities(sentence) if e.kind == "person"][-1] == (
            name,
            "person",
        )
    assert [e.text for e in extract_entities("He studied at the University of Staff Studies.")] == [
        "University of Staff Studies"
    ]


def test_a_name_with_and_without_its_generation_is_one_person() -> None:
    c = canon(
        linked(
            "Wal-Mart lawyer Theodore Boutrous argued that the class was too big.",
            "Justices appeared to agree with Theodore Boutrous Jr., representing Wal-Mart.",
            '"There was no pay disparity," Boutrous told the court.',
        )
    )
    assert c["Theodore Boutrous"] == c["Theodore Boutrous Jr"] == c["Boutrous"]


def test_two_generations_keep_the_bare_name_apart() -> None:
    c = canon(
        linked(
            "Martin Smith Jr. founded the firm.",
            "Martin Smith Sr. retired in 1990.",
            "Martin Smith spoke on Tuesday.",
        )
    )
    assert c["Martin Smith Jr"] != c["Martin Smith Sr"]
    assert c["Martin Smith"] not in (c["Martin Smith Jr"], c["Martin Smith Sr"])


def test_a_places_police_in_lower_case_is_that_police_force() -> None:
    c = canon(
        linked(
            "The Bridgeport Police Department said five people were hurt.",
            "Bridgeport police said two men opened fire.",
        )
    )
    assert c["Bridgeport police"] == c["Bridgeport Police Department"]
    assert kinds("Bridgeport police said two men opened fire.")["Bridgeport police"] == "org"


def test_police_before_a_title_and_a_name_stays_part_of_the_title() -> None:
    got = names("Austin police Chief Art Acevedo said the gunman fled.")
    assert "Austin police" not in got
    assert any(n.endswith("Art Acevedo") for n in got)


def test_a_nickname_in_quotes_is_part_of_the_name_and_joins_it_alone() -> None:
    sentence = (
        'The governor picked former Chief of Staff William "Mo" Cowan, who served as his chief legal counsel.'
    )
    assert 'William "Mo" Cowan' in names(sentence)
    c = canon(
        linked(sentence, "William Cowan said he would not run.", "Mo said he was honoured.", "Cowan smiled.")
    )
    assert c['William "Mo" Cowan'] == c["William Cowan"] == c["Mo"] == c["Cowan"]


def test_a_quotation_after_a_name_is_no_nickname() -> None:
    got = names('Police chief Jane Roe said "Nobody" Was hurt.')
    assert not any('"' in n for n in got)


def test_a_name_with_a_word_cut_short_is_the_same_name() -> None:
    c = canon(
        linked(
            "A fire destroyed the historic Matanuska Maid Dairy warehouse.",
            "Firemen hosed down the rubble of the old Mat Maid building.",
        )
    )
    assert c["Mat Maid"] == c["Matanuska Maid Dairy"]


def test_a_shortened_name_that_fits_two_names_joins_neither() -> None:
    c = canon(
        linked(
            "Christopher Hale and Christina Hale were at home.",
            "Chris Hale said he heard shots.",
        )
    )
    assert c["Chris Hale"] not in (c["Christopher Hale"], c["Christina Hale"])


def test_a_firms_first_word_alone_is_the_firm_after_a_business_word() -> None:
    c = canon(
        linked(
            "A gunman opened fire at Excel Industries in Hesston on Thursday.",
            "He fired from his vehicle in a location nearby Excel.",
        )
    )
    assert c["Excel"] == c["Excel Industries"]


def test_an_ordinal_in_figures_is_part_of_a_numbered_name() -> None:
    assert names("Crowds gathered outside the 67th Precinct on Monday.") == ["67th Precinct"]
    assert names("Troops of the 101st Airborne Division left.") == ["101st Airborne Division"]
    assert names("He was the 5th Smith to win.") == ["Smith"]


def test_a_numbered_street_in_figures_or_words_is_one_street() -> None:
    c = canon(linked("Shots were fired on 6th street near the bar.", "Two women were shot on Sixth Street."))
    assert c["6th street"] == c["Sixth Street"]
    assert names("The 6th victim died.") == []


def test_the_high_court_is_the_supreme_court_the_stories_name() -> None:
    c = canon(
        linked(
            "The Supreme Court heard the case on Tuesday.", "Several justices of the high court seemed split."
        )
    )
    assert c["high court"] == c["Supreme Court"]
    alone = canon(linked("Lawyers for the family said the high court would rule soon."))
    assert "supreme" not in alone["high court"]


def test_a_places_police_after_its_state_is_that_police_force() -> None:
    c = canon(
        linked(
            "Officers from the Bristol Tennessee Police Department are assisting.",
            "According to authorities, Bristol, Tenn. police responded to an active shooter.",
        )
    )
    assert c["Bristol, Tenn. police"] == c["Bristol Tennessee Police Department"]
    assert names("He moved to Bristol, Tenn. in 2010.") == ["Bristol", "Tenn"]


def test_short_names_that_begin_with_different_consonants_stay_apart() -> None:
    c = canon(
        linked(
            "NRA School Safety Report Recommends Arming Teachers, Loosening Gun Laws",
            "The shooting in Newtown, Conn., killed 26 people.",
        )
    )
    assert c["Gun"] != c["Conn"]
    ids = canon(linked("Omar Hassan spoke.", "Umar Hassan said he was leaving."))
    assert ids["Omar Hassan"] == ids["Umar Hassan"]


@pytest.mark.parametrize(
    ("other", "name", "same"),
    [
        ("The news conference was attended by his wife, Stacey, and their two sons.", "Stacey", True),
        ("The news conference was attended by his sister, Tracy, and her two sons.", "Tracy", False),
    ],
)
def test_a_first_name_spelt_two_ways_in_two_articles_is_one_person(other: str, name: str, same: bool) -> None:
    rows = link_entities(
        [extract_entities("He and his wife Stacy have two young sons."), extract_entities(other)], [0, 1]
    )
    stacy = next(e for e in rows[0] if e.text == "Stacy")
    found = next(e for e in rows[1] if e.text == name)
    assert (stacy.canonical == found.canonical) is same


def test_a_state_abbreviation_after_a_place_or_in_a_party_tag_is_the_state() -> None:
    place = extract_entities("The shootings in Bristol, Tenn., left one dead.")
    assert [(e.text, e.canonical, e.kind) for e in place] == [
        ("Bristol", "bristol", "place"),
        ("Tenn", "tennessee", "place"),
    ]
    tag = extract_entities("Former Rep. Asa Hutchinson (R-Ark.) released the report.")
    assert ("Ark", "arkansas", "place") in [(e.text, e.canonical, e.kind) for e in tag]
    joined = link_entities([place, extract_entities("Tennessee officials said.")])
    assert joined[0][1].canonical == joined[1][0].canonical
    # a nickname or an honorific that spells like one is no state
    nickname = extract_entities('William "Mo" Cowan spoke.')
    assert all(e.kind != "place" for e in nickname)


def test_a_building_named_after_what_it_houses_is_that_name() -> None:
    c = canon(
        linked(
            "The crowd marched to the 14th Precinct station on Monday.",
            "Officers at the 14th Precinct made two arrests.",
        )
    )
    assert c["14th Precinct station"] == c["14th Precinct"]
    ids = canon(linked("Trains left Penn Station late.", "Penn said nothing."))
    assert ids["Penn Station"] != ids["Penn"]


def test_a_title_one_letter_off_before_a_full_name_is_read_as_the_title() -> None:
    text = "Office Matthew Cousins was hit in the leg. Officer Matthew Cousins was treated."
    assert [(e.text, e.canonical) for e in extract_entities(text)] == [
        ("Matthew Cousins", "matthew-cousins"),
        ("Matthew Cousins", "matthew-cousins"),
    ]


def test_a_rarer_word_one_letter_off_a_title_is_taken_for_a_name() -> None:
    found = [
        (e.text, e.canonical) for e in extract_entities("Justine Marie Smith spoke. Office Depot closed.")
    ]
    assert found == [("Justine Marie Smith", "justine-marie-smith"), ("Office Depot", "office-depot")]


def test_a_surname_with_two_particles_is_read_whole() -> None:
    found = [e.text for e in extract_entities("Ursula von der Leyen spoke. Rafael van der Vaart played.")]
    assert found == ["Ursula von der Leyen", "Rafael van der Vaart"]


def test_a_known_body_under_its_country_s_name_is_that_body() -> None:
    text = "The U.S. Department of Justice said on Monday. The Justice Department declined to comment."
    found = [(e.text, e.canonical) for e in extract_entities(text)]
    assert found == [
        ("U.S. Department of Justice", "justice-department"),
        ("Justice Department", "justice-department"),
    ]


def test_a_title_word_after_of_names_the_office_s_domain() -> None:
    assert [e.text for e in extract_entities("Minister of Justice Jane Roe said.")] == ["Jane Roe"]

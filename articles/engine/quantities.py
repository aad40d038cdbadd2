"""Reads the figures in a sentence (counts, ages, money, percentages, durations, measures) as intervals.

Also converts money between currencies and decides whether two readings can be compared at all.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import NamedTuple

from articles.engine.types import Quantity, QuantityKind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- tokens -------------------------------------------------------------------------------------------

_NUM, _WORD, _SYM = 0, 1, 2

# ASCII digits only: float() would happily read other scripts' digits and give nonsense offsets/values.
# Thousands are grouped by commas, or by a no-break or thin space ("3 000" typeset with U+00A0 or U+202F).
_GROUP_MARKS = ",\u00a0\u202f\u2009"
_TOKEN_RE = re.compile(
    rf"([0-9]{{1,3}}(?:[{_GROUP_MARKS}][0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)|([^\W\d_]+(?:['’][^\W\d_]+)*)|(\S)"
)
_UNGROUP = str.maketrans("", "", _GROUP_MARKS)


class _Tok(NamedTuple):
    kind: int
    text: str
    low: str
    start: int
    end: int


# Spans that hold digits but no quantity: clock times, calendar dates, phone numbers.
_BLOCK_RES = (
    re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b\.?", re.IGNORECASE),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    re.compile(r"\b\d{1,2}\s?o['’]clock\b", re.IGNORECASE),
    re.compile(
        r"\b\d{3,4}\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|IST|AEST|AEDT|JST|hrs\b|hours\s+(?:GMT|UTC|local))"
    ),
    re.compile(
        r"\bat\s+(?:[01]?\d|2[0-3])\.[0-5]\d\b(?!\s*(?:%|per\b|percent|pc\b|million|billion|bn\b|m\b))",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b(?![.,]?\d)"),
    re.compile(r"\b\d{1,4}/\d{1,4}\b(?![.,]?\d)"),
    re.compile(r"(?<![\d,.])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){2,4}(?![\d,])"),
    re.compile(r"\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b"),
    re.compile(r"\b\d{3}[.-]\d{3}[.-]\d{4}\b"),
    re.compile(r"\b0\d{2,4}\s\d{3,4}\s?\d{3,4}\b"),
    re.compile(r"\b\d{3}-\d{4}\b(?![.,]?\d)"),
    # an emergency number, not a count: "dozens of 911 calls", "a 999 call", "dialled 112"
    re.compile(
        r"\b(?:911|999|112|000)(?=\s+(?:calls?|callers?|dispatch(?:ers?)?|operators?|cent(?:er|re)s?|system)\b)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?:(?<=dialed\s)|(?<=dialled\s)|(?<=dialing\s)|(?<=dialling\s)|(?<=called\s)|(?<=calling\s))"
        r"(?:911|999|112)\b",
        re.IGNORECASE,
    ),
)
# One pass instead of one per pattern; every pattern starts at a digit, "+", "(" or "at".
_BLOCK_RE = re.compile(
    r"(?=[0-9+(aA])(?:"
    + "|".join(f"(?i:{rx.pattern})" if rx.flags & re.IGNORECASE else f"(?:{rx.pattern})" for rx in _BLOCK_RES)
    + ")"
)
# "2015-16", "1990-2000": a span of years, unless the second part cannot be a later year.
_YEAR_SPAN_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\s?[-–/]\s?(\d{2}|\d{4})\b(?![.,]?\d)")

# --- word tables (general English and world knowledge) -----------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_BIG = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
    "crore": 1e7, "crores": 1e7, "bn": 1e9, "mn": 1e6, "mln": 1e6, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
# Words that multiply what precedes them inside a number ("several hundred", "two dozen").
_MULTIPLIERS = {**_BIG, "hundred": 100.0, "dozen": 12.0}
_VAGUE_PLURALS = {
    "dozens": 24.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6, "billions": 2e9,
    "trillions": 2e12,
}  # fmt: skip
_VAGUE_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_SHARES = frozenset(("third", "thirds", "quarter", "quarters"))
_FRACTIONS = {
    "half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip

_QUALIFIERS: dict[tuple[str, ...], str] = {}
for _phrases, _sense in (
    ("at least|no fewer than|not fewer than|no less than|not less than|a minimum of|minimum of", "min"),
    (
        "more than|over|above|in excess of|upwards of|upward of|greater than|well over|well above|"
        "exceeding|north of|in excess|passes|passed|passing|tops|topped|topping|exceeds|exceeded|"
        "surpasses|surpassed|surpassing|rises above|rose above",
        "gt",
    ),
    (
        "just over|just above|slightly more than|a little over|a little more than|just more than|"
        "slightly over|a bit more than",
        "gt_approx",
    ),
    (
        "nearly|almost|just under|just below|just shy of|slightly less than|slightly fewer than|"
        "a little under|a little less than|just short of|just less than|just fewer than|close on",
        "lt_approx",
    ),
    ("fewer than|less than|under|below|well under|well below", "lt"),
    (
        "up to|upto|as many as|as much as|at most|no more than|not more than|a maximum of|maximum of|"
        "at the most",
        "max",
    ),
    (
        "about|around|roughly|approximately|approx|some|an estimated|estimated|close to|circa|just about|"
        "an approximate|in the region of|on the order of|somewhere around|more or less|near|"
        "an estimated total of|a total of about|about some|roughly about|around about|some estimated",
        "approx",
    ),
):
    for _p in _phrases.split("|"):
        _QUALIFIERS[tuple(_p.split())] = _sense
_QUALIFIER_MAX = max(len(k) for k in _QUALIFIERS)
_QUALIFIER_WORDS = frozenset(w for k in _QUALIFIERS for w in k)

# Canonical casualty/state words. Participles and adjectives can follow a noun ("ten people injured").
PARTICIPLE_STATES = {
    "dead": "dead", "killed": "dead", "injured": "injured", "hurt": "injured", "wounded": "injured",
    "missing": "missing", "unaccounted": "missing", "arrested": "arrested", "detained": "arrested",
    "shot": "shot", "stabbed": "stabbed", "displaced": "displaced", "evacuated": "evacuated",
    "rescued": "rescued", "kidnapped": "kidnapped", "abducted": "kidnapped", "hospitalised": "hospitalised",
    "hospitalized": "hospitalised", "trapped": "trapped", "charged": "charged", "executed": "executed",
    "hit": "hit", "infected": "infected", "drowned": "dead",
}  # fmt: skip
# Finite verbs and nouns that name the same states right after a number ("24 died", "12 deaths").
_STATES = {
    **PARTICIPLE_STATES,
    "died": "dead", "die": "dead", "dies": "dead", "death": "dead", "deaths": "dead", "fatality": "dead",
    "fatalities": "dead", "injury": "injured", "injuries": "injured", "casualty": "casualty",
    "casualties": "casualty", "arrests": "arrested", "arrest": "arrested",
}  # fmt: skip
# Nouns whose lemma names a state: a count of "deaths" is a count of the dead.
_NOUN_STATES = {"death": "dead", "fatality": "dead", "injury": "injured", "arrest": "arrested"}
_STATE_VERBS = {
    "killing": "dead", "killed": "dead", "kills": "dead", "kill": "dead", "injuring": "injured",
    "wounding": "injured", "hurting": "injured", "injured": "injured", "wounded": "injured",
    "arresting": "arrested", "detaining": "arrested", "arrested": "arrested", "detained": "arrested",
    "displacing": "displaced", "evacuating": "evacuated", "rescuing": "rescued", "kidnapping": "kidnapped",
    "abducting": "kidnapped",
}  # fmt: skip
# Nouns whose size is a number of people, and the words that may stand between them and the number.
_CROWD_NOUNS = frozenset(("crowd", "crowds", "throng", "turnout", "attendance", "audience", "gathering"))
_CROWD_LINKS = frozenset(
    "of at estimated put numbering numbered some about around roughly nearly almost an was were is be".split()
)
_CROWD_REACH = 4

_AUX = _words("were was have has had are is been got get gets being")
_AUX_FILLER = _words(
    """
    were was have has had are is been being be got get gets reportedly reported later also all
    seriously badly critically fatally slightly lightly believed feared thought known confirmed to since
    else immediately either said appears appeared seems seemed"""
)
_ZERO_ADJ = _words("serious major further other reported known confirmed human immediate")

_TIME_UNITS = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "minute": "minute",
    "minutes": "minute", "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour",
    "hr": "hour", "hrs": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "fortnight": "fortnight", "fortnights": "fortnight", "month": "month", "months": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}  # fmt: skip
# One unit of time after "a" or "an", and the words that make it a span of time that passed.
_SINGLE_TIME_UNITS = _words("second minute hour day week fortnight month year decade century")
# Spans of time counted in years ("a decade ago" is ten years ago).
_YEARS_IN = {"decade": 10, "century": 100}
# How many times a thing was done, in one word ("shot twice").
_REPEATS = {"twice": 2.0, "thrice": 3.0}
# Words after "twice" that make it a ratio ("twice as many", "twice the size"), not a count of times.
_RATIO_AFTER = _words("as the a an that this its his her their our my your what more less over")
_TIME_HEDGES = _words("about around nearly almost roughly just only some barely")
_TIME_CUES_BEFORE = _words("within for in after than lasted lasting spent took taking over under")
_TIME_CUES_AFTER = _words("ago later earlier long before after")
# "a day or two", "a year or so": after "or", what makes "a day" a span of time.
_AFTER_OR = _words("so more less longer two three four five")
_MEASURES = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "ft": "ft", "foot": "ft", "feet": "ft", "inch": "inch", "inches": "inch", "yard": "yard",
    "yards": "yard", "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg",
    "kilogrammes": "kg", "kilo": "kg", "kilos": "kg", "gram": "g", "grams": "g", "gramme": "g",
    "grammes": "g", "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne", "lb": "lb",
    "lbs": "lb", "acre": "acre", "acres": "acre", "hectare": "hectare", "hectares": "hectare",
    "mph": "mph", "kph": "km/h", "kmh": "km/h", "litre": "litre", "litres": "litre", "liter": "litre",
    "liters": "litre", "gallon": "gallon", "gallons": "gallon", "barrel": "barrel", "barrels": "barrel",
    "megawatt": "MW", "megawatts": "MW", "mw": "MW", "gigawatt": "GW", "gigawatts": "GW", "gw": "GW",
    "kilowatt": "kW", "kilowatts": "kW", "kw": "kW", "kwh": "kWh", "knot": "knot", "knots": "knot",
    "degree": "degree", "degrees": "degree", "magnitude": "magnitude", "caliber": "caliber",
    "calibre": "caliber",
}  # fmt: skip
_AREA_UNITS = {
    "km": "km2", "kms": "km2", "kilometre": "km2", "kilometres": "km2", "kilometer": "km2",
    "kilometers": "km2", "mile": "sq mile", "miles": "sq mile", "metre": "m2", "metres": "m2",
    "meter": "m2", "meters": "m2", "foot": "sq ft", "feet": "sq ft", "ft": "sq ft",
}  # fmt: skip
# Letters glued to digits that still leave a quantity ("10km", "£5m", "24h", "40pc").
_GLUED_MEASURES = {
    "km": "km", "kms": "km", "kg": "kg", "kgs": "kg", "cm": "cm", "mm": "mm", "ft": "ft", "mph": "mph",
    "kph": "km/h", "kmh": "km/h", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "ha": "hectare",
    "lb": "lb", "lbs": "lb", "g": "g", "t": "tonne", "in": "inch",
}  # fmt: skip
_GLUED_TIMES = {"h": "hour", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second"}
_AGE_UNITS = {
    "year": 1.0, "years": 1.0, "yr": 1.0, "yrs": 1.0, "month": 1 / 12, "months": 1 / 12, "week": 1 / 52,
    "weeks": 1 / 52, "day": 1 / 365, "days": 1 / 365,
}  # fmt: skip

# --- currencies -----------------------------------------------------------------------------------------

_SYMBOLS = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₦": "NGN", "₩": "KRW", "₺": "TRY",
    "₽": "RUB", "₱": "PHP", "₪": "ILS", "₴": "UAH", "₫": "VND", "฿": "THB",
}  # fmt: skip
_DOLLAR_PREFIXES = {
    "US": "USD", "U.S.": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "Can": "CAD",
    "HK": "HKD", "S": "SGD", "SG": "SGD", "NZ": "NZD", "R": "BRL", "NT": "TWD", "Mex": "MXN", "CN": "CNY",
    "RMB": "CNY", "Z": "ZWL",
}  # fmt: skip
_ISO_CODES = _words(
    """
    USD EUR GBP JPY CNY INR CAD AUD CHF RUB ZAR BRL MXN KRW TRY NGN KES PKR SGD HKD NZD SEK NOK DKK PLN
    ILS AED SAR EGP QAR KWD IQD IRR UAH THB MYR IDR PHP VND BDT LKR NPR GHS ETB TWD ARS COP CLP"""
)
_WORD_PREFIXES = {
    "Rs": "INR",
    "RS": "INR",
    "KSh": "KES",
    "Ksh": "KES",
    "Sh": "KES",
    "RMB": "CNY",
    "Tk": "BDT",
}
_CURRENCY_NOUNS: dict[str, tuple[str | None, dict[str, str]]] = {}
for _nouns, _default, _adjs in (
    (
        "dollar dollars bucks",
        "USD",
        "us:USD american:USD australian:AUD canadian:CAD hong kong:HKD singapore:SGD singaporean:SGD "
        "new zealand:NZD taiwan:TWD taiwanese:TWD zimbabwean:ZWL namibian:NAD jamaican:JMD liberian:LRD",
    ),
    ("euro euros", "EUR", ""),
    ("pound pounds", "GBP", "british:GBP egyptian:EGP lebanese:LBP syrian:SYP sudanese:SDG"),
    ("sterling", "GBP", ""),
    ("yen", "JPY", "japanese:JPY"),
    ("yuan renminbi", "CNY", "chinese:CNY"),
    (
        "rupee rupees",
        "INR",
        "indian:INR pakistani:PKR sri lankan:LKR nepali:NPR nepalese:NPR mauritian:MUR",
    ),
    ("rand", "ZAR", "south african:ZAR"),
    ("naira", "NGN", "nigerian:NGN"),
    ("shilling shillings", "KES", "kenyan:KES ugandan:UGX tanzanian:TZS somali:SOS"),
    ("franc francs", "CHF", "swiss:CHF cfa:XOF congolese:CDF rwandan:RWF guinean:GNF"),
    ("rouble roubles ruble rubles", "RUB", "russian:RUB belarusian:BYN"),
    ("reais", "BRL", "brazilian:BRL"),
    ("real", None, "brazilian:BRL"),
    (
        "peso pesos",
        "MXN",
        "mexican:MXN philippine:PHP argentine:ARS argentinian:ARS colombian:COP chilean:CLP cuban:CUP",
    ),
    ("won", None, "south korean:KRW korean:KRW north korean:KPW"),
    ("lira liras lire", "TRY", "turkish:TRY lebanese:LBP"),
    ("dirham dirhams", "AED", "moroccan:MAD emirati:AED uae:AED"),
    ("riyal riyals", "SAR", "saudi:SAR qatari:QAR"),
    ("rial rials", "IRR", "iranian:IRR omani:OMR yemeni:YER"),
    (
        "dinar dinars",
        None,
        "iraqi:IQD kuwaiti:KWD jordanian:JOD bahraini:BHD libyan:LYD tunisian:TND algerian:DZD serbian:RSD",
    ),
    ("krona kronor", "SEK", "swedish:SEK icelandic:ISK"),
    ("krone kroner", "NOK", "norwegian:NOK danish:DKK"),
    ("zloty zlotys", "PLN", "polish:PLN"),
    ("hryvnia hryvnias", "UAH", "ukrainian:UAH"),
    ("shekel shekels", "ILS", "israeli:ILS"),
    ("cedi cedis", "GHS", "ghanaian:GHS"),
    ("ringgit", "MYR", "malaysian:MYR"),
    ("baht", "THB", "thai:THB"),
    ("rupiah", "IDR", "indonesian:IDR"),
    ("taka", "BDT", "bangladeshi:BDT"),
    ("birr", "ETB", "ethiopian:ETB"),
):
    _adj_map = {}
    for _pair in re.findall(r"([a-z ]+?):([A-Z]{3})", _adjs):
        _adj_map[_pair[0].strip()] = _pair[1]
    for _noun in _nouns.split():
        _CURRENCY_NOUNS[_noun] = (_default, _adj_map)
_CURRENCY_ADJS = frozenset(a for _d, m in _CURRENCY_NOUNS.values() for a in m)
_SUBUNITS = {"cent": "USD", "cents": "USD", "pence": "GBP", "penny": "GBP"}
# A currency word that doubles as an ordinary English word needs a nationality or a large amount.
_AMBIGUOUS_CURRENCIES = frozenset(("won", "real"))

# Approximate yearly average units of each currency per US dollar, 2000 to 2026.
_RATES_PER_USD: dict[str, tuple[float, ...]] = {
    "USD": (1.0,) * 27,
    "EUR": (1.082, 1.116, 1.058, 0.884, 0.804, 0.803, 0.796, 0.730, 0.680, 0.717, 0.754, 0.718, 0.778,
            0.753, 0.752, 0.901, 0.903, 0.886, 0.847, 0.893, 0.876, 0.845, 0.950, 0.925, 0.924, 0.885, 0.860),
    "GBP": (0.660, 0.694, 0.666, 0.612, 0.546, 0.549, 0.543, 0.500, 0.540, 0.639, 0.647, 0.623, 0.631,
            0.639, 0.607, 0.654, 0.738, 0.776, 0.749, 0.783, 0.779, 0.727, 0.808, 0.804, 0.782, 0.758, 0.746),
    "JPY": (107.8, 121.5, 125.4, 115.9, 108.2, 110.2, 116.3, 117.8, 103.4, 93.6, 87.8, 79.8, 79.8, 97.6,
            105.9, 121.0, 108.8, 112.2, 110.4, 109.0, 106.8, 109.8, 131.5, 140.5, 151.4, 150.0, 150.0),
    "CNY": (8.28, 8.28, 8.28, 8.28, 8.28, 8.19, 7.97, 7.61, 6.95, 6.83, 6.77, 6.46, 6.31, 6.20, 6.16,
            6.28, 6.64, 6.76, 6.62, 6.91, 6.90, 6.45, 6.73, 7.08, 7.19, 7.20, 7.10),
    "INR": (44.9, 47.2, 48.6, 46.6, 45.3, 44.1, 45.3, 41.3, 43.5, 48.4, 45.7, 46.7, 53.4, 58.6, 61.0,
            64.2, 67.2, 65.1, 68.4, 70.4, 74.1, 73.9, 78.6, 82.6, 83.7, 86.5, 88.0),
    "CAD": (1.485, 1.549, 1.570, 1.401, 1.301, 1.212, 1.134, 1.074, 1.067, 1.142, 1.030, 0.989, 1.000,
            1.030, 1.105, 1.279, 1.325, 1.298, 1.296, 1.327, 1.341, 1.254, 1.301, 1.350, 1.370, 1.400, 1.380),
    "AUD": (1.725, 1.933, 1.841, 1.542, 1.360, 1.309, 1.328, 1.195, 1.192, 1.282, 1.090, 0.969, 0.966,
            1.036, 1.109, 1.331, 1.345, 1.305, 1.338, 1.439, 1.453, 1.331, 1.442, 1.505, 1.516, 1.560, 1.520),
    "CHF": (1.689, 1.688, 1.559, 1.347, 1.243, 1.245, 1.254, 1.200, 1.083, 1.088, 1.043, 0.888, 0.938,
            0.927, 0.916, 0.962, 0.985, 0.985, 0.978, 0.994, 0.939, 0.914, 0.955, 0.898, 0.880, 0.830, 0.800),
    "RUB": (28.1, 29.2, 31.3, 30.7, 28.8, 28.3, 27.2, 25.6, 24.9, 31.7, 30.4, 29.4, 31.1, 31.8, 38.4,
            61.0, 67.1, 58.3, 62.7, 64.7, 72.1, 73.7, 68.5, 85.2, 92.6, 85.0, 82.0),
    "ZAR": (6.94, 8.61, 10.54, 7.56, 6.46, 6.36, 6.77, 7.05, 8.26, 8.47, 7.32, 7.26, 8.21, 9.66, 10.85,
            12.76, 14.71, 13.32, 13.23, 14.45, 16.46, 14.79, 16.36, 18.45, 18.33, 18.0, 17.5),
    "BRL": (1.83, 2.35, 2.92, 3.08, 2.93, 2.43, 2.18, 1.95, 1.83, 2.00, 1.76, 1.67, 1.95, 2.16, 2.35,
            3.33, 3.49, 3.19, 3.65, 3.94, 5.16, 5.40, 5.16, 4.99, 5.39, 5.60, 5.40),
    "MXN": (9.46, 9.34, 9.66, 10.79, 11.29, 10.90, 10.90, 10.93, 11.13, 13.51, 12.64, 12.42, 13.17, 12.77,
            13.29, 15.85, 18.66, 18.93, 19.24, 19.26, 21.49, 20.27, 20.13, 17.76, 18.30, 19.20, 18.50),
    "KRW": (1131.0, 1291.0, 1251.0, 1192.0, 1145.0, 1024.0, 955.0, 929.0, 1102.0, 1276.0, 1156.0, 1108.0,
            1127.0, 1095.0, 1053.0, 1131.0, 1160.0, 1130.0, 1100.0, 1166.0, 1180.0, 1144.0, 1292.0, 1306.0,
            1364.0, 1420.0, 1400.0),
    "TRY": (0.625, 1.23, 1.51, 1.50, 1.43, 1.34, 1.43, 1.30, 1.30, 1.55, 1.50, 1.67, 1.80, 1.90, 2.19,
            2.72, 3.02, 3.65, 4.83, 5.68, 7.01, 8.90, 16.55, 23.8, 32.8, 39.0, 43.0),
    "NGN": (101.7, 111.2, 120.6, 129.2, 132.9, 131.3, 128.7, 125.8, 118.5, 148.9, 150.3, 154.7, 157.5,
            157.3, 158.6, 192.4, 253.5, 305.8, 306.1, 306.9, 358.8, 401.2, 425.9, 645.0, 1480.0, 1530.0,
            1500.0),
    "KES": (76.2, 78.6, 78.7, 75.9, 79.2, 75.6, 72.1, 67.3, 69.2, 77.4, 79.2, 88.8, 84.5, 86.1, 87.9,
            98.2, 101.5, 103.4, 101.3, 102.0, 106.5, 109.6, 117.9, 139.8, 134.8, 129.2, 129.0),
    "PKR": (53.6, 61.9, 59.7, 57.8, 58.3, 59.5, 60.3, 60.7, 70.4, 81.7, 85.2, 86.3, 93.4, 101.6, 101.1,
            102.8, 104.8, 105.5, 121.8, 150.0, 161.8, 162.9, 204.9, 280.4, 278.6, 281.0, 282.0),
    "SGD": (1.724, 1.792, 1.791, 1.742, 1.690, 1.664, 1.589, 1.507, 1.415, 1.455, 1.364, 1.258, 1.250,
            1.251, 1.267, 1.375, 1.381, 1.381, 1.349, 1.364, 1.380, 1.344, 1.379, 1.343, 1.336, 1.320, 1.290),
    "HKD": (7.79, 7.80, 7.80, 7.79, 7.79, 7.78, 7.77, 7.80, 7.79, 7.75, 7.77, 7.78, 7.76, 7.76, 7.75,
            7.75, 7.76, 7.79, 7.84, 7.84, 7.76, 7.77, 7.83, 7.83, 7.80, 7.80, 7.80),
}  # fmt: skip
_FIRST_RATE_YEAR = 2000

# --- grammar words --------------------------------------------------------------------------------------

_MONTHS = _words(
    """
    january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec"""
)
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_STOP = _words(
    """
    a an the this that these those its his her their our my your whose and or but nor yet so if as than
    then because while when where whereas although though since until unless of in on at to for with by
    from into onto over under about after before during against among amongst between through throughout
    across along around near off out up down per via like within without toward towards inside outside
    behind beyond despite upon amid amidst including excluding according was were is are be been being am
    has have had do does did will would shall should can could may might must who whom which what why how
    it they them he she we you i us him me there here not no also only just even still already now ago
    later earlier today yesterday tomorrow tonight overall altogether apiece each respectively too again
    all both either neither some any every such said says say told tell tells reported reportedly added
    adding claimed claims include includes included last next"""
)
# Words that may stand capitalised before a number at the start of a sentence without naming a code.
_FUNCTION_WORDS = (
    _STOP
    | _QUALIFIER_WORDS
    | _words(
        """
    more less fewer many several few other another others total only exactly precisely killing
        leaving injuring wounding however meanwhile thus hence plus minus times whereby altogether
        another roughly estimated almost nearly"""
    )
)
# Nouns that label a numbered thing ("Article 5", "Flight 370", "Route 66").
_LABELS = _words(
    """
    article articles section sections chapter clause paragraph page pages item rule amendment
    resolution bill flight route highway interstate room gate terminal platform line bus model version
    level category stage phase grade tier class type size number no nos num episode season volume vol
    issue form code channel box plot cell batch exit junction pier track lane row seat apartment apt
    floor ward district zone sector block squad precinct division league week matchday act"""
)
# Nouns a bare age can follow between commas: "the gunman, 29, was shot".
_PERSON_NOUNS = _words(
    """
    man woman boy girl victim suspect gunman driver officer mother father son daughter wife husband teenager
    student worker soldier pilot teacher doctor nurse passenger resident attacker defendant pensioner child
    brother sister friend partner neighbour neighbor mayor farmer owner journalist photographer bomber
    shooter assailant robber thief killer accused survivor"""
)
_OF_DETERMINERS = _words("the its his her their our my your these those this that whose")
_OF_PRONOUNS = _words("them us whom which it you those these him her me")
_DETERMINERS = _words("the a an this that these those its his her their our my your whose")
_STRICT_YEAR_LEADS = _words(
    """
    in since until till during before after early late mid through throughout circa year years summer
    spring autumn fall winter season fiscal financial budget class election"""
)
_ONE_BEFORE = _words("no every each any some the this that which another such someone")
# Words before "that" that make it the start of a reported clause ("said that one man died"), not "that one".
_THAT_OPENS = _words(
    "said say says told tell tells reported reports added adds and but confirmed stated announced noted"
)
_ONE_AFTER = _words("another day morning afternoon evening night point time hand way by after anyone's")
_CHANGE_VERBS = _words(
    """
    rose risen rise rises rising increased increase increases increasing climbed climb climbs jumped
    jump jumps grew grown grow grows fell fallen fall falls dropped drop drops declined decline declines
    decreased decrease cut cuts reduced reduce raised raise raising lowered lower revised revise up down
    went gone soared surged plunged slumped tumbled doubled tripled changed moved upgraded downgraded
    lifted shrank shrunk expanded widened narrowed slipped edged"""
)
# Quantities written after a capitalised word are codes ("Boeing 737") unless they plainly count people.
_HUMAN_AFTER = _words(
    """
    people persons civilians soldiers troops fighters militants children men women police policemen
    officers residents victims students migrants refugees passengers workers protesters killed dead
    injured wounded hurt died missing"""
)
# Verbs that a headline capitalises before the count they take ("Quake Kills 10").
_HEADLINE_VERBS = _words("kills killed injures injured wounds wounded leaves left hurts hurt claims")
_INVARIANT_PLURALS = _words(
    "people police staff personnel crew sheep deer fish aircraft cattle livestock clergy poultry"
)
_IRREGULAR = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "police": "police",
    "feet": "foot", "teeth": "tooth", "geese": "goose", "mice": "mouse", "oxen": "ox", "lives": "life",
    "wives": "wife", "knives": "knife", "wolves": "wolf", "halves": "half", "shelves": "shelf",
    "leaves": "leaf", "thieves": "thief", "loaves": "loaf", "calves": "calf", "selves": "self",
    "hooves": "hoof", "scarves": "scarf", "crises": "crisis", "analyses": "analysis", "theses": "thesis",
    "diagnoses": "diagnosis", "hypotheses": "hypothesis", "oases": "oasis", "indices": "index",
    "matrices": "matrix", "appendices": "appendix", "criteria": "criterion", "phenomena": "phenomenon",
    "alumni": "alumnus", "bacteria": "bacterium", "fungi": "fungus", "nuclei": "nucleus",
    "stimuli": "stimulus", "dice": "die", "personnel": "personnel", "staff": "staff", "crew": "crew",
    "aircraft": "aircraft", "sheep": "sheep", "deer": "deer", "fish": "fish", "cattle": "cattle",
    "livestock": "livestock", "clergy": "clergy", "poultry": "poultry", "series": "series",
    "species": "species", "headquarters": "headquarters", "barracks": "barracks",
}  # fmt: skip
_NOT_PLURAL = _words(
    """
    news means physics politics economics mathematics athletics gymnastics ethics diabetes measles
    rabies herpes chaos ethos kudos cosmos whereas always perhaps afterwards sometimes besides towards
    upwards downwards backwards forwards gas lens bias canvas atlas alias yes has was does goes this his
    its hers ours yours theirs thus plus minus versus series species headquarters barracks"""
)
_SINGULAR_IN_S = _words(
    """
    bus gas lens bias canvas atlas alias iris virus bonus campus status census circus chorus fetus
    foetus sinus surplus octopus cactus apparatus prospectus consensus caucus corpus syllabus walrus genius
    nexus radius focus terminus stimulus"""
)
_IE_WORDS = _words(
    """
    sortie movie cookie zombie calorie rookie pie tie lie die hippie goalie auntie prairie genie newbie
    selfie hoodie smoothie brownie birdie freebie junkie yuppie groupie veggie techie eyrie lingerie
    coterie menagerie rotisserie boogie budgie indie mountie oldie pixie sweetie collie magpie necktie
    bowtie cabbie caddie"""
)
_CHE_WORDS = _words(
    "ache headache niche cache avalanche moustache mustache cliche psyche quiche creche tranche"
)
_O_ES_WORDS = _words(
    "hero potato tomato echo veto torpedo volcano mosquito embargo domino cargo tornado desperado"
)
_MEN_NOT_PLURAL = _words("specimen abdomen omen regimen stamen semen hymen yemen amen lumen")
_QUOTES = frozenset("\"'“”‘’«»")
_DASHES = frozenset("-‐‑")
_RANGE_DASHES = frozenset("-‐‑–")

# --- noun helpers ---------------------------------------------------------------------------------------


def _looks_plural(word: str) -> bool:
    """Whether a lower-case word reads as a plural noun."""
    if "-" in word:
        word = word.rsplit("-", 1)[1]
    if word in _IRREGULAR:
        return word not in _NOT_PLURAL
    if word.endswith("men") and len(word) > 3 and word not in _MEN_NOT_PLURAL:
        return True
    return (
        len(word) >= 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s", "ous"))
        and word not in _NOT_PLURAL
    )


def _lemma(word: str) -> str:
    """Singular lower-case form of a noun: a small rule set with the common irregular plurals."""
    w = word.lower()
    if "-" in w:
        head, _, last = w.rpartition("-")
        return f"{head}-{_lemma(last)}" if last else w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men") and len(w) > 3 and w not in _MEN_NOT_PLURAL:
        return w[:-3] + "man"
    if not _looks_plural(w) or w.endswith("men"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-1] if w[:-1] in _IE_WORDS else w[:-3] + "y"
    if w.endswith("ches"):
        return w[:-1] if w[:-1] in _CHE_WORDS else w[:-2]
    if w.endswith(("sses", "shes", "xes")):
        return w[:-2]
    if w.endswith("zzes"):
        return w[:-3]
    if w.endswith("oes"):
        return w[:-2] if w[:-2] in _O_ES_WORDS else w[:-1]
    if w.endswith("ses") and w[:-2] in _SINGULAR_IN_S:
        return w[:-2]
    return w[:-1]


# --- parsing ----------------------------------------------------------------------------------------------


class _Num(NamedTuple):
    low: float | None
    high: float | None
    approx: bool
    end: int  # token index just past the number
    vague: bool
    scale: float  # multiplier taken from a scale word ("million"), 1.0 when none
    digits: bool  # written with digits
    plain: bool  # one bare token of digits
    lone_one: bool  # the single word "one"


class _Val(NamedTuple):
    num: _Num
    low: float | None
    high: float | None
    end: int
    currency: str | None
    kind: QuantityKind | None
    unit: str | None
    scale: float


def _clean(x: float | None) -> float | None:
    """Drops float noise from scaling ("2.6 million" is 2600000, not 2600000.0000000005)."""
    if x is None or not math.isfinite(x):
        return x
    r = round(x)
    if abs(x - r) <= 1e-9 * max(1.0, abs(x)):
        return float(r)
    return round(x, 9)


def _is_year_like(tok: _Tok) -> bool:
    return tok.kind == _NUM and len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100


class _Reader:
    """Reads one piece of text left to right; each method takes and returns token indexes."""

    def __init__(self, text: str, base: int) -> None:
        self.text = text
        self.base = base
        toks: list[_Tok] = []
        new = tuple.__new__  # skips NamedTuple's Python-level __new__: tokenising is the hot loop
        for m in _TOKEN_RE.finditer(text):
            word = m.group()
            start, end = m.span()
            toks.append(new(_Tok, ((m.lastindex or 3) - 1, word, word.lower(), start, end)))
        self.toks = toks
        self.n = len(self.toks)
        self.blocked = self._blocked_tokens()

    # -- helpers --

    def _blocked_tokens(self) -> set[int]:
        spans: list[tuple[int, int]] = []
        text = self.text
        if not _DIGIT_RE.search(text):
            return set()
        spans.extend(m.span() for m in _BLOCK_RE.finditer(text))
        for m in _YEAR_SPAN_RE.finditer(text):
            first, second = int(m.group(1)), m.group(2)
            later = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
            if len(second) == 2 and later < first:
                later += 100
            if first < later <= 2100 and (len(second) == 4 or later - first < 10):
                spans.append(m.span())
        if not spans:
            return set()
        return {
            i for i, t in enumerate(self.toks) if t.kind == _NUM and any(s <= t.start < e for s, e in spans)
        }

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Whether token i touches the token before it."""
        return 0 < i < self.n and self.toks[i].start == self.toks[i - 1].end

    def is_capitalised_name(self, i: int) -> bool:
        t = self.toks[i] if 0 <= i < self.n else None
        return t is not None and t.kind == _WORD and t.text[0].isupper() and t.low not in _FUNCTION_WORDS

    def is_month(self, i: int) -> bool:
        t = self.toks[i] if 0 <= i < self.n else None
        return t is not None and t.kind == _WORD and t.text[0].isupper() and t.low in _MONTHS

    def plural_at(self, i: int) -> bool:
        t = self.toks[i] if 0 <= i < self.n else None
        return t is not None and t.kind == _WORD and (_looks_plural(t.low) or t.low in _INVARIANT_PLURALS)

    # -- driver --

    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        i = 0
        toks = self.toks
        while i < self.n:
            t = toks[i]
            if (t.kind == _WORD and t.low not in _START_WORDS) or (
                t.kind == _SYM and t.text not in _START_SYMBOLS
            ):
                i += 1
                continue
            got = self._try(i)
            if got is None:
                i += 1
                continue
            found, nxt = got
            out.extend(found)
            i = max(nxt, i + 1)
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _try(self, i: int) -> tuple[list[Quantity], int] | None:
        t = self.toks[i]
        if t.kind == _WORD:
            w = t.low
            if w in ("no", "nobody", "none", "noone"):
                got = self._zero(i)
                if got is not None:
                    return got
            if w in ("aged", "age", "ages") and i + 1 < self.n:
                j = i + 2 if self.low(i + 1) == "of" else i + 1
                got = self._expr(j, forced="age", span_start=i)
                if got is not None:
                    return self._more_ages(*got)
            if w == "magnitude" and i + 1 < self.n:
                j = i + 1
                if self.toks[j].text in _DASHES or self.low(j) in ("of", "at", "was", "is"):
                    j += 1  # "magnitude 6.1", "a magnitude of 6.1", "put the magnitude at 6.1"
                got = self._expr(j, forced="magnitude", span_start=i)
                if got is not None:
                    return got
            if t.text == "M" and i + 1 < self.n and self.glued(i + 1) and "." in self.toks[i + 1].text:
                got = self._expr(i + 1, forced="magnitude", span_start=i)
                if got is not None:
                    return got
            if w in ("his", "her", "their", "my", "our", "your"):
                got = self._decade_age(i)
                if got is not None:
                    return got
            if w in _REPEATS:
                return self._repeats(i)
            if (
                w in _SINGLE_TIME_UNITS
                and self.low(i + 2) == "long"
                and self.glued(i + 1)
                and self.glued(i + 2)
            ):
                return self._unit_long(i)
        return self._expr(i)

    def _repeats(self, i: int) -> tuple[list[Quantity], int] | None:
        """ "He was shot twice": how many times a thing was done, after its verb; "twice as many" is a
        ratio."""
        before = self.toks[i - 1] if i > 0 else None
        if before is None or before.kind != _WORD or not before.text.islower():
            return None
        if self.low(i + 1) in _RATIO_AFTER:
            return None
        n = _REPEATS[self.low(i)]
        return [self._make(i, i + 1, n, n, unit="time")], i + 1

    def _unit_long(self, i: int) -> tuple[list[Quantity], int] | None:
        """ "the hour-long argument", "a week-long strike": one unit of time, unless a number comes before
        ("a two-hour-long meeting" is read with its number)."""
        if self.toks[i + 1].text not in _DASHES:
            return None
        before = self.toks[i - 1] if i > 0 else None
        if before is not None and (before.kind != _WORD or before.low in _UNITS or before.low in _TENS):
            return None
        unit = _TIME_UNITS[self.low(i)]
        return [self._make(i, i + 3, 1.0, 1.0, kind="duration", unit=unit)], i + 3

    def _more_ages(self, found: list[Quantity], k: int) -> tuple[list[Quantity], int]:
        """The rest of a list after "aged": "aged 19 and 21", "aged 19, 21 and 35"."""
        found = list(found)
        while self.low(k) in (",", "and", "or") and k + 1 < self.n and self.toks[k + 1].kind == _NUM:
            t = self.toks[k + 1]
            if (
                not t.text.isdigit()
                or int(t.text) > 130
                or (k + 2 < self.n and self.glued(k + 2) and self.toks[k + 2].kind != _SYM)
            ):
                break
            found.append(self._make(k + 1, k + 2, float(t.text), float(t.text), kind="age", unit="age"))
            k += 2
        return found, k

    # -- zero counts: "no one was killed", "no deaths or injuries" --

    def _zero(self, i: int) -> tuple[list[Quantity], int] | None:
        w = self.low(i)
        j = i + 1
        if w == "no":
            if self.low(j) == "one":
                return self._zero_states(i, self._skip_filler(j + 1))
            if j < self.n and self.toks[j].text in _DASHES and self.low(j + 1) == "one":
                return self._zero_states(i, self._skip_filler(j + 2))
            if self.low(j) in _ZERO_ADJ:
                j += 1
            return self._zero_states(i, j)
        if w == "none" and self.low(j) == "of":
            j += 1
            for _ in range(4):
                if j >= self.n or self.low(j) in _AUX or self.low(j) in _STATES:
                    break
                j += 1
        return self._zero_states(i, self._skip_filler(j))

    def _skip_filler(self, j: int) -> int:
        for _ in range(5):
            if j < self.n and self.low(j) in _AUX_FILLER:
                j += 1
        return j

    def _zero_states(self, i: int, j: int) -> tuple[list[Quantity], int] | None:
        out: list[Quantity] = []
        while j < self.n:
            state = _STATES.get(self.low(j))
            if state is None:
                break
            if not any(q.unit == state for q in out):
                out.append(self._make(i, j + 1, 0.0, 0.0, unit=state))
            j += 1
            if self.low(j) in ("or", "and", "nor", ",") and self.low(j + 1) in _STATES:
                j += 1
                continue
            break
        return (out, j) if out else None

    # -- "in his 40s", "in their early twenties" is left out: rare and vague --

    def _decade_age(self, i: int) -> tuple[list[Quantity], int] | None:
        j = i + 1
        part = self.low(j)
        offset, width = 0.0, 9.0
        if part in ("early", "mid", "late"):
            offset, width = {"early": (0.0, 3.0), "mid": (3.0, 3.0), "late": (6.0, 3.0)}[part]
            j += 1
            if j < self.n and self.toks[j].text in _DASHES:
                j += 1
        if j + 1 >= self.n:
            return None
        t, s = self.toks[j], self.toks[j + 1]  # j + 1 < n checked above
        end = j + 2
        if s.text in ("'", "’") and end < self.n and self.low(end) == "s" and self.glued(end):
            s, end = self.toks[end], end + 1  # "in her 20's"
        if t.kind != _NUM or s.low not in ("s", "'s", "’s") or not self.glued(j + 1) or not t.text.isdigit():
            return None
        decade = int(t.text)
        if decade % 10 or not 10 <= decade <= 110:
            return None
        start = i + 1
        # "in her 20s" is every age from 20 to 29; "early twenties" has no sharp edge
        fuzzy = width < 9.0
        return [self._make(start, end, decade + offset, decade + offset + width, fuzzy, "age", "age")], end

    # -- numbers --

    def _number(self, j: int, context: bool) -> _Num | None:
        """A bare number at token j: digits, number words, or a vague amount."""
        if j >= self.n:
            return None
        t = self.toks[j]
        if t.kind == _NUM:
            if j in self.blocked or len(t.text) > 21 or not self._digits_allowed(j, context):
                return None  # more than 15 digits is an identifier, and would overflow float rounding
            v = float(t.text.translate(_UNGROUP))
            k, scale = self._scale_words(j + 1)
            return _Num(v * scale, v * scale, False, k, False, scale, True, scale == 1.0, False)
        if t.kind != _WORD:
            return None
        if context and t.text[0].isupper() and self.is_capitalised_name(j - 1) and not self.is_month(j - 1):
            return None  # "Formula One", "Air Force One"
        w = t.low
        nxt = self.low(j + 1)
        if (
            w == "half"
            and j + 2 < self.n
            and self.toks[j + 1].text in _DASHES
            and self.low(j + 2) in ("dozen", "hundred")
        ):
            v = 0.5 * _MULTIPLIERS[self.low(j + 2)]  # "a half-dozen others"
            return _Num(v, v, False, j + 3, False, _MULTIPLIERS[self.low(j + 2)], False, False, False)
        if w == "half" and nxt in ("a", "an"):
            x = self.low(j + 2)
            if x in _MULTIPLIERS:
                v = 0.5 * _MULTIPLIERS[x]
                return _Num(v, v, False, j + 3, False, _MULTIPLIERS[x], False, False, False)
            if x in _TIME_UNITS:
                return _Num(0.5, 0.5, False, j + 2, False, 1.0, False, False, False)
            return None
        share = self._share_of_scale(j)
        if share is not None:
            return share
        if w in ("a", "an"):
            if nxt == "half" and j + 3 < self.n and self.toks[j + 2].text in _DASHES:
                x = self.low(j + 3)
                if x in ("dozen", "hundred"):
                    v = 0.5 * _MULTIPLIERS[x]  # "at least a half-dozen others"
                    return _Num(v, v, False, j + 4, False, _MULTIPLIERS[x], False, False, False)
            if nxt == "couple":
                # "a couple hundred", and "a couple of hundred" or "of dozen" as much
                after = j + 3 if self.low(j + 2) == "of" and self.low(j + 3) in _MULTIPLIERS else j + 2
                k, scale = self._scale_words(after, numbers=False)
                return _Num(2.0 * scale, 2.0 * scale, True, k, False, scale, False, False, False)
            if nxt in _GROUP_WORDS and self.low(j + 2) == "of":
                v = _GROUP_WORDS[nxt]  # "a pair of gunmen", "a trio of robbers"
                return _Num(v, v, False, j + 2, False, 1.0, False, False, False)
            if nxt == "few":
                return self._vague_range(j + 2, 2.0, 5.0)
            if nxt == "handful":
                return _Num(3.0, 6.0, True, j + 2, True, 1.0, False, False, False)
            if self._one_span_of_time(j):
                return _Num(1.0, 1.0, False, j + 1, False, 1.0, False, False, False)
            if nxt not in _MULTIPLIERS:
                return None
        if w == "several":
            return self._vague_range(j + 1, 3.0, 9.0)
        if w == "many" and nxt in _VAGUE_PLURALS:
            got = self._number(j + 1, False)
            return got._replace(approx=True) if got is not None else None
        if w in _VAGUE_PLURALS:
            if w in ("hundreds", "dozens") and nxt == "of" and self.low(j + 2) in _VAGUE_SCALES:
                v = _VAGUE_PLURALS[w] * _VAGUE_SCALES[self.low(j + 2)]
                return _Num(v, None, True, j + 3, True, 1.0, False, False, False)
            return _Num(_VAGUE_PLURALS[w], None, True, j + 1, True, 1.0, False, False, False)
        if w == "tens" and nxt == "of" and self.low(j + 2) in _VAGUE_SCALES:
            v = 20.0 * _VAGUE_SCALES[self.low(j + 2)]
            return _Num(v, None, True, j + 3, True, 1.0, False, False, False)
        if w == "scores" and nxt == "of":
            return _Num(40.0, None, True, j + 1, True, 1.0, False, False, False)
        return self._number_words(j)

    def _share_of_scale(self, j: int) -> _Num | None:
        """A share of a round number or a span of time: "a quarter of a million", "three quarters of an hour"."""
        w, part = self.low(j), self.low(j + 1)
        numerator = 1.0 if w in ("a", "an", "one") else float(_UNITS.get(w, 0))
        if part not in _SHARES or not 0 < numerator < _FRACTIONS[part] or self.low(j + 2) != "of":
            return None
        if self.low(j + 3) not in ("a", "an"):
            return None
        if self.low(j + 4) in _TIME_UNITS:  # "a quarter of a century", "three quarters of an hour"
            v = numerator / _FRACTIONS[part]
            return _Num(v, v, False, j + 4, False, 1.0, False, False, False)
        if self.low(j + 4) not in _MULTIPLIERS:
            return None
        scale = _MULTIPLIERS[self.low(j + 4)]
        v = numerator / _FRACTIONS[part] * scale
        return _Num(v, v, False, j + 5, False, scale, False, False, False)

    def _vague_range(self, k: int, low: float, high: float) -> _Num:
        k, scale = self._scale_words(k, numbers=False)
        return _Num(low * scale, high * scale, True, k, True, scale, False, False, False)

    def _scale_words(self, k: int, numbers: bool = True) -> tuple[int, float]:
        """Multiplies through "million", "hundred thousand", "dozen" after a number."""
        scale = 1.0
        # "a $2.6-million deal"
        if (
            k < self.n
            and self.toks[k].text in _DASHES
            and self.glued(k)
            and self.glued(k + 1)
            and self.low(k + 1) in _BIG
        ):
            return k + 2, _BIG[self.low(k + 1)]
        while k < self.n and self.toks[k].kind == _WORD and self.low(k) in _MULTIPLIERS and not self.glued(k):
            w = self.low(k)
            if (not numbers and w in ("bn", "mn", "mln", "bln", "tn", "trn")) or scale >= 1e12:
                break
            scale *= _MULTIPLIERS[w]
            k += 1
        return k, scale

    def _one_span_of_time(self, k: int) -> bool:
        """ "within about an hour", "a decade ago", "an hour later": "a" or "an" counts one unit of time when
        the words around say that a time passed; "a day of mourning" counts nothing."""
        unit = self.low(k + 1)
        if unit not in _SINGLE_TIME_UNITS or self.low(k + 2) in ("'s", "’s", "of"):
            return False
        before = k - 1
        while before >= 0 and self.low(before) in _TIME_HEDGES:
            before -= 1
        after = self.low(k + 2)
        if after == "or":
            following = self.low(k + 3)
            return following in _AFTER_OR or following.isdigit()
        return (before >= 0 and self.low(before) in _TIME_CUES_BEFORE) or after in _TIME_CUES_AFTER

    def _number_words(self, j: int) -> _Num | None:
        total = cur = 0.0
        last_scale = 1.0
        prev = ""
        k = j
        count = 0
        while k < self.n:
            t = self.toks[k]
            w = t.low
            if t.kind == _SYM:
                # "twenty-five"
                if (
                    t.text in _DASHES
                    and prev == "tens"
                    and self.glued(k)
                    and self.glued(k + 1)
                    and 1 <= _UNITS.get(self.low(k + 1), 0) <= 9
                ):
                    cur += _UNITS[self.low(k + 1)]
                    prev = "unit"
                    k += 2
                    count += 1
                    continue
                break
            if t.kind != _WORD:
                break
            if w in ("a", "an") and not prev and self.low(k + 1) in _MULTIPLIERS:
                cur = 1.0
                prev = "unit"

            elif w in _UNITS:
                v = _UNITS[w]
                if prev == "unit" or (prev == "tens" and (v >= 10 or v == 0)):
                    break
                cur += v
                prev = "unit"
            elif w in _TENS:
                if prev in ("unit", "tens"):
                    break
                cur += _TENS[w]
                prev = "tens"
            elif w == "hundred" and prev in ("unit", "tens"):
                cur = (cur or 1.0) * 100
                prev = "hundred"
            elif w in _BIG and len(w) > 3 and prev in ("unit", "tens", "hundred"):
                total += (cur or 1.0) * _BIG[w]
                cur = 0.0
                prev = "scale"
                last_scale = _BIG[w]
            elif w == "dozen" and prev in ("unit", "tens"):
                cur = (cur or 1.0) * 12
                prev = "scale"
            elif (
                w == "and"
                and prev in ("hundred", "scale")
                and (self.low(k + 1) in _UNITS or self.low(k + 1) in _TENS)
            ):
                prev = "and"
            else:
                break
            count += 1
            k += 1
        if not prev or prev == "and" or (count == 1 and self.low(j) in ("a", "an")):
            return None
        value = total + cur
        # "two and a half years"; after a scale word the half is half of it ("a million and a half"), and a
        # scale word after it multiplies the whole ("one and a half million")
        if self.low(k) == "and" and self.low(k + 1) == "a" and self.low(k + 2) == "half":
            value += 0.5 * last_scale if prev == "scale" and not cur else 0.5
            k += 3
            after = self.low(k)
            if prev != "scale" and after in _BIG and len(after) > 3:
                value *= _BIG[after]
                k += 1
        lone_one = count == 1 and self.low(j) == "one"
        return _Num(value, value, False, k, False, 1.0, False, False, lone_one)

    def _digits_allowed(self, j: int, context: bool) -> bool:
        """Rejects digits that belong to a code, an ordinal, a date or a label."""
        toks = self.toks
        t = toks[j]
        prev = toks[j - 1] if j > 0 else None
        nxt = toks[j + 1] if j + 1 < self.n else None
        if nxt is not None and nxt.start == t.end:
            if nxt.kind == _WORD and nxt.low not in _GLUED_OK:
                return False  # "3rd", "1990s", "4x4"
            if nxt.kind == _NUM:
                return False
            if nxt.text == ":" and j + 2 < self.n and toks[j + 2].kind == _NUM:
                return False
        small_int = t.text.isdigit() and len(t.text) <= 2
        if small_int and (self.is_month(j + 1) or (self.low(j + 1) == "of" and self.is_month(j + 2))):
            return False  # "27 February", "5th of May" is caught as an ordinal
        if prev is None:
            return True
        if self.is_month(j - 1) or (prev.text == "." and self.is_month(j - 2)):
            return False  # "Feb 27", "June 2014"
        if not context:
            return True
        glued = prev.end == t.start
        if glued and prev.kind == _WORD:
            return False  # "G20", "M4", "MH17"
        if glued and prev.text in _DASHES and j >= 2 and toks[j - 2].kind == _WORD and self.glued(j - 1):
            return False  # "COVID-19", "mid-2015"
        if (
            prev.text == "."
            and j >= 2
            and toks[j - 2].low in ("no", "nos", "vol", "art", "sec", "ch", "p", "pp")
        ):
            return False
        if prev.text in ("#", "№"):
            return False
        if prev.kind == _WORD and prev.low in _LABELS and not (prev.low == "no" and prev.text == "no"):
            return False
        if (
            self.is_capitalised_name(j - 1)
            and prev.text not in _WORD_PREFIXES
            and prev.text not in _ISO_CODES
        ):
            # "Kenya's 2.5 billion", "On Monday 12 people": a name, then a plain count
            return (
                "," in t.text
                or prev.low.endswith(("'s", "’s"))
                or prev.low in _HEADLINE_VERBS
                or (nxt is not None and (nxt.low in _HUMAN_AFTER or nxt.low in _MULTIPLIERS))
            )
        return True

    # -- values: a number with its currency and scale --

    def _currency_prefix(self, j: int) -> tuple[str, int, bool] | None:
        """("USD", index of the number, weak) for "$5", "US$5", "Rs 500", "R2 million"."""
        t = self.toks[j]
        nxt = self.toks[j + 1] if j + 1 < self.n else None
        if nxt is None:
            return None
        if t.kind == _SYM:
            code = _SYMBOLS.get(t.text)
            if code and nxt.kind == _NUM and nxt.start - t.end <= 1:
                return code, j + 1, False
            return None
        if t.kind != _WORD:
            return None
        if nxt.text in ("$", "¥") and self.glued(j + 1) and j + 2 < self.n and self.toks[j + 2].kind == _NUM:
            code = _DOLLAR_PREFIXES.get(t.text)
            if code is not None and (nxt.text == "$" or code == "CNY"):
                return code, j + 2, False
        code = _WORD_PREFIXES.get(t.text) or (t.text if t.text in _ISO_CODES else None)
        if code is not None:
            q = j + 1
            if self.toks[q].text == "." and self.glued(q):
                q += 1
            if q < self.n and self.toks[q].kind == _NUM:
                return code, q, False
        if t.text == "R" and nxt.kind == _NUM and self.glued(j + 1):
            return "ZAR", j + 1, True
        return None

    def _value(self, j: int, context: bool = True) -> _Val | None:
        if j >= self.n:
            return None
        sign = 1.0
        if (
            self.toks[j].text in ("-", "−")
            and j + 1 < self.n
            and self.toks[j + 1].kind == _NUM
            and self.glued(j + 1)
        ):
            if self.glued(j):
                return None
            sign, j = -1.0, j + 1  # "-5°C"
        cp = self._currency_prefix(j)
        currency: str | None = None
        weak = False
        if cp is not None:
            currency, j, weak = cp
        num = self._number(j, context and cp is None)
        if num is None:
            return None
        k = num.end
        low, high, scale = num.low, num.high, num.scale
        if sign < 0 and low is not None and high is not None:
            low, high = -high, -low
        kind: QuantityKind | None = None
        unit: str | None = None
        if num.plain and k < self.n and self.toks[k].kind == _WORD and self.glued(k):
            s = self.low(k)
            mult = 0.0
            if s == "k":
                mult = 1e3
            elif s in ("m", "mn", "mln"):
                if currency or self.toks[k].text == "M" or s != "m" or self.plural_at(k + 1):
                    mult = 1e6
                else:
                    kind, unit = "measure", "m"
            elif s in ("bn", "bln") or (s == "b" and currency):
                mult = 1e9
            elif s in ("tn", "trn"):
                mult = 1e12
            elif s in _GLUED_MEASURES:
                kind, unit = "measure", _GLUED_MEASURES[s]
                unit, after = self._per_hour(k + 1, unit)
                k = after - 1
            elif self.toks[k].text in ("C", "F"):
                kind, unit = "measure", "°" + self.toks[k].text  # "40C", "104F"
            elif s in _GLUED_TIMES:
                kind, unit = "duration", _GLUED_TIMES[s]
            elif s in ("pc", "pct"):
                kind, unit = "percent", "%"
            else:
                return None
            if mult:
                low = low * mult if low is not None else None
                high = high * mult if high is not None else None
                scale = mult
            k += 1
        if weak and scale == 1.0 and "," not in self.toks[j].text:
            return None  # "R2" alone is more likely a road or a droid than two rand
        return _Val(num, low, high, k, currency, kind, unit, scale)

    # -- qualifiers and suffixes --

    def _qualifier(self, i: int) -> tuple[str | None, int]:
        if self.toks[i].low not in _QUALIFIER_FIRST:
            return None, i
        for size in range(min(_QUALIFIER_MAX, self.n - i), 0, -1):
            key = tuple(t.low for t in self.toks[i : i + size])
            sense = _QUALIFIERS.get(key)
            if sense is not None:
                if key[0] == "up" and self.low(i - 1) in _CHANGE_VERBS | {"went", "go", "goes", "gone"}:
                    return None, i  # "the toll went up to 50" is 50, not at most 50
                return sense, i + size
        return None, i

    def _percent(self, k: int) -> int | None:
        t = self.toks[k] if k < self.n else None
        if t is None:
            return None
        if t.text == "%":
            return k + 1
        if t.low in ("percent", "pct"):
            return k + 1
        if t.low == "per" and self.low(k + 1) == "cent":
            return k + 2
        if t.low == "percentage" and self.low(k + 1) in ("point", "points"):
            return k + 2
        if t.text in _DASHES and self.glued(k) and self.low(k + 1) == "percent":
            return k + 2
        return None

    def _age_suffix(self, k: int) -> tuple[int, float] | None:
        if (
            k + 2 < self.n
            and self.toks[k].text in _DASHES
            and self.glued(k)
            and self.low(k + 1) in ("and", "or", "to")
            and self.toks[k + 2].kind == _NUM
        ):
            # "the 47- and 48-year-old men": the first age borrows the second's suffix
            later = self._age_suffix(k + 3)
            return (k + 1, later[1]) if later is not None else None
        p = k + 1 if k < self.n and self.toks[k].text in _DASHES and self.glued(k) else k
        factor = _AGE_UNITS.get(self.low(p))
        if factor is None:
            return None
        q = p + 1
        if q < self.n and self.toks[q].text in _DASHES and self.glued(q):
            q += 1
        if self.low(q) == "old":
            return q + 1, factor
        if factor == 1.0 and self.low(q) == "of" and self.low(q + 1) == "age":
            return q + 2, factor
        return None

    def _magnitude_suffix(self, k: int) -> int | None:
        p = k + 1 if k < self.n and self.toks[k].text in _DASHES and self.glued(k) else k
        if self.low(p) == "magnitude":
            return p + 1
        if self.low(k) == "on" and self.low(k + 1) == "the" and self.low(k + 2) == "richter":
            return k + 4 if self.low(k + 3) == "scale" else k + 3
        return None

    def _currency_suffix(self, k: int, val: _Val) -> tuple[str | None, str, int, float] | None:
        """(code, unit, end, factor) for "30 billion euros", "500 Kenyan shillings", "50 cents"."""
        p = k
        if self.low(p) == "of" and val.num.vague:
            p += 1
        if p >= self.n:
            return None
        t = self.toks[p]
        if t.kind == _WORD and t.text in _ISO_CODES:
            return t.text, t.text, p + 1, 1.0
        adj = None
        for size in (2, 1):
            phrase = " ".join(self.low(x) for x in range(p, p + size))
            if phrase in _CURRENCY_ADJS and self.low(p + size) in _CURRENCY_NOUNS:
                adj, p = phrase, p + size
                break
        noun = self.low(p)
        if noun in _SUBUNITS and adj is None:
            return _SUBUNITS[noun], _SUBUNITS[noun], p + 1, 0.01
        entry = _CURRENCY_NOUNS.get(noun)
        if entry is None:
            return None
        default, adjs = entry
        if noun in ("pound", "pounds") and adj is None and self.low(p + 1) == "of":
            return None  # "50 pounds of cocaine" weighs
        code = adjs.get(adj) if adj is not None else default
        if noun in _AMBIGUOUS_CURRENCIES and adj is None:
            big = val.scale > 1 or (val.low or 0) >= 1000
            if not big or noun == "real":
                return None
            code = "KRW"
        end = p + 1
        if noun in ("pound", "pounds") and self.low(end) == "sterling":
            end += 1
        unit = code or noun.rstrip("s")
        return code, unit, end, 1.0

    def _unit_suffix(self, k: int, vague: bool) -> tuple[QuantityKind, str, int] | None:
        p = k
        hyphenated = p < self.n and self.toks[p].text in _DASHES and self.glued(p) and self.glued(p + 1)
        if hyphenated or (self.low(p) == "of" and (vague or self.low(p + 1) in _TIME_UNITS)):
            p += 1
        if p >= self.n:
            return None
        w = self.low(p)
        if w in ("square", "sq") and self.low(p + 1) in _AREA_UNITS:
            return "measure", _AREA_UNITS[self.low(p + 1)], p + 2
        if w in _TIME_UNITS and self.toks[p].kind == _WORD:
            end = p + 1
            if (
                end < self.n
                and self.toks[end].text in _DASHES
                and self.glued(end)
                and self.low(end + 1) == "long"
            ):
                end += 2
            return "duration", _TIME_UNITS[w], end
        if w in _MEASURES and self.toks[p].kind == _WORD:
            unit = _MEASURES[w]
            unit, end = self._per_hour(p + 1, unit)
            if unit == "degree" and self.low(end) in ("celsius", "centigrade", "c"):
                unit, end = "°C", end + 1
            elif unit == "degree" and self.low(end) in ("fahrenheit", "f"):
                unit, end = "°F", end + 1
            return "measure", unit, end
        if self.toks[p].text == "°":
            if self.low(p + 1) in ("c", "f") and self.glued(p + 1):
                return "measure", "°" + self.toks[p + 1].text.upper(), p + 2
            return "measure", "degree", p + 1
        return None

    def _per_hour(self, end: int, unit: str) -> tuple[str, int]:
        """A distance read on to "/h" or "per hour" ("190km/h", "100 miles per hour") is a speed: its unit and
        the token after it; any other unit stays as it is."""
        speed = {"km": "km/h", "mile": "mph"}.get(unit)
        if speed is None:
            return unit, end
        if end + 1 < self.n and self.toks[end].text == "/" and self.low(end + 1) in ("h", "hr"):
            return speed, end + 2
        if self.low(end) in ("per", "an", "a") and self.low(end + 1) == "hour":
            return speed, end + 2
        return unit, end

    # -- the counted noun --

    def _noun(self, k: int, single: bool) -> tuple[str | None, int, bool]:
        """(unit, end token, plural) for what follows a number; unit None when nothing is counted."""
        toks, n = self.toks, self.n
        p = k
        # "a two-storey building", "a three-judge panel"
        if (
            p + 1 < n
            and toks[p].text in _DASHES
            and self.glued(p)
            and self.glued(p + 1)
            and toks[p + 1].kind == _WORD
        ):
            w = toks[p + 1].low
            if w in ("strong", "odd", "plus", "old", "long", "something", "some"):
                return None, k, False
            return _lemma(w), p + 2, False
        if self.low(p) == "of":
            nxt = self.low(p + 1)
            if nxt in _OF_DETERMINERS:
                p += 2
            elif nxt in _OF_PRONOUNS:
                return None, k, False
            else:
                p += 1
        words: list[tuple[int, int]] = []  # (first, last) token of each word; hyphen compounds join up
        q = p
        while q < n and len(words) < 6:
            t = toks[q]
            if t.kind == _SYM:
                if t.text in _QUOTES:
                    q += 1
                    continue
                if (
                    t.text in _DASHES
                    and words
                    and self.glued(q)
                    and self.glued(q + 1)
                    and toks[q + 1].kind == _WORD
                ):
                    words[-1] = (words[-1][0], q + 1)
                    q += 2
                    continue
                break
            if (
                t.low in ("and", "&")
                and words
                and toks[q - 1].text[:1].isupper()
                and q + 1 < n
                and toks[q + 1].kind == _WORD
                and toks[q + 1].text[:1].isupper()
            ):
                q += 1  # "40 Rolex and Patek Philippe watches": two makers of one counted thing
                continue
            if t.kind == _NUM or t.low in _STOP:
                break
            words.append((q, q))
            q += 1
        if not words:
            return None, k, False

        def word(x: tuple[int, int]) -> str:
            return self.text[toks[x[0]].start : toks[x[1]].end].lower()

        first = word(words[0])
        state = _STATES.get(first)
        if state is not None:
            if len(words) > 1 and first in PARTICIPLE_STATES:
                second = word(words[1])
                if self._noun_plural(words[1]) and second not in _STATES:
                    return f"{_lemma(second)} {state}", words[1][1] + 1, True
            return state, words[0][1] + 1, True
        head = None
        for x, span in enumerate(words):
            if x and word(span) in _STATES:
                break
            if self._noun_plural(span) and toks[span[0]].text[0].islower():
                head = x
                break
        if head is None:
            for x, span in enumerate(words):
                if x and word(span) in _STATES:
                    break
                if self._noun_plural(span):
                    head = x
                    break
        if head is None and single:
            for x, span in enumerate(words[:3]):
                text = word(span)
                if text in _STATES or (x and text.endswith("s")):
                    break
                head = x
        if head is None:
            return None, k, False
        if (
            word(words[head]) in _INVARIANT_PLURALS
            and head + 1 < len(words)
            and self._noun_plural(words[head + 1])
            and word(words[head + 1]) not in _STATES
        ):
            head += 1  # "police officers", "crew members"
        unit = _lemma(word(words[head]))
        unit = _NOUN_STATES.get(unit, unit)
        end = words[head][1] + 1
        if unit in ("other", "more"):
            # "20 others wounded", "two others were injured": the verb says what is counted
            after = word(words[head + 1]) if head + 1 < len(words) else ""
            if after in PARTICIPLE_STATES:
                return PARTICIPLE_STATES[after], words[head + 1][1] + 1, True
            return None, end, False
        if head + 1 < len(words):
            after = word(words[head + 1])
            # "ten people injured" qualifies the noun; "three gunmen killed 12" is a verb with an object
            active = self.low(words[head + 1][1] + 1) in _DETERMINERS or self._starts_number(
                words[head + 1][1] + 1
            )
            if after in PARTICIPLE_STATES and unit not in PARTICIPLE_STATES.values() and not active:
                unit = f"{unit} {PARTICIPLE_STATES[after]}"
                end = words[head + 1][1] + 1
        return unit, end, not single

    def _starts_number(self, i: int) -> bool:
        return i < self.n and (
            self.toks[i].kind == _NUM or self.toks[i].low in _UNITS or self.toks[i].low in _TENS
        )

    def _noun_plural(self, w: tuple[int, int]) -> bool:
        t = self.toks[w[1]]
        if t.text.isupper() and len(t.text) > 1:
            return False  # acronyms: "ISIS", "NHS", "US"
        text = self.text[self.toks[w[0]].start : t.end].lower()
        return _looks_plural(text) or text in _INVARIANT_PLURALS

    # -- one whole expression --

    def _expr(
        self, i: int, forced: str | None = None, span_start: int | None = None
    ) -> tuple[list[Quantity], int] | None:
        if i >= self.n:
            return None
        toks = self.toks
        qual, j = self._qualifier(i)
        if (
            forced is None
            and qual is None
            and toks[i].kind == _WORD
            and toks[i].low not in _NUMBER_STARTS
            and toks[i].low not in ("between", "from")
            and self._currency_prefix(i) is None
        ):
            return None
        mode = None
        if self.low(j) == "between":
            mode, j = "between", j + 1
        elif self.low(j) == "from" and not self._change_before(j):
            mode, j = "from", j + 1
        v1 = self._value(j, context=forced is None)
        if v1 is None:
            return None
        first_num = v1.num
        k = v1.end
        low, high = v1.low, v1.high
        approx = first_num.approx
        low_inc = high_inc = True
        currency, kind, unit = v1.currency, v1.kind, v1.unit
        ranged = False
        conn = self.low(k)
        range_ok = not (self.low(j - 1) == "from" and self._change_before(j - 1)) or mode == "from"
        wants = (
            (mode == "between" and conn == "and")
            or (mode == "from" and (conn in ("to", "until", "till") or conn in _RANGE_DASHES))
            or (mode is None and range_ok and (conn in ("to", "or") or conn in _RANGE_DASHES))
        )
        dash_glued = conn in _RANGE_DASHES and self.glued(k) and self.glued(k + 1)
        if conn == "-" and not dash_glued and mode is None:
            wants = False
        if wants and not v1.num.vague and v1.low is not None:
            v2 = self._value(k + 1, context=True)
            if v2 is not None and v2.low is not None and not v2.num.vague:
                a_low, a_high = v1.low, v1.high if v1.high is not None else v1.low
                if v1.scale == 1.0 and v2.scale > 1.0 and a_low * v2.scale <= v2.low:
                    a_low, a_high = a_low * v2.scale, a_high * v2.scale
                if (
                    v1.num.plain
                    and v2.num.plain
                    and _is_year_like(toks[v1.end - 1])
                    and _is_year_like(toks[v2.end - 1])
                ):
                    return [], v2.end  # "from 2010 to 2015" is a span of dates
                if v2.low > a_low and (conn != "or" or v2.low <= a_low * 10 + 10):
                    low, high = a_low, v2.high
                    approx = approx or v2.num.approx or conn == "or"
                    currency = currency or v2.currency
                    kind, unit = kind or v2.kind, unit or v2.unit
                    if v2.currency and not v1.currency:
                        currency = v2.currency
                    k = v2.end
                    ranged = True
                elif dash_glued and mode is None:
                    return [], v2.end  # "won 3-1", "a 5-4 ruling": a score, not a range
        if mode is not None and not ranged:
            return None
        ratio = self._ratio(v1, k) if not ranged and currency is None and kind is None else None
        if ratio is not None:
            share, k = ratio  # "one in five Americans" is a share of a group
            return [self._make(i, k, share, share, approx or qual is not None, "percent", "%")], k
        # trailing qualifiers: "400+", "400-plus", "400 or more", "a dozen or so"
        if k < self.n:
            t = toks[k]
            if t.text == "+" and self.glued(k):
                high, k = None, k + 1
            elif t.text in _DASHES and self.glued(k) and self.low(k + 1) in ("plus", "odd"):
                if self.low(k + 1) == "plus":
                    high = None
                else:
                    approx = True
                k += 2
            elif conn == "or" and not ranged:
                after = self.low(k + 1)
                if after in ("more", "over", "above", "older", "higher", "greater"):
                    high, k = None, k + 2
                elif after in ("fewer", "less", "under", "younger", "below"):
                    low, k = None, k + 2
                elif after == "so":
                    approx, k = True, k + 2
        if self.low(k) in ("o'clock", "o’clock"):
            return [], k + 1
        # qualifiers turn the number into a bound
        if qual in ("min",):
            high = None
        elif qual in ("gt", "gt_approx"):
            high, low_inc = None, False
            approx = approx or qual == "gt_approx"
        elif qual in ("lt", "lt_approx", "max"):
            high = high if high is not None else low
            low = None
            high_inc = qual == "max"
            approx = approx or qual == "lt_approx"
        elif qual == "approx":
            approx = True
        end = k
        plural = False
        first_tok = v1.num.end - 1 if v1.num.digits else j
        if forced == "age":
            kind, unit = "age", "age"
            if self.low(end) in ("years", "year"):
                end += 2 if self.low(end + 1) == "old" else 1
        elif forced == "magnitude":
            kind, unit = "measure", "magnitude"
        elif currency is not None:
            kind, unit = "money", currency
            cs = self._currency_suffix(end, v1)
            if cs is not None and cs[0] == currency:
                end = cs[2]  # "$5 million dollars" names the currency twice
        elif kind is None:
            if (
                not ranged
                and qual is None
                and first_num.plain
                and toks[first_tok].text.isdigit()
                and 0 < int(toks[first_tok].text) <= 120
                and self.low(j - 1) == ","
                and (self.is_capitalised_name(j - 2) or _lemma(self.low(j - 2)) in _PERSON_NOUNS)
                and self.low(j - 2) not in _MONTHS
                and self.low(j - 2) not in _WEEKDAYS
                and (end >= self.n or toks[end].text in (",", ";", ".", ")") or self.low(end) == "and")
            ):
                kind, unit = "age", "age"  # "John Smith, 57, said"
            elif (p := self._percent(end)) is not None:
                kind, unit, end = "percent", "%", p
            elif (ag := self._age_suffix(end)) is not None:
                end, factor = ag
                kind, unit = "age", "age"
                low = low * factor if low is not None else None
                high = high * factor if high is not None else None
            elif (mg := self._magnitude_suffix(end)) is not None:
                kind, unit, end = "measure", "magnitude", mg
            elif (cs := self._currency_suffix(end, v1)) is not None:
                code, unit, end, factor = cs
                kind, currency = "money", code
                low = low * factor if low is not None else None
                high = high * factor if high is not None else None
            elif (us := self._unit_suffix(end, v1.num.vague)) is not None:
                kind, unit, end = us
            else:
                kind = "count"
                noun, noun_end, plural = self._noun(end, single=v1.low == 1 and v1.high == 1)
                if (
                    noun is not None
                    and first_num.lone_one
                    and noun_end == end + 2
                    and toks[end].text in _DASHES
                ):
                    return [], noun_end  # "one-off", "one-sided"
                unit, end = noun, noun_end
        assert kind is not None
        if self._not_a_count(j, first_num, qual, ranged, unit, plural, kind):
            return [], first_num.end
        start = i if span_start is None else span_start
        if kind == "count" and unit is None:
            unit, end = self._state_elsewhere(start, end)
            if unit is None and self._sizes_a_crowd(start):
                unit = "people"
        if kind == "age" and (forced == "age" or self.low(j - 1) == ","):
            return self._more_ages([self._make(start, end, low, high, approx, kind, unit)], end)
        return [
            self._make(
                start,
                end,
                low,
                high,
                approx,
                kind,
                unit,
                currency,
                low_inc if low is not None else True,
                high_inc if high is not None else True,
            )
        ], end

    def _ratio(self, v1: _Val, k: int) -> tuple[float, int] | None:
        """A share of a group: "one in five", "3 out of 10", "two-thirds"."""
        p = k + 1 if k < self.n and self.toks[k].text in _DASHES and self.glued(k) else k
        if self.low(p) in _FRACTIONS and not v1.num.digits and v1.low is not None and v1.low == v1.high:
            share = 100.0 * v1.low / _FRACTIONS[self.low(p)]
            return (share, p + 1) if 0 < share <= 100 else None
        if self.low(k) not in ("in", "out") or v1.num.vague or v1.low is None or v1.low != v1.high:
            return None
        q = k + 2 if self.low(k) == "out" and self.low(k + 1) == "of" else k + 1
        if self.low(k) == "out" and q == k + 1:
            return None
        v2 = self._number(q, context=False) if q < self.n else None
        if v2 is None or v2.vague or v2.low is None or not 0 < v1.low < v2.low <= 100 or v1.low > 10:
            return None
        if self.low(v2.end) in _TIME_UNITS or self.low(v2.end) in _MEASURES:
            return None
        return 100.0 * v1.low / v2.low, v2.end

    def _change_before(self, j: int) -> bool:
        return any(self.low(x) in _CHANGE_VERBS for x in range(max(0, j - 3), j))

    def _not_a_count(
        self,
        j: int,
        num: _Num,
        qual: str | None,
        ranged: bool,
        unit: str | None,
        plural: bool,
        kind: QuantityKind,
    ) -> bool:
        """Years used as dates and "one" used as a pronoun ("no one", "one day")."""
        if qual is not None or ranged or kind not in ("count", "duration"):
            return False
        if kind == "count" and num.plain and _is_year_like(self.toks[num.end - 1]):
            lead = self.low(j - 1)
            if lead in _STRICT_YEAR_LEADS or self.is_month(j - 1) or lead in _DETERMINERS or lead == "'s":
                return True
            return not (plural and unit is not None)
        if num.lone_one:
            before, after = self.low(j - 1), self.low(num.end)
            opens = (
                before == "that"
                and self.low(j - 2) in _THAT_OPENS
                and after not in _AUX
                and after not in _FUNCTION_WORDS
                and num.end < self.n
                and self.toks[num.end].kind == _WORD
            )
            if (before in _ONE_BEFORE and not opens) or after in _ONE_AFTER:
                return True
            if (
                j >= 2
                and self.toks[j - 1].kind == _WORD
                and before not in _FUNCTION_WORDS
                and self.low(j - 2) in ("the", "a", "an", "this", "that", "which", "each", "every", "any")
            ):
                return True  # "the only one", "a new one"
        return False

    def _sizes_a_crowd(self, i: int) -> bool:
        """An uncounted number that gives the size of a crowd counts people: "a crowd of 300", "estimated the
        crowd at 70", "put attendance at 5,000"."""
        x = i - 1
        while x >= 0 and i - x <= _CROWD_REACH and self.low(x) in _CROWD_LINKS:
            x -= 1
        return x >= 0 and x < i - 1 and self.low(x) in _CROWD_NOUNS

    def _state_elsewhere(self, i: int, end: int) -> tuple[str | None, int]:
        """The state of an uncounted number from the verbs around it: "killing 12", "12 were killed"."""
        if self.low(end) in _AUX:
            q = end
            for _ in range(4):
                if q < self.n and self.low(q) in _AUX_FILLER:
                    q += 1
            state = _STATES.get(self.low(q))
            if state is not None and self.low(q) not in ("death", "deaths", "casualty", "casualties"):
                return state, q + 1
        state = _STATE_VERBS.get(self.low(i - 1))
        if state is not None:
            return state, end
        for x in range(max(0, i - 8), i):
            # "the death toll rose to 50", "the number of dead rose to 43"
            if self.low(x) == "toll" and (
                self.low(x - 1) in ("death", "deaths") or self.low(x - 2) == "death"
            ):
                return "dead", end
            if self.low(x - 2) == "number" and self.low(x - 1) == "of" and self.low(x) in _STATES:
                return _STATES[self.low(x)], end
        return None, end

    def _make(
        self,
        i: int,
        end: int,
        low: float | None,
        high: float | None,
        approx: bool = False,
        kind: QuantityKind = "count",
        unit: str | None = None,
        currency: str | None = None,
        low_inc: bool = True,
        high_inc: bool = True,
    ) -> Quantity:
        s, e = self.toks[i].start, self.toks[end - 1].end
        if kind == "duration" and unit in _YEARS_IN:
            scale = _YEARS_IN[unit]
            low, high, unit = _scaled(low, scale), _scaled(high, scale), "year"
        return Quantity(
            start=s + self.base,
            end=e + self.base,
            low=_clean(low),
            high=_clean(high),
            low_inclusive=low_inc,
            high_inclusive=high_inc,
            approximate=approx,
            unit=unit,
            kind=kind,
            currency=currency,
            text=self.text[s:e],
        )


def _scaled(value: float | None, scale: float) -> float | None:
    return None if value is None else value * scale


_GLUED_OK = frozenset(
    {"k", "m", "mn", "mln", "bn", "b", "bln", "tn", "trn", "pc", "pct", "c", "f"}
    | set(_GLUED_MEASURES)
    | set(_GLUED_TIMES)
)
# First words of a quantity that are not themselves number words or qualifiers.
_NUMBER_STARTS = frozenset(
    set(_UNITS)
    | set(_TENS)
    | set(_VAGUE_PLURALS)
    | {"a", "an", "half", "several", "many", "tens", "scores", "hundred", "thousand", "dozen"}
    | _QUALIFIER_WORDS
)

_QUALIFIER_FIRST = frozenset(k[0] for k in _QUALIFIERS)
# Tokens that can open a quantity; the reader skips every other token without a look.
_START_WORDS = (
    _NUMBER_STARTS
    | _QUALIFIER_FIRST
    | _words("no nobody none noone aged age ages magnitude m r his her their my our your between from")
    | set(_REPEATS)
    | _SINGLE_TIME_UNITS
    | {w.lower() for w in (*_DOLLAR_PREFIXES, *_WORD_PREFIXES, *_ISO_CODES)}
)
_START_SYMBOLS = frozenset((*_SYMBOLS, "-", "−"))
_DIGIT_RE = re.compile(r"[0-9]")
# Nouns that count the group after "a … of": "a pair of gunmen", "a trio of robbers".
_GROUP_WORDS = {"pair": 2.0, "duo": 2.0, "trio": 3.0, "quartet": 4.0}
# Sentences with neither digits nor number words cannot hold a quantity (a set lookup beats a big regex).
_LETTERS_RE = re.compile(r"[a-z]+")
_CANDIDATE_WORDS = frozenset(
    {
        *_UNITS,
        *_TENS,
        *_VAGUE_PLURALS,
        *_MULTIPLIERS,
        *_GROUP_WORDS,
        "several",
        "few",
        "handful",
        "couple",
        "half",
    }
    | _SINGLE_TIME_UNITS
    | set(_REPEATS)
    | {"scores", "tens", "no", "nobody", "none", "noone"}
)


def _may_hold_quantity(text: str) -> bool:
    return _DIGIT_RE.search(text) is not None or not _CANDIDATE_WORDS.isdisjoint(
        _LETTERS_RE.findall(text.lower())
    )


# --- public API -------------------------------------------------------------------------------------------


def extract_quantities(text: str, base: int = 0) -> list[Quantity]:
    """Every quantity mentioned in ``text`` (usually one sentence starting at ``base``), sorted by start."""
    if not text or not _may_hold_quantity(text):
        return []
    try:
        found = _Reader(text, base).run()
    except (ValueError, IndexError, OverflowError, ZeroDivisionError):
        # A reading bug must cost one sentence's figures, never the whole comparison.
        return []
    return _joined_ranges(text, base, found)


# "40 percent to 70 percent", "a 40- to 60-hour course": two figures of one thing that bound one range.
_RANGE_BETWEEN = re.compile(r"-?\s*(?:to|–|—)\s*$")
_OR_BETWEEN = re.compile(r"\s+or\s+")
_FEET_INCHES_BETWEEN = re.compile(r",?\s+(?:and\s+)?")
_UNIT_OR_BEFORE = re.compile(r"\b(second|minute|hour|day|week|month|year)\s+or\s+$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)  # "rose from 5 to 12": a change, not a range


# "a 6-foot-2 man": the inches after a height in feet, joined by a hyphen
_INCHES_AFTER_FOOT = re.compile(r"-(1[01]|[1-9])\b(?![-.,]?\d)")


def _joined_ranges(text: str, base: int, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in found:
        if q.unit == "ft" and q.low is not None and q.low == q.high and q.text.lower().endswith("foot"):
            after = _INCHES_AFTER_FOOT.match(text, q.end - base)
            if after:
                total = q.low * 12 + int(after.group(1))
                end = base + after.end()
                q = replace(
                    q, end=end, low=total, high=total, unit="inch", text=text[q.start - base : end - base]
                )
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.low is not None
            and prev.low == prev.high
            and q.low is not None
            and q.low == q.high
            and prev.low < q.low
            and _RANGE_BETWEEN.fullmatch(between := text[prev.end - base : q.start - base])
            and (
                (prev.unit is not None and prev.unit == q.unit) or (prev.unit is None and between[:1] == "-")
            )
            and not _FROM_BEFORE.search(text[: prev.start - base])
        ):
            out[-1] = replace(
                q,
                start=prev.start,
                low=prev.low,
                approximate=prev.approximate or q.approximate,
                text=text[prev.start - base : q.end - base],
            )
            continue
        if (
            prev is not None
            and prev.kind == "duration"
            and prev.low is not None
            and prev.low == prev.high
            and q.kind == "count"
            and q.unit is None
            and q.low is not None
            and q.low == q.high
            and prev.low < q.low
            and _OR_BETWEEN.fullmatch(text[prev.end - base : q.start - base])
        ):
            # "a minute or two": the second figure counts the same unit
            out[-1] = replace(
                prev,
                end=q.end,
                high=q.high,
                approximate=True,
                text=text[prev.start - base : q.end - base],
            )
            continue
        if (
            prev is not None
            and prev.unit == "ft"
            and q.unit == "inch"
            and prev.low is not None
            and prev.low == prev.high
            and q.low is not None
            and q.low == q.high
            and q.low < 12
            and _FEET_INCHES_BETWEEN.fullmatch(text[prev.end - base : q.start - base])
        ):
            # "5 feet 9 inches": one height, in inches
            inches = prev.low * 12 + q.low
            out[-1] = replace(
                prev,
                end=q.end,
                low=inches,
                high=inches,
                unit="inch",
                text=text[prev.start - base : q.end - base],
            )
            continue
        unit = (
            _UNIT_OR_BEFORE.search(text[: q.start - base]) if q.kind == "count" and q.unit is None else None
        )
        if (
            unit
            and q.low is not None
            and q.low == q.high
            and q.low > 1
            and (not out or out[-1].end <= base + unit.start())
        ):
            # "in the next minute or two": one of the unit, or that many
            start = base + unit.start()
            out.append(
                replace(
                    q,
                    start=start,
                    low=1.0,
                    approximate=True,
                    kind="duration",
                    unit=_TIME_UNITS[unit.group(1).lower()],
                    text=text[start - base : q.end - base],
                )
            )
            continue
        out.append(q)
    return out


def convert_money(amount: float, from_currency: str, to_currency: str, year: int | None) -> float | None:
    """``amount`` in ``to_currency`` at that year's approximate average rate; None for an unknown currency.

    Years outside 2000-2026 use the nearest year in the table; no year uses the latest.
    """
    src, dst = from_currency.strip().upper(), to_currency.strip().upper()
    if src == dst:
        return amount
    rates_src, rates_dst = _RATES_PER_USD.get(src), _RATES_PER_USD.get(dst)
    if rates_src is None or rates_dst is None:
        return None
    last = len(rates_src) - 1
    index = last if year is None else min(max(year - _FIRST_RATE_YEAR, 0), last)
    return amount / rates_src[index] * rates_dst[index]


def _widened(q: Quantity, tolerance: float) -> tuple[float | None, float | None]:
    low, high = q.low, q.high
    if q.approximate and tolerance > 0:
        if low is not None and low == high and low.is_integer():
            # "about 26 minutes" is told to the minute: a hedge is as wide as the figure's last digit allows
            # (half of it), never wider than ``tolerance``; "about 400" stays 360 to 440
            step = _precision(low)
            return low - min(abs(low) * tolerance, step / 2), low + min(abs(low) * tolerance, step / 2)
        low = None if low is None else low - abs(low) * tolerance
        high = None if high is None else high + abs(high) * tolerance
    return low, high


def _precision(value: float) -> float:
    """The place of a whole number's last non-zero digit: 1 for 26, 100 for 400, 1,000 for 12,000."""
    n, step = abs(int(value)), 1
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


def intervals_overlap(a: Quantity, b: Quantity, tolerance: float = 0.0) -> bool:
    """Whether some number lies in both intervals; approximate sides are widened by ``tolerance`` each way."""
    a_low, a_high = _widened(a, tolerance)
    b_low, b_high = _widened(b, tolerance)
    if a_low is None or (b_low is not None and b_low > a_low):
        low, low_inc = b_low, b.low_inclusive
    elif b_low is None or a_low > b_low:
        low, low_inc = a_low, a.low_inclusive
    else:
        low, low_inc = a_low, a.low_inclusive and b.low_inclusive
    if a_high is None or (b_high is not None and b_high < a_high):
        high, high_inc = b_high, b.high_inclusive
    elif b_high is None or a_high < b_high:
        high, high_inc = a_high, a.high_inclusive
    else:
        high, high_inc = a_high, a.high_inclusive and b.high_inclusive
    if low is None or high is None:
        return True
    return low < high or (low == high and low_inc and high_inc)


# Words that count the same kind of thing; the first of each group is its canonical name.
_SYNONYM_GROUPS = (
    "people person individual human soul",
    "dead killed died death fatality body life",
    "injured hurt wounded injury",
    "fighter militant insurgent jihadist extremist combatant guerrilla guerilla rebel terrorist",
    "soldier troop serviceman servicewoman servicemember",
    "police policeman policewoman officer cop constable",
    "child kid minor youngster",
    "arrested detained arrest detention detainee",
    "missing unaccounted",
    "casualty",
    "home house dwelling residence",
    "building structure",
    "aircraft plane jet warplane airplane aeroplane",
    "airstrike air-strike strike raid",
    "bomb explosive device ied",
    "earthquake quake tremor",
    "hostage captive",
    "migrant refugee asylum-seeker",
    "prisoner inmate convict",
    "worker employee staff staffer labourer laborer",
    "student pupil",
    "passenger traveller traveler commuter",
    "journalist reporter correspondent",
    "doctor physician",
    "missile rocket projectile",
    "weapon firearm gun",
    "vote ballot",
    "resident inhabitant villager",
    "protester protestor demonstrator",
    "tourist visitor holidaymaker",
    "attacker assailant gunman shooter",
)
_SYNONYMS = {w: g.split()[0] for g in _SYNONYM_GROUPS for w in g.split()}
_STATE_NAMES = frozenset(_STATES.values())
_GENERIC_PEOPLE = frozenset(("people", "victim"))


def _split_unit(unit: str) -> tuple[str | None, str | None]:
    """("people", "dead") for "people killed"; (None, "dead") for "died"; ("fighter", None) for "fighter"."""
    words = unit.lower().split()
    if not words:
        return None, None
    last = _STATES.get(words[-1], words[-1])
    if last in _STATE_NAMES:
        state = _SYNONYMS.get(last, last)
        noun = " ".join(words[:-1]) or None
    else:
        state, noun = None, " ".join(words)
    if noun is not None:
        noun = _SYNONYMS.get(noun, _SYNONYMS.get(noun.replace(" ", "-"), noun))
        if noun in _STATE_NAMES and state is None:
            return None, noun
    return noun, state


def same_counted_thing(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities count the same kind of thing and so can be compared."""
    if a.kind != b.kind:
        return False
    if a.kind in ("money", "percent", "age"):
        return True
    if a.unit is None or b.unit is None:
        return a.unit is None and b.unit is None
    if a.kind != "count":
        return a.unit.lower() == b.unit.lower()
    noun_a, state_a = _split_unit(a.unit)
    noun_b, state_b = _split_unit(b.unit)
    if state_a is not None and state_b is not None and state_a != state_b:
        return False
    if noun_a is not None and noun_b is not None:
        # "12 victims" and "14 people" in one state (taken to hospital) count the same people
        return noun_a == noun_b or (noun_a in _GENERIC_PEOPLE and noun_b in _GENERIC_PEOPLE)
    if noun_a is None and noun_b is None:
        return state_a == state_b
    noun = noun_a if noun_a is not None else noun_b
    return noun in _GENERIC_PEOPLE


def measure_words() -> frozenset[str]:
    """The words that name a unit of measure ("kilometres", "feet")."""
    return frozenset(_MEASURES)

"""Story templates and the pools that fill them: each story is told in a few versions (figures, days,
names differ between them, as between outlets), and each version is read once by the engine."""

from __future__ import annotations

import random
from dataclasses import dataclass

OUTLETS = [
    "The Straits Times", "The Guardian", "Reuters", "Associated Press", "Agence France-Presse", "BBC News",
    "Al Jazeera", "The New York Times", "The Washington Post", "Le Monde", "Der Spiegel", "El País",
    "The Times of India", "The Hindu", "Dawn", "The Japan Times", "South China Morning Post", "ABC News",
    "CBC News", "The Irish Times", "The Independent", "Financial Times", "Bloomberg", "Deutsche Welle",
    "France 24", "NPR", "The Sydney Morning Herald", "The Globe and Mail", "Haaretz", "Kyiv Independent",
    "Nairobi Daily Nation", "Mail & Guardian", "Buenos Aires Herald", "Gulf News", "The Korea Herald",
    "Jakarta Post", "Bangkok Post", "The Scotsman", "Yorkshire Post", "Toledo Blade",
]  # fmt: skip

REPORTERS = [
    "Amira Haddad", "James Okafor", "Lena Fischer", "Tomás Herrera", "Priya Raman", "Chen Wei", "Sara Lindqvist",
    "David Mensah", "Yuki Tanaka", "Omar Farouk", "Claire Dubois", "Ivan Petrov", "Grace Mwangi", "Luca Bianchi",
]  # fmt: skip

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Story:
    key: str
    headlines: tuple[str, ...]
    text: str
    slots: dict[str, tuple[str, ...]]


STORIES = [
    Story(
        "quake",
        ("Earthquake of magnitude {mag} strikes {place}", "{dead} killed as quake hits {place}",
         "Rescuers search rubble after {place} earthquake"),
        "An earthquake of magnitude {mag} struck {place} on {day}, killing at least {dead} people and injuring "
        "{injured}, officials said.\n\nThe quake hit at a depth of {depth} kilometres, according to the "
        "national seismological centre. {official}, the regional governor, said {buildings} buildings had "
        "collapsed and that rescue teams were still searching for survivors.\n\n\"We are doing everything we "
        "can to reach those trapped,\" {official} told reporters. Aftershocks continued through the night.\n\n"
        "The government released {money} million dollars in emergency aid on {day}. Schools in the province "
        "will remain closed until further notice.",
        {"mag": ("6.1", "6.3", "5.9", "6.4"), "place": ("Kermanshah", "Van province", "Sulawesi", "Abruzzo"),
         "dead": ("41", "38", "45", "52"), "injured": ("300", "320", "more than 250", "about 400"),
         "depth": ("10", "12", "8", "15"), "official": ("Hassan Karimi", "Ayşe Demir", "Budi Santoso", "Marco Rossi"),
         "buildings": ("120", "95", "140", "110"), "money": ("25", "30", "20", "27")},
    ),
    Story(
        "heist",
        ("Jewels worth {money} million stolen in {place} raid", "Thieves raid {place} jeweller",
         "Police hunt gang after {place} jewellery heist"),
        "Thieves stole jewels worth {money} million pounds from a shop in {place} on {day} night, police said.\n\n"
        "Four men armed with hammers smashed display cases and fled on motorbikes within {minutes} minutes, "
        "according to detectives. {official}, a spokesman for the police, said {arrests} people had been "
        "arrested by Saturday.\n\nThe shop's owner said the stolen pieces included {pieces} watches and a "
        "diamond necklace. Insurers have offered a reward of {reward} pounds for information.\n\nIt was the "
        "third raid on a jeweller in {place} this year.",
        {"money": ("1.2", "1.5", "1.1", "2"), "place": ("Mayfair", "Antwerp", "Geneva", "Hatton Garden"),
         "minutes": ("three", "four", "five", "two"), "official": ("Mark Ellis", "Pieter Claes", "Anne Roux", "Tom Hale"),
         "arrests": ("two", "three", "no", "four"), "pieces": ("40", "35", "48", "52"),
         "reward": ("50,000", "100,000", "75,000", "60,000")},
    ),
    Story(
        "floods",
        ("Floods kill {dead} in {place}", "Thousands flee as rivers burst banks in {place}",
         "{place} floods: army deployed"),
        "Floods killed {dead} people in {place} after {rain} millimetres of rain fell in {hours} hours, the civil "
        "protection agency said on {day}.\n\nMore than {evacuated} residents were evacuated as {rivers} rivers "
        "burst their banks. {official}, the regional president, said the damage could exceed {money} billion "
        "euros.\n\nThe army sent {troops} soldiers to help with rescues. Rail lines between the main cities "
        "remained closed and {schools} schools were shut.",
        {"dead": ("14", "13", "15", "17"), "place": ("Emilia-Romagna", "Valencia", "Slovenia", "Bavaria"),
         "rain": ("200", "250", "180", "220"), "hours": ("36", "48", "24", "30"),
         "evacuated": ("10,000", "20,000", "13,000", "36,000"), "rivers": ("21", "23", "14", "18"),
         "official": ("Stefano Bonaccini", "Carlos Mazón", "Robert Golob", "Markus Söder"),
         "money": ("5", "10", "3", "8"), "troops": ("600", "1,000", "450", "800"), "schools": ("400", "620", "300", "510")},
    ),
    Story(
        "crash",
        ("Plane carrying {aboard} crashes near {place}", "No survivors feared in {place} crash",
         "Investigators reach {place} crash site"),
        "A passenger plane carrying {aboard} people crashed shortly after take-off near {place} on {day}, the "
        "aviation authority said.\n\nFlight {flight} lost contact with air traffic control {minutes} minutes "
        "after leaving the airport. {official}, the transport minister, said the black boxes had been "
        "recovered.\n\nThe airline said the aircraft was {age} years old and had passed an inspection in "
        "{month}. Relatives gathered at the terminal waiting for news.",
        {"aboard": ("62", "64", "60", "71"), "place": ("Tarakan", "Kathmandu", "Medan", "Pokhara"),
         "flight": ("JT610", "YT691", "QZ8501", "BS211"), "minutes": ("13", "11", "15", "12"),
         "official": ("Budi Karya", "Sudan Kirati", "Ignasius Jonan", "Ram Bahadur"),
         "age": ("15", "12", "20", "9"), "month": ("March", "April", "January", "May")},
    ),
    Story(
        "court",
        ("Former treasurer jailed for {years} years", "{official} sentenced over {money} million fraud",
         "Court jails treasurer who took {money} million"),
        "A former city treasurer was sentenced to {years} years in prison on {day} for stealing {money} million "
        "dollars of public money, prosecutors said.\n\n{official}, {age}, pleaded guilty in {month} to "
        "{counts} counts of fraud. The judge ordered her to repay {repay} million dollars.\n\n\"This was a "
        "betrayal of the public trust,\" the prosecutor told the court in {place}. Her lawyer said she would "
        "appeal.",
        {"years": ("eight", "seven", "nine", "eight and a half"), "money": ("3.2", "3.5", "3", "2.9"),
         "official": ("Linda Marsh", "Rita Crundwell", "Joan Pike", "Helen Vance"), "age": ("61", "62", "60", "59"),
         "month": ("June", "July", "May", "August"), "counts": ("12", "14", "10", "11"),
         "repay": ("2.1", "2.5", "1.9", "2.3"), "place": ("Dixon", "Springfield", "Rockford", "Peoria")},
    ),
    Story(
        "election",
        ("{official} wins {place} election with {share}%", "Turnout of {turnout}% as {place} votes",
         "{place} opposition concedes defeat"),
        "{official} won the presidential election in {place} with {share} per cent of the vote, the electoral "
        "commission said on {day}.\n\nTurnout was {turnout} per cent, up from {old} per cent in the last "
        "election. The main rival took {rival} per cent and conceded defeat on {day} evening.\n\nObservers from "
        "{observers} countries said the vote was largely orderly, though {complaints} complaints were filed. "
        "The new president will be sworn in on {sworn}.",
        {"official": ("Maria Santos", "Ahmed Bello", "Ana Kovač", "Jonas Berg"), "place": ("Paraguay", "Ghana", "Croatia", "Iceland"),
         "share": ("52", "54", "51", "55"), "turnout": ("68", "71", "66", "64"), "old": ("61", "63", "60", "58"),
         "rival": ("44", "41", "46", "40"), "observers": ("30", "28", "35", "25"), "complaints": ("120", "90", "150", "80"),
         "sworn": ("August 15", "January 7", "February 18", "August 1")},
    ),
    Story(
        "strike",
        ("{union} calls {hours}-hour rail strike", "Rail strike halts trains across {place}",
         "Commuters stranded by {place} rail strike"),
        "Rail workers in {place} began a {hours}-hour strike on {day}, cancelling {cancelled} per cent of "
        "trains, the operator said.\n\nThe {union} union is demanding a pay rise of {raise} per cent; the "
        "government has offered {offer}. {official}, the union's leader, said talks had broken down.\n\nAbout "
        "{passengers} million passengers use the network each day. A further strike is planned for {next}.",
        {"place": ("Germany", "France", "Britain", "Italy"), "hours": ("48", "24", "72", "36"),
         "cancelled": ("80", "75", "90", "70"), "union": ("GDL", "SUD-Rail", "RMT", "Filt-CGIL"),
         "raise": ("12.5", "10", "11", "9"), "offer": ("5 per cent", "6 per cent", "4.5 per cent", "7 per cent"),
         "official": ("Claus Weselsky", "Fabien Villedieu", "Mick Lynch", "Stefano Malorgio"),
         "passengers": ("5", "4.5", "6", "3.5"), "next": ("next Thursday", "March 9", "the weekend", "April 2")},
    ),
    Story(
        "recapture",
        ("Troops recapture {place} from militants", "{place} retaken after {weeks}-week siege",
         "Army says {place} fully under control"),
        "Government troops recaptured the town of {place} from militants on {day} after a {weeks}-week "
        "offensive, the army said.\n\nAt least {dead} militants were killed in the final assault, according to "
        "a monitoring group, which said {soldiers} soldiers had also died. {official}, an army spokesman, said "
        "engineers were clearing {mines} mines left in the streets.\n\nResidents who fled in {month} began "
        "returning on {day}. Aid agencies said {families} families needed shelter. Engineers found the ancient "
        "{rare} gate damaged but standing.",
        {"place": ("Palmyra", "Tadmur", "Sirte", "Marawi"), "weeks": ("three", "four", "two", "five"),
         "dead": ("400", "more than 400", "380", "450"), "soldiers": ("188", "180", "200", "175"),
         "official": ("Ali Mayhoub", "Samir Suleiman", "Ahmed Mismari", "Jo-Ar Herrera"),
         "mines": ("3,000", "2,500", "4,000", "1,800"), "month": ("May", "June", "April", "July"),
         "families": ("1,200", "1,500", "900", "2,000"), "rare": ("Zenobia", "Hadrian", "Diocletian", "Zenobia")},
    ),
]  # fmt: skip

VERSIONS = 4  # versions of each story; a version is one set of slot values


def version_text(story: Story, version: int) -> tuple[str, str]:
    """The headline and the text of one version of a story (the same for every run)."""
    values = {name: pool[version % len(pool)] for name, pool in story.slots.items()}
    values["day"] = DAYS[(version * 3 + len(story.key)) % len(DAYS)]
    headline = story.headlines[version % len(story.headlines)].format(**values)
    return headline, f"{headline}\n\n" + story.text.format(**values) + "\n"


def article_heading(rng: random.Random, story: Story, version: int, outlet: str, number: int) -> str:
    """An article's own headline and byline, put above the version it tells."""
    values = {name: rng.choice(pool) for name, pool in story.slots.items()}
    values["day"] = rng.choice(DAYS)
    headline = rng.choice(story.headlines).format(**values)
    return f"{headline}\n\nBy {rng.choice(REPORTERS)}, {outlet} · dispatch {number}\n\n"

"""Word-level normalisation for alignment: tokens, a light lemmatiser and news-vocabulary synonym classes."""

from __future__ import annotations

import re
from functools import lru_cache

WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves yet still even already s t ll ve re d per via amid among upon onto within without
    whether though although since despite including towards toward around near according reportedly also
    however meanwhile elsewhere say said says saying told tell tells telling added adding quoted quote
    described describe describing report reported reports reporting according announced announce stated
    state's claimed claiming mr mrs ms dr one's part much many several well likely
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions billion billions trillion bn mn m k dozen dozens percent cent pc
    year years month months week weeks day days hour hours minute minutes second seconds old aged
    least less than nearly almost approximately estimated roughly
    """.split()
)

# Irregular forms that a suffix rule would not reach.
IRREGULAR = {
    "took": "take",
    "taken": "take",
    "retook": "retake",
    "retaken": "retake",
    "overran": "overrun",
    "blew": "blow",
    "blown": "blow",
    "lost": "lose",
    "held": "hold",
    "fled": "flee",
    "fought": "fight",
    "shot": "shoot",
    "hit": "hit",
    "struck": "strike",
    "stole": "steal",
    "stolen": "steal",
    "swept": "sweep",
    "went": "go",
    "gone": "go",
    "began": "begin",
    "begun": "begin",
    "came": "come",
    "left": "leave",
    "made": "make",
    "found": "find",
    "gave": "give",
    "given": "give",
    "knew": "know",
    "known": "know",
    "led": "lead",
    "met": "meet",
    "paid": "pay",
    "put": "put",
    "ran": "run",
    "saw": "see",
    "seen": "see",
    "sent": "send",
    "sought": "seek",
    "spent": "spend",
    "stood": "stand",
    "thought": "think",
    "threw": "throw",
    "thrown": "throw",
    "won": "win",
    "wrote": "write",
    "written": "write",
    "dead": "die",
    "died": "die",
    "dying": "die",
    "death": "die",
    "deaths": "die",
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "police": "police",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "had": "have",
    "has": "have",
    "did": "do",
    "done": "do",
    "wounded": "wound",
    "injured": "injure",
    "injuries": "injure",
    "casualties": "casualty",
    "arrested": "arrest",
    "killed": "kill",
}

# Classes of words that news reports use interchangeably for one fact; each maps to a class id.
SYNONYM_CLASSES: tuple[tuple[str, ...], ...] = (
    ("kill", "die", "slay", "slain", "fatality", "fatal", "fatally", "perish", "lose_life"),
    ("injure", "wound", "hurt", "injury"),
    ("recapture", "retake", "regain", "reclaim", "liberate", "recapt"),
    ("capture", "seize", "overrun", "conquer", "occupy", "occupation", "control"),
    ("defeat", "loss", "setback", "rout"),
    ("victory", "win", "triumph"),
    (
        "big",
        "biggest",
        "heavy",
        "heaviest",
        "large",
        "largest",
        "major",
        "huge",
        "massive",
        "worst",
        "strong",
        "powerful",
    ),
    ("destroy", "destruction", "demolish", "dynamite", "raze", "wreck", "blow"),
    ("retreat", "withdraw", "withdrawal", "pullout", "pull", "flee", "evacuate"),
    ("fighter", "militant", "jihadist", "insurgent", "combatant", "extremist"),
    ("troop", "soldier", "serviceman", "army", "military"),
    ("battle", "fight", "fighting", "clash", "combat", "offensive", "campaign", "assault"),
    ("strike", "airstrike", "bombardment", "bombing", "raid", "sortie", "hit"),
    ("plane", "warplane", "jet", "aircraft"),
    ("bomb", "explosive", "device", "ied"),
    ("arrest", "detain", "apprehend", "custody"),
    ("charge", "indict", "accuse"),
    ("sentence", "jail", "imprison", "prison"),
    ("rob", "robbery", "steal", "theft", "heist", "loot"),
    ("earthquake", "quake", "tremor"),
    ("shoot", "shooting", "gunfire", "gunshot"),
    ("gunman", "shooter", "attacker", "assailant"),
    ("police", "officer", "policeman", "cop"),
    ("hospital", "hospitalise", "hospitalize"),
    ("victim", "casualty"),
    ("residential", "residence", "neighbourhood", "neighborhood"),
    ("ruin", "site", "monument", "landmark", "relic"),
    ("temple", "shrine"),
    ("city", "town"),
    ("execution", "execute", "behead", "beheading"),
    ("government", "regime", "state"),
    ("involve", "involvement", "participate", "engage"),
    ("ancient", "historic"),
    ("chief", "head", "director"),
    ("fund", "money", "cash"),
    ("tax", "levy"),
    ("court", "tribunal"),
    ("judge", "magistrate"),
    ("fire", "blaze"),
    ("flood", "flooding"),
    ("building", "structure", "house", "home"),
    ("revenue", "turnover", "sales"),
    ("profit", "earnings"),
    ("own", "owner", "ownership"),
    ("employ", "employee", "staff", "worker", "workforce"),
    ("company", "firm", "business"),
    ("robber", "thief", "thieve", "raider", "burglar"),
    ("jewellery", "jewelry", "jeweller", "jeweler", "jewel"),
    ("motorcycle", "motorbike", "scooter", "moped"),
    ("convict", "conviction", "guilty"),
    ("acquit", "acquittal"),
    ("jury", "juror"),
    ("deliberate", "deliberation"),
    ("prosecutor", "prosecution"),
    ("defendant", "accused"),
    ("embezzle", "embezzlement", "misappropriate", "divert", "siphon"),
    ("epicentre", "epicenter"),
    ("depth", "deep", "surface", "underground"),
    ("height", "tall", "high"),
    ("rescue", "rescuer"),
    ("rifle", "gun", "firearm", "weapon", "handgun", "pistol"),
    ("begin", "start", "erupt"),
    ("wife", "husband", "spouse"),
    ("shop", "store", "boutique"),
    ("bullet", "round", "shot"),
    ("arm", "wield", "brandish"),
)

SYNONYMS: dict[str, str] = {}
for _group in SYNONYM_CLASSES:
    for _word in _group:
        SYNONYMS.setdefault(_word, _group[0])

_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("isation", "ise"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ingly", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ied", "y"),
    ("ies", "y"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
)


@lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    """Lower-case base form of a word: irregular table, then one suffix rule keeping a stem of 3+ letters."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in SYNONYMS or len(w) <= 3:
        return w
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]  # doubled consonant: "planned" -> "plan"
            if suffix in ("s", "es") and w.endswith("ss"):
                return w
            return stem
    return w


def _stem_key(word: str) -> str:
    """Collapse trailing 'e' so "recapture"/"recaptured" and "retake"/"retaking" share one key."""
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


# Nationality adjectives stand for their country when matching ("Russian warplanes" ~ "Russia").
DEMONYM_COUNTRY = {
    "afghan": "afghanistan", "american": "united-states", "australian": "australia", "brazilian": "brazil",
    "british": "united-kingdom", "canadian": "canada", "chinese": "china", "egyptian": "egypt",
    "french": "france", "german": "germany", "indian": "india", "iranian": "iran", "iraqi": "iraq",
    "israeli": "israel", "italian": "italy", "japanese": "japan", "jordanian": "jordan", "kenyan": "kenya",
    "lebanese": "lebanon", "libyan": "libya", "mexican": "mexico", "nigerian": "nigeria",
    "pakistani": "pakistan", "palestinian": "palestine", "russian": "russia", "saudi": "saudi-arabia",
    "somali": "somalia", "spanish": "spain", "sudanese": "sudan", "syrian": "syria", "turkish": "turkey",
    "ukrainian": "ukraine", "yemeni": "yemen", "nepalese": "nepal", "nepali": "nepal",
    "indonesian": "indonesia", "filipino": "philippines", "greek": "greece", "polish": "poland",
    "dutch": "netherlands", "swedish": "sweden", "norwegian": "norway", "irish": "ireland",
    "korean": "korea", "vietnamese": "vietnam", "thai": "thailand", "malaysian": "malaysia",
    "bangladeshi": "bangladesh", "ethiopian": "ethiopia", "south african": "south-africa",
}  # fmt: skip


@lru_cache(maxsize=20000)
def concept(word: str) -> str | None:
    """The alignment token for a word: its synonym class or stemmed lemma; None for stopwords and numbers."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in STOPWORDS or low[0].isdigit() or len(low) < 2:
        return None
    if low in DEMONYM_COUNTRY:
        return "e:" + DEMONYM_COUNTRY[low]
    if low in SYNONYMS:
        return SYNONYMS[low]
    lem = lemma(low)
    if lem in STOPWORDS:
        return None
    for candidate in (lem, lem + "e"):
        if candidate in SYNONYMS:
            return SYNONYMS[candidate]
    key = _stem_key(lem)
    return SYNONYMS.get(key, key)


@lru_cache(maxsize=20000)  # a claim's words are read again each time its article is compared
def content_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, concept) for each content word of ``text``, offsets relative to ``text``."""
    out: list[tuple[int, int, str]] = []
    for m in WORD_RE.finditer(text):
        tok = concept(m.group())
        if tok is not None:
            out.append((m.start(), m.end(), tok))
    return tuple(out)

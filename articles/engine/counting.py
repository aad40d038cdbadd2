"""What a figure counts and what happened to those counted ("400 fighters died": fighters, dead)."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.engine.quantities import PARTICIPLE_STATES
from articles.engine.types import Quantity

# What happened to those counted, by the word that says it ("ten people were rescued": rescued); a figure of
# those aboard ("210 people on board", "a ferry carrying 200 passengers") counts everyone there.
_STATES: dict[str, str] = {
    **{word: state for word, state in PARTICIPLE_STATES.items() if state != "hospitalised"},
    "died": "dead",
    "fatally": "dead",
    "hospitalized": "in hospital",
    "hospitalised": "in hospital",
    "saved": "rescued",
    "freed": "released",
    "released": "released",
    "aboard": "aboard",
    "on board": "aboard",
}
_STATE_PATTERN = "|".join(sorted((w.replace(" ", r"\s+") for w in _STATES), key=len, reverse=True))
# ... read from the words right after the figure ("ten people were shot", "150 have been rescued")
_STATE_AFTER = re.compile(
    r"^[\s,]*(?:including[^,.;]{1,40},\s*)?(?:(?:people|persons?|others?|more|men|women|children|officers?|"
    r"soldiers?|civilians?|police|passengers|residents|were|was|are|is|have|has|had|been|"
    r"reportedly|also|later|seriously|critically|badly|slightly|fatally|being)\s+){0,4}"
    rf"({_STATE_PATTERN})\b",
    re.IGNORECASE,
)
# ... or from a verb right before it ("the bombing killed 12 people", "injuring 30", "carrying 200").
_STATE_BEFORE = re.compile(
    r"\b(killed|killing|kills|kill|wounded|wounding|wounds|injured|injuring|injures|shot|shooting|shoots|"
    r"arrested|arresting|detained|detaining|rescued|rescuing|rescues|evacuated|evacuating|evacuates|"
    r"carrying|carried|carries|charged|charging|charges)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|around\s+)?$",
    re.IGNORECASE,
)
_VERB_STATES = {"kill": "dead", "wound": "injured", "injur": "injured", "shoot": "shot", "shot": "shot",
                "arrest": "arrested", "detain": "arrested", "rescu": "rescued", "evacuat": "evacuated",
                "carr": "aboard", "charg": "charged"}  # fmt: skip
# "area hospitals received 12 victims": those counted were taken to hospital.
_HOSPITAL_BEFORE = re.compile(
    r"\bhospitals?\s+(?:have\s+|had\s+)?(?:received|treated|admitted|took\s+in)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def noun_and_state(q: Quantity, body: str) -> tuple[str | None, str | None]:
    """What a figure counts and what happened to them: ("fighter", "dead") for "400 fighters died"."""
    words = (q.unit or "").split()
    state = _STATES.get(words[-1]) if words else None
    if state:
        words = words[:-1]
    elif q.kind == "count":
        m = _STATE_AFTER.match(body[q.end : q.end + 80])
        if m:
            state = _STATES[" ".join(m.group(1).lower().split())]
        else:
            window = body[max(0, q.start - 40) : q.start]
            before = _STATE_BEFORE.search(window)
            verb = before.group(1).lower() if before else ""
            state = next((v for k, v in _VERB_STATES.items() if verb.startswith(k)), None)
            if state is None and _HOSPITAL_BEFORE.search(window):
                state = "in hospital"
    return (" ".join(words) or None), state

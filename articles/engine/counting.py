"""What a figure counts and what happened to those counted ("400 fighters died": fighters, dead)."""

from __future__ import annotations

import re

from articles.engine.types import Quantity

# What happened to the people counted, read from the words right after the figure ("ten people were shot").
_STATE_AFTER = re.compile(
    r"^[\s,]*(?:including[^,.;]{1,40},\s*)?(?:(?:people|persons?|others?|more|men|women|children|officers?|"
    r"soldiers?|civilians?|police|were|was|are|is|have|has|had|been|"
    r"reportedly|also|later|seriously|critically|badly|slightly|fatally|being)\s+){0,4}"
    r"(died|dead|killed|fatally|injured|hurt|wounded|shot|missing|arrested|detained|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
# ... or from a verb right before it ("the bombing killed 12 people", "injuring 30").
_STATE_BEFORE = re.compile(
    r"\b(killed|killing|kills|kill|wounded|wounding|wounds|injured|injuring|injures|shot|shooting|shoots|"
    r"arrested|arresting|detained|detaining)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_VERB_STATES = {"kill": "dead", "wound": "injured", "injur": "injured", "shoot": "shot", "shot": "shot",
                "arrest": "arrested", "detain": "arrested"}  # fmt: skip
_STATES: dict[str, str] = {
    "died": "dead",
    "dead": "dead",
    "killed": "dead",
    "fatally": "dead",
    "injured": "injured",
    "hurt": "injured",
    "wounded": "injured",
    "shot": "shot",
    "missing": "missing",
    "arrested": "arrested",
    "detained": "arrested",
    "hospitalized": "in hospital",
    "hospitalised": "in hospital",
}
# "area hospitals received 12 victims": those counted were taken to hospital.
_HOSPITAL_BEFORE = re.compile(
    r"\bhospitals?\s+(?:have\s+|had\s+)?(?:received|treated|admitted|took\s+in)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)


def noun_and_state(q: Quantity, body: str) -> tuple[str | None, str | None]:
    """What a figure counts and what happened to them: ("fighter", "dead") for "400 fighters died"."""
    words = (q.unit or "").split()
    state = _STATES.get(words[-1]) if words else None
    if state:
        words = words[:-1]
    elif q.kind == "count":
        m = _STATE_AFTER.match(body[q.end : q.end + 80])
        if m:
            state = _STATES[m.group(1).lower()]
        else:
            window = body[max(0, q.start - 40) : q.start]
            before = _STATE_BEFORE.search(window)
            verb = before.group(1).lower() if before else ""
            state = next((v for k, v in _VERB_STATES.items() if verb.startswith(k)), None)
            if state is None and _HOSPITAL_BEFORE.search(window):
                state = "in hospital"
    return (" ".join(words) or None), state

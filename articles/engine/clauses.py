"""Limits on a claim's length, and a cheap verb guess kept for the lexical aligner's gates.

Sentences are cut into clauses from the dependency parse (``facts``); these helpers trim and bound them."""

from __future__ import annotations

# Claims longer than this are cut at the nearest comma or word break.
MAX_CLAIM_CHARS = 400

AUXILIARIES = frozenset(
    """
    is are was were be been being has have had will would can could may might must shall should did does do
    said says told say tell
    """.split()
)
IRREGULAR_PAST = frozenset(
    """
    took retook overran blew lost held fled fought shot struck stole swept went began came left made found
    gave knew led met paid ran saw sent sought spent stood thought threw won wrote broke brought built
    bought caught drove fell felt flew got grew heard hid hung kept laid lay meant rode rose sang sat slept
    spoke stuck swore taught tore told understood woke wore
    """.split()
)
NOT_VERBS_ED = frozenset(
    """
    hundred red bed need seed speed shed bred creed breed deed feed weed steed
    """.split()
)
SPEECH_VERBS = frozenset(
    """
    said say says told tell tells announced announce claimed claim believed believe reported report showed
    show insisted insist warned warn confirmed confirm stated state added add noted note denied deny argued
    argue thought think knew know feared fear hoped hope suggested suggest indicated indicate revealed
    reveal found find admitted admit acknowledged acknowledge estimated estimate ruled rule alleged allege
    """.split()
)


def looks_like_verb(word: str) -> bool:
    """A cheap part-of-speech guess: auxiliaries, speech verbs, irregular past forms and '-ed' words."""
    w = word.lower()
    if w in AUXILIARIES or w in IRREGULAR_PAST or w in SPEECH_VERBS:
        return True
    return w.endswith("ed") and len(w) > 3 and w not in NOT_VERBS_ED


# Marks that open an item of a list ("• 300 homes were flooded", "- 300 homes were flooded").
LIST_MARKS = (*"•·▪◦‣●■□➢►", "- ", "* ")


def finalise(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without edge spaces and separators, none longer than MAX_CLAIM_CHARS."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and (text[s].isspace() or text[s] in ",;:—–" or text.startswith(("--", *LIST_MARKS), s)):
            s += 2 if text.startswith("--", s) else 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;–-"):
            e -= 1
        if e <= s:
            continue
        out.extend(_cut_long(text, s, e))
    return out


def _cut_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while e - s > MAX_CLAIM_CHARS:
        window = text[s : s + MAX_CLAIM_CHARS]
        cut = max(window.rfind(", "), window.rfind("; "))
        if cut < MAX_CLAIM_CHARS // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_CLAIM_CHARS
        pieces.append((s, s + cut))
        s += cut
        while s < e and (text[s].isspace() or text[s] in ",;"):
            s += 1
    if e > s:
        pieces.append((s, e))
    return pieces

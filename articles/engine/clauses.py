"""Cuts a sentence into fact-sized clauses at coordinators, relative and participle clauses, and 'but'/';'."""

from __future__ import annotations

import re

# Claims longer than this are cut at the nearest comma or word break.
MAX_CLAIM_CHARS = 400

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*|\d+(?:[.,]\d+)*")

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
ING_NOT_CLAUSE = frozenset(
    """
    during according saying including nothing something anything everything morning evening building king
    thing things spring string bring sing ring wing ceiling darling ping sibling offspring
    """.split()
)
RELATIVES = frozenset(("which", "who", "whose", "whom", "where"))
SUBORDINATORS = frozenset(("while", "whereas", "although", "though", "despite"))
SPEECH_VERBS = frozenset(
    """
    said say says told tell tells announced announce claimed claim believed believe reported report showed
    show insisted insist warned warn confirmed confirm stated state added add noted note denied deny argued
    argue thought think knew know feared fear hoped hope suggested suggest indicated indicate revealed
    reveal found find admitted admit acknowledged acknowledge estimated estimate ruled rule alleged allege
    """.split()
)
THAT_COMPLEMENT_BEFORE = frozenset(("so", "such", "now", "given", "provided", "except"))
DETERMINER_S = frozenset(("its", "his", "hers", "this", "thus", "yes", "ours", "theirs", "was", "has", "is"))


def looks_like_verb(word: str) -> bool:
    """A cheap part-of-speech guess: auxiliaries, speech verbs, irregular past forms and '-ed' words."""
    w = word.lower()
    if w in AUXILIARIES or w in IRREGULAR_PAST or w in SPEECH_VERBS:
        return True
    return w.endswith("ed") and len(w) > 3 and w not in NOT_VERBS_ED


def _is_participle(word: str) -> bool:
    w = word.lower()
    return w.endswith("ing") and len(w) > 5 and w not in ING_NOT_CLAUSE and word[0].islower()


def _finite_after_parenthetical(word: str) -> bool:
    w = word.lower()
    if not word[0].islower() or w in SPEECH_VERBS:
        return False
    if w in AUXILIARIES or w in IRREGULAR_PAST:
        return True
    return (w.endswith("s") and not w.endswith("ss") and w not in DETERMINER_S) or (
        w.endswith("ed") and w not in NOT_VERBS_ED
    )


def _has_verb(words: list[tuple[int, int, str]]) -> bool:
    return any(looks_like_verb(w) for _, _, w in words)


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the clauses of the sentence ``text[start:end]``, in order, trimmed, covering its words."""
    sentence = text[start:end]
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
    if len(words) < 6:
        return finalise(text, [(start, end)])
    cuts: list[int] = []  # word indices where a new clause begins
    in_parenthetical = False
    for i, (ws, _we, w) in enumerate(words):
        if i == 0:
            continue
        low = w.lower()
        gap = sentence[words[i - 1][1] : ws]
        after_comma = "," in gap or ";" in gap or "–" in gap or " - " in gap
        cut_at: int | None = None  # index of the first word of the new clause
        if ";" in gap:
            cut_at = i
        elif low == "but" and words[i - 1][2].lower() not in ("all", "nothing", "anything", "not"):
            cut_at = i + 1
        elif after_comma and low in RELATIVES:
            # "Russian forces, which ..." keeps a verbless subject with its relative clause.
            in_parenthetical = True
            if _has_verb(words[_last_cut(cuts) : i]):
                cut_at = i
        elif after_comma and (low == "including" or _is_participle(w)):
            cut_at = i
            in_parenthetical = True
        elif (after_comma or low == "despite") and low in SUBORDINATORS:
            cut_at = i
        elif after_comma and in_parenthetical and _finite_after_parenthetical(w):
            cut_at = i
            in_parenthetical = False
        elif low == "that" and not after_comma and _relative_that(words, i):
            cut_at = i
        elif (
            low == "and"
            and i + 1 < len(words)
            and (
                (after_comma and _has_verb(words[i + 1 : i + 5]))
                or (
                    looks_like_verb(words[i + 1][2])
                    and words[i + 1][2][0].islower()
                    and not looks_like_verb(words[i - 1][2])
                    and _has_verb(words[_last_cut(cuts) : i])
                    and _no_punctuation(sentence, words, i + 1, i + 4)
                )
            )
        ):
            cut_at = i + 1
        if cut_at is not None and cut_at < len(words) and _long_enough(words, _last_cut(cuts), i, cut_at):
            cuts.append(cut_at)
    spans: list[tuple[int, int]] = []
    prev = 0
    for c in cuts:
        spans.append((start + words[prev][0], start + _clause_end(sentence, words, c)))
        prev = c
    spans.append((start + words[prev][0], end))
    return finalise(text, spans)


def _no_punctuation(sentence: str, words: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """True when the words first..last run on without a comma or stop (a verb with its object)."""
    if last >= len(words):
        return False
    return not any(ch in ",;.:" for ch in sentence[words[first][1] : words[last][0]])


def _last_cut(cuts: list[int]) -> int:
    return cuts[-1] if cuts else 0


def _long_enough(words: list[tuple[int, int, str]], left_from: int, left_to: int, right_from: int) -> bool:
    return left_to - left_from >= 3 and len(words) - right_from >= 3


def _relative_that(words: list[tuple[int, int, str]], i: int) -> bool:
    """'that' opens a relative clause (cut) unless it follows a speech verb as a complement ('said that')."""
    prev = words[i - 1][2].lower()
    # Restrictive relatives on short noun phrases belong to them; only cut long clauses.
    if prev in THAT_COMPLEMENT_BEFORE or looks_like_verb(prev) or len(words) - i < 5 or i < 8:
        return False
    return all(words[j][2].lower() not in SPEECH_VERBS for j in range(max(0, i - 6), i))


def _clause_end(sentence: str, words: list[tuple[int, int, str]], cut: int) -> int:
    """End of the clause before word ``cut``: after the previous word, dropping a joining 'and'/'but'."""
    j = cut - 1
    if words[j][2].lower() in ("and", "but") and j > 0:
        j -= 1
    end = words[j][1]
    # keep a closing quote or bracket that belongs to the clause
    while end < len(sentence) and sentence[end] in "\"'”’)]":
        end += 1
    return end


def finalise(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and (text[s].isspace() or text[s] in ",;"):
            s += 1
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

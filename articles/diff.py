"""Word-level differences between two claims, as runs of text flagged changed or not; no HTML here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words with their trailing spaces, so that joining the runs gives back the text exactly.
_TOKEN = re.compile(r"\S+\s*|\s+")
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’()[]"


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    changed: bool


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    # Case, spacing and edge punctuation do not make two words different.
    return token.strip().strip(_EDGE_PUNCTUATION).casefold()


def word_diff(a: str, b: str) -> tuple[list[Run], list[Run]]:
    """Each text cut into runs, the words missing from or different in the other text marked changed.

    A word outside the aligned sequence but present elsewhere in the other text (moved, not changed) and
    a bare function word are left unmarked, so that the marks fall on the values that differ.
    """
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    keys_a, keys_b = [_key(t) for t in tokens_a], [_key(t) for t in tokens_b]
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    runs_a: list[Run] = []
    runs_b: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for token, key in zip(tokens_a[i1:i2], keys_a[i1:i2], strict=True):
            _append(runs_a, token, tag != "equal" and _differs(key, keys_b))
        for token, key in zip(tokens_b[j1:j2], keys_b[j1:j2], strict=True):
            _append(runs_b, token, tag != "equal" and _differs(key, keys_a))
    return runs_a, runs_b


_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for by with from and or but as is was are were be been has have had its it "
    "that which who this these those".split()
)


def _differs(key: str, other_keys: list[str]) -> bool:
    return bool(key) and key not in other_keys and key not in _FUNCTION_WORDS


def _append(runs: list[Run], text: str, changed: bool) -> None:
    if not text:
        return
    if changed:
        # The space after a changed word is not itself a change: keep it outside the mark.
        stripped = text.rstrip()
        tail = text[len(stripped) :]
        _merge(runs, Run(stripped, True))
        if tail:
            _merge(runs, Run(tail, False))
    else:
        _merge(runs, Run(text, False))


def _merge(runs: list[Run], run: Run) -> None:
    # Two changed words with only a space between them make one mark.
    if run.changed and len(runs) >= 2 and runs[-1].text.isspace() and runs[-2].changed:
        space = runs.pop()
        runs[-1] = Run(runs[-1].text + space.text + run.text, True)
    elif runs and runs[-1].changed == run.changed:
        runs[-1] = Run(runs[-1].text + run.text, run.changed)
    else:
        runs.append(run)

"""The assignment stage: a maximum-weight one-to-one matching of the scored pairs, then further links for a
fact that one article tells twice or splits in two."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy.optimize import linear_sum_assignment

if TYPE_CHECKING:
    from numpy.typing import NDArray

# A further link within this many sentences of one of its claims' links continues that fact ("…, and 14 others
# were wounded" after "four people were killed" in the next clause or sentence) rather than telling it again.
SPLIT_REACH = 1


def assign(
    probabilities: NDArray[np.float64],
    threshold: float,
    extra_threshold: float,
    headlines_a: frozenset[int] = frozenset(),
    headlines_b: frozenset[int] = frozenset(),
    near_best: float = 0.0,
    mutual: float = 1.0,
    *,
    sentences_a: Sequence[int] = (),
    sentences_b: Sequence[int] = (),
    elsewhere: float = 0.0,
) -> list[tuple[int, int]]:
    """Pairs (i, j) of a (len(A), len(B)) probability matrix: the matching that maximises the summed
    probability of pairs at or above ``threshold``, plus every other pair at or above ``extra_threshold``
    (a fact told twice or split in two); every pair kept is within ``near_best`` of the best pair of both its
    claims.

    A headline restates the top of its story, so pairs that involve a headline are matched on their own and
    never take the place of the text's own counterpart: the two articles' headlines with each other first,
    then the headlines still free with the other article's body. Two claims still unlinked that are each other's best
    match are linked from ``mutual``, which may be below ``threshold``.

    Given the sentence of each claim (``sentences_a``, ``sentences_b``), a further link that does not continue a
    body link of one of its claims within ``SPLIT_REACH`` sentences (a fact told again elsewhere, or a claim
    matched twice over) needs ``elsewhere`` as well: such repeats are more often another fact on the same
    topic than a fact split in two."""
    if probabilities.size == 0:
        return []
    gain = np.where(probabilities >= threshold, probabilities, 0.0)
    headline = np.zeros(gain.shape, dtype=bool)
    headline[sorted(headlines_a), :] = True
    headline[:, sorted(headlines_b)] = True
    pairs: set[tuple[int, int]] = set()
    both = np.zeros(gain.shape, dtype=bool)
    both[np.ix_(sorted(headlines_a), sorted(headlines_b))] = True
    rows, cols = linear_sum_assignment(np.where(headline, 0.0, gain), maximize=True)
    pairs.update(
        (int(i), int(j)) for i, j in zip(rows, cols, strict=True) if not headline[i, j] and gain[i, j] > 0
    )
    # the headlines with each other first: a body claim does not take the other article's headline from its own
    rows, cols = linear_sum_assignment(np.where(both, gain, 0.0), maximize=True)
    paired = [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if both[i, j] and gain[i, j] > 0]
    pairs.update(paired)
    mixed = np.where(headline & ~both, gain, 0.0)
    mixed[[i for i, _ in paired], :] = 0.0
    mixed[:, [j for _, j in paired]] = 0.0
    rows, cols = linear_sum_assignment(mixed, maximize=True)
    pairs.update((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if mixed[i, j] > 0)
    # "Near the best" compares a pair with the best pair of its own kind: a body claim's best headline match
    # (a headline restates several facts at once) does not set the bar for its matches in the body.
    body = np.where(headline, 0.0, probabilities)
    heads = np.where(headline, probabilities, 0.0)
    best_a = np.where(headline, heads.max(axis=1, keepdims=True), body.max(axis=1, keepdims=True))
    best_b = np.where(headline, heads.max(axis=0, keepdims=True), body.max(axis=0, keepdims=True))
    extra = (
        (probabilities >= extra_threshold)
        & (probabilities >= near_best * best_a)
        & (probabilities >= near_best * best_b)
    )
    # a matched pair far below what either of its claims reaches elsewhere took a slot, not a fact
    pairs = {(i, j) for i, j in pairs if probabilities[i, j] >= near_best * max(best_a[i, j], best_b[i, j])}
    split = _split_test(pairs, headline, sentences_a, sentences_b)
    for i, j in zip(*np.nonzero(extra), strict=True):
        if probabilities[i, j] >= elsewhere or split(int(i), int(j)):
            pairs.add((int(i), int(j)))
    if mutual < threshold:
        linked_a = {i for i, _ in pairs}
        linked_b = {j for _, j in pairs}
        mutual_best = (probabilities >= mutual) & (probabilities >= best_a) & (probabilities >= best_b)
        for i, j in zip(*np.nonzero(mutual_best), strict=True):
            if int(i) not in linked_a and int(j) not in linked_b:
                pairs.add((int(i), int(j)))
    return sorted(pairs)


def _split_test(
    pairs: set[tuple[int, int]],
    headline: NDArray[np.bool_],
    sentences_a: Sequence[int],
    sentences_b: Sequence[int],
) -> Callable[[int, int], bool]:
    """Whether a further pair (i, j) continues a body link of i or of j within ``SPLIT_REACH`` sentences
    (always, without the claims' sentences)."""
    if not sentences_a or not sentences_b:
        return lambda i, j: True
    partners_a: dict[int, list[int]] = defaultdict(list)
    partners_b: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        if not headline[i, j]:
            partners_a[i].append(j)
            partners_b[j].append(i)

    def continues(i: int, j: int) -> bool:
        return any(abs(sentences_b[k] - sentences_b[j]) <= SPLIT_REACH for k in partners_a[i]) or any(
            abs(sentences_a[k] - sentences_a[i]) <= SPLIT_REACH for k in partners_b[j]
        )

    return continues

"""Article bodies as HTML with claim spans marked: the body is cut by spans and every piece is escaped."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from articles.models import Link

# Icons carry the relation where colour cannot (colour blindness, printing, high-contrast modes).
RELATION_ICONS = {
    "agree": "✓",
    "partial": "≈",
    "conflict": "✗",
    "only_a": "○",
    "only_b": "○",
    "unrelated": "≠",
}


def relation_label(relation: str) -> str:
    return Link.Relation(relation).label if relation in Link.Relation.values else "claim"


def relation_badge(relation: str) -> SafeString:
    """The relation's icon (hidden from screen readers, which read the words) and its name."""
    return format_html(
        '<span class="rel-icon" aria-hidden="true">{}</span> {}',
        RELATION_ICONS.get(relation, "•"),
        relation_label(relation),
    )


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    anchor: str  # the element id, so that links elsewhere on the page can point at the claim
    relation: str = ""  # empty for a claim outside any comparison
    partners: tuple[str, ...] = ()  # anchors of the claims it is linked with in the other article


def highlight(body: str, marks: Iterable[Mark]) -> SafeString:
    """``body`` as HTML, each mark's span wrapped in a <mark> naming its relation in colour, icon and words.

    Marks that overlap an earlier one or fall outside the body are left out rather than nested.
    """
    pieces: list[SafeString] = []
    position = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if mark.start < position or mark.end > len(body) or mark.start >= mark.end:
            continue
        pieces.append(escape(body[position : mark.start]))
        pieces.append(
            format_html(
                '<mark class="claim rel-{relation}" id="{anchor}" title="{label}" tabindex="0"'
                ' data-partners="{partners}">'
                '<span class="rel-icon" aria-hidden="true">{icon}</span>'
                '<span class="visually-hidden">({label}) </span>{text}</mark>',
                relation=mark.relation or "none",
                anchor=mark.anchor,
                partners=" ".join(mark.partners),
                label=relation_label(mark.relation),
                icon=RELATION_ICONS.get(mark.relation, "•"),
                text=body[mark.start : mark.end],
            )
        )
        position = mark.end
    pieces.append(escape(body[position:]))
    return format_html_join("", "{}", ((piece,) for piece in pieces))

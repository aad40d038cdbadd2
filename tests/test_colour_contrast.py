"""The stylesheet's colours of text read at WCAG AA contrast (4.5:1) on the backgrounds they are used on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parent.parent / "static" / "css" / "app.css"

# (text, background): the verdict pills, badges, tab counts and claim icons on their own tint; the flag
# statuses on the paper of a flag box; plain and soft text and links on cards and paper.
PAIRS = [
    *[(relation, f"{relation}-bg") for relation in ("agree", "partial", "conflict", "only")],
    *[(relation, "paper") for relation in ("agree", "partial", "conflict", "only")],
    *[(text, background) for text in ("ink", "ink-soft", "link") for background in ("card", "paper")],
    ("ink-soft", "only-bg"),
]


def _colours() -> dict[str, str]:
    root = re.search(r":root\s*{(.*?)}", CSS.read_text(), re.DOTALL)
    assert root is not None
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", root.group(1)))


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_measured_as_wcag_does() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_reads_at_four_and_a_half_to_one(text: str, background: str) -> None:
    colours = _colours()
    ratio = contrast(colours[text], colours[background])
    assert ratio >= 4.5, f"--{text} on --{background}: {ratio:.2f}:1"

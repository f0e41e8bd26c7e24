"""Evidence highlighting that cannot inject markup: the article text is cut at span boundaries and every
piece is escaped on its own; only the `<mark>` tags we write ourselves are raw HTML.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One span to highlight: `text[start:end]`, labelled with the field(s) it supports."""

    start: int
    end: int
    label: str
    kind: str = "field"  # css class suffix: field | quote | claim | mention


def valid_marks(text: str, marks: Iterable[Mark]) -> list[Mark]:
    """Marks clipped to the text; empty or out-of-range spans are dropped rather than trusted."""
    out: list[Mark] = []
    size = len(text)
    for mark in marks:
        start, end = max(0, mark.start), min(size, mark.end)
        if start < end:
            out.append(Mark(start, end, mark.label, mark.kind))
    return out


def _segments(text: str, marks: list[Mark]) -> list[tuple[int, int, list[Mark]]]:
    """Cut the text at every span boundary; each piece lists the marks that cover it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        pieces.append((start, end, covering))
    return pieces


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """HTML for `text` with each marked stretch wrapped in `<mark>`, every piece of text escaped.

    Overlapping spans are flattened: a piece covered by two fields gets one `<mark>` naming both, so the
    output stays well-formed whatever the spans are.
    """
    kept = valid_marks(text, marks)
    html: list[str] = []
    for start, end, covering in _segments(text, kept):
        piece = escape(text[start:end])
        if not covering:
            html.append(piece)
            continue
        labels = sorted({m.label for m in covering})
        kinds = sorted({m.kind for m in covering})
        classes = " ".join(f"ev-{k}" for k in kinds)
        html.append(
            Markup('<mark class="{}" data-fields="{}" title="{}">{}</mark>').format(
                classes, " ".join(labels), ", ".join(labels), piece
            )
        )
    return Markup("").join(html)

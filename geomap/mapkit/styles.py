"""Colour and marker shape per event type (ACLED's six types, then a fallback cycle).

Colours are from the Okabe-Ito palette, which stays distinguishable for colour-blind readers; the
shape differs too, so types remain apart in greyscale prints.  Only these validated values reach
the page's CSS and SVG: event type names themselves are data and are only ever set as text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

ACLED_STYLES: dict[str, tuple[str, str]] = {
    "battles": ("#d55e00", "diamond"),
    "explosionsremoteviolence": ("#e69f00", "star"),
    "violenceagainstcivilians": ("#cc79a7", "square"),
    "protests": ("#0072b2", "circle"),
    "riots": ("#009e73", "triangle"),
    "strategicdevelopments": ("#56b4e9", "hexagon"),
}
FALLBACK_COLOURS = ("#7f7f7f", "#8c564b", "#17becf", "#bcbd22", "#6a3d9a", "#b15928")
FALLBACK_SHAPES = ("circle", "square", "triangle", "diamond")
SHAPES = frozenset({"circle", "square", "diamond", "triangle", "star", "hexagon"})
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")


def type_key(event_type: str) -> str:
    """Spelling-insensitive key: 'Explosions/Remote violence' == 'explosions_remote_violence'."""
    return re.sub(r"[^a-z]", "", event_type.lower())


def style_table(types: Iterable[str]) -> list[dict]:
    """One style per distinct type, most frequent first: label, colour, shape, count."""
    counts = Counter(types)
    table, spare = [], 0
    for label, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        colour, shape = ACLED_STYLES.get(type_key(label), (None, None))
        if colour is None:
            colour = FALLBACK_COLOURS[spare % len(FALLBACK_COLOURS)]
            shape = FALLBACK_SHAPES[spare % len(FALLBACK_SHAPES)]
            spare += 1
        assert _COLOUR.match(colour) and shape in SHAPES  # they go into CSS/SVG unescaped
        table.append({"label": label, "color": colour, "shape": shape, "count": count})
    return table

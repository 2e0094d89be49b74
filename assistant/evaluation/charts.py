"""Charts as inline SVG (no scripts, no external files): grouped bar charts, one colour per
configuration. Every text is HTML-escaped."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from itertools import pairwise

PALETTE = ("#2f6db5", "#e07b39", "#3a9a5b", "#b5443b", "#7a5cb0", "#8c6d3f")
ROW_HEIGHT = 240  # plot area
LEFT, TOP, BOTTOM = 48, 16, 92


def grouped_bars(
    groups: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    top: float,
    label: Callable[[float], str] = lambda v: f"{v:.2f}",
    title: str = "",
) -> str:
    """Bars for each group (x axis), one per series; `top` is the value at the top of the axis."""
    top = top or 1.0
    bar = 20 if len(series) <= 3 else 14
    group_width = bar * len(series) + 14
    width = LEFT + group_width * len(groups) + 16
    height = TOP + ROW_HEIGHT + BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-size="11" font-family="sans-serif">',
        f"<title>{escape(title)}</title>",
        *_axis(width, top, label),
    ]
    for g, group in enumerate(groups):
        x0 = LEFT + g * group_width + 7
        for s, (name, values) in enumerate(series):
            value = values[g]
            if value is None:
                continue
            h = max(0.0, min(value / top, 1.0)) * ROW_HEIGHT
            x, y = x0 + s * bar, TOP + ROW_HEIGHT - h
            tip = escape(f"{name} · {group}: {label(value)}")
            parts.append(
                f'<rect x="{x}" y="{y:.1f}" width="{bar - 2}" height="{h:.1f}" '
                f'fill="{PALETTE[s % len(PALETTE)]}"><title>{tip}</title></rect>'
            )
            if len(series) <= 3:  # small enough to print each value above its bar
                parts.append(
                    f'<text x="{x + bar / 2 - 1:.1f}" y="{y - 3:.1f}" font-size="8" '
                    f'text-anchor="middle">{escape(label(value))}</text>'
                )
        cx, cy = x0 + bar * len(series) / 2, TOP + ROW_HEIGHT + 8
        parts.append(
            f'<text x="{cx:.1f}" y="{cy}" text-anchor="end" '
            f'transform="rotate(-40 {cx:.1f} {cy})">{escape(group)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _axis(width: int, top: float, label: Callable[[float], str]) -> list[str]:
    parts = []
    for i in range(5):
        value = top * i / 4
        y = TOP + ROW_HEIGHT - ROW_HEIGHT * i / 4
        parts.append(f'<line x1="{LEFT}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{escape(label(value))}</text>')
    return parts


def legend(names: Sequence[str]) -> str:
    """The colour of each configuration, as HTML."""
    items = (
        f'<span class="key"><span class="swatch" style="background:{PALETTE[i % len(PALETTE)]}"></span>'
        f"{escape(name)}</span>"
        for i, name in enumerate(names)
    )
    return f'<p class="legend">{"".join(items)}</p>'


LATENCY_BINS = (25, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000)


def latency_histogram(series: Sequence[tuple[str, Sequence[float]]], title: str = "") -> str:
    """Share of turns per latency bin (milliseconds), one colour per configuration."""
    edges = [0, *LATENCY_BINS]
    groups = [f"{a}–{b}" for a, b in pairwise(edges)] + [f"≥{LATENCY_BINS[-1]}"]
    shares = []
    for name, values in series:
        counts = [0] * len(groups)
        for value in values:
            counts[next((i for i, edge in enumerate(LATENCY_BINS) if value < edge), len(groups) - 1)] += 1
        total = len(values) or 1
        shares.append((name, [c / total for c in counts]))
    top = max((v for _, values in shares for v in values), default=1.0)
    return grouped_bars(groups, shares, top, lambda v: f"{v:.0%}", title)

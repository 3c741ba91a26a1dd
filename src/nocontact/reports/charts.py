"""Stacked weekly bar charts as plain SVG: counts only, no script, no inline style."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

CATEGORY_COLOURS: dict[str, str] = {
    "threat": "#b3261e",
    "self_harm": "#7d3c98",
    "legal": "#1f5fa8",
    "logistics": "#2e7d5b",
    "hoovering": "#c77700",
    "other": "#8a8a8a",
}
TACTIC_COLOURS: dict[str, str] = {
    "intimidation": "#8e2b20",
    "provocation": "#d4571c",
    "flattery": "#d48ab0",
    "apology": "#4f8fc0",
    "pity": "#7a6cb0",
    "pretext": "#6b9a4a",
}


@dataclass(frozen=True)
class Week:
    label: str
    counts: Mapping[str, int]


def stacked_weeks_svg(
    weeks: Sequence[Week], colours: Mapping[str, str], title: str, width: int = 360
) -> str:
    height, top, bottom, left = 180, 10, 30, 28
    plot_h = height - top - bottom
    n = max(len(weeks), 1)
    slot = (width - left - 4) / n
    bar_w = max(slot * 0.7, 2)
    peak = max((sum(w.counts.values()) for w in weeks), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" stroke="#999"/>',
        f'<text x="2" y="{top + 8}" font-size="9" fill="#555">{peak}</text>',
    ]
    for i, week in enumerate(weeks):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        for key, colour in colours.items():
            count = week.counts.get(key, 0)
            if not count:
                continue
            h = plot_h * count / peak
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{escape(key)}: {count}</title></rect>'
            )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{height - 12}" font-size="9" '
            f'text-anchor="middle" fill="#555">{escape(week.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)

"""Score trend charts as inline SVG for exported reports: no script, no external font or stylesheet, so the
chart renders the same in any browser, offline, and survives being mailed as one file.

The scale is fixed at 0-100 (like the studio's block-character trend) so a flat line at 80 and a flat line at
30 never look alike, which a min-max scaled chart would make them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

#: Series key -> (legend name, stroke colour). Colours are distinguishable for the common colour blindnesses.
SERIES: dict[str, tuple[str, str]] = {
    "overall": ("Overall", "#222222"),
    "examples": ("Examples", "#1f77b4"),
    "enthusiasm": ("Enthusiasm", "#d62728"),
    "alignment": ("Alignment", "#2ca02c"),
}
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 36, 110, 12, 28  # room for the y labels, the legend and the x labels


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span / 2 if count <= 1 else span * index / (count - 1))


def _y(value: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - max(0.0, min(100.0, value)) / 100)


def trend_svg(
    points: Sequence[dict[str, int | None]],
    title: str,
    labels: Sequence[str] | None = None,
    keys: Sequence[str] = tuple(SERIES),
) -> str:
    """A line chart of each series over the points (oldest first); `labels` name the x positions.

    Unscored points (None) break the line instead of being drawn as 0. Every dot carries a <title> so a
    browser shows the exact score on hover."""
    parts = [
        f'<svg class="trend" role="img" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH}" height="{HEIGHT}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for level in (0, 25, 50, 75, 100):
        y = _y(level)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#dddddd"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#555">{level}</text>'
        )
    count = len(points)
    if count == 0:
        parts.append(
            f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT / 2:.0f}" text-anchor="middle" font-size="13"'
            ' fill="#777">No scored answers yet</text></svg>'
        )
        return "".join(parts)
    # Label at most ~12 x positions so they never overlap.
    step = max(1, -(-count // 12))
    for index in range(0, count, step):
        text = labels[index] if labels and index < len(labels) else str(index + 1)
        parts.append(
            f'<text x="{_x(index, count):.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11"'
            f' fill="#555">{escape(text)}</text>'
        )
    for row, key in enumerate(keys):
        name, colour = SERIES[key]
        segments: list[list[tuple[float, float]]] = [[]]
        for index, point in enumerate(points):
            value = point.get(key)
            if value is None:
                segments.append([])
                continue
            x, y = _x(index, count), _y(value)
            segments[-1].append((x, y))
            tip = labels[index] if labels and index < len(labels) else f"#{index + 1}"
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                f"<title>{escape(name)} {int(value)} ({escape(tip)})</title></circle>"
            )
        for segment in segments:
            if len(segment) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
                width = 2.5 if key == "overall" else 1.5
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{width}"/>'
                )
        legend_y = TOP + 14 + row * 18
        parts.append(
            f'<rect x="{WIDTH - RIGHT + 12}" y="{legend_y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{WIDTH - RIGHT + 28}" y="{legend_y}" font-size="12" fill="#222">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)

"""How the voice sounded, rendered: a small plot along the answer in text (the studio's review, Markdown and
plain-text reports) and in SVG (the HTML report), the figures in words, and the observations.

The plot's scales are fixed (pitch from -6 to +6 semitones around the answer's median, loudness from -12 to
+6 dB), like the score trend's 0-100: a flat answer must look flat, which a plot scaled to each answer's own
minimum and maximum would hide.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from feedback.voice import clock
from feedback.voice_model import VoiceProfile

#: Seven heights, an odd number, so a figure at the median sits in the middle of one height instead of on the
#: edge between two: a flat voice draws a flat line.
BLOCKS = "▁▂▃▄▅▆▇"
PITCH_SCALE = (-6.0, 6.0)  # semitones from the answer's median
LOUDNESS_SCALE = (-12.0, 6.0)  # dB from the answer's median
PLOT_WIDTH = 48
LABEL_WIDTH = 10


def _cells(values: Sequence[float | None], width: int) -> list[float | None]:
    """`values` resampled to `width` cells: the mean of the values falling in each, None where there are none."""
    count = len(values)
    if count == 0:
        return [None] * width
    out: list[float | None] = []
    for cell in range(width):
        lo, hi = cell * count // width, max(cell * count // width + 1, (cell + 1) * count // width)
        here = [v for v in values[lo:hi] if v is not None]
        out.append(sum(here) / len(here) if here else None)
    return out


def _blocks(values: Sequence[float | None], scale: tuple[float, float]) -> str:
    low, high = scale
    out = []
    for value in values:
        if value is None:
            out.append(" ")
            continue
        share = (min(high, max(low, value)) - low) / (high - low)
        out.append(BLOCKS[min(len(BLOCKS) - 1, int(share * len(BLOCKS)))])
    return "".join(out)


def _quarter_row(profile: VoiceProfile, width: int) -> str | None:
    rates = profile.rate_by_quarter_wpm
    if not rates:
        return None
    cells = []
    for index, rate in enumerate(rates):
        span = width // 4 if index < 3 else width - 3 * (width // 4)
        label = "-" if rate is None else f"{rate:.0f}"
        cells.append(label.center(span - 1) + "│")
    return "│" + "".join(cells)[:-1] + "│"


def _pause_row(profile: VoiceProfile, width: int) -> str | None:
    start, end = profile.speech_start_s, profile.speech_end_s
    if not profile.long_pauses or start is None or end is None or end <= start:
        return None
    row = [" "] * width
    for pause in profile.long_pauses:
        first = int((pause.start - start) / (end - start) * width)
        last = int((pause.end - start) / (end - start) * width)
        for cell in range(max(0, first), min(width, max(last, first + 1))):
            row[cell] = "─"
        label = f"{pause.end - pause.start:.1f}s"
        at = min(max(0, first), width - len(label))
        if all(c == "─" or c == " " for c in row[at : at + len(label)]):
            row[at : at + len(label)] = list(label)
    return "".join(row)


def plot_rows(profile: VoiceProfile, width: int = PLOT_WIDTH) -> list[tuple[str, str]]:
    """(label, row) pairs of the plot along the answer, from its first sound to its last: pitch, loudness,
    long pauses, words a minute per quarter and the time axis. [] when there is no track."""
    track = profile.track
    if track is None or not (track.pitch_st or track.loudness_db):
        return []
    rows = [
        ("Pitch", _blocks(_cells(track.pitch_st, width), PITCH_SCALE)),
        ("Loudness", _blocks(_cells(track.loudness_db, width), LOUDNESS_SCALE)),
    ]
    pauses = _pause_row(profile, width)
    if pauses:
        rows.append(("Pauses", pauses))
    quarters = _quarter_row(profile, width)
    if quarters:
        rows.append(("Words/min", quarters))
    if profile.speech_start_s is not None and profile.speech_end_s is not None:
        left, right = clock(profile.speech_start_s), clock(profile.speech_end_s)
        rows.append(("", left + right.rjust(width - len(left))))
    return rows


def plot_text(profile: VoiceProfile, width: int = PLOT_WIDTH) -> list[str]:
    return [f"{label:<{LABEL_WIDTH}}{row}".rstrip() for label, row in plot_rows(profile, width)]


def figure_lines(profile: VoiceProfile) -> list[str]:
    """The figures in words, one line per kind."""
    lines: list[str] = []
    if profile.pitch_sd_st is not None and profile.pitch_range_st is not None:
        median = f", around {profile.pitch_median_hz:.0f} Hz" if profile.pitch_median_hz else ""
        lines.append(
            f"Pitch: varied {profile.pitch_sd_st:.1f} semitones (standard deviation), "
            f"range {profile.pitch_range_st:.1f} semitones{median}"
        )
    elif profile.voiced_s is not None:
        lines.append(f"Pitch: too little voiced speech to measure ({profile.voiced_s:.1f} s)")
    if profile.loudness_sd_db is not None:
        span = f", range {profile.loudness_range_db:.0f} dB" if profile.loudness_range_db is not None else ""
        lines.append(f"Loudness: varied {profile.loudness_sd_db:.1f} dB (standard deviation){span}")
    rates = profile.rate_by_quarter_wpm
    if rates and any(r is not None for r in rates):
        shown = " · ".join("-" if r is None else f"{r:.0f}" for r in rates)
        lines.append(f"Words a minute by quarter: {shown} (pauses over 2 s left out)")
    count = len(profile.long_pauses)
    if profile.speech_start_s is not None:
        where = ", ".join(clock(p.start) for p in profile.long_pauses)
        lines.append(f"Long pauses: {count}" + (f" (at {where})" if where else ""))
    opening = profile.opening
    if opening is not None and opening.delay_s is not None:
        parts = [f"first sound after {opening.delay_s:.1f} s"]
        if opening.wpm is not None:
            rest = f" (rest {opening.rest_wpm:.0f})" if opening.rest_wpm is not None else ""
            parts.append(f"first {opening.window_s or 0:.0f} s at {opening.wpm:.0f} words a minute{rest}")
        louder = opening.loudness_vs_rest_db
        if louder is not None:
            parts.append("as loud as the rest" if abs(louder) < 0.5 else f"{louder:+.0f} dB against the rest")
        lines.append("Opening: " + ", ".join(parts))
    return lines


def voice_markdown(profile: VoiceProfile, compared: Sequence[str] = ()) -> list[str]:
    """The "How the voice sounded" section of one answer in Markdown (heading level 2, as the others)."""
    lines = ["## How the voice sounded", ""]
    lines += [f"- {line}" for line in figure_lines(profile)]
    plot = plot_text(profile)
    if plot:
        lines += ["", "```", *plot, "```"]
    if profile.notes:
        lines += ["", *[f"- {note}" for note in profile.notes]]
    if compared:
        lines += ["", "Against your own earlier answers:", *[f"- {line}" for line in compared]]
    if profile.measured_with:
        lines += ["", f"Measured with {profile.measured_with}."]
    return lines


# --- SVG, for the HTML report ------------------------------------------------------------------------------

SVG_WIDTH, SVG_HEIGHT = 640, 150
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 70, 10, 8, 22


def _polyline(values: Sequence[float | None], scale: tuple[float, float], top: float, height: float) -> str:
    """SVG path data; a None breaks the line instead of drawing it at a made-up value."""
    span = SVG_WIDTH - PAD_LEFT - PAD_RIGHT
    low, high = scale
    parts: list[str] = []
    pen_up = True
    for index, value in enumerate(values):
        if value is None:
            pen_up = True
            continue
        x = PAD_LEFT + span * (index + 0.5) / max(1, len(values))
        y = top + height * (1 - (min(high, max(low, value)) - low) / (high - low))
        parts.append(f"{'M' if pen_up else 'L'}{x:.1f},{y:.1f}")
        pen_up = False
    return " ".join(parts)


def voice_svg(profile: VoiceProfile) -> str:
    """Pitch (top) and loudness (bottom) along the answer, long pauses shaded, quarters marked."""
    track = profile.track
    if track is None:
        return ""
    title = "Pitch and loudness along the answer"
    band = (SVG_HEIGHT - PAD_TOP - PAD_BOTTOM) / 2
    span = SVG_WIDTH - PAD_LEFT - PAD_RIGHT
    parts = [
        f'<svg class="voice" role="img" viewBox="0 0 {SVG_WIDTH} {SVG_HEIGHT}" width="{SVG_WIDTH}"'
        f' height="{SVG_HEIGHT}" aria-label="{title}"><title>{title}</title>'
    ]
    start, end = profile.speech_start_s, profile.speech_end_s
    if start is not None and end is not None and end > start:
        for pause in profile.long_pauses:
            x = PAD_LEFT + span * (pause.start - start) / (end - start)
            w = span * (pause.end - pause.start) / (end - start)
            parts.append(
                f'<rect x="{x:.1f}" y="{PAD_TOP}" width="{w:.1f}" height="{2 * band:.1f}" fill="#f1e4c8">'
                f"<title>pause {pause.end - pause.start:.1f} s at {clock(pause.start)}</title></rect>"
            )
    for quarter in range(1, 4):
        x = PAD_LEFT + span * quarter / 4
        parts.append(
            f'<line x1="{x:.1f}" y1="{PAD_TOP}" x2="{x:.1f}" y2="{PAD_TOP + 2 * band:.1f}" stroke="#ddd"/>'
        )
    for name, values, scale, top, colour in (
        ("pitch", track.pitch_st, PITCH_SCALE, PAD_TOP, "#1f77b4"),
        ("loudness", track.loudness_db, LOUDNESS_SCALE, PAD_TOP + band, "#2ca02c"),
    ):
        parts.append(f'<text x="{PAD_LEFT - 6}" y="{top + band / 2 + 4:.1f}" text-anchor="end" font-size="11"'
                     f' fill="#555">{name}</text>')  # fmt: skip
        parts.append(
            f'<path d="{_polyline(values, scale, top + 2, band - 4)}" fill="none" stroke="{colour}"/>'
        )
    for index, rate in enumerate(profile.rate_by_quarter_wpm or []):
        if rate is not None:
            x = PAD_LEFT + span * (index + 0.5) / 4
            parts.append(
                f'<text x="{x:.1f}" y="{SVG_HEIGHT - 6}" text-anchor="middle" font-size="11" fill="#555">'
                f"{rate:.0f} wpm</text>"
            )
    return "".join(parts) + "</svg>"


def voice_html(profile: VoiceProfile, compared: Sequence[str] = ()) -> str:
    """The "How the voice sounded" block of one answer in the HTML report (all text escaped)."""
    items = "".join(f"<li>{escape(line)}</li>" for line in figure_lines(profile))
    parts = [f"<h4>How the voice sounded</h4><ul>{items}</ul>", voice_svg(profile)]
    if profile.notes:
        parts.append("<ul>" + "".join(f"<li>{escape(note)}</li>" for note in profile.notes) + "</ul>")
    if compared:
        listed = "".join(f"<li>{escape(line)}</li>" for line in compared)
        parts.append(f"<p>Against your own earlier answers:</p><ul>{listed}</ul>")
    if profile.measured_with:
        parts.append(f'<p class="meta">Measured with {escape(profile.measured_with)}.</p>')
    return "".join(parts)

"""How the voice of one answer compares with the same person's earlier answers.

The yardstick is the person, never a population norm: voices differ too much (a pitch spread that is lively
for one speaker is flat for another), and no norm was measured for this studio. So each figure is placed
among the person's own earlier answers, and said as a count: "lower than in 7 of your 9 earlier answers".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import median

from feedback.voice_model import VoiceProfile

#: Fewer earlier answers than this and there is no "usual" to compare with.
MIN_EARLIER = 3
#: A figure is called higher or lower than usual when it is beyond at least this share of the earlier answers;
#: in between, it is "about your usual". Three quarters, so one odd earlier answer does not decide it.
BEYOND_SHARE = 0.75


def mean_rate(profile: VoiceProfile) -> float | None:
    """Words a minute over the quarters that have one."""
    rates = [r for r in profile.rate_by_quarter_wpm or [] if r is not None]
    return sum(rates) / len(rates) if rates else None


@dataclass(frozen=True)
class Figure:
    """One compared figure: how to read it from a profile, its name, its unit, and the smallest difference
    that counts (smaller ones are the measure's own wobble, not a change in the voice)."""

    key: str
    name: str
    unit: str
    read: Callable[[VoiceProfile], float | None]
    margin: float


# The margins are about twice what the figures moved between renderings of the same sentences by the same
# synthetic voice (pitch spread 1.59 to 1.65 semitones, range 5.9 to 6.1, loudness spread 5.36 to 5.56 dB);
# rates: 5 words a minute, about 3% of a usual pace.
FIGURES = (
    Figure("pitch_sd_st", "Pitch variation", "semitones", lambda p: p.pitch_sd_st, 0.2),
    Figure("pitch_range_st", "Pitch range", "semitones", lambda p: p.pitch_range_st, 0.5),
    Figure("loudness_sd_db", "Loudness variation", "dB", lambda p: p.loudness_sd_db, 0.5),
    Figure("rate_wpm", "Speaking rate", "words a minute", mean_rate, 5.0),
    Figure("long_pauses", "Long pauses", "", lambda p: float(len(p.long_pauses)), 0.5),
)


@dataclass(frozen=True)
class Comparison:
    """One figure of this answer among the person's earlier answers."""

    key: str
    name: str
    unit: str
    value: float
    earlier: int
    """How many earlier answers had this figure."""
    below: int
    """How many of them were lower than this answer, by more than the figure's margin."""
    above: int
    """How many were higher, by more than the margin."""
    usual: float
    """The median of the earlier answers."""

    @property
    def side(self) -> str:
        """ "higher", "lower" or "usual"."""
        if self.below >= BEYOND_SHARE * self.earlier:
            return "higher"
        if self.above >= BEYOND_SHARE * self.earlier:
            return "lower"
        return "usual"

    def sentence(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        digits = 0 if self.key in ("rate_wpm", "long_pauses") else 1
        value, usual = f"{self.value:.{digits}f}{unit}", f"{self.usual:.{digits}f}"
        side = self.side
        if side == "usual":
            return (
                f"{self.name} {value}: about your usual (median {usual} over {self.earlier} earlier answers)."
            )
        count = self.below if side == "higher" else self.above
        among = f"all {self.earlier}" if count == self.earlier else f"{count} of your {self.earlier}"
        return f"{self.name} {value}: {side} than in {among} earlier answers (median {usual})."


def compare_voice(current: VoiceProfile, earlier: Sequence[VoiceProfile]) -> list[Comparison]:
    """Each figure of `current` among `earlier` (the person's own answers); [] with too few of them."""
    out: list[Comparison] = []
    for figure in FIGURES:
        value = figure.read(current)
        if value is None:
            continue
        past = [v for p in earlier if (v := figure.read(p)) is not None]
        if len(past) < MIN_EARLIER:
            continue
        below = sum(1 for v in past if v < value - figure.margin)
        above = sum(1 for v in past if v > value + figure.margin)
        out.append(
            Comparison(figure.key, figure.name, figure.unit, value, len(past), below, above, median(past))
        )
    return out


def comparison_lines(current: VoiceProfile, earlier: Sequence[VoiceProfile]) -> list[str]:
    """The comparison in sentences, or what is needed before there is one."""
    compared = compare_voice(current, earlier)
    if compared:
        return [c.sentence() for c in compared]
    have = len(earlier)
    return [
        f"Compared with your own earlier answers once there are {MIN_EARLIER} with voice figures "
        f"(there {'is' if have == 1 else 'are'} {have} so far)."
    ]

"""Pitch and intensity of a recording, tracked by Praat (praat-parselmouth): samples in, contours out.

This is the signal-processing half of "how the voice sounded"; `feedback.voice.describe_voice` turns the
contours into figures (its docstring says why the work is split there). Praat is a tracker with decades of
phonetics behind it; nothing here tracks pitch by hand.

Two passes, after De Looze and Hirst: a wide first pass (60 to 700 Hz) finds the speaker's own range, and
the second runs with floor = 0.75 x the first quartile and ceiling = 1.5 x the third quartile, which keeps
octave jumps out of the figures whatever the voice. Intensity uses Praat's standard 100 Hz minimum pitch for
every answer, so loudness figures stay comparable from one answer to the next.

parselmouth is imported inside the function: it takes about half a second, and only voice measuring needs it.
"""

from __future__ import annotations

import numpy as np

from feedback.voice import Contours

#: Frame step of both contours: Praat's usual 10 ms.
STEP_S = 0.01
#: The first pass only needs the speaker's quartiles: a 30 ms step gives the same ones (96.0 and 107.2 Hz
#: against 96.1 and 107.2 on a 2-minute answer) in a third of the time.
WIDE_STEP_S = 0.03
#: The first pass's range: from a low male voice to a high child's, so the second pass can narrow it.
WIDE_FLOOR_HZ, WIDE_CEILING_HZ = 60.0, 700.0
#: De Looze and Hirst's factors (first and third quartile of the first pass).
FLOOR_FACTOR, CEILING_FACTOR = 0.75, 1.5
#: Praat's standard pitch range, when the first pass finds too little voice to estimate one.
DEFAULT_FLOOR_HZ, DEFAULT_CEILING_HZ = 75.0, 600.0
#: Praat's standard minimum pitch for intensity (sets the analysis window to 32 ms).
INTENSITY_MIN_PITCH_HZ = 100.0


def tracker_name() -> str:
    """Which tracker made the contours, kept with the figures: a later version may measure differently."""
    from importlib.metadata import version

    import parselmouth

    return f"praat-parselmouth {version('praat-parselmouth')} (Praat {parselmouth.PRAAT_VERSION}), two-pass pitch"


def speaker_range(first_pass_hz: np.ndarray) -> tuple[float, float]:
    """The second pass's (floor, ceiling) from the voiced frames of the first."""
    voiced = first_pass_hz[first_pass_hz > 0]
    if voiced.size < 10:
        return DEFAULT_FLOOR_HZ, DEFAULT_CEILING_HZ
    q1, q3 = np.percentile(voiced, [25, 75])
    floor = max(WIDE_FLOOR_HZ * 0.75, FLOOR_FACTOR * float(q1))
    return floor, max(floor * 2.0, CEILING_FACTOR * float(q3))


def track_voice(samples: np.ndarray, sample_rate: int) -> Contours:
    """Pitch (Hz, 0 where unvoiced) and intensity (dB) every STEP_S seconds of mono `samples`."""
    import parselmouth  # lazy: see the module docstring

    duration = len(samples) / sample_rate
    times = np.arange(STEP_S / 2, duration, STEP_S)
    if len(samples) < int(0.1 * sample_rate):  # too short for Praat's windows: nothing to measure
        empty = np.zeros(times.shape)
        return Contours(times, empty, np.full(times.shape, -300.0), duration, tracker_name())
    sound = parselmouth.Sound(np.asarray(samples, dtype=np.float64), sampling_frequency=sample_rate)
    wide = sound.to_pitch_ac(time_step=WIDE_STEP_S, pitch_floor=WIDE_FLOOR_HZ, pitch_ceiling=WIDE_CEILING_HZ)
    floor, ceiling = speaker_range(wide.selected_array["frequency"])
    pitch = sound.to_pitch_ac(time_step=STEP_S, pitch_floor=floor, pitch_ceiling=ceiling)
    intensity = sound.to_intensity(minimum_pitch=INTENSITY_MIN_PITCH_HZ, time_step=STEP_S)
    # Both onto one time grid. Pitch: nearest frame (interpolating would invent pitch across voicing edges);
    # intensity: linear, and the stretch its window cannot reach at the ends counts as silence.
    pitch_times, pitch_hz = pitch.xs(), pitch.selected_array["frequency"]
    on_grid = np.zeros(times.shape)
    if len(pitch_times):
        nearest = np.rint(np.interp(times, pitch_times, np.arange(len(pitch_times)))).astype(int)
        close = np.abs(pitch_times[nearest] - times) <= STEP_S  # beyond the first and last frame: unvoiced
        on_grid = np.where(close, pitch_hz[nearest], 0.0)
    level = np.interp(times, intensity.xs(), intensity.values[0], left=-300.0, right=-300.0)
    return Contours(times, on_grid, level, duration, tracker_name())

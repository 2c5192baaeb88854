"""Finding pauses in speech by frame energy: where audio can be cut without splitting a word.

Shared by batch transcription (which cuts long answers into pieces) and streaming (which cuts as it listens),
so both see the same pieces and give the same words.
"""

from __future__ import annotations

import numpy as np

from practice.core.signal import SAMPLE_RATE

FRAME_S = 0.03
#: A pause long enough to cut at. Clause and sentence breaks in speech are 250 ms and longer; shorter gaps are
#: often inside words (stop consonants), where a cut would split a word.
MIN_PAUSE_S = 0.3


def frame_energy(samples: np.ndarray) -> np.ndarray:
    """RMS energy of consecutive 30 ms frames."""
    frame = int(FRAME_S * SAMPLE_RATE)
    count = len(samples) // frame
    return np.sqrt(np.mean(samples[: count * frame].reshape(count, frame).astype(np.float64) ** 2, axis=1))


def speech_threshold(samples: np.ndarray) -> float:
    """Speech versus silence, a little above the noise floor (the 10th percentile of frame energy).

    It adapts to the recording: a quiet room and a noisy laptop microphone differ by 20 dB. The absolute minimum
    keeps digital silence from making every faint hiss count as speech.
    """
    energy = frame_energy(samples)
    floor = float(np.percentile(energy, 10)) if len(energy) else 0.0
    return max(floor * 3.0, 0.004)


def has_speech(samples: np.ndarray, reference: np.ndarray | None = None) -> bool:
    """Whether `samples` hold about 100 ms louder than the noise floor (of `reference`, when given)."""
    energy = frame_energy(samples)
    if len(energy) == 0:
        return False
    return int(np.sum(energy > speech_threshold(reference if reference is not None else samples))) >= 3


def find_pauses(samples: np.ndarray, min_pause_s: float = MIN_PAUSE_S) -> list[tuple[int, int]]:
    """(start, end) sample ranges of silence at least `min_pause_s` long."""
    frame = int(FRAME_S * SAMPLE_RATE)
    energy = frame_energy(samples)
    if len(energy) == 0:
        return []
    quiet = energy < speech_threshold(samples)
    pauses: list[tuple[int, int]] = []
    run_start: int | None = None
    for index, is_quiet in enumerate(np.append(quiet, False)):
        if is_quiet and run_start is None:
            run_start = index
        elif not is_quiet and run_start is not None:
            if (index - run_start) * FRAME_S >= min_pause_s:
                pauses.append((run_start * frame, index * frame))
            run_start = None
    return pauses


def split_at_pauses(samples: np.ndarray, max_s: float, min_s: float = 3.0) -> list[tuple[int, int]]:
    """Cut audio into (start, end) pieces no longer than `max_s`, each ending in the middle of a pause when
    one exists (the latest one that keeps the piece at least `min_s` long), else at `max_s`."""
    max_len, min_len = int(max_s * SAMPLE_RATE), int(min_s * SAMPLE_RATE)
    pauses = [(start + end) // 2 for start, end in find_pauses(samples)]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(samples) - start > max_len:
        cuts = [p for p in pauses if start + min_len < p <= start + max_len]
        cut = cuts[-1] if cuts else start + max_len
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(samples)))
    return pieces

"""Where in a recording someone is speaking, by voice activity detection (Silero VAD, shipped with faster-whisper).

Whisper invents text where there is no speech: "Thank you.", runs of dots, a phrase repeated in room noise after
the person stopped talking. Frame energy cannot tell a quiet voice from a fan, so every path that hands audio to
Whisper (live passes, the tail at stop, whole files, recovery) first asks this module where the speech is and
hands over only that, with a little margin.

Silero scores 32 ms frames with a neural network: about 5 ms of CPU per second of audio here (measured on a
busy 2-core machine), so a 25 s streaming piece costs about 0.1 s.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from practice.core.signal import SAMPLE_RATE

#: Silero's own default: a frame is speech when the network is at least this sure.
SPEECH_THRESHOLD = 0.5
#: Speech shorter than this is a click, a cough or a bump of the microphone, not a word.
MIN_SPEECH_MS = 200
#: A silence must last this long to end a stretch of speech: shorter gaps are pauses inside a sentence.
MIN_SILENCE_MS = 500
#: Margin kept around each stretch, so the first and last sounds of a word are not clipped (Silero's
#: frames are 32 ms; word onsets such as "s" or "f" start before the network is sure).
SPEECH_PAD_MS = 200


@dataclass(frozen=True)
class SpeechSpan:
    """A stretch of speech, in samples from the start of the audio it was found in."""

    start: int
    end: int

    @property
    def seconds(self) -> float:
        return (self.end - self.start) / SAMPLE_RATE


def speech_spans(samples: np.ndarray) -> list[SpeechSpan]:
    """The stretches of speech in 16 kHz mono float32 audio, in order, padded by SPEECH_PAD_MS."""
    if len(samples) < SAMPLE_RATE // 10 or not np.any(samples):
        return []
    # lazy: faster-whisper (and onnxruntime) load with the speech model, never for text-only scoring
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(
        threshold=SPEECH_THRESHOLD,
        min_speech_duration_ms=MIN_SPEECH_MS,
        min_silence_duration_ms=MIN_SILENCE_MS,
        speech_pad_ms=SPEECH_PAD_MS,
    )
    found = get_speech_timestamps(np.asarray(samples, dtype=np.float32), options, sampling_rate=SAMPLE_RATE)
    return [SpeechSpan(int(s["start"]), int(min(s["end"], len(samples)))) for s in found]


def speech_seconds(spans: list[SpeechSpan]) -> float:
    return sum(span.seconds for span in spans)


def group_spans(spans: list[SpeechSpan], max_samples: int, max_gap: int) -> list[SpeechSpan]:
    """Join neighbouring stretches into pieces to transcribe: a piece ends where the next stretch would make it
    longer than `max_samples`, or where the silence before it is longer than `max_gap` (nothing is lost by
    cutting there, and Whisper is not left to fill a long silence). A single stretch longer than
    `max_samples` is returned whole; the caller cuts it."""
    pieces: list[SpeechSpan] = []
    for span in spans:
        if pieces:
            last = pieces[-1]
            if span.start - last.end <= max_gap and span.end - last.start <= max_samples:
                pieces[-1] = SpeechSpan(last.start, span.end)
                continue
        pieces.append(span)
    return pieces


def spans_within(spans: list[SpeechSpan], begin: int, end: int) -> list[SpeechSpan]:
    """The parts of `spans` inside samples [begin, end), counted from `begin`."""
    return [
        SpeechSpan(max(s.start, begin) - begin, min(s.end, end) - begin)
        for s in spans
        if s.start < end and s.end > begin
    ]


def longest_unheard(spans: list[SpeechSpan], heard: list[tuple[float, float]], seconds: float) -> float:
    """The longest stretch, in seconds, of speech in `spans` (less their SPEECH_PAD_MS margins) that no (start,
    end) in `heard` overlaps: speech that was skipped. Times are seconds from the start of the same audio,
    `seconds` long. Measured on a 10 ms grid, far finer than the word times it is compared with."""
    step = 100  # grid cells a second
    speech = np.zeros(int(seconds * step) + 1, dtype=bool)
    pad = SPEECH_PAD_MS / 1000
    for span in spans:
        speech[int((span.start / SAMPLE_RATE + pad) * step) : int((span.end / SAMPLE_RATE - pad) * step)] = (
            True
        )
    for start, end in heard:
        speech[max(0, int(start * step)) : int(end * step) + 1] = False
    longest = run = 0
    for cell in speech:
        run = run + 1 if cell else 0
        longest = max(longest, run)
    return longest / step

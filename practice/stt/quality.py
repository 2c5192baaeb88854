"""An honest verdict on a transcript: was there enough clear speech for its scores to mean anything?

A take that is mostly silence (a muted or wrong microphone, a long wait before stopping), mostly noise, or words
the speech model could barely make out gives a transcript whose scores would mislead. The verdict says so in
plain words, with what to do; the review shows it above the scores and the JSON carries it as "quality".
"""

from __future__ import annotations

from feedback import TranscriptQuality

#: Less speech than this is not an answer to judge (a sentence takes about 3 s; an answer 30 s and more).
MIN_SPEECH_S = 5.0
#: Below this share of the take heard as speech, most of it was silence or noise. Spoken answers with thinking
#: pauses are 60 to 90% speech by this detector (its stretches keep 0.2 s margins and bridge pauses < 0.5 s).
MIN_SPEECH_SHARE = 0.4
#: Takes shorter than this are judged on their seconds of speech alone (a 6 s take with 3 s of speech is short,
#: not silent).
SHARE_APPLIES_FROM_S = 10.0
#: Mean probability the speech model gave its words. Clear speech is about 0.8 to 0.95 with tiny.en (measured on
#: the shared human clips and espeak-ng voices); mumbling, music and heavy noise fall well below this.
MIN_CONFIDENCE = 0.55


def _seconds(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".removesuffix(".0")


def judge_quality(
    duration_s: float, speech_s: float, word_count: int, confidence: float | None
) -> TranscriptQuality:
    """The verdict for a take of `duration_s` seconds in which `speech_s` seconds were heard as speech and
    `word_count` words were transcribed with mean word probability `confidence` (None when unknown)."""
    speech_s = round(max(0.0, min(speech_s, duration_s)), 1)
    heard, total = _seconds(speech_s), _seconds(duration_s)
    if word_count == 0 or speech_s < 0.5:
        if speech_s >= 0.5:
            reason = (
                f"I heard sound for {heard} of {total} seconds but could not make out any words: "
                "speak closer to the microphone, or check it is the input the system uses."
            )
        else:
            reason = (
                f"I heard no speech in {total} seconds: check that the microphone is on, not muted, "
                "and is the input the system uses (`interview-practice doctor` checks it)."
            )
        return TranscriptQuality(speech_s, "none", reason)
    if speech_s < MIN_SPEECH_S:
        reason = (
            f"I heard only {heard} seconds of speech: too little to judge an answer. "
            "Answer in a few full sentences (30 seconds to 2 minutes)."
        )
        return TranscriptQuality(speech_s, "low", reason)
    if duration_s >= SHARE_APPLIES_FROM_S and speech_s < MIN_SPEECH_SHARE * duration_s:
        reason = (
            f"I heard speech for only {heard} of {total} seconds: check the microphone "
            "(level, distance, background noise), and stop the recording when you finish."
        )
        return TranscriptQuality(speech_s, "low", reason)
    if confidence is not None and confidence < MIN_CONFIDENCE:
        reason = (
            "Many words were hard to make out, so the transcript may be wrong: speak closer to the "
            "microphone, away from noise and music, and check the transcript before trusting the scores."
        )
        return TranscriptQuality(speech_s, "low", reason)
    return TranscriptQuality(speech_s, "ok", "")

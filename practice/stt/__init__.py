"""Speech to text: transcript types, decoding files, pauses, the Whisper transcriber, streaming while the
person speaks, and the word error rate used to measure it.

It may import `practice.core`, `practice.storage` and `feedback` (its Word type); never `practice.audio` (a
sibling: audio arrives as arrays), the answer pipeline or a front end. faster-whisper loads lazily.
"""

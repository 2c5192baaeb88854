"""Sound in and out: device discovery, the one owner of the on-disk recording format (crash-safe WAV,
in-progress markers, header repair), the recorder, the player, the interviewer's voice, and the pitch and
intensity of a recording (prosody, by Praat).

It may import `practice.core` and `practice.storage` (where recordings go); never `practice.stt` (a sibling),
the answer pipeline or a front end. sounddevice, pyttsx3 and parselmouth are imported lazily inside, so
importing this package needs no sound library.
"""

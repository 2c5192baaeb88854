"""Sound in and out: device discovery, the one owner of the on-disk recording format (crash-safe WAV,
in-progress markers, header repair), the recorder, the player and the interviewer's voice.

It may import `practice.core` and `practice.storage` (where recordings go); never `practice.stt` (a sibling),
the answer pipeline or a front end. sounddevice and pyttsx3 are imported lazily inside, so importing this
package needs no sound library.
"""

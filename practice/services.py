"""What the studio needs from the outside world, passed in so tests can hand it real devices or small fakes.

The protocols list only what the UI calls. `build_services()` makes the real ones; nothing heavy is imported
until it is called (faster-whisper, sounddevice and pyttsx3 load lazily inside their own classes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from practice.banks import BankCatalog
from practice.config import Settings
from practice.live import Decoder, LiveFactory
from practice.store import Store
from practice.streaming import StreamingTranscriber

if TYPE_CHECKING:
    import numpy as np

    from practice.audio import Recording


class RecorderLike(Protocol):
    level: float
    peak: float

    @property
    def recording(self) -> bool: ...
    @property
    def elapsed_s(self) -> float: ...
    def start(self, path: Path, on_chunk: Callable[[np.ndarray], None] | None = None) -> None: ...
    def stop(self) -> Recording: ...


class PlayerLike(Protocol):
    @property
    def playing(self) -> bool: ...
    def play_file(self, path: Path, wait: bool = False) -> None: ...
    def wait(self, timeout: float | None = None) -> bool: ...
    def stop(self) -> None: ...


class SpeakerLike(Protocol):
    voice: str
    rate: int

    def synthesize(self, text: str) -> Path: ...
    def say(self, text: str, wait: bool = False) -> Path: ...
    def stop(self) -> None: ...


class TranscriberLike(Decoder, Protocol):
    """What the studio needs beyond decoding: a name to show and a model to load in the background."""

    description: str

    @property
    def loaded(self) -> bool: ...
    def load(self) -> Any: ...


#: (question, transcript, job text, words, duration) -> Feedback.to_dict()
Scorer = Callable[[str, str, "str | None", "list[Any] | None", "float | None"], dict[str, Any]]


@dataclass(frozen=True)
class JobSummary:
    """What setup shows back from a job description, and the terms that bias transcription towards it."""

    title: str | None
    company: str | None
    requirements: list[tuple[str, bool]]
    """(requirement text, must have)."""
    terms: list[str]


def default_scorer(
    question: str, transcript: str, job: str | None, words: list[Any] | None, duration_s: float | None
) -> dict[str, Any]:
    from feedback import score_answer

    return score_answer(question, transcript, job=job, words=words, duration_s=duration_s).to_dict()


def default_job_parser(text: str) -> JobSummary:
    from feedback import parse_job

    job = parse_job(text)
    requirements = list(getattr(job, "requirements", []) or [])
    # The posting's own key terms when the parser gives them (the `score` command uses the same), else the
    # requirements' terms: they bias transcription towards the job's vocabulary.
    terms: list[str] = list(getattr(job, "terms", None) or [])
    for requirement in requirements if not terms else []:
        terms.extend(t for t in getattr(requirement, "terms", ()) or () if t not in terms)
    return JobSummary(
        getattr(job, "title", None),
        getattr(job, "company", None),
        [(r.text, bool(getattr(r, "must_have", False))) for r in requirements],
        terms,
    )


def has_input_device() -> bool:
    from practice.audio import AudioDeviceError, default_input

    try:
        return default_input() is not None
    except AudioDeviceError:  # no PortAudio library at all: the same as no microphone for the person
        return False


def list_voice_ids() -> list[str]:
    from practice.speech import list_voices

    return sorted({voice.id.rsplit("/", 1)[-1] for voice in list_voices()})


@dataclass
class Services:
    recorder: RecorderLike
    player: PlayerLike
    speaker: SpeakerLike
    transcriber: TranscriberLike
    store: Store
    catalog: BankCatalog
    settings: Settings
    scorer: Scorer = default_scorer
    job_parser: Callable[[str], JobSummary] = default_job_parser
    live_factory: LiveFactory = StreamingTranscriber
    input_available: Callable[[], bool] = has_input_device
    voices: Callable[[], list[str]] = list_voice_ids
    clock: Callable[[], datetime] = field(default=lambda: datetime.now().astimezone())
    job_text: str | None = None
    """A job description given on the command line (--job): it wins over the remembered one."""
    save_settings: bool = True
    """Write the person's choices back to settings.toml when a session starts (tests turn it off)."""
    shuffle_seed: int | None = None


def device_setting(value: str) -> int | str | None:
    """A device from settings: empty for the system default, digits for an index, else a name."""
    value = value.strip()
    if not value:
        return None
    return int(value) if value.isdigit() else value


def build_services(
    model: str | None = None, bank_paths: list[Path] | None = None, job_text: str | None = None
) -> Services:
    """The real devices, model, voice and database."""
    from practice.audio import Player, Recorder
    from practice.banks import load_catalog
    from practice.config import cache_dir, load_settings
    from practice.speech import Speaker
    from practice.transcribe import Transcriber

    settings = load_settings()
    output = device_setting(settings.output_device)
    return Services(
        recorder=Recorder(device=device_setting(settings.input_device)),
        # Two players: replaying a recording must not cut off (or be cut off by) the interviewer's voice.
        player=Player(device=output),
        speaker=Speaker(
            cache_dir() / "speech", voice=settings.voice, rate=settings.rate, player=Player(output)
        ),
        transcriber=Transcriber(model or settings.model or None),
        store=Store(),
        catalog=load_catalog(bank_paths),
        settings=settings,
        job_text=job_text,
    )

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

from practice.answers.pipeline import Scorer
from practice.answers.scoring import default_scorer
from practice.answers.voice import VoiceMeter, measure_voice
from practice.audio.devices import AudioDeviceError, default_input
from practice.audio.player import Player
from practice.audio.recorder import Recorder
from practice.audio.voice import Speaker, list_voices
from practice.core.banks import BankCatalog
from practice.core.jobs import JobSummary, default_job_parser
from practice.storage.catalog import load_catalog
from practice.storage.history import Store
from practice.storage.paths import cache_dir
from practice.storage.settings import Settings, device_setting, load_settings
from practice.stt.live import Decoder, LiveFactory
from practice.stt.streaming import StreamingTranscriber
from practice.stt.whisper import Transcriber

if TYPE_CHECKING:
    import numpy as np

    from practice.audio.recorder import Recording


class RecorderLike(Protocol):
    level: float
    peak: float

    @property
    def recording(self) -> bool: ...
    @property
    def elapsed_s(self) -> float: ...
    def start(
        self,
        path: Path,
        on_chunk: Callable[[np.ndarray], None] | None = None,
        context: dict[str, Any] | None = None,
    ) -> None: ...
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


def has_input_device() -> bool:
    try:
        return default_input() is not None
    except AudioDeviceError:  # no PortAudio library at all: the same as no microphone for the person
        return False


def list_voice_ids() -> list[str]:
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
    voice_meter: VoiceMeter | None = None
    """Measures how the voice sounded from a recording (the review fills its voice panel in with it); None
    shows only figures already stored (the fast UI tests, which record a tone)."""


def build_services(
    model: str | None = None, bank_paths: list[Path] | None = None, job_text: str | None = None
) -> Services:
    """The real devices, model, voice and database."""

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
        voice_meter=measure_voice,
    )

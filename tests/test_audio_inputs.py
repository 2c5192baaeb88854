"""Audio files, hostile and broken: truncated, misnamed, odd rates, hours long, silence and noise.

Empty files, text files named .wav and digital silence are covered through the commands in test_cli.py.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import time
from pathlib import Path

import av
import numpy as np
import pytest
import soundfile
from conftest import word_error_rate

from practice.core.signal import SAMPLE_RATE
from practice.stt.decode import MAX_AUDIO_S, load_audio
from practice.stt.types import AudioReadError

SENTENCE = "I rebuilt the deployment pipeline and cut our release time from two days to four hours."


def tone(seconds: float, rate: int, channels: int = 1) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    mono = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    return np.repeat(mono[:, None], channels, axis=1) if channels > 1 else mono


def resample(data: np.ndarray, rate: int, new_rate: int) -> np.ndarray:
    positions = np.arange(int(len(data) * new_rate / rate)) * rate / new_rate
    return np.interp(positions, np.arange(len(data)), data).astype(np.float32)


def test_truncated_file_gives_what_is_there(tmp_path: Path) -> None:
    whole = tmp_path / "whole.wav"
    soundfile.write(whole, tone(2.0, SAMPLE_RATE), SAMPLE_RATE)
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole.read_bytes()[: 44 + SAMPLE_RATE * 2])  # the header still claims 2 s
    assert len(load_audio(cut)) == pytest.approx(SAMPLE_RATE, abs=100)
    header_only = tmp_path / "header-only.wav"
    header_only.write_bytes(whole.read_bytes()[:30])
    with pytest.raises(AudioReadError, match="could not be read as audio.*Use a WAV, FLAC, MP3 or OGG"):
        load_audio(header_only)


def test_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    misnamed = tmp_path / "answer.mp3"  # really a FLAC
    soundfile.write(misnamed, tone(1.5, 22050), 22050, format="FLAC")
    assert len(load_audio(misnamed)) == pytest.approx(1.5 * SAMPLE_RATE, abs=50)


@pytest.mark.parametrize(("rate", "channels"), [(8000, 1), (48000, 2)])
def test_any_rate_and_layout_becomes_16k_mono(tmp_path: Path, rate: int, channels: int) -> None:
    path = tmp_path / f"{rate}.wav"
    soundfile.write(path, tone(2.0, rate, channels), rate)
    samples = load_audio(path)
    assert samples.ndim == 1 and samples.dtype == np.float32
    assert len(samples) == pytest.approx(2 * SAMPLE_RATE, abs=50)
    assert 0.25 < float(np.max(np.abs(samples))) < 0.35


def three_hour_wav(path: Path) -> Path:
    """A real WAV header for 3 hours of 16 kHz audio over a sparse file: 345 MB long, no disk space used."""
    data = 3 * 3600 * SAMPLE_RATE * 2
    with open(path, "wb") as handle:
        handle.write(b"RIFF" + struct.pack("<I", 36 + data) + b"WAVEfmt ")
        handle.write(struct.pack("<IHHIIHH", 16, 1, 1, SAMPLE_RATE, SAMPLE_RATE * 2, 2, 16))
        handle.write(b"data" + struct.pack("<I", data))
        handle.truncate(44 + data)
    return path


def test_three_hours_are_refused_before_decoding(tmp_path: Path) -> None:
    path = three_hour_wav(tmp_path / "lecture.wav")
    started = time.perf_counter()
    with pytest.raises(AudioReadError, match=r"is 3 h 00 min long; recordings of up to 30 min are accepted"):
        load_audio(path)
    assert time.perf_counter() - started < 1  # probed, not decoded
    assert MAX_AUDIO_S == 30 * 60

    code = (
        "import resource, sys; from practice.cli import main; code = main(['transcribe', sys.argv[1]]);"
        "print('PEAK_MB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr);"
        "sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "3 h 00 min long" in result.stderr and "Traceback" not in result.stderr
    peak_mb = int(result.stderr.split("PEAK_MB")[1])
    assert peak_mb < 400, peak_mb  # 3 hours decoded would be 690 MB of float32


def test_a_stream_of_unknown_length_is_decoded_in_pieces_and_capped(tmp_path: Path) -> None:
    path = tmp_path / "stream.nut"  # NUT written without an index: the container does not know its length
    samples = (tone(3.0, SAMPLE_RATE) * 32767).astype(np.int16)
    with av.open(str(path), "w", format="nut") as container:
        stream = container.add_stream("pcm_s16le", rate=SAMPLE_RATE)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            container.mux(packet)
    with av.open(str(path)) as container:
        assert not container.duration
    assert len(load_audio(path)) == pytest.approx(3 * SAMPLE_RATE, abs=50)
    with pytest.raises(AudioReadError, match="is more than 2 s long; recordings of up to 2 s"):
        load_audio(path, max_seconds=2)


@pytest.mark.slow
def test_telephone_and_studio_rates_are_transcribed(speak, transcriber, tmp_path: Path) -> None:
    spoken, rate = soundfile.read(speak(SENTENCE, wpm=150), dtype="float32")
    narrow = tmp_path / "phone.wav"
    soundfile.write(narrow, resample(spoken, rate, 8000), 8000)
    wide = tmp_path / "studio.wav"
    soundfile.write(wide, np.repeat(resample(spoken, rate, 48000)[:, None], 2, axis=1), 48000)
    for path in (narrow, wide):
        heard = transcriber.transcribe(path).text
        assert word_error_rate(SENTENCE, heard) < 0.2, (path.name, heard)


@pytest.mark.slow
def test_pure_noise_is_no_speech(transcriber, tmp_path: Path) -> None:
    """Whisper invents words in noise unless voice activity detection filters it: the app must say "no speech
    detected" (the same path as silence in test_cli.py), not score hallucinated text."""
    noise = tmp_path / "noise.wav"
    rng = np.random.default_rng(7)
    soundfile.write(noise, (0.3 * rng.standard_normal(SAMPLE_RATE * 5)).astype(np.float32), SAMPLE_RATE)
    assert transcriber.transcribe(noise).empty

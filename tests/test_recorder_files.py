"""The Recorder's files: private, marked while in progress, and nothing lost when the disk or folder fails.

A scripted input stream stands in for PortAudio here (the sound card itself is exercised in
test_durability.py); the files, folders and write errors are real: a file where the folder should be and
/proc refuse writes even to root, and /dev/full fails every write with "No space left on device" as a full
disk does.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from practice.audio import recorder as recorder_module
from practice.audio.markers import find_unfinished, marker_path
from practice.audio.recorder import Recorder, RecordingWriteError, to_pcm16

RATE = 16_000
BLOCK = RATE // 10


class ScriptedInput:
    """An InputStream whose blocks the test pushes (as PortAudio's thread would)."""

    last: ScriptedInput | None = None

    def __init__(self, samplerate, channels, dtype, device, callback, blocksize) -> None:
        self.callback = callback
        self.pushed: list[np.ndarray] = []
        ScriptedInput.last = self

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...

    def push(self, seconds: float, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        for _ in range(round(seconds * RATE / BLOCK)):
            block = (0.3 * rng.standard_normal((BLOCK, 1))).astype(np.float32)
            self.pushed.append(block[:, 0])
            self.callback(block, BLOCK, None, None)


class FakeSoundDevice:
    InputStream = ScriptedInput

    class PortAudioError(Exception): ...


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(recorder_module, "_sounddevice", lambda: FakeSoundDevice)
    # Sync after every block: what is durable is exact.
    monkeypatch.setattr(recorder_module, "FLUSH_EVERY_S", 0.0)

    def record(recorder: Recorder, seconds: float, seed: int = 0) -> ScriptedInput:
        stream = ScriptedInput.last
        assert stream is not None
        before = recorder.elapsed_s
        stream.push(seconds, seed)
        deadline = time.monotonic() + 10
        while recorder.elapsed_s < before + seconds - 1e-6:
            assert time.monotonic() < deadline, "the writer thread did not keep up"
            time.sleep(0.005)
        return stream

    return record


def pushed_pcm(stream: ScriptedInput) -> np.ndarray:
    return to_pcm16(np.concatenate(stream.pushed))


def test_recording_is_private_marked_and_valid_while_in_progress(scripted, tmp_path: Path) -> None:
    out = tmp_path / "recordings" / "take.wav"
    recorder = Recorder(device="scripted")
    recorder.start(out, context={"session_id": "s"})
    stream = scripted(recorder, 1.5)
    marker = marker_path(out)
    assert marker.is_file() and '"session_id": "s"' in marker.read_text()
    assert soundfile.info(out).duration == pytest.approx(1.5)  # the header is right after every sync
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    recording = recorder.stop()
    assert not marker.exists()  # a clean stop: nothing to recover at the next start
    assert recording.duration_s == pytest.approx(1.5)
    data, _ = soundfile.read(out, dtype="int16")
    assert np.array_equal(data, pushed_pcm(stream))
    assert find_unfinished([out.parent], include_live=True) == []


def test_a_retaken_answer_is_private_even_if_the_old_file_was_not(scripted, tmp_path: Path) -> None:
    out = tmp_path / "take.wav"
    out.write_bytes(b"old")
    out.chmod(0o644)
    recorder = Recorder(device="scripted")
    recorder.start(out)
    scripted(recorder, 0.2)
    recorder.stop()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("where", ["file in place of the folder", "/proc"])
def test_unwritable_folder_keeps_the_answer_in_memory_to_save_elsewhere(
    scripted, tmp_path: Path, where: str
) -> None:
    if where == "/proc":
        out = Path("/proc/interview-practice-test/take.wav")
    else:
        (tmp_path / "recordings").write_text("a file, where the recordings folder should be")
        out = tmp_path / "recordings" / "take.wav"
    recorder = Recorder(device="scripted", rescue_to=[])
    recorder.start(out)  # the person is already speaking: recording goes on, in memory
    assert recorder.error is not None
    stream = scripted(recorder, 2.0)
    assert recorder.in_memory_s == pytest.approx(2.0)
    with pytest.raises(RecordingWriteError) as caught:
        recorder.stop()
    message = str(caught.value)
    assert f"Writing the recording to {out} failed" in message
    assert "The answer (2.0 s) was not lost" in message and "save it elsewhere" in message
    assert caught.value.rescued is None

    saved = recorder.save_to(tmp_path / "elsewhere.wav")
    assert saved.duration_s == pytest.approx(2.0)
    data, rate = soundfile.read(saved.path, dtype="int16")
    assert rate == RATE and np.array_equal(data, pushed_pcm(stream))
    assert stat.S_IMODE(saved.path.stat().st_mode) == 0o600


def test_full_disk_mid_answer_loses_nothing(scripted, tmp_path: Path) -> None:
    out = tmp_path / "take.wav"
    rescue = tmp_path / "rescue"
    (tmp_path / "a-file").write_text("not a folder")
    recorder = Recorder(device="scripted", rescue_to=[tmp_path / "a-file" / "rescue", rescue])
    recorder.start(out)
    scripted(recorder, 1.0, seed=1)
    # The disk fills up: from now on every write to the recording fails with ENOSPC, as on a full disk.
    fd = next(
        int(n) for n in os.listdir("/proc/self/fd") if os.path.realpath(f"/proc/self/fd/{n}") == str(out)
    )
    full = os.open("/dev/full", os.O_WRONLY)
    os.dup2(full, fd)
    os.close(full)
    stream = scripted(recorder, 1.0, seed=2)
    assert recorder.error is not None and "No space left" in str(recorder.error)
    with pytest.raises(
        RecordingWriteError, match=r"No space left on device.*\(2\.0 s\) was not lost"
    ) as caught:
        recorder.stop()
    rescued = caught.value.rescued
    assert rescued is not None and rescued.parent == rescue and str(rescued) in str(caught.value)
    data, _ = soundfile.read(rescued, dtype="int16")
    assert np.array_equal(data, pushed_pcm(stream))  # what reached the disk, then what was in memory
    assert soundfile.info(out).duration == pytest.approx(1.0)  # the part on the full disk is still valid
    assert not marker_path(out).exists()  # the whole take is safe elsewhere


def test_a_failing_live_preview_does_not_stop_the_recording(scripted, tmp_path: Path) -> None:
    def broken(_block) -> None:
        raise RuntimeError("preview bug")

    recorder = Recorder(device="scripted")
    recorder.start(tmp_path / "take.wav", on_chunk=broken)
    scripted(recorder, 0.5)
    assert recorder.stop().duration_s == pytest.approx(0.5)
    assert isinstance(recorder.chunk_error, RuntimeError)


def test_alsa_messages_do_not_reach_the_terminal() -> None:
    """libasound writes errors such as "underrun occurred" to fd 2, over the UI: practice.audio stops it."""
    trigger = (
        "import ctypes; lib = ctypes.CDLL('libasound.so.2'); pcm = ctypes.c_void_p();"
        "lib.snd_pcm_open(ctypes.byref(pcm), b'no_such_device', 0, 0)"
    )
    loud = subprocess.run([sys.executable, "-c", trigger], capture_output=True, text=True, timeout=60)
    if "ALSA lib" not in loud.stderr:
        pytest.skip("this libasound prints nothing for an unknown device")
    quiet = subprocess.run(
        [sys.executable, "-c", f"from practice.audio.devices import _sounddevice; _sounddevice(); {trigger}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert quiet.returncode == 0, quiet.stderr
    assert "ALSA lib" not in quiet.stderr, quiet.stderr

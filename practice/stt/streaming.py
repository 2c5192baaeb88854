"""Transcribe while the person speaks, so only the last few seconds are left when they stop.

Audio blocks arrive from the Recorder. A worker thread (the live passes) decodes the audio not yet handed on,
about once a second, for the text on screen; when it finds a pause to cut at (stretches of low
energy), it hands the piece before the cut to a committer thread, which decodes it again with the full beam and
commits its words, while the live passes go on from the cut. The two run side by side (the Transcriber keeps
two model replicas), so a slow full-beam pass never holds up the live text: before, the live text waited for
it, and trailed the speech by 4 to 7 s on a busy 2-core machine (benchmarks/latency.py). Cutting inside
silence means no word straddles a cut, so nothing is doubled or dropped and no overlap has to be reconciled.
When the person talks for a long stretch without a pause, the piece is cut after the last word that ends well
before the window's edge; the rest is transcribed again with the next piece.

`finish()` transcribes the tail after the last cut and returns the whole transcript with absolute word times.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from practice.core.signal import SAMPLE_RATE
from practice.stt.heard import Heard
from practice.stt.live import Decoder
from practice.stt.pauses import FRAME_S, find_pauses, has_speech
from practice.stt.types import Transcript
from practice.stt.whisper import PIECE_MAX_S, looks_like_a_loop

#: Pieces shorter than this give Whisper too little context; longer ones cost more per pass.
MIN_PIECE_S = 10.0
#: Without any pause, transcribe at most this much at once and commit what is safely inside it
#: (the same limit batch transcription uses, so both paths cut alike).
MAX_PIECE_S = PIECE_MAX_S
#: Transcribe again once this much new audio has arrived (the live view's refresh step).
NEW_AUDIO_S = 1.0
#: In a forced cut, words ending this close to the window's edge may be cut off: keep them for the next piece.
EDGE_GUARD_S = 1.5
#: Commit at a pause only once this much speech follows it, so the words before it were heard with some
#: of what comes after (Whisper uses the whole window); committing at once cost about a point of WER.
RIGHT_CONTEXT_S = 2.0
#: Beam width for provisional (shown, not final) text. Its words become the tail when the person stops right
#: after a pass (they are not decoded again then: that wait was most of the stop-to-review time). Greedy
#: decoding (1) was twice as fast as 5 while the encoder heard 30 s; with one shorter encoder pass
#: (practice/stt/one_window.py) the full beam costs about 20% more CPU, and greedy tails had cost the studio
#: 3 to 9 points of WER against the whole file on 30 s answers (measured, benchmarks/studio_latency.py).
PROVISIONAL_BEAM = 5
#: Beam width for the last few seconds after stop: the one pass the person waits for.
TAIL_BEAM = 5
#: Shown words are frozen (not decoded again by live passes) once a pause this far behind the newest audio
#: follows them (see StreamingTranscriber._freeze).
FREEZE_BEHIND_S = 3.0
#: Quiet this long at the end of what was heard makes the next pass a full-beam one (see step()).
SETTLED_PAUSE_S = 0.8


def ends_in_pause(samples: np.ndarray) -> bool:
    """Whether the audio ends in at least SETTLED_PAUSE_S of quiet: the person stopped, or is thinking."""
    pauses = find_pauses(samples, SETTLED_PAUSE_S)
    return bool(pauses) and pauses[-1][1] >= len(samples) - int(FRAME_S * SAMPLE_RATE)


@dataclass(frozen=True)
class StreamStats:
    pieces: int
    forced_cuts: int
    max_lag_s: float
    """The most the live text ever trailed the speech: the longest any audio waited, from arriving to being
    reflected in the text on screen (a pass's own time plus the wait for it to start)."""
    busy_s: float
    passes: int
    slowest_pass_s: float


class StreamingTranscriber:
    """Feeds on audio blocks; keeps a growing committed transcript; `finish()` returns the whole of it."""

    def __init__(
        self,
        transcriber: Decoder,
        prompt_terms: list[str] | None = None,
        on_update: Callable[[str, str], object] | None = None,
        background: bool = True,
    ) -> None:
        """`on_update(settled, tentative)` gets the words that are final and those still being listened to.
        `background=False` runs no threads: the caller drives `step()` and commits happen inside it
        (deterministic tests)."""
        self.transcriber = transcriber
        self.prompt_terms = prompt_terms
        self.on_update = on_update
        self._background = background
        self._blocks: list[np.ndarray] = []
        self._buffer = np.zeros(0, dtype=np.float32)  # the audio after the last commit, nothing older
        self._received = 0  # samples fed so far
        self._committed = 0  # samples whose words are final (the buffer starts here)
        self._handed = 0  # samples handed to the committer (>= _committed); the live passes start here
        self._done = Heard()  # what is final
        self._handing = (
            Heard()
        )  # the live words of the piece being committed, shown until its final words land
        self._committer: threading.Thread | None = None
        self._lock = threading.Lock()
        # Held while a pass's result is applied: finish() takes it to freeze the live state.
        self._apply = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._discard = False  # finish() no longer wants the pass in flight
        self._flight_upto: int | None = None  # the absolute sample the pass in flight hears up to
        self._arrivals: list[tuple[int, float]] = []  # (sample count, monotonic time) to measure lag
        self._pieces = self._forced = self._passes = 0
        self._provisional = Heard()  # what the last live pass heard after the handed-on audio
        self._settled = False  # the last pass was a full-beam one over speech that had gone quiet
        self._provisional_samples = 0  # how much of the live window the provisional words cover
        self._live_at = 0  # where in the window live passes start: the words before it are frozen
        self._stable = Heard()  # the frozen words (part of the provisional ones), not decoded again
        self._heard_samples = 0  # how much of the live window the last pass heard (paces the passes)
        self._shown_upto = 0  # absolute samples reflected in the text on screen (measures the lag)
        self.reused_tail = False
        self._max_lag = 0.0
        self._busy = 0.0
        self._slowest = 0.0
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name="streaming-transcriber")
        if background:
            self._thread.start()

    # --- input -------------------------------------------------------------------------------------------

    def feed(self, block: np.ndarray) -> None:
        """Called from the recorder's writer thread with 16 kHz mono float32 blocks."""
        with self._lock:
            self._blocks.append(np.asarray(block, dtype=np.float32).reshape(-1))
            self._received += len(block)
            self._arrivals.append((self._received, time.monotonic()))
        self._wake.set()

    @property
    def text(self) -> str:
        """Committed words plus the provisional ones still being listened to (for the live view)."""
        with self._lock:
            return " ".join(
                w.text for w in [*self._done.words, *self._handing.words, *self._provisional.words]
            )

    @property
    def stats(self) -> StreamStats:
        return StreamStats(self._pieces, self._forced, self._max_lag, self._busy, self._passes, self._slowest)

    # --- the live passes ---------------------------------------------------------------------------------

    def _window(self) -> np.ndarray:
        """The audio not yet handed to the committer (a view: the committer only ever drops older audio)."""
        with self._lock:
            if self._blocks:
                self._buffer = np.concatenate([self._buffer, *self._blocks])
                self._blocks.clear()
            return self._buffer[self._handed - self._committed :]

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._wake.wait(0.25)
                self._wake.clear()
                if not self._stop.is_set():
                    self.step()
        except BaseException as error:  # reported by finish(); the recording itself is safe on disk
            self._error = error

    def step(self) -> None:
        """Transcribe the audio not yet handed on, show it, and hand on what lies before the latest safe cut.

        The same pass gives the provisional text shown on screen and, when the person stops, usually the tail
        as well: speech rarely continues right up to the key press.
        """
        pending = self._window()
        if len(pending) - self._heard_samples < NEW_AUDIO_S * SAMPLE_RATE:
            return
        if len(pending) < 0.5 * SAMPLE_RATE or not has_speech(pending):
            self._shown_upto = self._handed + len(pending)  # silence: nothing is waiting to be shown
            return
        if self._settled and not has_speech(pending[self._heard_samples :], reference=pending):
            # Nothing said since the full-beam pass that heard the pause: its words stand as they are.
            self._shown_upto = self._handed + len(pending)
            return
        # One piece is committed at a time: while one is, the live window just grows (the next pass cuts it).
        free = not self._committing()
        cut = self._cut_point(pending) if free else None
        forced = free and cut is None and len(pending) >= MAX_PIECE_S * SAMPLE_RATE
        heard_upto = self._handed + len(pending)
        # Shown text is decoded from the frozen words on (see _freeze); the words that become final are
        # decoded again with the whole piece in the committer. When the speech has gone quiet the person may be
        # about to stop: that pass hears the whole window, in the silence, so the tail it leaves is as good as
        # a whole-file transcript's without making anyone wait. Only full-beam passes may decode a piece again (a loop, or
        # speech skipped: the Transcriber's retries); a shown-only pass that loops is thrown away.
        settled = cut is None and not forced and ends_in_pause(pending)
        with self._apply:
            if self._stop.is_set():
                return
            self._flight_upto = heard_upto
        live_at = self._live_at
        if settled:
            heard = self._transcribe(pending, self._handed)  # a loop is decoded again without the prompt
        else:  # only the audio after the frozen words (see _freeze)
            live = pending[live_at:]
            heard = self._transcribe(live, self._handed + live_at, beam_size=PROVISIONAL_BEAM, fallback=False)
        with self._apply:
            self._flight_upto = None
            if self._discard:
                return  # finish() went ahead without this pass
            if self._stop.is_set():
                # finish() waits for this pass: its words are the tail. Handing a piece on now would make the
                # person wait for a full-beam pass over it too (0.6 s in the studio, measured).
                cut, forced = None, False
            self._heard_samples = covered = len(pending)
            self._settled = settled
            looped = not settled and looks_like_a_loop(heard.text)
            if settled:
                self._stable, self._live_at = Heard(), 0  # the whole window's words replace the frozen ones
            elif not looped:
                heard = self._stable + heard
            if looped:
                self._note_wait()  # the audio it heard is still not shown: that wait counts as lag
                if cut is None:
                    return  # keep showing the last good text; the next pass hears more and decodes afresh
                # The cut still holds: hand it on, with the last good words (they cover less of the window).
                heard, heard_upto, covered = self._provisional, self._shown_upto, self._provisional_samples
            if forced:
                # No pause for a long stretch: cut after the last word that ends well inside the window.
                safe = [w for w in heard.words if w.end <= self._time_of(len(pending)) - EDGE_GUARD_S]
                cut = self._sample_of(safe[-1].end) if safe else None
            shown = None
            if cut is not None:
                shown, heard = heard.split(self._time_of(cut))
                self._stable = self._stable.split(self._time_of(cut))[1]
                self._live_at = max(0, self._live_at - cut)
                self._heard_samples -= cut
                covered = max(0, covered - cut)
            self._provisional, self._provisional_samples = heard, covered
            if cut is not None and shown is not None:
                self._hand_on(pending, cut, shown, forced)  # after the provisional words: they follow the cut
                pending = pending[cut:]
            if not settled:
                self._freeze(pending, covered)
            self._mark_shown(heard_upto)
        self._notify()

    def _freeze(self, window: np.ndarray, covered: int) -> None:
        """Stop decoding again the shown words that lie before a pause FREEZE_BEHIND_S behind the newest audio
        heard: later passes decode only what follows, a few seconds instead of everything since the last cut.
        A live pass's cost grows with the words it decodes (a 12 s window took 1.1 to 1.7 s greedy on a busy
        2-core machine), and the live text trails the speech by about two passes. Frozen words were heard
        with FREEZE_BEHIND_S after them; the full-beam passes (committer, settled) still hear it all."""
        behind = int(FREEZE_BEHIND_S * SAMPLE_RATE)
        points = [
            (start + end) // 2
            for start, end in find_pauses(window)
            if (start + end) // 2 > self._live_at and end <= covered - behind
        ]
        if points:
            self._live_at = points[-1]
            self._stable = self._provisional.split(self._time_of(points[-1]))[0]

    def _speech_after(self, upto: int) -> bool:
        """Whether anything was said after the absolute sample `upto`."""
        window = self._window()
        return has_speech(window[max(0, upto - self._handed) :], reference=window)

    def _notify(self) -> None:
        if self.on_update is not None:
            with self._lock:
                settled = self._done.text
                tentative = " ".join(w.text for w in [*self._handing.words, *self._provisional.words])
            self.on_update(settled, tentative)

    def _mark_shown(self, upto: int) -> None:
        """The text now reflects the audio up to `upto` (absolute samples)."""
        self._note_wait()
        with self._lock:
            self._shown_upto = max(self._shown_upto, upto)
            self._arrivals = [a for a in self._arrivals if a[0] > upto]  # a long answer must not pile them up

    def _note_wait(self) -> None:
        """The lag now: how long the oldest audio not yet reflected in the text has been waiting."""
        now = time.monotonic()
        with self._lock:
            waiting_since = next((t for count, t in self._arrivals if count > self._shown_upto), now)
            self._max_lag = max(self._max_lag, now - waiting_since)

    def _time_of(self, window_index: int) -> float:
        return (self._handed + window_index) / SAMPLE_RATE

    def _sample_of(self, seconds: float) -> int:
        return max(0, int(seconds * SAMPLE_RATE) - self._handed)

    def _transcribe(
        self, audio: np.ndarray, start: int, beam_size: int | None = None, fallback: bool = True
    ) -> Heard:
        """Transcribe `audio`, which begins `start` samples into the recording."""
        started = time.monotonic()
        result = self.transcriber.transcribe(
            audio,
            prompt_terms=self.prompt_terms,
            offset_s=start / SAMPLE_RATE,
            beam_size=beam_size,
            fallback=fallback,
            quick=True,  # one encoder pass a piece: the live text must keep up with the speech
        )
        done = time.monotonic()
        with self._lock:
            self._busy += done - started
            self._slowest = max(self._slowest, done - started)
            self._passes += 1
        return Heard.of(result)

    @staticmethod
    def _cut_point(pending: np.ndarray) -> int | None:
        """The middle of the latest pause that leaves at least MIN_PIECE_S of audio before it and has speech
        after it (a pause at the very end may still be growing, and is the tail's business)."""
        min_samples = int(MIN_PIECE_S * SAMPLE_RATE)
        guard = int(RIGHT_CONTEXT_S * SAMPLE_RATE)
        candidates = [
            (start + end) // 2
            for start, end in find_pauses(pending)
            if (start + end) // 2 >= min_samples and len(pending) - end > guard
        ]
        return candidates[-1] if candidates else None

    @staticmethod
    def _tail_cut(pending: np.ndarray, covered: int) -> int:
        """The middle of the latest pause inside the audio the last pass covered (0 when there is none)."""
        inside = [(start + end) // 2 for start, end in find_pauses(pending) if end <= covered]
        return inside[-1] if inside else 0

    # --- the committer -----------------------------------------------------------------------------------

    def _committing(self) -> bool:
        return self._committer is not None and self._committer.is_alive()

    def _hand_on(self, window: np.ndarray, cut: int, shown: Heard, forced: bool) -> None:
        """Give the window to the committer, which keeps the full-beam words before `cut`; live passes go on
        from `cut`. The committer hears the whole window: the words before a cut are decoded with what follows
        them (RIGHT_CONTEXT_S), as Whisper uses the whole window."""
        start = self._handed
        with self._lock:
            self._handing = shown
            self._handed += cut
        if not self._background:
            self._commit(window, start, cut, forced)
            return
        self._committer = threading.Thread(
            target=self._commit_guarded,
            args=(window, start, cut, forced),
            daemon=True,
            name="stream-committer",
        )
        self._committer.start()

    def _commit_guarded(self, window: np.ndarray, start: int, cut: int, forced: bool) -> None:
        try:
            self._commit(window, start, cut, forced)
        except BaseException as error:  # reported by finish(), as the live passes' errors are
            self._error = error

    def _commit(self, window: np.ndarray, start: int, cut: int, forced: bool) -> None:
        heard = self._transcribe(window, start)  # full beam; a loop is decoded again without the prompt
        done = heard.split((start + cut) / SAMPLE_RATE)[0]
        with self._lock:
            self._done = self._done + done
            self._buffer = self._buffer[start + cut - self._committed :]  # keep no audio that is final
            self._committed = start + cut
            self._handing = Heard()
            self._pieces += 1
            self._forced += forced
        self._notify()

    # --- the end -----------------------------------------------------------------------------------------

    def finish(self) -> Transcript:
        """Stop listening, transcribe what is left (if the last pass did not already), return everything."""
        started = time.perf_counter()
        if self._pieces or self._handing.words or self._provisional.words:
            self._note_wait()  # how far the live text trailed when the person stopped; the rest is the tail's
        self._stop.set()
        self._wake.set()
        with self._apply:
            # When the last pass heard all the speech there is, its words are the tail: a pass in flight (the
            # full-beam one over the quiet end, say) is not waited for. Else a pass in flight that hears all of
            # it (the person stopped talking before it began) is the tail: waiting for the rest of it is quicker
            # than decoding the tail again from scratch. One that misses speech at the end would only be thrown
            # away: the tail starts now, beside it.
            heard_all = not self._speech_after(self._handed + self._provisional_samples)
            upto = self._flight_upto
            wait = not heard_all and upto is not None and not self._speech_after(upto)
            self._discard = not wait
        if wait and self._thread.is_alive():
            self._thread.join()
        if self._error is not None:
            raise self._error
        with self._apply:  # no live pass changes anything from here on
            pending = self._window()
            covered = self._provisional_samples
            if not (len(pending) > covered and has_speech(pending[covered:], reference=pending)):
                tail = self._provisional  # the last pass already heard everything that was said
                self.reused_tail = True
            else:
                # Keep the provisional words before the latest pause they fully cover, and transcribe only from
                # there: a few seconds instead of the whole window, which is what the person waits for.
                cut = self._tail_cut(pending, covered)
                kept = self._provisional.split(self._time_of(cut))[0] if cut else Heard()
                rest = pending[cut:]
                tail = kept + (
                    self._transcribe(rest, self._handed + cut, beam_size=TAIL_BEAM)
                    if has_speech(rest)
                    else Heard()
                )
                self.reused_tail = False
        if self._committer is not None:
            self._committer.join()  # the piece before the tail, decoded beside it
        if self._error is not None:
            raise self._error
        with self._lock:
            heard = self._done + tail
            duration = self._received / SAMPLE_RATE
        return Transcript(
            heard.text,
            heard.words,
            duration,
            time.perf_counter() - started,
            speech=tuple(heard.speech),
            confidences=tuple(heard.confidences),
        )

    def cancel(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join()
        # A commit in flight is left to end on its own: the take is thrown away, and the UI must not wait.

"""Progress on standard error while slow work runs (model loading, transcription, batches, evaluation).

Shown only when standard error is a terminal: a script reading the output, a pipe or a log file gets exactly
what it got before. Rich draws it (it comes with Textual); the bar is removed when the work is done, so the
terminal keeps only the results.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

T = TypeVar("T")


def _progress(with_bar: bool) -> Progress:
    console = Console(stderr=True)
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if with_bar:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns.append(TimeElapsedColumn())
    return Progress(
        *columns,
        console=console,
        transient=True,
        disable=not console.is_terminal,
        # Results printed to a terminal go above the bar; printed to a pipe they go there untouched.
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=False,
    )


@contextmanager
def working(description: str) -> Iterator[None]:
    """A spinner and the time taken, for one slow step of unknown length (loading the speech model)."""
    with _progress(with_bar=False) as progress:
        progress.add_task(description, total=None)
        yield


@contextmanager
def counting(description: str, total: int) -> Iterator[Callable[[], None]]:
    """A bar for `total` steps; yields the function that marks one step done."""
    with _progress(with_bar=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda: progress.advance(task)


def track(items: Sequence[T], description: str) -> Iterator[T]:
    """Each item in turn, with a bar that moves as they are taken."""
    with counting(description, len(items)) as step:
        for item in items:
            yield item
            step()


class LineCounter:
    """A text stream that passes everything on and counts each finished line as one step done: the batch
    scorer writes one line per answer, so its progress is visible without the scorer knowing of it."""

    def __init__(self, out: IO[str], step: Callable[[], None]) -> None:
        self._out, self._step = out, step

    def write(self, text: str) -> int:
        written = self._out.write(text)
        for _ in range(text.count("\n")):
            self._step()
        return written

    def flush(self) -> None:
        self._out.flush()


def non_blank_lines(lines: Iterable[str]) -> int:
    return sum(1 for line in lines if line.strip())

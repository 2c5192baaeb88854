"""Keep the studio's resident memory down where the C library allows it.

glibc gives each thread that allocates under contention its own heap ("arena", up to eight per core) and
seldom hands their free space back. The speech model's replicas, the live and committer passes, the recorder
and the UI each allocate from their own threads, so freed decoding buffers piled up in separate arenas: capping
them at MALLOC_ARENAS took the peak resident memory of a 60 s streamed answer (benchmarks/latency.py) from
574 MB to 481 MB, with the same speed (measured with the MALLOC_ARENA_MAX environment variable, which sets the
same limit before start-up).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

#: Arenas allowed: two, for the two cores the studio is meant to run well on.
MALLOC_ARENAS = 2
#: glibc's mallopt parameter number for the arena limit (malloc.h: M_ARENA_MAX).
_M_ARENA_MAX = -8


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's arenas for threads that allocate from now on; False where there is no glibc (nothing done)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        return bool(libc.mallopt(_M_ARENA_MAX, arenas))
    except (OSError, AttributeError):  # not glibc (musl, macOS): its allocator manages itself
        log.debug("mallopt is not available: the arena limit is not set")
        return False

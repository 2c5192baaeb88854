"""The arena cap that keeps the studio's resident memory down (practice/core/memory.py)."""

from __future__ import annotations

import platform
import sys

import pytest

from practice.core.memory import limit_malloc_arenas


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc only"
)
def test_the_arena_limit_is_set_on_glibc() -> None:
    assert limit_malloc_arenas() is True

"""Panel mode: several interviewers, each with a name, a role and a voice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PanelMember:
    """One interviewer of a panel: who asks, in which voice (an espeak-ng voice id, variants like en-us+f3)."""

    name: str
    role: str = ""
    voice: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role, "voice": self.voice}

    @classmethod
    def from_dict(cls, data: dict) -> PanelMember:
        return cls(str(data.get("name", "")), str(data.get("role") or ""), str(data.get("voice") or ""))


#: Distinct voices for a panel, in the order offered: different accents first, then espeak-ng variants
#: (a different speaker of the same language), which exist wherever the base voice does.
PANEL_VOICES = ("en-us", "en-gb", "en-us+f3", "en-gb-x-rp", "en-us+m3", "en-gb+f2", "en-us+f4", "en-us+m7")


def panel_voices(available: Sequence[str], count: int) -> list[str]:
    """`count` voices, all different while there are enough: the preferred ones that are installed (a
    variant counts when its base voice is), then any other English voice, then more variants."""
    installed = set(available) or {"en-us", "en-gb"}  # voices not listed (no engine yet): the usual pair
    chosen = [v for v in PANEL_VOICES if v.split("+", 1)[0] in installed]
    chosen += [v for v in sorted(installed) if v.startswith("en") and v not in chosen]
    base = chosen[0].split("+", 1)[0] if chosen else "en-us"
    chosen += [f"{base}+{variant}" for variant in ("m1", "m2", "f1", "f5", "m4", "f4")]
    chosen = list(dict.fromkeys(chosen))
    return [chosen[i % len(chosen)] for i in range(count)]

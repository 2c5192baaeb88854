#!/usr/bin/env bash
# Makes sure the Debian packages the studio needs are present.
#   scripts/system-deps.sh          what the app needs (TTS voice, PortAudio, Python venv)
#   scripts/system-deps.sh --test   plus what the tests need (a virtual sound card: PulseAudio; Chromium to
#                                   render exported HTML headless)
# As root it installs what is missing with apt-get; otherwise it prints the exact command and stops,
# because a Makefile should never ask for a password behind a person's back.
set -euo pipefail

packages=(espeak-ng libportaudio2 libsndfile1 python3-venv)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(pulseaudio pulseaudio-utils libasound2-plugins chromium)
fi

missing=()
for pkg in "${packages[@]}"; do
    # python3-venv is only a Debian split: a Python that already has venv and ensurepip does not need it.
    if [[ "$pkg" == python3-venv ]] && python3 -c 'import venv, ensurepip' 2>/dev/null; then
        continue
    fi
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing system packages: ${missing[*]}. This setup script knows Debian/Ubuntu (apt-get) only:" >&2
    echo "install the equivalents with your package manager, then run make again." >&2
    exit 1
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Run this once, then run make again:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

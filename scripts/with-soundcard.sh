#!/usr/bin/env bash
# Runs a command with a private PulseAudio server whose only sink is a null sink ("virt").
# Whatever is played goes into the sink; the default input records the sink's monitor. This is a real
# sound card as far as PortAudio and the app can tell, with no hardware (recipe: ../shared/FACTS.md).
set -euo pipefail

if ! command -v pulseaudio >/dev/null 2>&1; then
    echo "pulseaudio is not installed: run scripts/system-deps.sh --test (make test does it for you)." >&2
    exit 1
fi

runtime_dir=$(mktemp -d)
export XDG_RUNTIME_DIR="$runtime_dir"
export PULSE_RUNTIME_PATH="$runtime_dir/pulse"
# A private client config: never autospawn a second server, never talk to a desktop session's server.
export PULSE_CLIENTCONFIG="$runtime_dir/client.conf"
printf 'autospawn = no\n' >"$PULSE_CLIENTCONFIG"
unset PULSE_SERVER

stop_server() {
    pulseaudio --kill >/dev/null 2>&1 || true
    rm -rf "$runtime_dir"
}
trap stop_server EXIT

# As root PulseAudio warns that system mode is meant; the per-user daemon is what we want here.
pulseaudio -D --exit-idle-time=-1 -n \
    --load=module-native-protocol-unix \
    --load="module-null-sink sink_name=virt" \
    --load=module-always-sink 2>/dev/null

for _ in $(seq 1 50); do
    pactl info >/dev/null 2>&1 && break
    sleep 0.1
done
pactl info >/dev/null 2>&1 || { echo "the virtual sound card (PulseAudio) did not start" >&2; exit 1; }
pactl set-default-sink virt >/dev/null
pactl set-default-source virt.monitor >/dev/null

export INTERVIEW_PRACTICE_SOUNDCARD=virtual
"$@"

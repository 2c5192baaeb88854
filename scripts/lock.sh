#!/usr/bin/env bash
# Writes the lock files the Makefile installs from (`make lock`):
#   requirements/runtime.txt   the runtime (pyproject.toml's dependencies): `make run`
#   requirements/test.txt      the runtime with the test and dev extras: `make test`, `make lint`
#   requirements/no-deps.txt   requirements/no-deps.in, installed with --no-deps
# Each pins every package exactly with its sha256 hashes, so an install is the one that was tested.
# Existing pins are kept and only what changed is resolved; UPGRADE=1 moves everything to the newest
# versions allowed. Usage: scripts/lock.sh PYTHON (a Python with pip-tools, the venv's).
set -euo pipefail
python="$1"
cd "$(dirname "$0")/.."

upgrade=()
if [[ "${UPGRADE:-}" == 1 ]]; then
    upgrade=(--upgrade)
fi
# --allow-unsafe: setuptools is pinned too; --strip-extras: plain pins that pip's hash mode accepts;
# no index or find-links lines: they name this machine's sources, not the project's.
compile=("$python" -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras
         --no-emit-index-url --no-emit-find-links "${upgrade[@]}")
"${compile[@]}" --output-file requirements/runtime.txt pyproject.toml
"${compile[@]}" --extra test --extra dev --output-file requirements/test.txt pyproject.toml

# pip-compile resolves dependencies, which is what these packages must not have: download each file
# alone and hash it.
downloads=$(mktemp -d)
trap 'rm -rf "$downloads"' EXIT
{
    echo "# This file is written by scripts/lock.sh (\`make lock\`) from requirements/no-deps.in: do not edit."
    echo "# Install with: pip install --no-deps --require-hashes -r requirements/no-deps.txt"
    grep -v '^\s*\(#\|$\)' requirements/no-deps.in | while read -r pin; do
        rm -f "$downloads"/*
        "$python" -m pip download --quiet --no-deps --only-binary=:all: --dest "$downloads" "$pin"
        echo "$pin \\"
        for file in "$downloads"/*; do
            echo "    --hash=sha256:$(sha256sum "$file" | cut -d' ' -f1)"
        done
    done
} > requirements/no-deps.txt.new
mv requirements/no-deps.txt.new requirements/no-deps.txt
echo "lock files written: requirements/runtime.txt requirements/test.txt requirements/no-deps.txt"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up the machine, builds QualityLens, generates a fresh demo project and opens it in the GUI.
# Usage: scripts/run-demo.sh [extra demo options, e.g. --agents 2000 --audits-per-agent-month 42]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
demo="build/demo.qlens"
build/release/app/cli/qualitylens-cli demo "$demo" --force "$@"
exec build/release/app/qualitylens "$demo"

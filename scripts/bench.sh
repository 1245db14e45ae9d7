#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The benchmark of performance.md, side by side: `qualitylens-cli bench` (Release build) and the same
# pivots in SQLite and pandas (scripts/bench-compare.py) on the same ~1M-audit demo project, in one
# run. Prints a Markdown table for docs/benchmarks.md.
#
# usage: scripts/bench.sh [PROJECT] [REPEAT]
#   PROJECT defaults to $BENCH_DIR/bench-1m.qlens, generated when absent with
#   demo --agents 2000 --months 12 --audits-per-agent-month 42 (about 1M audits); REPEAT defaults to 5.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$here/build/release}"
work="${BENCH_DIR:-${TMPDIR:-/tmp}}"
project="${1:-$work/bench-1m.qlens}"
repeat="${2:-5}"

if [[ ! -x "$build/app/cli/qualitylens-cli" ]]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target qualitylens-cli -j2 >/dev/null
cli="$build/app/cli/qualitylens-cli"
if [[ ! -f "$project" ]]; then
  echo "bench: generating $project (about 1M audits)..." >&2
  "$cli" demo "$project" --agents 2000 --months 12 --audits-per-agent-month 42 >&2
fi

ql="$(mktemp)"; other="$(mktemp)"
trap 'rm -f "$ql" "$other"' EXIT
"$cli" bench "$project" --repeat "$repeat" >"$ql"
/usr/bin/python3 "$here/scripts/bench-compare.py" "$project" --repeat "$repeat" >"$other"

/usr/bin/python3 - "$ql" "$other" <<'PY'
import sys
ql = {}
for line in open(sys.argv[1]):
    name, ms, runs, facts = line.rstrip("\n").split("\t")
    ql[name] = (float(ms), int(facts))
other = {}
for line in open(sys.argv[2]):
    name, engine, ms, runs, rows = line.rstrip("\n").split("\t")
    other[(name, engine)] = float(ms)
targets = {"open_project": "≤ 1,500", "cube_build": "≤ 500", "pivot.team_month": "≤ 10",
           "pivot.queue_channel_week": "≤ 15", "pivot.percentiles": "≤ 40", "cube_build.answers": "≤ 2,000",
           "pivot.answers": "≤ 60"}
def cell(v):
    return "–" if v is None else f"{v:,.1f}"
print("| operation | facts | QualityLens ms | SQLite ms | pandas ms | target ms |")
print("|---|---:|---:|---:|---:|---:|")
for name, (ms, facts) in ql.items():
    print(f"| `{name}` | {facts:,} | {cell(ms)} | {cell(other.get((name, 'sqlite')))} | "
          f"{cell(other.get((name, 'pandas')))} | {targets.get(name, '')} |")
PY

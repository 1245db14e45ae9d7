#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The import benchmark of performance.md: ~1M long-form answer rows (~125,000 audits), timed side
# by side as the sqlite3 shell's .import into a bare table in a file and as
# `qualitylens-cli import` (Release build). Prints both and their ratio (target ≤ 1.5).
#
# usage: scripts/bench-import.sh [AUDITS] [RUNS]     (defaults 125000 and 3; medians are printed)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
audits="${1:-125000}"
runs="${2:-3}"
build="${BUILD_DIR:-$here/build/import-release}"
work="${BENCH_DIR:-$(mktemp -d)}"

if [[ ! -x "$build/app/cli/qualitylens-cli" ]]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target qualitylens-cli -j2 >/dev/null
fi
cli="$build/app/cli/qualitylens-cli"
command -v sqlite3 >/dev/null || { echo "bench-import: the sqlite3 shell is needed (apt-get install sqlite3)" >&2; exit 1; }

if [[ ! -f "$work/bench-audits.csv" ]]; then
  python3 "$here/scripts/gen-import-bench.py" "$work" --audits "$audits"
fi
csv="$work/bench-audits.csv"
rows=$(($(wc -l <"$csv") - 1))
size=$(du -h "$csv" | cut -f1)

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

sqlite_times=()
cli_times=()
for ((i = 1; i <= runs; i++)); do
  rm -f "$work/bare.db"*
  t0=$(now)
  sqlite3 "$work/bare.db" ".import --csv $csv bare"
  t1=$(now)
  sqlite_times+=("$(echo "$t1 - $t0" | bc -l)")

  rm -f "$work/bench.qlens"*
  "$cli" init "$work/bench.qlens"
  "$cli" import "$work/bench.qlens" --scorecard "$work/bench-scorecard.json" >/dev/null
  t0=$(now)
  "$cli" import "$work/bench.qlens" --mapping "$work/bench-mapping.json" "$csv" >"$work/summary.json"
  t1=$(now)
  cli_times+=("$(echo "$t1 - $t0" | bc -l)")
done
s=$(printf '%s\n' "${sqlite_times[@]}" | median)
c=$(printf '%s\n' "${cli_times[@]}" | median)
printf 'file           %s rows, %s (%s)\n' "$rows" "$size" "$csv"
printf 'sqlite3 .import  %.3f s  (runs: %s)\n' "$s" "${sqlite_times[*]}"
printf 'qualitylens-cli  %.3f s  (runs: %s)\n' "$c" "${cli_times[*]}"
printf 'ratio            %.2f × (target ≤ 1.5)\n' "$(echo "$c / $s" | bc -l)"
printf 'summary          %s\n' "$(cat "$work/summary.json")"

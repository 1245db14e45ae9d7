#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The import benchmark of performance.md: ~1M long-form answer rows (~125,000 audits), timed side
# by side as the sqlite3 shell's .import into a bare table in a file and as
# `qualitylens-cli import` (Release build). Prints both and their ratio (target ≤ 1.5).
#
# usage: scripts/bench-import.sh [AUDITS] [RUNS]     (defaults 125000 and 3; medians are printed)
# CLI=PATH times that build of qualitylens-cli instead of building one; BASELINE_CLI=PATH also
# times a second build in the same runs (interleaved), for a before/after under the same load.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
audits="${1:-125000}"
runs="${2:-3}"
build="${BUILD_DIR:-$here/build/import-release}"
work="${BENCH_DIR:-$(mktemp -d)}"

cli="${CLI:-$build/app/cli/qualitylens-cli}"
baseline="${BASELINE_CLI:-}"
if [[ -z "${CLI:-}" && ! -x "$cli" ]]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target qualitylens-cli -j2 >/dev/null
fi
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
sqlite_cpu=()
cli_cpu=()
base_times=()
base_cpu=()
# Imports the file into a fresh project with the CLI $1; appends wall and CPU seconds to the arrays
# named $2 and $3.
time_import() {
  local tool="$1"
  local -n walls="$2" cpus="$3"
  rm -f "$work/bench.qlens"*
  "$tool" init "$work/bench.qlens"
  "$tool" import "$work/bench.qlens" --scorecard "$work/bench-scorecard.json" >/dev/null
  local t0 t1
  t0=$(now)
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" \
    "$tool" import "$work/bench.qlens" --mapping "$work/bench-mapping.json" "$csv" >"$work/summary.json"
  t1=$(now)
  walls+=("$(echo "$t1 - $t0" | bc -l)")
  cpus+=("$(cpu)")
}
# CPU seconds (user + system) of the last timed command, from /usr/bin/time's output file.
cpu() { awk '{print $2 + $3}' "$work/time.txt"; }
for ((i = 1; i <= runs; i++)); do
  rm -f "$work/bare.db"*
  t0=$(now)
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" sqlite3 "$work/bare.db" ".import --csv $csv bare"
  t1=$(now)
  sqlite_times+=("$(echo "$t1 - $t0" | bc -l)")
  sqlite_cpu+=("$(cpu)")

  if [[ -n "$baseline" ]]; then
    time_import "$baseline" base_times base_cpu
  fi
  time_import "$cli" cli_times cli_cpu
done
s=$(printf '%s\n' "${sqlite_times[@]}" | median)
c=$(printf '%s\n' "${cli_times[@]}" | median)
sc=$(printf '%s\n' "${sqlite_cpu[@]}" | median)
cc=$(printf '%s\n' "${cli_cpu[@]}" | median)
printf 'file             %s rows, %s (%s)\n' "$rows" "$size" "$csv"
printf 'machine          %s cores, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '                 wall (median)   CPU user+sys (median)\n'
printf 'sqlite3 .import  %7.3f s       %7.3f s   (wall runs: %s; CPU runs: %s)\n' "$s" "$sc" "${sqlite_times[*]}" "${sqlite_cpu[*]}"
if [[ -n "$baseline" ]]; then
  b=$(printf '%s\n' "${base_times[@]}" | median)
  bc_=$(printf '%s\n' "${base_cpu[@]}" | median)
  printf 'baseline         %7.3f s       %7.3f s   (wall runs: %s; CPU runs: %s)\n' "$b" "$bc_" "${base_times[*]}" "${base_cpu[*]}"
  printf 'baseline ratio   %7.2f ×       %7.2f ×\n' "$(echo "$b / $s" | bc -l)" "$(echo "$bc_ / $sc" | bc -l)"
fi
printf 'qualitylens-cli  %7.3f s       %7.3f s   (wall runs: %s; CPU runs: %s)\n' "$c" "$cc" "${cli_times[*]}" "${cli_cpu[*]}"
printf 'ratio            %7.2f ×       %7.2f ×   (target: wall ≤ 1.5 ×)\n' "$(echo "$c / $s" | bc -l)" "$(echo "$cc / $sc" | bc -l)"
printf 'summary          %s\n' "$(cat "$work/summary.json")"

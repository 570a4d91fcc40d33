#!/usr/bin/env bash
# Compile cost of including toll: a translation unit with only <toll/toll.hpp> against one with
# only <vector> and <string>, both with -fsyntax-only. Each is compiled N times; the fastest
# run's CPU time (user + system) counts, since CPU time is what a busy machine disturbs least.
# Usage: benchmarks/compile_time.sh [compiler (g++)] [runs (7)] [header (toll/toll.hpp)]
set -euo pipefail
cxx=${1:-g++}
runs=${2:-7}
header=${3:-toll/toll.hpp}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <vector>\n#include <string>\n' >"$work/baseline.cpp"
printf '#include <%s>\n' "$header" >"$work/toll.cpp"

fastest_cpu_seconds() {
  local best="" TIMEFORMAT='%U %S' t
  for _ in $(seq "$runs"); do
    t=$({ time "$cxx" -std=c++20 -fsyntax-only -I"$root/include" "$1"; } 2>&1 | awk '{ print $1 + $2 }')
    best=$(awk -v a="${best:-$t}" -v b="$t" 'BEGIN { print (b < a) ? b : a }')
  done
  echo "$best"
}

baseline=$(fastest_cpu_seconds "$work/baseline.cpp")
toll=$(fastest_cpu_seconds "$work/toll.cpp")
printf '%s -fsyntax-only, fastest of %d (CPU s): <vector>+<string> %s, <%s> %s, ratio %s\n' \
  "$cxx" "$runs" "$baseline" "$header" "$toll" "$(awk -v t="$toll" -v b="$baseline" 'BEGIN { printf "%.2f", t / b }')"

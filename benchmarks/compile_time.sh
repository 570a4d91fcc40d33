#!/usr/bin/env bash
# Compile cost of including toll: a translation unit with only <toll/toll.hpp> against one with
# only <vector> and <string>, both with -fsyntax-only; median of N runs each, and their ratio.
# Usage: benchmarks/compile_time.sh [compiler (g++)] [runs (7)]
set -euo pipefail
cxx=${1:-g++}
runs=${2:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <vector>\n#include <string>\n' >"$work/baseline.cpp"
printf '#include <toll/toll.hpp>\n' >"$work/toll.cpp"

median_seconds() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$cxx" -std=c++20 -fsyntax-only -I"$root/include" "$1"
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

baseline=$(median_seconds "$work/baseline.cpp")
toll=$(median_seconds "$work/toll.cpp")
printf '%s -fsyntax-only, median of %d: <vector>+<string> %.3f s, <toll/toll.hpp> %.3f s, ratio %.2f\n' \
  "$cxx" "$runs" "$baseline" "$toll" "$(awk -v t="$toll" -v b="$baseline" 'BEGIN { print t / b }')"

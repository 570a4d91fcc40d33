#!/usr/bin/env bash
# Issue 15's bad-input benchmark in one run: builds toll-bench-bad_input (preset default), runs
# each case in its own process (so each memory figure is that case's alone), and prints the
# ratios and checks:
#   streaming, unclosed quote / table, unclosed quote      < 2     (time, 2 and 4 threads)
#   streaming, unclosed quote / streaming, good file       <= 1.5  (time and memory)
#   table, unclosed quote / table, good file               <= 1.5  (time and memory)
# for both unclosed-quote files (pasted text after the quote, or lines that would read as claims).
# Memory is the path's peak beyond the 100 MB text it reads (peak_over_text_MiB). Exits 1 when a
# check fails.
#
#   benchmarks/run_bad_input.sh [BUILD_DIR]        (default: build/bench-bad-input)
# Environment: REPETITIONS (default 3; each case reports its median time and largest memory).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench-bad-input}
repetitions=${REPETITIONS:-3}

cmake --preset default -S "$root" -B "$build" > /dev/null
cmake --build "$build" --target toll-bench-bad_input -j 2 > /dev/null
bench=$build/benchmarks/toll-bench-bad_input

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run_case NAME: the case's median milliseconds and largest memory beyond the text, as "MS MIB".
run_case() {
  local file=$work/${1//\//-}.json
  "$bench" --benchmark_filter="^$1/real_time\$" --benchmark_repetitions="$repetitions" \
    --benchmark_format=json > "$file" 2> /dev/null
  python3 - "$file" <<'EOF'
import json, statistics, sys
runs = [b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type") == "iteration"]
if not runs or any(b.get("error_occurred") for b in runs):
    sys.exit("no runs")
print(statistics.median(b["real_time"] for b in runs), max(b["peak_over_text_MiB"] for b in runs))
EOF
}

echo "bad-input benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cases=(stream/good/2 stream/good/4 table/good)
for bad in unclosed_text unclosed_rows; do cases+=("stream/$bad/2" "stream/$bad/4" "table/$bad"); done
declare -A ms mib
for c in "${cases[@]}"; do
  read -r ms[$c] mib[$c] < <(run_case "$c")
done

echo
echo "median ms of $repetitions, and peak MiB beyond the 100 MB text (each case in its own process)"
for c in "${cases[@]}"; do printf '  %-28s %9.1f ms %9.1f MiB\n' "$c" "${ms[$c]}" "${mib[$c]}"; done

ratio() { python3 -c "print($1 / $2)"; }
# Memory is compared with a floor of 16 MiB under it, so that a few MiB against next to nothing
# (the table path holds one claim of a bad file) is not read as a large factor.
mem_ratio() { python3 -c "print(($1 + 16) / ($2 + 16))"; }

echo
echo "checks"
for bad in unclosed_text unclosed_rows; do
  for threads in 2 4; do
    s=stream/$bad/$threads
    check "$s / table/$bad, time" "$(ratio "${ms[$s]}" "${ms[table/$bad]}")" "<" 2
    check "$s / stream/good/$threads, time" "$(ratio "${ms[$s]}" "${ms[stream/good/$threads]}")" "<=" 1.5
    check "$s / stream/good/$threads, memory" "$(mem_ratio "${mib[$s]}" "${mib[stream/good/$threads]}")" "<=" 1.5
  done
  check "table/$bad / table/good, time" "$(ratio "${ms[table/$bad]}" "${ms[table/good]}")" "<=" 1.5
  check "table/$bad / table/good, memory" "$(mem_ratio "${mib[table/$bad]}" "${mib[table/good]}")" "<=" 1.5
done
exit "$failed"

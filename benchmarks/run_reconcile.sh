#!/usr/bin/env bash
# Issue 4's benchmark in one run: builds toll-bench-reconcile (preset default, Release-like
# RelWithDebInfo), runs each case in its own process (so each peak RSS is that case's alone),
# runs the pandas baseline on the very records the C++ program generated, then prints ns per
# claim, the ratios the issue asks for, and peak memory, and checks:
#   pandas / unsorted-with-provenance  >= 15   (10 million claims)
#   pre-grouped / plain 32-byte read   <= 8    (10 million claims)
#   unsorted at 10M / unsorted at 1M   <= 1.5  (per claim)
# Exits 1 when a check fails; the pandas check is skipped (with a message) without pandas.
#
#   benchmarks/run_reconcile.sh [BUILD_DIR]        (default: build/bench-reconcile)
# Environment: PYTHON (an interpreter with pandas; else python3 or /usr/bin/python3, whichever
# has it), REPETITIONS (default 3; each case reports its median).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench-reconcile}
repetitions=${REPETITIONS:-3}

cmake --preset default -S "$root" -B "$build" > /dev/null
cmake --build "$build" --target toll-bench-reconcile -j 2 > /dev/null
bench=$build/benchmarks/toll-bench-reconcile

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run_case NAME CLAIMS: the case's median ns/claim and its process's peak RSS, as "NS RSS".
run_case() {
  "$bench" --benchmark_filter="^$1/$2/" --benchmark_repetitions="$repetitions" \
    --benchmark_format=json > "$work/$1-$2.json" 2> /dev/null
  python3 - "$work/$1-$2.json" <<'EOF'
import json, statistics, sys
runs = [b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type") == "iteration"]
print(statistics.median(b["ns_per_claim"] for b in runs), max(b["peak_rss_MiB"] for b in runs))
EOF
}

echo "toll reconcile benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A ns rss
for name in memory_read reconcile_unsorted reconcile_grouped; do
  for claims in 1000000 10000000; do
    read -r ns[$name/$claims] rss[$name/$claims] < <(run_case "$name" "$claims")
  done
done

find_pandas_python
pandas_ns=""
if [ -n "$python" ]; then
  "$bench" --write-records="$work/claims.bin" --claims=10000000 > /dev/null
  "$python" "$root/benchmarks/reconcile_pandas.py" "$work/claims.bin" | tee "$work/pandas.txt" | sed 's/^/  pandas: /'
  pandas_ns=$(sed -n 's/^ns_per_claim=//p' "$work/pandas.txt")
  pandas_rss=$(sed -n 's/^peak_rss_MiB=//p' "$work/pandas.txt")
else
  python3 "$root/benchmarks/reconcile_pandas.py" "$work/none.bin" | sed 's/^/  /'
fi

ratio() { python3 -c "print($1 / $2)"; }

echo
echo "ns per claim (median of $repetitions)          1M        10M"
printf '  %-36s %8.2f   %8.2f\n' "unsorted, full provenance" "${ns[reconcile_unsorted/1000000]}" "${ns[reconcile_unsorted/10000000]}"
printf '  %-36s %8.2f   %8.2f\n' "pre-grouped, full provenance" "${ns[reconcile_grouped/1000000]}" "${ns[reconcile_grouped/10000000]}"
printf '  %-36s %8.2f   %8.2f\n' "plain read of the 32-byte records" "${ns[memory_read/1000000]}" "${ns[memory_read/10000000]}"
if [ -n "$pandas_ns" ]; then printf '  %-36s %8s   %8.2f\n' "pandas groupby (load excluded)" "" "$pandas_ns"; fi
echo
echo "peak RSS, MiB (each case in its own process; input records included)   1M      10M"
printf '  %-36s %8.0f   %8.0f\n' "unsorted" "${rss[reconcile_unsorted/1000000]}" "${rss[reconcile_unsorted/10000000]}"
printf '  %-36s %8.0f   %8.0f\n' "pre-grouped" "${rss[reconcile_grouped/1000000]}" "${rss[reconcile_grouped/10000000]}"
printf '  %-36s %8.0f   %8.0f\n' "plain read" "${rss[memory_read/1000000]}" "${rss[memory_read/10000000]}"
if [ -n "$pandas_ns" ]; then printf '  %-36s %8s   %8.0f\n' "pandas (process, data included)" "" "$pandas_rss"; fi
echo
echo "checks (10 million claims)"
if [ -n "$pandas_ns" ]; then
  check "pandas / unsorted" "$(ratio "$pandas_ns" "${ns[reconcile_unsorted/10000000]}")" ">=" 15
else
  echo "  pandas / unsorted: skipped, pandas is not installed"
fi
check "pre-grouped / plain read" "$(ratio "${ns[reconcile_grouped/10000000]}" "${ns[memory_read/10000000]}")" "<=" 8
check "unsorted per claim, 10M / 1M" "$(ratio "${ns[reconcile_unsorted/10000000]}" "${ns[reconcile_unsorted/1000000]}")" "<=" 1.5
check "pre-grouped per claim, 10M / 1M" "$(ratio "${ns[reconcile_grouped/10000000]}" "${ns[reconcile_grouped/1000000]}")" "<=" 1.5
exit "$failed"

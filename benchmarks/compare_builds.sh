#!/usr/bin/env bash
# Compares two builds of a benchmark (toll-bench-reconcile, or $BENCH) on one case, both running
# at the same time, each pinned to a core of its own (swapped every round): on a shared VM whose speed drifts by 30%
# from one minute to the next, two processes run one after the other differ by more than most
# changes do, while two run side by side see the same machine. Needs 2 cores.
#
#   benchmarks/compare_builds.sh OLD_BUILD NEW_BUILD [CASE] [ROUNDS]
#     CASE: a benchmark name, default reconcile_grouped/10000000 (see benchmarks/reconcile.cpp)
#     ROUNDS: default 8; each round runs 5 repetitions per build and takes their medians.
# Prints each round's medians (ns/claim) and new/old, then the median ratio. Same-build runs
# (OLD = NEW) show how far apart two cores are: ratios of 0.9-1.1 on the VM of 2026-12.
# Environment: AUTOGROUP_NICE as for the other scripts; BENCH, the benchmark binary's name
# (default toll-bench-reconcile; e.g. BENCH=toll-bench-parse with CASE toll_parse_figure). A case
# without an ns_per_claim counter is compared by ns per item (items_per_second).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

if [ $# -lt 2 ]; then
  sed -n '8,9p' "$0" >&2
  exit 2
fi
bench_name=${BENCH:-toll-bench-reconcile}
old=$1/benchmarks/$bench_name
new=$2/benchmarks/$bench_name
case_name=${3:-reconcile_grouped/10000000}
rounds=${4:-8}
for bench in "$old" "$new"; do
  [ -x "$bench" ] || { echo "${0##*/}: no $bench (build the $bench_name target)" >&2; exit 1; }
done
if [ "$(nproc)" -lt 2 ]; then
  echo "${0##*/}: needs 2 cores to run the builds side by side" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run_on CPU BENCH OUT: the case's 5 repetitions on core CPU, as JSON in OUT (a file report:
# toll-bench-parse's console report adds its ratios).
run_on() {
  "${launch[@]}" taskset -c "$1" "$2" --benchmark_filter="^$case_name(/|\$)" --benchmark_repetitions=5 \
    --benchmark_out="$3" --benchmark_out_format=json > /dev/null 2>&1
}
median_of() {
  python3 - "$1" <<'EOF'
import json, statistics, sys
runs = [b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type") == "iteration"]
print(statistics.median(b["ns_per_claim"] if "ns_per_claim" in b else 1e9 / b["items_per_second"] for b in runs))
EOF
}

echo "$case_name, $rounds rounds; ns per claim or item: old new new/old"
for round in $(seq "$rounds"); do
  cpu_old=$((round % 2))
  run_on "$cpu_old" "$old" "$work/old.json" &
  run_on $((1 - cpu_old)) "$new" "$work/new.json"
  wait
  a=$(median_of "$work/old.json")
  b=$(median_of "$work/new.json")
  python3 -c "print('  %8.2f %8.2f %6.3f' % ($a, $b, $b / $a))" | tee -a "$work/rounds.txt"
done
python3 - "$work/rounds.txt" <<'EOF'
import statistics, sys
ratios = sorted(float(line.split()[2]) for line in open(sys.argv[1]))
print("new/old: median %.3f, range %.3f-%.3f" % (statistics.median(ratios), ratios[0], ratios[-1]))
EOF

#!/usr/bin/env bash
# Issue 5's large-file benchmark: `toll reconcile` on a 10-million-row claims CSV against a pandas
# script doing read_csv, the core group-by and to_csv, each in its own process under
# /usr/bin/time -v (wall time and peak RSS). Prints both times, both peaks, the ratio and checks:
#   pandas seconds / toll seconds >= 8
#   toll peak RSS < 1 GiB
# Exits 1 when a check fails; the pandas side is skipped (with a message) without pandas.
#
#   benchmarks/run_csv.sh [BUILD_DIR]        (default: build/csvbench)
# Environment: ROWS (default 10000000), PYTHON (an interpreter with pandas; else python3 or
# /usr/bin/python3, whichever has it), POLICY (default ucdp), TOLL_RUNS (default 3) and
# PANDAS_RUNS (default 2).
#
# Each side runs several times, one after the other, and every run is printed; the checks compare
# the fastest run of each (on a virtual machine, a process's first touch of fresh memory costs
# more or less from run to run) and take the largest peak. The file is read once beforehand, so
# both sides read it from the page cache.
#
# The claims file is generated once (benchmarks/make_claims_csv.py, seed 42) and cached as
# BUILD_DIR/claims-ROWS.csv (about 1.5 GB at 10 million rows). toll's side is the command
# `toll reconcile FILE --format csv --policy POLICY` (target toll-command), which streams the file
# through toll/io/reconcile_csv.hpp and writes its results CSV.
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/csvbench}
rows=${ROWS:-10000000}
policy=${POLICY:-ucdp}

cmake --preset default -S "$root" -B "$build" > /dev/null
cmake --build "$build" --target toll-command -j 2 > /dev/null

claims=$build/claims-$rows.csv
if [ ! -f "$claims" ]; then
  echo "generating $claims (once) ..."
  python3 "$root/benchmarks/make_claims_csv.py" "$claims.part" --rows "$rows"
  mv "$claims.part" "$claims"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# timed LABEL COMMAND...: runs it under /usr/bin/time -v; sets seconds and peak_mib.
timed() {
  local label=$1
  shift
  /usr/bin/time -v "$@" > "$work/$label.out" 2> "$work/$label.time"
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + t[i]; print s }' "$work/$label.time")
  peak_mib=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$label.time")
}

echo "toll reconcile benchmark: $rows rows ($(du -hL "$claims" | cut -f1)), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

cat "$claims" > /dev/null  # into the page cache for both sides

# runs LABEL COUNT OUTPUT COMMAND...: runs it COUNT times (stdout to OUTPUT); prints each run and
# sets best_seconds (the fastest) and most_mib (the largest peak).
runs() {
  local label=$1 count=$2 output=$3 run
  shift 3
  best_seconds=""
  most_mib=0
  for ((run = 1; run <= count; ++run)); do
    timed "$label" bash -c '"$@" > "'"$output"'"' _ "$@"
    echo "        run $run: $seconds s, peak RSS $peak_mib MiB"
    if [ -z "$best_seconds" ] || python3 -c "import sys; sys.exit(0 if $seconds < $best_seconds else 1)"; then best_seconds=$seconds; fi
    if ((peak_mib > most_mib)); then most_mib=$peak_mib; fi
  done
}

toll_command=("$build/bin/toll" reconcile "$claims" --format csv --policy "$policy")
echo "toll:   ${toll_command[*]#"$build/"} > out.csv"
runs toll "${TOLL_RUNS:-3}" "$work/toll.csv" "${toll_command[@]}"
toll_seconds=$best_seconds
toll_mib=$most_mib
echo "        $(wc -l < "$work/toll.csv") lines written"
rm -f "$work/toll.csv"

find_pandas_python
pandas_seconds=""
if [ -n "$python" ]; then
  echo "pandas: $python benchmarks/reconcile_csv_pandas.py claims.csv out.csv"
  runs pandas "${PANDAS_RUNS:-2}" "$work/pandas.stdout" "$python" "$root/benchmarks/reconcile_csv_pandas.py" "$claims" "$work/pandas.csv"
  sed 's/^/        /' "$work/pandas.stdout"
  pandas_seconds=$best_seconds
  pandas_mib=$most_mib
  echo "        $(wc -l < "$work/pandas.csv") lines written"
else
  python3 "$root/benchmarks/reconcile_csv_pandas.py" | sed 's/^/        /'
fi


echo
echo "                   fastest wall s    largest peak RSS MiB"
printf '  %-18s %8.2f   %8s\n' "toll" "$toll_seconds" "$toll_mib"
if [ -n "$pandas_seconds" ]; then printf '  %-18s %8.2f   %8s\n' "pandas" "$pandas_seconds" "$pandas_mib"; fi
echo
echo "checks ($rows rows; load + reconcile + write on both sides)"
if [ -n "$pandas_seconds" ]; then
  check "pandas time / toll time" "$(python3 -c "print($pandas_seconds / $toll_seconds)")" ">=" 8
else
  echo "  pandas time / toll time: skipped, pandas is not installed"
fi
check "toll peak RSS, MiB" "$toll_mib" "<" 1024
exit "$failed"

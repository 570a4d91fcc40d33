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
# /usr/bin/python3, whichever has it), POLICY (default ucdp).
#
# The claims file is generated once (benchmarks/make_claims_csv.py, seed 42) and cached as
# BUILD_DIR/claims-ROWS.csv (about 1.5 GB at 10 million rows). toll's side is the command
# `toll reconcile FILE --format csv --policy POLICY` (target toll-command), which streams the file
# through toll/reconcile_csv.hpp and writes its results CSV.
set -euo pipefail

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

echo "toll reconcile benchmark: $rows rows ($(du -h "$claims" | cut -f1)), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

toll_command=("$build/examples/toll" reconcile "$claims" --format csv --policy "$policy")
echo "toll:   ${toll_command[*]#"$build/"} > out.csv"
timed toll bash -c '"$@" > "'"$work"'/toll.csv"' _ "${toll_command[@]}"
toll_seconds=$seconds
toll_mib=$peak_mib
echo "        $(wc -l < "$work/toll.csv") lines written; $toll_seconds s, peak RSS $toll_mib MiB"
rm -f "$work/toll.csv"

python=""
for candidate in "${PYTHON:-}" python3 /usr/bin/python3; do
  if [ -n "$candidate" ] && command -v "$candidate" > /dev/null && "$candidate" -c "import pandas" 2> /dev/null; then
    python=$candidate
    break
  fi
done
pandas_seconds=""
if [ -n "$python" ]; then
  echo "pandas: $python benchmarks/reconcile_csv_pandas.py claims.csv out.csv"
  timed pandas "$python" "$root/benchmarks/reconcile_csv_pandas.py" "$claims" "$work/pandas.csv"
  sed 's/^/        /' "$work/pandas.out"
  pandas_seconds=$seconds
  pandas_mib=$peak_mib
  echo "        $(wc -l < "$work/pandas.csv") lines written; $pandas_seconds s, peak RSS $pandas_mib MiB"
else
  python3 "$root/benchmarks/reconcile_csv_pandas.py" | sed 's/^/        /'
fi

failed=0
check() {  # check LABEL VALUE OP LIMIT
  if python3 -c "import sys; sys.exit(0 if $2 $3 $4 else 1)"; then
    printf '  %-40s %10.2f  (must be %s %s): ok\n' "$1" "$2" "$3" "$4"
  else
    printf '  %-40s %10.2f  (must be %s %s): FAILED\n' "$1" "$2" "$3" "$4"
    failed=1
  fi
}

echo
echo "                       wall s    peak RSS MiB"
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

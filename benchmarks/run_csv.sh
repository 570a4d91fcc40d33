#!/usr/bin/env bash
# Issues 5 and 14's large-file benchmark: `toll reconcile` on a 10-million-row claims CSV against
# two baselines doing the same reduction of the generator's pre-parsed figures (read, group by
# key, write one row per key): DuckDB, one SQL query on every core
# (benchmarks/reconcile_csv_duckdb.mjs), and pandas (benchmarks/reconcile_csv_pandas.py). Each
# runs in its own process under /usr/bin/time -v. Prints every run's wall time, CPU time
# (user + sys), CPU utilisation (100% = one core busy throughout) and peak RSS, then the ratios,
# and checks:
#   DuckDB seconds / toll seconds >= 3
#   pandas seconds / toll seconds >= 10
#   toll peak RSS < 1 GiB
#   toll CPU utilisation >= 90% of every core (180% on 2 cores)
# Exits 1 when a check fails. A baseline that cannot be had is skipped with a message.
#
#   benchmarks/run_csv.sh [BUILD_DIR]        (default: build/csvbench)
# Environment: ROWS (default 10000000), PYTHON (an interpreter with pandas; else python3 or
# /usr/bin/python3, whichever has it), POLICY (default ucdp), TOLL_RUNS (default 3), DUCKDB_RUNS
# and PANDAS_RUNS (default 2 each), AUTOGROUP_NICE (see below).
#
# What it needs it installs: GNU time and, when no interpreter has pandas, python3-pandas with
# apt-get (as root); @duckdb/node-api with npm into build/bench-node (reconcile_csv_duckdb.mjs).
# Before timing, benchmarks/check_csv_baselines.py checks on 20,000 rows that the baselines
# compute what toll computes (where toll's policy lets them: see there).
#
# Each side runs several times, one after the other, and every run is printed; the checks compare
# the fastest run of each (on a virtual machine, a process's first touch of fresh memory costs
# more or less from run to run) and take the largest peak. The file is read once beforehand, so
# every side reads it from the page cache. The machine is shared: each run also prints how many
# cores other processes kept busy meanwhile (from /proc/stat); a run where that is not near 0 was
# not timed on a quiet machine, and its CPU utilisation says how much of the machine it was left.
# Linux shares the cores out between sessions (autogroups) before it looks at nice values, so a
# run beside N busy sessions gets about 1/(N+1) of the machine whatever its nice. AUTOGROUP_NICE
# (-20 to 19; below 0 as root) starts every timed run in a session of its own whose autogroup has
# that nice: with -20 a run takes nearly the whole machine from sessions at 0, which is the only
# way to time a quiet machine's numbers on a shared one. It applies to every side alike.
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
cores=$(nproc)

# ---- what the runs need ----
find_pandas_python
missing=()
[ -x /usr/bin/time ] || missing+=(time)
[ -n "$python" ] || missing+=(python3-pandas)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing ${missing[*]} with apt-get ..."
    mkdir -p "$build"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } > "$build/apt-get.log" 2>&1; then
      echo "  apt-get failed (see $build/apt-get.log)"
    fi
    find_pandas_python
  fi
fi
if [ ! -x /usr/bin/time ]; then
  echo "run_csv.sh: GNU time (/usr/bin/time) is needed: apt-get install time" >&2
  exit 1
fi
duckdb=""  # why DuckDB is skipped; empty when it runs
if ! command -v node > /dev/null; then
  duckdb="node is not installed"
elif said=$(node "$root/benchmarks/reconcile_csv_duckdb.mjs" --install) && [[ "$said" == *skipped* ]]; then
  duckdb=${said#*skipped: }
fi

cmake --preset default -S "$root" -B "$build" > /dev/null
cmake --build "$build" --target toll-command -j 2 > /dev/null
toll=$build/bin/toll

claims=$build/claims-$rows.csv
if [ ! -f "$claims" ]; then
  echo "generating $claims (once) ..."
  python3 "$root/benchmarks/make_claims_csv.py" "$claims.part" --rows "$rows"
  mv "$claims.part" "$claims"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "toll reconcile benchmark: $rows rows ($(du -hL "$claims" | cut -f1)), $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

if [ -z "$duckdb" ]; then
  python3 "$root/benchmarks/check_csv_baselines.py" "$toll" ${python:+--pandas-python "$python"} || failed=1
  echo
fi

cat "$claims" > /dev/null  # into the page cache for every side

# side NAME: records the last runs' numbers under NAME for the summary.
declare -A wall cpu percent peak
side() {
  wall[$1]=$best_seconds
  cpu[$1]=$best_cpu_seconds
  percent[$1]=$best_percent
  peak[$1]=$most_mib
}

toll_command=("$toll" reconcile "$claims" --format csv --policy "$policy")
echo "toll:   ${toll_command[*]#"$build/"} > out.csv"
runs toll "${TOLL_RUNS:-3}" "$work/toll.csv" "${toll_command[@]}"
side toll
echo "        $(wc -l < "$work/toll.csv") lines written"
rm -f "$work/toll.csv"

if [ -z "$duckdb" ]; then
  echo "DuckDB: node benchmarks/reconcile_csv_duckdb.mjs claims.csv out.csv"
  runs duckdb "${DUCKDB_RUNS:-2}" "$work/duckdb.stdout" node "$root/benchmarks/reconcile_csv_duckdb.mjs" "$claims" "$work/duckdb.csv"
  side duckdb
  sed 's/^/        /' "$work/duckdb.stdout"
  echo "        $(wc -l < "$work/duckdb.csv") lines written"
  rm -f "$work/duckdb.csv"
else
  echo "DuckDB: skipped: $duckdb"
fi

if [ -n "$python" ]; then
  echo "pandas: $python benchmarks/reconcile_csv_pandas.py claims.csv out.csv"
  runs pandas "${PANDAS_RUNS:-2}" "$work/pandas.stdout" "$python" "$root/benchmarks/reconcile_csv_pandas.py" "$claims" "$work/pandas.csv"
  side pandas
  sed 's/^/        /' "$work/pandas.stdout"
  echo "        $(wc -l < "$work/pandas.csv") lines written"
  rm -f "$work/pandas.csv"
else
  python3 "$root/benchmarks/reconcile_csv_pandas.py" | sed 's/^/pandas: /'
fi

echo
echo "  fastest run of each    wall s   user+sys s    CPU %   largest peak RSS MiB"
for name in toll duckdb pandas; do
  if [ -n "${wall[$name]:-}" ]; then
    printf '  %-18s %10.2f %12.2f %8d %12d\n' "$name" "${wall[$name]}" "${cpu[$name]}" "${percent[$name]}" "${peak[$name]}"
  fi
done
echo
echo "checks ($rows rows; load + reconcile + write on every side; $cores cores)"
for name in duckdb pandas; do
  limit=$([ "$name" = duckdb ] && echo 3 || echo 10)
  if [ -n "${wall[$name]:-}" ]; then
    check "$name time / toll time" "$(python3 -c "print(${wall[$name]} / ${wall[toll]})")" ">=" "$limit"
  else
    echo "  $name time / toll time: skipped, $name could not be run"
  fi
done
check "toll peak RSS, MiB" "${peak[toll]}" "<" 1024
check "toll CPU utilisation, % of one core" "${percent[toll]}" ">=" "$((90 * cores))"
exit "$failed"

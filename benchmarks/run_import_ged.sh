#!/usr/bin/env bash
# Issue 11's import benchmark: `toll import ged` on a generated 1-million-row UCDP GED CSV against
# pandas.read_csv + the same mapping to claims + to_csv (benchmarks/import_ged_pandas.py), in the
# same run, each side in its own process under /usr/bin/time -v. Before timing, both map a
# 20,000-row file and their claims are compared row for row (as sets: the row order differs).
# Prints every run and checks:
#   pandas seconds / toll seconds >= 5
# Exits 1 when a check fails (or the outputs differ).
#
#   benchmarks/run_import_ged.sh [BUILD_DIR]        (default: build/importbench)
# Environment: ROWS (default 1000000), PYTHON (an interpreter with pandas; else python3 or
# /usr/bin/python3, whichever has it), TOLL_RUNS and PANDAS_RUNS (default 2 each).
#
# The GED file is generated once (benchmarks/make_ged_csv.py, seed 7) and cached as
# BUILD_DIR/ged-ROWS.csv (about 500 MB at a million rows), read once beforehand so both sides read
# it from the page cache. toll's side is the command `toll import ged FILE -o OUT` (target
# toll-command, the default preset's flags), which reads, checks and maps every row and writes
# the claims as it goes.
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/importbench}
rows=${ROWS:-1000000}

find_pandas_python
if [ -z "$python" ]; then
  echo "run_import_ged.sh: no Python interpreter with pandas (set PYTHON, or apt-get install python3-pandas)" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "run_import_ged.sh: GNU time (/usr/bin/time) is needed: apt-get install time" >&2
  exit 1
fi

cmake --preset default -S "$root" -B "$build" > /dev/null
cmake --build "$build" --target toll-command -j 2 > /dev/null
toll=$build/bin/toll

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same claims from both, on a small file.
python3 "$root/benchmarks/make_ged_csv.py" "$work/small.csv" --rows 20000
"$toll" import ged "$work/small.csv" -o "$work/small-toll.csv"
"$python" "$root/benchmarks/import_ged_pandas.py" "$work/small.csv" "$work/small-pandas.csv" > /dev/null
if python3 - "$work/small-toll.csv" "$work/small-pandas.csv" <<'PY'
import csv, sys
toll, pandas = ({tuple(row) for row in csv.reader(open(p, encoding="utf-8"))} for p in sys.argv[1:3])
print(f"check on 20,000 rows: {len(toll) - 1} claims from toll, {len(pandas) - 1} from pandas, "
      f"{len(toll ^ pandas)} rows differ")
sys.exit(0 if toll == pandas else 1)
PY
then :; else failed=1; fi

ged=$build/ged-$rows.csv
if [ ! -f "$ged" ]; then
  echo "generating $ged (once) ..."
  python3 "$root/benchmarks/make_ged_csv.py" "$ged.part" --rows "$rows"
  mv "$ged.part" "$ged"
fi
echo "toll import benchmark: $rows GED rows ($(du -hL "$ged" | cut -f1)), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$ged" > /dev/null

echo "toll:   toll import ged ged.csv -o out.csv"
runs toll "${TOLL_RUNS:-2}" /dev/null "$toll" import ged "$ged" -o "$work/toll.csv"
toll_seconds=$best_seconds
toll_peak=$most_mib
echo "        $(wc -l < "$work/toll.csv") lines written"
rm -f "$work/toll.csv"

echo "pandas: $python benchmarks/import_ged_pandas.py ged.csv out.csv"
runs pandas "${PANDAS_RUNS:-2}" "$work/pandas.stdout" "$python" "$root/benchmarks/import_ged_pandas.py" "$ged" "$work/pandas.csv"
pandas_seconds=$best_seconds
pandas_peak=$most_mib
echo "        $(wc -l < "$work/pandas.csv") lines written"
rm -f "$work/pandas.csv"

echo
echo "  fastest run: toll ${toll_seconds} s (peak ${toll_peak} MiB), pandas ${pandas_seconds} s (peak ${pandas_peak} MiB)"
echo "checks ($rows rows; read + map + write on both sides)"
check "pandas time / toll time" "$(python3 -c "print($pandas_seconds / $toll_seconds)")" ">=" 5
exit "$failed"

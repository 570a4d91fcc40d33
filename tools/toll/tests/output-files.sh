#!/usr/bin/env bash
# -o FILE on every command writes there what stdout would get, and nothing to stdout; -o - is stdout.
# Usage: output-files.sh TOLL WORK_DIR (run from the source directory)
set -uo pipefail
toll=$1
work=$2
mkdir -p "$work"
claims=examples/data/mali-claims.csv
events=examples/data/mali-events.csv
failures=0
check() { # check NAME COMMAND...: the command with -o FILE, with -o - and without -o agree
  local name=$1
  shift
  local file=$work/$name.out
  rm -f "$file"
  local printed plain dash
  printed=$("$@" -o "$file" <examples/expected/parse.input) || { echo "output-files: $name -o FILE failed" >&2; failures=$((failures + 1)); return; }
  dash=$("$@" -o - <examples/expected/parse.input)
  if [[ $name != plot ]]; then plain=$("$@" <examples/expected/parse.input); else plain=$dash; fi
  if [[ -n $printed ]]; then
    echo "output-files: $name -o FILE printed on stdout" >&2; failures=$((failures + 1))
  elif [[ ! -s $file || $(cat "$file") != "$plain" || $dash != "$plain" ]]; then
    echo "output-files: $name: -o FILE, -o - and stdout differ" >&2; failures=$((failures + 1))
  fi
}
check reconcile-table "$toll" reconcile $claims --events $events
check reconcile-csv "$toll" reconcile $claims --events $events --format csv
check reconcile-json "$toll" reconcile $claims --format json
check timeline "$toll" timeline $claims --event kani-bonzon-2023
check plot "$toll" plot $claims --event farabougou-2023
check parse "$toll" parse
cmp -s "$work/reconcile-csv.out" tools/toll/tests/reconcile-mali.csv ||
  { echo "output-files: reconcile -o FILE --format csv is not tools/toll/tests/reconcile-mali.csv" >&2; failures=$((failures + 1)); }
# Input errors leave no file behind: the output is opened only once the input has been read.
rm -f "$work/not-written.csv"
"$toll" reconcile tools/toll/tests/bad-figure.csv -o "$work/not-written.csv" 2>/dev/null
[[ -e $work/not-written.csv ]] && { echo "output-files: a file was created for input that did not read" >&2; failures=$((failures + 1)); }
exit $((failures != 0))

#!/usr/bin/env bash
# Input through pipes: `-` and /dev/stdin for the claims and the events, in each format, give the
# output the files give; errors name "<stdin>".
# Usage: pipes.sh TOLL (run from the source directory)
set -uo pipefail
toll=$1
claims=examples/data/mali-claims.csv
events=examples/data/mali-events.csv
expected=tools/toll/tests
failures=0
check() { # check NAME EXPECTED_FILE COMMAND...: the command's stdout must equal the file
  local name=$1 want=$2
  shift 2
  local got status=0
  got=$("$@" 2>/tmp/toll-pipes-$$.err) || status=$?
  if [[ $status != 0 || $got != "$(cat "$want")" ]]; then
    echo "pipes: $name: status $status, stdout differs from $want; stderr:" >&2
    cat /tmp/toll-pipes-$$.err >&2
    failures=$((failures + 1))
  fi
}
check "table from -" $expected/reconcile-mali.txt sh -c "cat $claims | $toll reconcile - --events $events"
check "csv from -" $expected/reconcile-mali.csv sh -c "cat $claims | $toll reconcile - --events $events --format csv"
check "json from /dev/stdin" $expected/reconcile-mali.json \
  sh -c "cat $claims | $toll reconcile /dev/stdin --events $events --format json | sed 's|\"claims_file\": \"/dev/stdin\"|\"claims_file\": \"$claims\"|'"
check "events from -" $expected/reconcile-mali.csv sh -c "cat $events | $toll reconcile $claims --events - --format csv"
check "timeline from -" $expected/timeline-kani-bonzon.txt \
  sh -c "cat $claims | $toll timeline - --events $events --event kani-bonzon-2023"
# Unknown events are found by reading the claims again: from a pipe, the text read once is kept.
for format in table csv; do
  status=0
  errors=$(cat tools/toll/tests/unknown-event.csv | "$toll" reconcile - --events $events --format $format 2>&1 >/dev/null) || status=$?
  if [[ $status != 1 || $errors != *'<stdin>:3:2 (event): the event "nowhere-2023" is not in examples/data/mali-events.csv [unknown_event]'* ]]; then
    echo "pipes: unknown event from - ($format): status $status, stderr:" >&2
    echo "$errors" >&2
    failures=$((failures + 1))
  fi
done
rm -f /tmp/toll-pipes-$$.err
exit $((failures != 0))

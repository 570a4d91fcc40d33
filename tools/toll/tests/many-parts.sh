#!/usr/bin/env bash
# `toll reconcile --format csv --events` on a file read in several parts and written in many
# chunks on several threads (TOLL_THREADS, TOLL_MIN_PART_BYTES, TOLL_CHUNK_ROWS make a small file
# do that), with an events file naming half the events: the unknown ones are found by the writer
# threads. The output must equal a one-thread run's, byte for byte; built with ThreadSanitizer
# (the tsan preset runs this test), any race fails the run.
# Usage: many-parts.sh TOLL WORK_DIR
set -euo pipefail
toll=$1
work=$2
mkdir -p "$work"
claims=$work/many-parts-claims.csv
events=$work/many-parts-half-events.csv
# 40,000 claims about 2,000 events (2.5 MB); the events file has the even-numbered half.
awk 'BEGIN {
  print "id,event,category,group,figure,source,source_kind,party,about_party,via,reported,text"
  for (i = 0; i < 40000; ++i)
    printf "c%d,e%d,killed,all,%d,s%d,media,,,,2023-01-%02d,\n", i, i % 2000, i % 50, i % 7, 1 + i % 28
}' >"$claims"
awk 'BEGIN { print "id,name,locality,district,region,country,period"
  for (e = 0; e < 2000; e += 2) printf "e%d,Event %d,,,,Mali,2023\n", e, e }' >"$events"

run() { # run NAME ENV...: status in $work/NAME.status, stdout and stderr beside it
  local name=$1 status=0
  shift
  env "$@" "$toll" reconcile "$claims" --events "$events" --format csv >"$work/$name.out" 2>"$work/$name.err" || status=$?
  echo "$status" >"$work/$name.status"
}
run parts TOLL_THREADS=4 TOLL_MIN_PART_BYTES=65536 TOLL_CHUNK_ROWS=512
run single TOLL_THREADS=1

fail() {
  echo "many-parts: $*" >&2
  exit 1
}
for name in parts single; do
  [[ $(cat "$work/$name.status") == 1 ]] || { cat "$work/$name.err" >&2; fail "the $name run exited with $(cat "$work/$name.status"), expected 1"; }
  grep -q "ThreadSanitizer" "$work/$name.err" && { cat "$work/$name.err" >&2; fail "ThreadSanitizer reported on the $name run"; }
  grep -q '^toll reconcile: 20,000 event ids in .* not in ' "$work/$name.err" || { cat "$work/$name.err" >&2; fail "the $name run did not count 20,000 unknown event ids"; }
done
cmp -s "$work/parts.out" "$work/single.out" || fail "the output read in parts differs from the one-thread output"
[[ $(wc -l <"$work/parts.out") == 2001 ]] || fail "expected a header and 2,000 keys, got $(wc -l <"$work/parts.out") lines"

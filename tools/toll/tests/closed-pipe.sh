#!/usr/bin/env bash
# `toll ... | head -c 1` with SIGPIPE ignored (as many a parent process leaves it): the write
# fails with EPIPE once head has gone, and toll must stop quietly, as the reader chose, with the
# status it would have had and nothing on stderr.
# Usage: closed-pipe.sh TOLL
set -uo pipefail
toll=$1
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
# 20,000 lines give some 6 MB of JSON: far more than a pipe holds, so writes fail after head exits.
status=$( (trap '' PIPE; yes "30-62 killed, 15 injured" 2>/dev/null | head -n 20000 | "$toll" parse 2>"$errors" | head -c 1 >/dev/null
  echo "${PIPESTATUS[2]}") )
if [[ $status != 0 ]]; then
  echo "toll parse into a closed pipe exited with $status, expected 0; stderr:" >&2
  cat "$errors" >&2
  exit 1
fi
if [[ -s $errors ]]; then
  echo "toll parse into a closed pipe wrote on stderr:" >&2
  cat "$errors" >&2
  exit 1
fi

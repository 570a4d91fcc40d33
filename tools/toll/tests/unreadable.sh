#!/usr/bin/env bash
# A claims file toll may not read: the error says so in the system's words, in each format. As
# root (who may read anything) the command runs as nobody, through setpriv.
# Usage: unreadable.sh TOLL WORK_DIR
set -uo pipefail
toll=$1
work=$2
mkdir -p "$work"
chmod 755 "$work"
file=$work/unreadable.csv
cp examples/data/mali-claims.csv "$file"
chmod 000 "$file"
as_user=()
if ((EUID == 0)); then
  command -v setpriv >/dev/null || { echo "unreadable: root without setpriv: cannot test" >&2; exit 1; }
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
failures=0
for format in table csv json; do
  status=0
  errors=$("${as_user[@]}" "$toll" reconcile "$file" --format $format 2>&1 >/dev/null) || status=$?
  if [[ $status != 1 || $errors != "toll reconcile: $file: cannot be read: permission denied" ]]; then
    echo "unreadable ($format): status $status, stderr: $errors" >&2
    failures=$((failures + 1))
  fi
done
rm -f "$file"
exit $((failures != 0))

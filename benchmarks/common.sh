# Shared by the benchmark scripts (sourced, not run).

# Sets `python` to an interpreter that has pandas (PYTHON if set and able, else python3 or
# /usr/bin/python3), or to "" when none has it.
find_pandas_python() {
  python=""
  local candidate
  for candidate in "${PYTHON:-}" python3 /usr/bin/python3; do
    if [ -n "$candidate" ] && command -v "$candidate" > /dev/null && "$candidate" -c "import pandas" 2> /dev/null; then
      python=$candidate
      return
    fi
  done
}

# check LABEL VALUE OP LIMIT: prints whether VALUE OP LIMIT holds; sets failed=1 when it does not.
failed=0
check() {
  if python3 -c "import sys; sys.exit(0 if $2 $3 $4 else 1)"; then
    printf '  %-44s %8.2f  (must be %s %s): ok\n' "$1" "$2" "$3" "$4"
  else
    printf '  %-44s %8.2f  (must be %s %s): FAILED\n' "$1" "$2" "$3" "$4"
    failed=1
  fi
}

# The command that starts a timed run: in a session (so an autogroup) of its own with AUTOGROUP_NICE.
launch=()
if [ -n "${AUTOGROUP_NICE:-}" ]; then
  launch=(setsid --wait bash -c 'echo "$0" > /proc/self/autogroup && exec "$@"' "$AUTOGROUP_NICE")
  if ! "${launch[@]}" true; then
    echo "${0##*/}: cannot set an autogroup's nice to $AUTOGROUP_NICE (/proc/self/autogroup; below 0 needs root)" >&2
    exit 1
  fi
  echo "every timed run in an autogroup of its own at nice $AUTOGROUP_NICE"
fi

# The CPU time every process of the machine has used so far, in clock ticks (idle and iowait aside).
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

# timed LABEL COMMAND...: runs it under /usr/bin/time -v (output and times go to $work, which the
# caller makes); sets seconds (wall), cpu_seconds (user + sys), cpu_percent, peak_mib and others
# (cores the rest of the machine kept busy meanwhile).
timed() {
  local label=$1 before after
  shift
  before=$(busy_ticks)
  "${launch[@]}" /usr/bin/time -v "$@" > "$work/$label.out" 2> "$work/$label.time"
  after=$(busy_ticks)
  read -r seconds cpu_seconds cpu_percent peak_mib < <(awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = 0; for (i = 1; i <= n; ++i) wall = wall * 60 + t[i] }
    /User time/ || /System time/ { cpu += $2 }
    /Percent of CPU/ { percent = $2 + 0 }
    /Maximum resident set size/ { peak = $2 / 1024 }
    END { printf "%.2f %.2f %d %.0f\n", wall, cpu, percent, peak }' "$work/$label.time")
  others=$(python3 -c "print(f'{max(0.0, ($after - $before) / $(getconf CLK_TCK) - $cpu_seconds) / max($seconds, 0.01):.2f}')")
}

# runs LABEL COUNT OUTPUT COMMAND...: runs it COUNT times (stdout to OUTPUT); prints each run and
# sets best_seconds, best_cpu_seconds and best_percent (of the fastest run) and most_mib (the
# largest peak).
runs() {
  local label=$1 count=$2 output=$3 run
  shift 3
  best_seconds=""
  most_mib=0
  for ((run = 1; run <= count; ++run)); do
    timed "$label" bash -c '"$@" > "'"$output"'"' _ "$@"
    printf '        run %d: %6.2f s wall, %6.2f s user+sys, CPU %4d%%, peak RSS %5d MiB; other processes: %s cores\n' \
      "$run" "$seconds" "$cpu_seconds" "$cpu_percent" "$peak_mib" "$others"
    if [ -z "$best_seconds" ] || python3 -c "import sys; sys.exit(0 if $seconds < $best_seconds else 1)"; then
      best_seconds=$seconds
      best_cpu_seconds=$cpu_seconds
      best_percent=$cpu_percent
    fi
    if ((peak_mib > most_mib)); then most_mib=$peak_mib; fi
  done
}

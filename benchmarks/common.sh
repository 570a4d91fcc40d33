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

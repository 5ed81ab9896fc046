# Shared by the shell tests (sourced): `check DESCRIPTION COMMAND...` runs a command that must
# succeed and prints ok/FAIL; `report_checks` prints the totals and fails if any check failed.
failures=0
checks=0
check() {
  local what=$1
  shift
  checks=$((checks + 1))
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
report_checks() {
  echo "$((checks - failures)) passed, $failures failed"
  [ "$failures" -eq 0 ]
}

#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, N failed" summed over all of them.
#   unit + HTTP integration on SQLite;
#   the same integration suite on PostgreSQL when ELDERCARE_TEST_DB=postgres (ELDERCARE_TEST_PG = server connection);
#   browser tests (Playwright driving /usr/bin/chromium).
# Exits non-zero on any failure, including a suite that does not build or run.
# ELDERCARE_TEST_WALLCLOCK="@2026-12-02 20:41:00" runs every suite with the system clock set there (faketime, UTC):
# no test may depend on the wall clock, so the result must not change; CI uses it to run at a night hour.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
logs=$(mktemp -d)
passed=0
failed=0

if ! dotnet build ElderCare.slnx -c Release >"$logs/build.log" 2>&1; then
  grep -E "error" "$logs/build.log" | sort -u | head -50
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# run_suite NAME PROJECT [ENV=VALUE ...]
run_suite() {
  local name=$1 project=$2
  shift 2
  echo "=== $name ==="
  local clock=()
  if [ -n "${ELDERCARE_TEST_WALLCLOCK:-}" ]; then clock=(faketime -f "$ELDERCARE_TEST_WALLCLOCK"); fi
  env "$@" "${clock[@]}" dotnet test --project "$project" -c Release --no-build 2>&1 | tee "$logs/$name.log" \
    | grep -vE "^\s+(info|warn): |Hosting environment|Content root path|Application (started|is shutting)|ElderCare 已启动|首次登录"
  local ok fail total
  ok=$(grep -E '^\s+succeeded: [0-9]+' "$logs/$name.log" | tail -1 | grep -oE '[0-9]+')
  fail=$(grep -E '^\s+failed: [0-9]+' "$logs/$name.log" | tail -1 | grep -oE '[0-9]+')
  total=$(grep -E '^\s+total: [0-9]+' "$logs/$name.log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$ok" ] || [ -z "$fail" ] || [ "${total:-0}" = "0" ]; then
    echo "$name: no test results (the suite did not run)"
    failed=$((failed + 1))
    return
  fi
  passed=$((passed + ok))
  failed=$((failed + fail))
}

run_suite "unit-and-http-sqlite" tests/ElderCare.Tests ELDERCARE_TEST_DB=sqlite
if [ "${ELDERCARE_TEST_DB:-sqlite}" = "postgres" ]; then
  run_suite "unit-and-http-postgres" tests/ElderCare.Tests ELDERCARE_TEST_DB=postgres
fi
run_suite "browser" tests/ElderCare.BrowserTests ELDERCARE_TEST_DB=sqlite

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

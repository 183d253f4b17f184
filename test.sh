#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, N failed" summed over all of them.
#   unit + HTTP integration on SQLite;
#   the same integration suite on PostgreSQL when ELDERCARE_TEST_DB=postgres (ELDERCARE_TEST_PG = server connection),
#   at the same time as the SQLite run (two processes with databases, temp files and logs of their own, ADR 26);
#   browser tests (Playwright driving /usr/bin/chromium), started when the SQLite suite has ended;
#   the cluster tests on deploy/cluster.sh when ELDERCARE_TEST_CLUSTER=1, when the integration suites have ended.
# Each suite's output is printed when it ends. Exits non-zero on any failure, including a suite that does not build or run.
# Temp files (the tests' SQLite databases, keys, the copied app) go to a folder in /dev/shm when there is one: the
# durable commits (synchronous=FULL, ADR 11) then wait for memory, not the disk; the code path is the same.
# ELDERCARE_TEST_WALLCLOCK="@2026-12-02 20:41:00" runs every suite with the system clock set there (faketime, UTC):
# no test may depend on the wall clock, so the result must not change; CI uses it to run at a night hour.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
logs=$(mktemp -d)
temp=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then temp=$(mktemp -d -p /dev/shm eldercare-tests.XXXXXX); fi
# A suite still running when this script stops (Ctrl+C) is stopped with it; then the tests' temp folder goes.
trap 'kill $(jobs -p) 2>/dev/null; if [[ "$temp" == /dev/shm/eldercare-tests.* ]]; then rm -rf "$temp"; fi' EXIT
passed=0
failed=0

# The OpenAPI linter (Redocly CLI, pinned in tools/openapi-lint/package-lock.json) installs while the solution builds;
# OpenApiDocumentTests runs it and fails when it is missing. Reinstalled only when the lock file changed.
lint_tool=tools/openapi-lint
if [ ! -f "$lint_tool/node_modules/.package-lock.json" ] || [ "$lint_tool/package-lock.json" -nt "$lint_tool/node_modules/.package-lock.json" ]; then
  (cd "$lint_tool" && npm ci --prefer-offline --no-audit --no-fund >"$logs/npm.log" 2>&1) &
  npm_install=$!
fi

if ! dotnet build ElderCare.slnx -c Release >"$logs/build.log" 2>&1; then
  grep -E "error" "$logs/build.log" | sort -u | head -50
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

if [ -n "${npm_install:-}" ] && ! wait "$npm_install"; then
  echo "npm ci in $lint_tool failed (the OpenAPI lint test will fail):"
  tail -20 "$logs/npm.log"
fi

declare -A running

# start_suite NAME PROJECT [ENV=VALUE ...]: starts the suite in the background, its whole output in $logs/NAME.log.
start_suite() {
  local name=$1 project=$2
  shift 2
  local clock=()
  if [ -n "${ELDERCARE_TEST_WALLCLOCK:-}" ]; then clock=(faketime -f "$ELDERCARE_TEST_WALLCLOCK"); fi
  env TMPDIR="$temp" "$@" "${clock[@]}" dotnet test --project "$project" -c Release --no-build >"$logs/$name.log" 2>&1 &
  running[$name]=$!
  echo "started: $name"
}

# end_suite NAME: waits for the suite, prints its output (without the hosts' start-up chatter) and adds up its counts.
end_suite() {
  local name=$1
  wait "${running[$name]}"
  echo "=== $name ==="
  grep -vE "^\s+(info|warn): |Hosting environment|Content root path|Application (started|is shutting)|ElderCare 已启动|首次登录" \
    "$logs/$name.log"
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

start_suite "unit-and-http-sqlite" tests/ElderCare.Tests ELDERCARE_TEST_DB=sqlite
if [ "${ELDERCARE_TEST_DB:-sqlite}" = "postgres" ]; then
  start_suite "unit-and-http-postgres" tests/ElderCare.Tests ELDERCARE_TEST_DB=postgres
fi
end_suite "unit-and-http-sqlite"
# The browser suite starts as soon as one integration suite has ended: three suites at once on two cores make SQLite
# writers wait for the CPU and every suite slower than running them two at a time.
start_suite "browser" tests/ElderCare.BrowserTests ELDERCARE_TEST_DB=sqlite
if [ -n "${running[unit-and-http-postgres]:-}" ]; then end_suite "unit-and-http-postgres"; fi
# The cluster suite (ADR 32) when ELDERCARE_TEST_CLUSTER=1 (CI sets it): deploy/cluster.sh with real nodes, PostgreSQL and
# its replica, Redis and nginx. It starts when the integration suites have ended, beside the rest of the browser suite
# (two suites at a time, as above; its windows are seconds, not milliseconds), and never under faketime, whose clock
# would start anew in each process it starts.
if [ "${ELDERCARE_TEST_CLUSTER:-}" = "1" ]; then
  ELDERCARE_TEST_WALLCLOCK="" start_suite "cluster" tests/ElderCare.ClusterTests
fi
end_suite "browser"
if [ -n "${running[cluster]:-}" ]; then end_suite "cluster"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

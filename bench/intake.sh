#!/usr/bin/env bash
# QUALITY P4 intake load: the app as its own process on a fresh SQLite file (WAL, synchronous=FULL); an open-loop
# client sends GET /health at the rate for the duration, then POST /api/alarms (device keys, idempotency keys) at the
# same rate and duration; prints p50/p90/p99 of both, the ratio, and checks every 201 is stored. Exit 0 = p99 < 100 ms.
#   bench/intake.sh                         200/s for 30 s each
#   bench/intake.sh --rate 200 --seconds 60
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD:-/tmp/bench-artifacts}
dotnet build bench/ElderCare.Bench -c Release --artifacts-path "$build" -nologo -v quiet -clp:ErrorsOnly
dotnet "$build/bin/ElderCare.Bench/release/ElderCare.Bench.dll" intake "$@"

#!/usr/bin/env bash
# QUALITY R1 chaos run: builds the app and the bench client (Release, under /tmp), starts the app on a fresh SQLite
# file, sends alarms with idempotency keys from 8 workers (each key retried until a 2xx), SIGKILLs the app at random
# moments (1–5 s apart) and restarts it, at least 20 times; then checks that every acknowledged alarm exists exactly
# once with the id it was acknowledged with. Exit 0 = pass.
#   bench/chaos.sh                       20 kills
#   bench/chaos.sh --kills 50 --seed 7   more kills, a fixed random seed
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD:-/tmp/bench-artifacts}
dotnet build bench/ElderCare.Bench -c Release --artifacts-path "$build" -nologo -v quiet -clp:ErrorsOnly
dotnet "$build/bin/ElderCare.Bench/release/ElderCare.Bench.dll" chaos "$@"

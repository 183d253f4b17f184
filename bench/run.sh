#!/usr/bin/env bash
# Builds the benchmarks (Release, output under /tmp so it never touches src/'s obj/bin), generates the city data set
# if bench/data has none of this generator version, runs the benchmarks in-process and rewrites bench/RESULTS.md.
#   bench/run.sh                          full run (5 warm-up + 30 measured iterations per benchmark, ~3 min on 2 cores)
#   BENCH_ITERATIONS=10 bench/run.sh      quicker, noisier
#   bench/run.sh --filter '*Coverage*'    any BenchmarkDotNet option (RESULTS.md is then partial)
#   ELDERCARE_BENCH_DB=/tmp/x.db bench/run.sh   run on another database (e.g. a scratch copy with an extra index)
#   bench/run.sh elders [--sqlite-only]   elder registry at 300,000 on SQLite and PostgreSQL (ELDERCARE_BENCH_PG, default
#                                         Host=127.0.0.1;Username=postgres;Password=postgres), ~10 min
#   bench/run.sh assessments             GB/T 42195-2022 scoring micro-benchmark (BenchmarkDotNet; prints, does not write)
#   bench/run.sh services | intake | sync-cost | chaos | generate | verify | explain | shapes   the harness command of that name
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD:-/tmp/bench-artifacts}

dotnet build bench/ElderCare.Bench -c Release --artifacts-path "$build" -nologo -v quiet -clp:ErrorsOnly

export BENCH_LSCPU="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs, $(lscpu | sed -n 's/^Thread(s) per core: *//p') thread(s) per core"
export BENCH_DOTNET_SDK="$(dotnet --version)"
export BENCH_GIT="${BENCH_GIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes in src/')}"
export BENCH_ARTIFACTS=${BENCH_ARTIFACTS:-$build/BenchmarkDotNet.Artifacts}
export ELDERCARE_REPO="$PWD"

case "${1:-}" in
  elders|assessments|services|intake|sync-cost|chaos|generate|verify|explain|shapes) dotnet "$build/bin/ElderCare.Bench/release/ElderCare.Bench.dll" "$@" ;;
  *) dotnet "$build/bin/ElderCare.Bench/release/ElderCare.Bench.dll" run "$@" ;;
esac

#!/usr/bin/env bash
# The one entry for every benchmark. Builds Release (output under /tmp, never src/'s obj/bin), runs the benchmark(s) and
# has each replace only its own section of bench/RESULTS.md, stamped with the commit, date, machine, data size and mode.
#   bench/run.sh                     every benchmark in turn, as `all` (see bench/README.md for how long)
#   bench/run.sh all
#   bench/run.sh coverage [BenchmarkDotNet options]    elders [--sqlite-only]    services [--rounds 30]
#   bench/run.sh intake [--rate 200] [--seconds 30]    chaos [--kills 20] [--seed n]    sync-cost [--commits 1000]
#   bench/run.sh assessments [BenchmarkDotNet options]    subsidies [--rounds 10]    reports [--rounds n]    todo [--rounds n]
#   bench/run.sh pages [--rounds 5]    reach [--rounds 5]
#   bench/run.sh cluster [--rate 1000] [--seconds 60]   (starts and stops deploy/cluster.sh: postgresql, redis-server, nginx)
#   bench/run.sh intake-cpu [--alarms 5000] [--clients 16]   node CPU per alarm, one node on PostgreSQL + Redis
#   bench/run.sh municipal [--scales 1,4,16]   PostgreSQL at 1/16, 1/4 and all of Chongqing (databases kept per scale)
#   bench/run.sh --quick <any of the above>   (or BENCH_QUICK=1) tiny data, few iterations: checks that it runs; writes
#                                             bench/data/RESULTS-quick.md instead of bench/RESULTS.md
#   bench/run.sh generate | verify | explain | shapes   coverage diagnostics (print only; --db file for another database)
# Environment: ELDERCARE_BENCH_DB (coverage on another database), ELDERCARE_BENCH_PG (PostgreSQL server for elders),
# BENCH_RESULTS (another results file), BENCH_BUILD (build output folder).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD:-/tmp/bench-artifacts}
all=(coverage elders services intake chaos sync-cost assessments subsidies reports todo pages reach tiles cluster intake-cpu municipal)

args=()
for a in "$@"; do
  if [[ $a == --quick ]]; then export BENCH_QUICK=1; else args+=("$a"); fi
done
[[ ${#args[@]} -eq 0 ]] && args=(all)

dotnet build bench/ElderCare.Bench -c Release --artifacts-path "$build" -nologo -v quiet -clp:ErrorsOnly

model=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
threads=$(lscpu | sed -n 's/^Thread(s) per core: *//p')
export BENCH_LSCPU="$model, $(nproc) CPUs, $threads thread(s) per core"
export BENCH_DOTNET_SDK="$(dotnet --version)"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src bench/ElderCare.Bench 2>/dev/null || commit+="+uncommitted"
export BENCH_GIT=${BENCH_GIT:-$commit}
export BENCH_ARTIFACTS=${BENCH_ARTIFACTS:-$build/BenchmarkDotNet.Artifacts}
export ELDERCARE_REPO="$PWD"
bench() { dotnet "$build/bin/ElderCare.Bench/release/ElderCare.Bench.dll" "$@"; }

if [[ ${args[0]} != all ]]; then
  bench "${args[@]}"
  exit
fi
failed=()
for name in "${all[@]}"; do
  started=$SECONDS
  echo "== bench/run.sh $name"
  bench "$name" || failed+=("$name")
  echo "== $name took $((SECONDS - started)) s"
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "failed or missed its goal: ${failed[*]}" >&2
  exit 1
fi

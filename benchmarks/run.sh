#!/usr/bin/env bash
# Builds the ledger and runs its benchmarks in-process on a fresh embedded PostgreSQL (see docs/benchmarks.md).
#
#   benchmarks/run.sh                                    # the full run, about 5 minutes on 2 cores
#   benchmarks/run.sh --bench.duration=5s --bench.clients=1,16 --bench.replay-events=50000
#   benchmarks/run.sh --ledger.command.account-cache-size=0   # any non-bench.* --key=value goes to the ledger
#
# Environment: JAVA_OPTS adds JVM options; SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar; MAVEN_ARGS adds
# Maven options (e.g. -o). The output is also written to benchmarks/target/benchmark-<time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MAVEN_ARGS:-} -pl benchmarks -am install -DskipTests
fi

# run a copy: a build started meanwhile (by anyone, in this work tree) rewrites target/benchmarks.jar, and a JVM whose
# jar changes under it fails on the next class it loads
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp benchmarks/target/benchmarks.jar "$work/benchmarks.jar"

log="benchmarks/target/benchmark-$(date +%Y%m%d-%H%M%S).log"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$work/benchmarks.jar" "$@" 2>&1 | tee "$log"
echo "(output saved in $log)"

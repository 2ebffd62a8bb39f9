#!/usr/bin/env bash
# Runs one of the in-process benchmarks (bill-run, account-history) in one JVM with the whole ledger on a fresh
# embedded PostgreSQL; bill-run.sh and account-history.sh call it. Usage: in-process.sh NAME [--bench.…] [--key=value]
#
# Environment: HEAP (default 2g) sizes the JVM; JAVA_OPTS adds JVM options; SKIP_BUILD=1 reuses the built jar;
# MAVEN_ARGS adds Maven options (e.g. -o). Builds with `package` (never `install`: ~/.m2 may be shared).
# The output is also written to benchmarks/target/NAME-<time>.log.
set -euo pipefail
name=$1
shift
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests
fi

# run a copy: a build started meanwhile rewrites target/benchmarks.jar under the running JVM
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp benchmarks/target/benchmarks.jar "$work/benchmarks.jar"

log="benchmarks/target/$name-$(date +%Y%m%d-%H%M%S).log"
echo "uptime at start: $(uptime)" | tee "$log"
# shellcheck disable=SC2086
java -Xms${HEAP:-2g} -Xmx${HEAP:-2g} ${JAVA_OPTS:-} -jar "$work/benchmarks.jar" "$name" "$@" 2>&1 | tee -a "$log"
echo "uptime at end: $(uptime)" | tee -a "$log"
echo "(output saved in $log)"

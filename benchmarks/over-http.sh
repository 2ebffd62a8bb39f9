#!/usr/bin/env bash
# Runs one of the over-HTTP benchmarks (http-charges, http-usage) against the ledger jar started as its own process on
# a fresh embedded PostgreSQL; http-charges.sh and http-usage.sh call it. Usage: over-http.sh NAME DEFAULT_PORT [--bench.…]
#
# Environment: PORT for the ledger; SKIP_BUILD=1 reuses the built jars; MAVEN_ARGS adds Maven options (e.g. -o);
# LEDGER_OPTS adds JVM options of the ledger; LEDGER_START_SECONDS how long to wait for it to start (180); LEDGER_JAR runs another build of the ledger (e.g. one saved before a
# change, for a before/after on the same machine state). Builds with `package` (never `install`: ~/.m2 is shared).
# The output is also written to benchmarks/target/NAME-<time>.log.
set -euo pipefail
name=$1
port=${PORT:-$2}
shift 2
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MAVEN_ARGS:-} -pl ledger-app,benchmarks -am package -DskipTests
fi

# run copies: a build started meanwhile rewrites the jars under the running JVMs
work=$(mktemp -d)
ledger_pid=
log=
cleanup() {
    # the ledger's own log kept beside the benchmark's, for a failed batch's stack trace
    if [[ -n "$log" && -f "$work/ledger.log" ]]; then
        cp "$work/ledger.log" "${log%.log}-ledger.log" || true
    fi
    if [[ -n "$ledger_pid" ]]; then
        kill "$ledger_pid" 2>/dev/null || true
        wait "$ledger_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# a ledger still answering on the port (an earlier run's) would be measured instead of this one
if curl -sf "http://localhost:$port/actuator/health" > /dev/null; then
    echo "something already answers on port $port: stop it or choose another PORT"
    exit 1
fi
cp "${LEDGER_JAR:-ledger-app/target/ledger-app-0.1.0-SNAPSHOT.jar}" "$work/ledger.jar"
cp benchmarks/target/benchmarks.jar "$work/benchmarks.jar"

log="benchmarks/target/$name-$(date +%Y%m%d-%H%M%S).log"
echo "uptime at start: $(uptime)" | tee "$log"
# the machine the figures come from
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores,\
 $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)" | tee -a "$log"
# shellcheck disable=SC2086
java ${LEDGER_OPTS:-} -jar "$work/ledger.jar" --server.port="$port" --ledger.embedded-postgres.port=0 \
    --ledger.embedded-postgres.data-dir="$work/postgres" --logging.level.root=WARN > "$work/ledger.log" 2>&1 &
ledger_pid=$!
# a busy machine may need longer (LEDGER_START_SECONDS): measuring a ledger that is not up measures nothing
started=
for _ in $(seq 1 "${LEDGER_START_SECONDS:-180}"); do
    if curl -sf "http://localhost:$port/actuator/health" > /dev/null; then
        started=1
        break
    fi
    if ! kill -0 "$ledger_pid" 2>/dev/null; then
        cat "$work/ledger.log"
        exit 1
    fi
    sleep 1
done
if [[ -z "$started" ]]; then
    echo "the ledger did not answer its health probe within ${LEDGER_START_SECONDS:-180} s (see ${log%.log}-ledger.log)"
    exit 1
fi
java -jar "$work/benchmarks.jar" "$name" --bench.url="http://localhost:$port" --bench.ledger-pid="$ledger_pid" \
    --bench.postgres-data-dir="$work/postgres" "$@" 2>&1 | tee -a "$log"
echo "uptime at end: $(uptime)" | tee -a "$log"
echo "(output saved in $log)"

#!/usr/bin/env bash
# Verification speed over a large chained event store (issue 15, goal >= 100,000 events/s; see docs/benchmarks.md,
# "Hash chain"): VerifySpeedBenchmark fills a fresh embedded PostgreSQL with N events (real account events recorded
# through the command gateway, then copied under new account ids with COPY; no HTTP, no projection work), has the
# ledger's chainer chain them (timed), and prints the digest; then this script times the command-line verification
# `java -jar ledger-app.jar verify --digest=…` against that data directory, and deletes it.
#
#   benchmarks/verify-speed.sh                        # 1,000,000 events
#   benchmarks/verify-speed.sh --bench.events=100000  # a quick check of the script
#   benchmarks/verify-speed.sh --bench.events=1000000 --ledger.audit.chain.batch-size=10000   # other --key=value: ledger
#
# Environment: HEAP (default 2g), JAVA_OPTS (the filling JVM), VERIFY_OPTS (the verifying JVM), SKIP_BUILD=1 reuses
# the built jars, MAVEN_ARGS adds Maven options (e.g. -o). KEEP_DATA=<dir> fills and keeps the chained store there
# (nothing deleted); VERIFY_ONLY=<dir> skips the fill and verifies such a kept store again (e.g. with another jar).
# Output also in benchmarks/target/verify-speed-<time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MAVEN_ARGS:-} -pl benchmarks,ledger-app -am package -DskipTests
fi

# run copies: a build started meanwhile rewrites the jars under the running JVMs
work=$(mktemp -d)
data="${VERIFY_ONLY:-${KEEP_DATA:-$work/data}}"
trap 'rm -rf "$work"' EXIT
cp benchmarks/target/benchmarks.jar "$work/benchmarks.jar"
cp ledger-app/target/ledger-app-0.1.0-SNAPSHOT.jar "$work/ledger-app.jar"

mkdir -p benchmarks/target
log="benchmarks/target/verify-speed-$(date +%Y%m%d-%H%M%S).log"
{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
         "$(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1)"
    echo "command: benchmarks/verify-speed.sh $*"
    echo "uptime at start: $(uptime)"
} | tee "$log"

if [[ -z "${VERIFY_ONLY:-}" ]]; then
    # shellcheck disable=SC2086
    java -Xms${HEAP:-2g} -Xmx${HEAP:-2g} ${JAVA_OPTS:-} -jar "$work/benchmarks.jar" verify-speed \
        --bench.data-dir="$data" "$@" 2>&1 | tee -a "$log"
    grep '^DIGEST ' "$log" | tail -1 | cut -d' ' -f2 > "$data/digest" || true
fi
digest=$(cat "$data/digest" 2>/dev/null || true)
if [[ -z "$digest" ]]; then
    echo "no digest: the fill failed (see $log)" | tee -a "$log"
    exit 1
fi
echo "data directory: $(du -sh "$data/postgres" | cut -f1); uptime before verifying: $(uptime)" | tee -a "$log"

verify=(java ${VERIFY_OPTS:-} -jar "$work/ledger-app.jar" verify --digest="$digest"
        --ledger.embedded-postgres.data-dir="$data/postgres" --ledger.embedded-postgres.port=0
        --logging.level.root=WARN)
echo "verify command: ${verify[*]}" | tee -a "$log"
start=$(date +%s.%N)
set +e
"${verify[@]}" 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}
set -e
end=$(date +%s.%N)
events=$(grep -E '^[0-9]+ events in [0-9]+ ms' "$log" | tail -1 | awk '{print $1}')
millis=$(grep -E '^[0-9]+ events in [0-9]+ ms' "$log" | tail -1 | awk '{print $4}')
cpu=$(grep -E '^[0-9]+ events in [0-9]+ ms \(' "$log" | tail -1 | sed 's/.*(\([0-9]*\) ms of CPU.*/\1/' || true)
{
    echo "verify exit status: $status (0: intact)"
    awk -v e="${events:-0}" -v ms="${millis:-0}" -v cpu="${cpu:-0}" -v s="$start" -v t="$end" 'BEGIN {
        wall = t - s;
        printf "RESULT verification: %d events in %.1f s = %.0f events/s (the pass itself);", e, ms / 1000, (ms > 0 ? e * 1000 / ms : 0);
        printf " %.1f s = %.0f events/s wall clock with JVM and PostgreSQL start-up\n", wall, (wall > 0 ? e / wall : 0);
        if (cpu > 0) printf "RESULT verifying thread: %.1f s of CPU = %.0f events per CPU-second (PostgreSQL not counted)\n", cpu / 1000, e * 1000 / cpu }'
    grep '^CHAINED ' "$log" | tail -1 | awk '{split($2,a,"="); split($3,b,"="); split($4,c,"="); split($5,d,"=");
        printf "RESULT chainer: %d events in %s s = %s events/s; %s s of CPU in the chaining thread = %.0f events per"\
            " CPU-second (PostgreSQL not counted)\n", a[2], b[2], c[2], d[2], (d[2] > 0 ? a[2] / d[2] : 0)}' || true
    echo "uptime at end: $(uptime)"
    echo "(output saved in $log)"
} | tee -a "$log"
exit "$status"

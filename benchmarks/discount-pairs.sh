#!/usr/bin/env bash
# Issue 12's figure: the bill run with one auto-apply discount per subscription (--bench.discount=true) against the
# same run without it, as PAIRS pairs of runs, each run in a fresh JVM on a fresh embedded PostgreSQL (bill-run.sh).
# Odd pairs run without the discount first, even pairs with it first. Prints each run's RESULT line as it comes,
# then the means of both sides and their ratios: the run, until every projection caught up, and CPU per subscription
# (ledger JVM + PostgreSQL). Compare means, not single pairs: on a 2-core machine one run of the same jar varies by
# up to 7 % either way (docs/benchmarks.md, session 20), so one pair alone can say ×1.09 or ×1.22. Each line also
# gives the CPU that other processes took from the run (otherCores): a second job on the machine (a build, a profile
# being read) slows one side of a pair, and the script warns when it did.
#
#   benchmarks/discount-pairs.sh                                   # 4 pairs of 100,000 subscriptions, ~16 minutes
#   PAIRS=2 benchmarks/discount-pairs.sh --bench.month=2           # the second monthly run
#   PAIRS=1 benchmarks/discount-pairs.sh --bench.subscriptions=30000
#
# Any argument goes to every run (after --bench.subscriptions=100000, so a later one wins). Environment: PAIRS
# (default 4); HEAP, JAVA_OPTS, SKIP_BUILD, MAVEN_ARGS as in-process.sh (built once, before the first run).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${PAIRS:-4}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
run() {
    local discount=$1 pair=$2 output shown other
    output=$(SKIP_BUILD=1 benchmarks/in-process.sh bill-run --bench.subscriptions=100000 "${@:3}" \
        --bench.discount="$discount" || true)
    shown=$(grep '^RESULT ' <<< "$output" || true)
    if [[ -z "$shown" ]]; then
        echo "pair $pair, discount=$discount: the run printed no RESULT line (see benchmarks/target/bill-run-*.log)" >&2
        exit 1
    fi
    # the CPU other processes took from the run's two cores: anything else running skews the pair
    other=$(grep 'CPU during the run' <<< "$output" | grep -o 'other processes [0-9.]*' | grep -o '[0-9.]*$' || true)
    shown="$shown otherCores=${other:-0}"
    echo "pair $pair: $shown"
    echo "$shown" >> "$results"
}

for ((pair = 1; pair <= pairs; pair++)); do
    if ((pair % 2 == 1)); then
        run false "$pair" "$@"
        run true "$pair" "$@"
    else
        run true "$pair" "$@"
        run false "$pair" "$@"
    fi
done

awk '
function field(name,   i, kv) {
    for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] == name) { sub(/s$/, "", kv[2]); return kv[2] + 0 }
    }
    return 0
}
{
    if ($0 ~ /discount=true/) side = "with"; else side = "without"
    n[side]++
    run[side] += field("run"); caught[side] += field("caughtUp")
    cpu[side] += field("jvmCpuMsPerSub") + field("pgCpuMsPerSub")
    if ($0 !~ /correct=true/) wrong++
    if (field("otherCores") > 0.05) disturbed++
}
END {
    if (n["with"] == 0 || n["without"] == 0) { print "no complete pair"; exit 1 }
    for (s in n) { run[s] /= n[s]; caught[s] /= n[s]; cpu[s] /= n[s] }
    printf "\nMEANS pairs=%d without: run=%.1fs caughtUp=%.1fs cpuMsPerSub=%.3f |", n["with"], run["without"],
        caught["without"], cpu["without"]
    printf " with: run=%.1fs caughtUp=%.1fs cpuMsPerSub=%.3f\n",
        run["with"], caught["with"], cpu["with"]
    printf "RATIO run=x%.3f caughtUp=x%.3f cpuPerSub=x%.3f (goal: within 15 %%, x1.150)%s\n",
        run["with"] / run["without"], caught["with"] / caught["without"], cpu["with"] / cpu["without"],
        wrong ? " -- " wrong " run(s) not correct=true" : ""
    if (disturbed) printf "WARNING: in %d run(s) other processes took more than 0.05 of the 2 cores:" \
        " run again on a quiet machine\n", disturbed
}' "$results"

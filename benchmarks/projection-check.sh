#!/usr/bin/env bash
# The projection check's time over the demo plus N bills (issue 15; ProjectionCheckBenchmark, see docs/benchmarks.md,
# "Projection check"): on a fresh embedded PostgreSQL, runs the demo, seeds N subscriptions as bill-run.sh does and
# bills them in one bill run, waits for the projections, then times the check of all projections at once and of each
# projection alone (each replays the whole store). Every check must answer EQUAL (exit status 2 otherwise).
#
#   benchmarks/projection-check.sh                                             # 100,000 bills
#   benchmarks/projection-check.sh --bench.subscriptions=2000                  # a quick check of the script
#   benchmarks/projection-check.sh --bench.subscriptions=100000 --bench.each=false   # the all-at-once check only
#
# Environment as in-process.sh: HEAP (default 2g), JAVA_OPTS, SKIP_BUILD=1, MAVEN_ARGS.
# The output is also written to benchmarks/target/projection-check-<time>.log.
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');"\
     "command: benchmarks/projection-check.sh $*"
exec "$(dirname "$0")/in-process.sh" projection-check "$@"

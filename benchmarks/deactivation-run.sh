#!/usr/bin/env bash
# A deactivation run over N accounts of which M match (DeactivationRunBenchmark; see docs/benchmarks.md, "Deactivation
# run"; issue 14's goal: 100,000 accounts, 20,000 matching, under 60 s): on a fresh embedded PostgreSQL, makes one
# customer of each kind (owing 25.00, owing 9.00, owing nothing; an effective subscription each) through the ledger's
# own commands and the others as copies of their event streams (--bench.seed=commands: all through the commands, from
# several sender threads; hours at 100,000 on a busy machine), the saga processors shut down; waits for the
# projections, then times a run of "owes more than 10.00 due 10 days ago" from run-now until its completion, and checks
# matched / acted / deactivations.
#
#   benchmarks/deactivation-run.sh                                        # 100,000 accounts, 20,000 matching
#   benchmarks/deactivation-run.sh --bench.accounts=10000 --bench.matching=2000 --bench.senders=8
#   benchmarks/deactivation-run.sh --bench.batch-size=1000 --ledger.collections.parallelism=4  # any --key=value: ledger
#
# Environment (HEAP, default 2g; JAVA_OPTS, SKIP_BUILD, MAVEN_ARGS): see in-process.sh. The output is also written to
# benchmarks/target/deactivation-run-<time>.log.
echo "command: $0 $*"
echo "machine: $(nproc) cores, $(cut -d' ' -f1-3 /proc/loadavg) load average"
exec "$(dirname "$0")/in-process.sh" deactivation-run "$@"

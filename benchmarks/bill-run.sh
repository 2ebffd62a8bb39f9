#!/usr/bin/env bash
# A full monthly bill run on a fresh embedded PostgreSQL (BillRunBenchmark; see docs/benchmarks.md, "Bill run"):
# loads the sample catalog, creates N effective GOLD subscriptions (one account each; the first through the command
# gateway, the others copies of its events appended through Axon's EventStorageEngine, with their billing_index rows),
# shuts the saga processors down (provisioning, event-charges: they would send 100k+ commands about the synthetic
# subscriptions), waits for the projections (they stay on), then times a bill run for 2026-02-01 until
# bill_run_execution says COMPLETED, and checks the result (N bills, gapless numbers, every subscription next due
# 2026-03-01).
#
#   benchmarks/bill-run.sh --bench.subscriptions=10000
#   benchmarks/bill-run.sh --bench.subscriptions=100000 --ledger.billing.segment-size=1000  # other --key=value: ledger
#   benchmarks/bill-run.sh --bench.subscriptions=100000 --bench.discount=true  # one auto-apply discount each
#   benchmarks/bill-run.sh --bench.subscriptions=100000 --bench.accounts=50000  # two subscriptions, one bill each
#   benchmarks/bill-run.sh --bench.subscriptions=100000 --bench.month=2  # the second monthly run (January billed first)
#   benchmarks/bill-run.sh --bench.subscriptions=100000 --bench.warmup=30000  # a warm-up run of other subscriptions
#   benchmarks/bill-run.sh --bench.subscriptions=20000 --bench.jfr=/tmp/run.jfr  # a flight recording of the run
#   benchmarks/bill-run.sh --bench.subscriptions=100000 --bench.usage=5  # 5 usage records a subscription (PPV-MOVIES)
#   benchmarks/bill-run.sh --bench.subscriptions=100000 --bench.pay-per-view=true  # the same services, no usage
#
# A checkpoint comes just before the measured run; the run reports the WAL it wrote (per subscription, full-page
# images among it, checkpoints).
#
# The JVM runs with a fixed heap, -Xmx2g (HEAP=... to change), so peak heap figures compare. Environment as run.sh:
# JAVA_OPTS, SKIP_BUILD=1, MAVEN_ARGS. The output is also written to benchmarks/target/bill-run-<time>.log.
exec "$(dirname "$0")/in-process.sh" bill-run "$@"

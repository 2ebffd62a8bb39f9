#!/usr/bin/env bash
# What a command costs on an account whose stream holds 100, 10,000 and 100,000 events (AccountHistoryBenchmark; see
# docs/benchmarks.md, "Commands on long account histories"): the account cache off, so every command loads its
# account, from the latest snapshot once there is one.
#
#   benchmarks/account-history.sh
#   benchmarks/account-history.sh --bench.events=100,10000,100000,1000000 --bench.commands=300
#   benchmarks/account-history.sh --ledger.snapshots.account-threshold=1000   # any other --key=value: the ledger
#
# Environment (HEAP, JAVA_OPTS, SKIP_BUILD, MAVEN_ARGS): see in-process.sh.
exec "$(dirname "$0")/in-process.sh" account-history "$@"

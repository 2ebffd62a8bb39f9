#!/usr/bin/env bash
# Opening subscriptions in bulk over real HTTP and the provisioning that follows (HttpOpenBenchmark; see
# docs/benchmarks.md, "Opening subscriptions in bulk"): starts the ledger jar as its own process on a fresh embedded
# PostgreSQL, loads the sample catalog, then per round opens N subscriptions (4 clients) and waits until every
# provisioning request is answered (db-scheduler's queue back to where it was); prints time and ledger/PostgreSQL CPU.
#
#   benchmarks/http-open.sh
#   benchmarks/http-open.sh --bench.subscriptions=2000,10000 --bench.openers=4 --bench.drain-timeout=60m
#
# Environment (PORT, default 18089; SKIP_BUILD, MAVEN_ARGS, LEDGER_OPTS, LEDGER_JAR): see over-http.sh.
exec "$(dirname "$0")/over-http.sh" http-open 18089 "$@"

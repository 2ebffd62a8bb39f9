#!/usr/bin/env bash
# POST /api/usage/batches over real HTTP (HttpUsageBenchmark; see docs/benchmarks.md, "Usage over HTTP"): starts the
# ledger jar as its own process on a fresh embedded PostgreSQL, loads the sample catalog, opens the subscriptions
# (GOLD with PPV-MOVIES), then measures batches of 1,000 new usage records at 1, 4 and 8 clients.
#
#   benchmarks/http-usage.sh
#   benchmarks/http-usage.sh --bench.clients=1,4,8 --bench.subscriptions=100 --bench.batch=1000 --bench.duration=10s
#
# Environment (PORT, default 18088; SKIP_BUILD, MAVEN_ARGS, LEDGER_OPTS): see over-http.sh.
exec "$(dirname "$0")/over-http.sh" http-usage 18088 "$@"

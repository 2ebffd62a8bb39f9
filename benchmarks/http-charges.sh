#!/usr/bin/env bash
# POST /api/accounts/{id}/charges over real HTTP (HttpChargeBenchmark; see docs/benchmarks.md, "Over HTTP"): starts
# the ledger jar as its own process on a fresh embedded PostgreSQL, creates an API key, opens the accounts, then
# measures 16 clients with the API key, with HTTP Basic (cached), and with the API key during a wrong-password flood.
#
#   benchmarks/http-charges.sh
#   benchmarks/http-charges.sh --bench.duration=10s --bench.clients=16 --bench.accounts=200
#
# Environment (PORT, default 18087; SKIP_BUILD, MAVEN_ARGS, LEDGER_OPTS): see over-http.sh.
exec "$(dirname "$0")/over-http.sh" http-charges 18087 "$@"

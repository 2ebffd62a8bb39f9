#!/usr/bin/env bash
# What the access filter costs (AccessFilterBenchmark; see docs/benchmarks.md, "Access filter"): seeds N accounts and
# N subscriptions owned by 11 units (one in 12 of no unit) into the read models, then times the account list, the
# list of a status and the customer overview through the query bus without a scope, as a super user and as agents of
# one and three units; then charges through the command gateway without and with an agent's scope.
#
#   benchmarks/access-filter.sh --bench.accounts=100000 --bench.queries=500 --bench.charges=2000
#
# Environment (HEAP, default 2g; JAVA_OPTS, SKIP_BUILD, MAVEN_ARGS): see in-process.sh.
exec "$(dirname "$0")/in-process.sh" access-filter "$@"

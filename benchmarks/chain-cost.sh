#!/usr/bin/env bash
# What the hash chain costs the command path (ChainCostBenchmark; see docs/benchmarks.md, "Hash chain"): charges
# through the command gateway with the chainer running and stopped, alternating, then verification speed.
#
#   benchmarks/chain-cost.sh --bench.charges=4000 --bench.clients=4 --bench.pairs=4
#
# Environment (HEAP, default 2g; JAVA_OPTS, SKIP_BUILD, MAVEN_ARGS): see in-process.sh.
exec "$(dirname "$0")/in-process.sh" chain-cost "$@"

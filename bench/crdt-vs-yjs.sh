#!/usr/bin/env bash
# Times the CRDT operations of Tanaka.Crdt (BenchmarkDotNet, Crdt/WorkspaceBenchmarks) and of
# yjs / ywasm (bench/node/yjs-bench.mjs) on the same input, one after the other, and prints the
# Tanaka / yjs ratio per operation. Extra arguments go to BenchmarkDotNet, e.g. `--job short`.
set -euo pipefail
cd "$(dirname "$0")/.."
node bench/node/make-workspace.mjs
rm -f BenchmarkDotNet.Artifacts/results/*WorkspaceBenchmarks*
dotnet run -c Release --project bench/Tanaka.Benchmarks -- --filter '*WorkspaceBenchmarks*' --exporters json "$@"
node bench/node/yjs-bench.mjs --dotnet

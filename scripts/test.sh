#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs every test project with
# coverage, enforces the coverage floor and prints `tests: N passed, M failed` last.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> npm packages for the yjs oracle and the TypeScript client"
for dir in tests/oracle clients/typescript; do
  if [ -f "$dir/package.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

echo "==> oracle fixtures from the real yjs"
node tests/oracle/generate.mjs

echo "==> restore and build"
dotnet tool restore >/dev/null
build_started=$(date +%s)
dotnet build Tanaka.slnx -c Release -nologo -v minimal
echo "build: $(( $(date +%s) - build_started )) s"

echo "==> code style (dotnet format --verify-no-changes)"
format_ok=1
dotnet format Tanaka.slnx --verify-no-changes --no-restore || format_ok=0

echo "==> tests"
# Coverage names the assemblies to instrument: coverlet leaves the server (tanaka.dll, an
# executable) out by default, and any ExcludeByAttribute setting makes it skip it again.
status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  dotnet test "$proj" -c Release --no-build -nologo \
    --results-directory "$results/$name" \
    --logger "trx;LogFileName=$name.trx" \
    --collect:"XPlat Code Coverage" \
    -- DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura \
       "DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Include=[tanaka]*,[Tanaka.Crdt]*,[Tanaka.Client]*" \
    || status=1
done

passed=0
failed=0
for trx in $(find "$results" -name '*.trx'); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

echo "==> coverage (Tanaka.Crdt and Tanaka.Server; floor: 80 % lines, 70 % branches)"
# Each run leaves its report twice (the run folder and a copy under _vm_*): take one.
reports=$(find "$results" -name 'coverage.cobertura.xml' -not -path '*/In/*' | paste -sd ';' -)
coverage_ok=1
if [ -n "$reports" ]; then
  dotnet reportgenerator "-reports:$reports" "-targetdir:$root/artifacts/coverage" \
    "-reporttypes:TextSummary;Html" "-assemblyfilters:+Tanaka.Crdt;+tanaka" \
    "-classfilters:-*.Generated*;-System.*;-Microsoft.*" >/dev/null
  summary="$root/artifacts/coverage/Summary.txt"
  sed -n '1,20p' "$summary"
  line=$(sed -n 's/^ *Line coverage: *\([0-9.]*\)%.*/\1/p' "$summary" | head -n1)
  branch=$(sed -n 's/^ *Branch coverage: *\([0-9.]*\)%.*/\1/p' "$summary" | head -n1)
  if ! awk -v l="${line:-0}" -v b="${branch:-0}" 'BEGIN { exit !(l >= 80 && b >= 70) }'; then
    echo "coverage below the floor: lines ${line:-?} %, branches ${branch:-?} %"
    coverage_ok=0
  fi
else
  echo "no coverage reports were produced"
  coverage_ok=0
fi

if [ "$passed" -eq 0 ]; then
  echo "no tests ran"
  status=1
fi
[ "$coverage_ok" -eq 1 ] || status=1
if [ "$format_ok" -eq 0 ]; then
  echo "code style: dotnet format found changes to make (run: dotnet format Tanaka.slnx)"
  status=1
fi
echo "tests: $passed passed, $failed failed"
exit $status

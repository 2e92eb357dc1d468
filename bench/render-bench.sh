#!/usr/bin/env bash
# Median time of JsonNode -> models -> status tree text for synthetic 500/1,000/2,000-node pipelines.
# Usage: bench/render-bench.sh [rounds] [warmup]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/bkops.jar ]]; then
  mvn -o -q -B package -DskipTests
fi
# Incremental; target/classes comes first on the class path so an older jar cannot shadow fresh code.
mvn -o -q -B test-compile
exec java -cp target/classes:target/test-classes:target/bkops.jar bkops.bench.RenderBench "$@"

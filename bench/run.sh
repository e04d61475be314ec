#!/usr/bin/env bash
# One command: generate the penalty file, load it through the hub and through COPY + upsert, print both rates.
# Arguments go to IngestBenchmark (--rows N, --keep, --anchor-only, ...); see bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LANG="${LANG:-C.UTF-8}"

modules=hub,bench
for arg in "$@"; do
  if [[ "$arg" == --anchor-only ]]; then modules=bench; fi
done

# Package and write the classpath in one reactor run: a separate `mvn -pl bench dependency:build-classpath` would
# resolve huiju-model from ~/.m2 (possibly stale) instead of model/target. Each module writes its own
# target/classpath.txt; the bench's is the one used.
mvn -B -q -DskipTests -Dspotless.check.skip=true -pl "$modules" -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime

exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.huiju.bench.IngestBenchmark "$@"

#!/usr/bin/env bash
# One command: generate the penalty file, load it through the hub and through COPY + upsert, print both rates.
# Arguments go to IngestBenchmark (--rows N, --keep, --anchor-only, ...); see bench/README.md.
# With --excel, the same rows as .csv and as .xlsx through one hub each instead (ExcelBenchmark, issue [2]).
# With --frontdb, rows in a MariaDB exchange table through a frontdb-poll feed vs a plain JDBC copy (FrontDbBenchmark, [3]).
# With --soap, SOAP submissions of 100 and of 1 record per call beside GET /actuator/health (SoapBenchmark, issue [3]).
# With --kafka, records in/out through a KRaft broker started in the bench vs a plain consumer/producer (KafkaBenchmark, [3]).
# With --sync, city hub → bridge → province hub over two Artemis brokers vs plain JMS over the same bridge (SyncBenchmark, [4]).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LANG="${LANG:-C.UTF-8}"

modules=hub,bench
main=io.huiju.bench.IngestBenchmark
args=()
for arg in "$@"; do
  case "$arg" in
    --anchor-only) modules=bench; args+=("$arg") ;;
    --excel) main=io.huiju.bench.ExcelBenchmark ;;
    --frontdb) main=io.huiju.bench.FrontDbBenchmark ;;
    --soap) main=io.huiju.bench.SoapBenchmark ;;
    --kafka) main=io.huiju.bench.KafkaBenchmark ;;
    --sync) main=io.huiju.bench.SyncBenchmark ;;
    *) args+=("$arg") ;;
  esac
done

# Package and write the classpath in one reactor run: a separate `mvn -pl bench dependency:build-classpath` would
# resolve huiju-model from ~/.m2 (possibly stale) instead of model/target. Each module writes its own
# target/classpath.txt; the bench's is the one used. BENCH_MVN_OPTS adds options, e.g. -o to stay offline.
mvn -B -q ${BENCH_MVN_OPTS:-} -DskipTests -Dspotless.check.skip=true -pl "$modules" -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime

exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" ${args[@]+"${args[@]}"}

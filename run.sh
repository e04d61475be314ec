#!/usr/bin/env bash
# Start the hub with its embedded defaults (H2 under data/, an embedded Artemis broker): nothing to install but a JDK
# and Maven. Builds first when the application jar is missing or older than the sources. Extra arguments go to the hub,
# e.g. ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
jar=hub/target/huiju-hub-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml model transformers adapters hub -newer "$jar" -type f -not -path '*/target/*' | head -n 1)" ]; then
    mvn -B -q -DskipTests -Dspotless.check.skip=true install -pl model,transformers,adapters,hub -am
fi
exec java ${HUIJU_JAVA_OPTS:-} -jar "$jar" "$@"

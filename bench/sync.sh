#!/usr/bin/env bash
# Sync benchmark on the sandbox with the real vote app: save → file in pod p50/p95, save → vote serves new code p50,
# initial sync of 1,000 files / 20 MB vs fabric8 per-file upload().
# Usage: bench/sync.sh [saves=40] [reloads=10] [uploadFiles=200]  (upload() time extrapolated to 1,000 files)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -o -pl testbed,server -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="server/target/test-classes:server/target/classes:$(cat server/target/test-classpath.txt)"
exec java -cp "$cp" io.hostk8s.dev.sync.SyncBench "$@"

#!/usr/bin/env bash
# Reload benchmark on the sandbox with the real vote app (Debian python3 + Flask + debugpy), the product's sync, debug
# adapter and port-forward: save → vote serves the new code with a debugger attached (breakpoint in the edited handler,
# checked to stop after each save) and without, before (Werkzeug's reloader) and after (devserver.py) in one run, with
# the stages (sync, detect, import/restart, re-attach) and the product's serving probe; then the result service (Node).
# Usage: bench/reload.sh [edits=10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -o -pl testbed,server -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="server/target/test-classes:server/target/classes:$(cat server/target/test-classpath.txt)"
java -cp "$cp" io.hostk8s.dev.dap.ReloadBench "$@"
/usr/bin/python3 bench/result_reload.py "${1:-10}"

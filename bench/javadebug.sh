#!/usr/bin/env bash
# java-debug bench: attach → stopped at a breakpoint through JavaDebugAdapter against a real JDWP JVM.
# Usage: bench/javadebug.sh [runs]   (default 20; the first session is reported separately: cold classes)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
jar="$PWD/server/target/hostk8s-dev-server.jar"
[ -f "$jar" ] || mvn -q -B -ntp -o -pl server -am package -DskipTests
java -cp "$jar" bench/javadebug/JavaDebugBench.java "$runs" 2>/dev/null

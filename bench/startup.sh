#!/usr/bin/env bash
# Startup benchmark: cold JVM → initialize answered (median of N runs), idle RSS, jar size.
# Usage: bench/startup.sh [runs]   — prints the figures for the default flags and for a lean flag set.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
jar="$PWD/server/target/hostk8s-dev-server.jar"
[ -f "$jar" ] || mvn -q -B -ntp -pl server -am package -DskipTests
java -cp "$jar" bench/StartupBench.java "$jar" "$runs"
java -cp "$jar" bench/StartupBench.java "$jar" "$runs" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=64m

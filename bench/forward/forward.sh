#!/usr/bin/env bash
# Pod replaced → forward back (target ≤ 1 s after the new pod is Ready). Usage: bench/forward/forward.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-10}"
server="$PWD/server/target/hostk8s-dev-server.jar"
testbed="$PWD/testbed/target/hostk8s-dev-testbed.jar"
[ -f "$server" ] && [ -f "$testbed" ] || mvn -q -B -ntp -o -pl testbed,server -am package -DskipTests
java -cp "$server:$testbed" bench/forward/ForwardBench.java "$PWD" "$rounds" 2>/dev/null

#!/usr/bin/env bash
# DAP proxy added latency vs a direct debugpy connection (target ≤ 1 ms, ratio ≤ 1.1) and attach → first breakpoint
# verified (target ≤ 2 s), on the real vote app under Debian's debugpy. Usage: bench/dap/dap.sh [requests] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
server="$PWD/server/target/hostk8s-dev-server.jar"
[ -f "$server" ] || mvn -q -B -ntp -o -pl testbed,server -am package -DskipTests
java -cp "$server" bench/dap/DapBench.java "$PWD" "${1:-1000}" "${2:-3}" 2>/dev/null

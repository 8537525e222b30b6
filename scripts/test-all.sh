#!/usr/bin/env bash
# The whole test suite: Java (unit + wire-level + sandbox), vote (pytest), result (node --test), end to end.
# `make test` runs this after `make setup` (scripts/setup.sh: Debian packages, npm packages, the e2e toolchain);
# .ci/run runs `make test`.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
bash scripts/setup.sh test || { echo "FAILED: set-up (scripts/setup.sh test)"; exit 1; }
failed=()
step() {
  local name="$1"; shift
  echo "==> $name: $*"
  if "$@"; then echo "==> $name: OK"; else echo "==> $name: FAILED"; failed+=("$name"); fi
}
step java   mvn -B -ntp -fae verify
step setup  $PY -m pytest -q scripts/tests
step vscode-unit bash -c "cd vscode-extension && npm test"
step vscode-e2e  bash vscode-extension/e2e/run.sh
step vote   bash -c "cd voting-app/vote && $PY -m pytest -q tests"
step result bash -c "cd voting-app/result && npm test"
step e2e    $PY -m pytest -q voting-app/tests
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED steps: ${failed[*]}"
  exit 1
fi
echo "all test steps passed"

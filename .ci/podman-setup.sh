#!/usr/bin/env bash
# Prepares a private Podman set-up for the build tests (real builds through the Docker Engine API without Docker).
#   .ci/podman-setup.sh STATE_DIR [REGISTRY_HOST:PORT ...]
# - caches a Debian bookworm minbase root file system as a tarball (debootstrap from the apt mirror, ~2 min once)
#   in $HOSTK8S_CACHE (default /var/cache/hostk8s-dev), outside the repository;
# - writes containers.conf (runc, capped ulimits: this host's hard nofile limit is 20000), storage.conf (a store
#   private to STATE_DIR) and registries.conf (each REGISTRY_HOST:PORT marked insecure) into STATE_DIR;
# - imports the base into that store as localhost/hostk8s-base:bookworm;
# - prints the environment to use (CONTAINERS_CONF, CONTAINERS_STORAGE_CONF, CONTAINERS_REGISTRIES_CONF) as
#   KEY=VALUE lines. The caller starts `podman system service --time=0 unix://STATE_DIR/podman.sock` itself.
# Idempotent; needs root, podman, runc and debootstrap (make setup installs them).
set -euo pipefail
STATE=${1:?usage: podman-setup.sh STATE_DIR [REGISTRY_HOST:PORT ...]}
shift
CACHE=${HOSTK8S_CACHE:-/var/cache/hostk8s-dev}
BASE_TAR="$CACHE/bookworm-minbase.tar"
BASE_IMAGE=localhost/hostk8s-base:bookworm

mirror() {
  local uri
  uri=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -m1 -E 'debian/?( |$)' | sed -E 's/^URIs: *//; s/^deb (\[[^]]*\] )?//; s/ .*//')
  echo "${uri:-http://deb.debian.org/debian}"
}

if [ ! -s "$BASE_TAR" ]; then
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock 9
  if [ ! -s "$BASE_TAR" ]; then
    rootfs=$(mktemp -d "$CACHE/rootfs.XXXXXX")
    debootstrap --variant=minbase bookworm "$rootfs" "$(mirror)" >"$CACHE/debootstrap.log" 2>&1
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" --numeric-owner -cf "$BASE_TAR.partial" .
    mv "$BASE_TAR.partial" "$BASE_TAR"
    rm -rf "$rootfs"
  fi
  flock -u 9
fi

mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
cat >"$STATE/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=20000:20000"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
driver=overlay
[ -n "${HOSTK8S_PODMAN_DRIVER:-}" ] && driver=$HOSTK8S_PODMAN_DRIVER
cat >"$STATE/storage.conf" <<CONF
[storage]
driver = "$driver"
graphroot = "$STATE/storage"
runroot = "$STATE/run"
CONF
{
  echo 'unqualified-search-registries = []'
  for r in "$@"; do
    printf '[[registry]]\nlocation = "%s"\ninsecure = true\n' "$r"
  done
} >"$STATE/registries.conf"

export CONTAINERS_CONF="$STATE/containers.conf" CONTAINERS_STORAGE_CONF="$STATE/storage.conf" \
  CONTAINERS_REGISTRIES_CONF="$STATE/registries.conf"
if ! podman image exists "$BASE_IMAGE" 2>/dev/null; then
  podman import "$BASE_TAR" "$BASE_IMAGE" >"$STATE/import.log" 2>&1
fi
echo "CONTAINERS_CONF=$CONTAINERS_CONF"
echo "CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF"
echo "CONTAINERS_REGISTRIES_CONF=$CONTAINERS_REGISTRIES_CONF"
echo "BASE_IMAGE=$BASE_IMAGE"

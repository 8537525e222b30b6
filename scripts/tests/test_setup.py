"""scripts/setup.sh — the one set-up `make dev` and `make test` depend on.

The idempotency test runs the real script on this machine (CI runs it after `make test`'s own set-up, so
everything is in place): a second run must change nothing and answer well under a second. The other tests put
stubs first on PATH (dpkg-query reporting a package missing, a recording apt-get, a non-root `id`, a failing
sudo, an old node) to check each branch without touching the machine.
"""
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SETUP = REPO / "scripts" / "setup.sh"


def run(args, env=None, timeout=600):
    t0 = time.monotonic()
    p = subprocess.run(["bash", str(SETUP), *args], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=timeout)
    return p, time.monotonic() - t0


def snapshot():
    """What a set-up run could change: the dpkg database and the npm installs."""
    files = [Path("/var/lib/dpkg/status"),
             REPO / "voting-app/result/node_modules/.package-lock.json",
             REPO / "vscode-extension/node_modules/.package-lock.json"]
    return {str(f): f.stat().st_mtime_ns for f in files if f.exists()}


def test_second_run_changes_nothing_and_is_fast():
    first, _ = run(["test"])  # brings the machine there if it is not (CI: already done by `make test`)
    assert first.returncode == 0, first.stderr
    before = snapshot()
    second, seconds = run(["test"])
    assert second.returncode == 0, second.stderr
    assert "everything in place for 'test'" in second.stderr
    assert snapshot() == before, "a second set-up run changed the machine"
    assert seconds < 1.0, f"second run took {seconds:.2f} s"
    check, _ = run(["check"])
    assert check.returncode == 0, check.stderr


def stub_path(tmp_path, stubs):
    """A PATH whose first directory holds the given stub scripts; the rest of the machine's PATH follows."""
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    for name, body in stubs.items():
        f = bindir / name
        f.write_text("#!/bin/bash\n" + body + "\n")
        f.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bindir}:{env['PATH']}"
    env["CALLS"] = str(tmp_path / "calls")
    return env


# dpkg-query that reports every package installed except python3-flask
DPKG_ALL_BUT_FLASK = ('for a in "$@"; do case "$a" in -*) ;; python3-flask) ;; '
                      '*) echo "$a installed";; esac; done')


def test_missing_package_without_root_or_sudo_prints_the_exact_apt_line(tmp_path):
    env = stub_path(tmp_path, {
        "dpkg-query": DPKG_ALL_BUT_FLASK,
        "id": 'echo 1000',
        "sudo": 'echo "sudo $*" >> "$CALLS"; exit 1',
        "apt-get": 'echo "apt-get $*" >> "$CALLS"; exit 0',
    })
    p, seconds = run(["dev"], env=env)
    assert p.returncode == 1
    assert "python3-flask" in p.stderr
    assert "apt-get install -y --no-install-recommends python3-flask" in p.stderr
    calls = (tmp_path / "calls").read_text() if (tmp_path / "calls").exists() else ""
    assert "apt-get" not in calls, "installed without root"
    assert seconds < 2


def test_missing_package_as_root_installs_exactly_it_and_stops_nothing_else(tmp_path):
    env = stub_path(tmp_path, {
        "dpkg-query": DPKG_ALL_BUT_FLASK,
        "id": 'echo 0',
        "apt-get": 'echo "apt-get $*" >> "$CALLS"; exit 0',
        "service": 'echo "service $*" >> "$CALLS"; exit 0',
        "npm": 'echo "npm $*" >> "$CALLS"; exit 0',
    })
    p, _ = run(["dev"], env=env)
    assert p.returncode == 0, p.stderr
    calls = (tmp_path / "calls").read_text().splitlines()
    assert "apt-get update -qq" in calls
    installs = [c for c in calls if c.startswith("apt-get") and " install " in c]
    assert len(installs) == 1 and installs[0].endswith("--no-install-recommends python3-flask"), calls
    assert not any(c.startswith("service") for c in calls), "stopped a service it did not install"


def test_old_node_is_named_with_what_is_needed(tmp_path):
    env = stub_path(tmp_path, {"node": 'echo v18.19.0'})
    p, _ = run(["dev"], env=env)
    assert p.returncode == 1
    assert "node on PATH is v18; 20 or newer is needed" in p.stderr


def test_missing_java_is_named(tmp_path):
    # a PATH with everything the script needs but java
    bindir = tmp_path / "nojava"
    bindir.mkdir()
    for tool in ["bash", "dirname", "sed", "awk", "grep", "head", "date", "dpkg-query", "node", "npm", "mvn", "make", "id"]:
        real = shutil.which(tool)
        if real:
            (bindir / tool).symlink_to(real)
    env = dict(os.environ, PATH=str(bindir))
    p = subprocess.run(["/bin/bash", str(SETUP), "dev"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 1
    assert "Java 17+ is not on PATH" in p.stderr


def test_unknown_profile_is_refused():
    p, _ = run(["prod"])
    assert p.returncode == 2
    assert "usage: scripts/setup.sh" in p.stderr

"""Drives voting-app/run-local.sh for the end-to-end tests and finds the processes it started."""
import os
import shutil
import subprocess
import tempfile

import pytest

VOTING_APP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN_LOCAL = os.path.join(VOTING_APP, "run-local.sh")
WORKER_JAR = os.path.join(VOTING_APP, "worker", "target", "hostk8s-worker.jar")
RESULT_DIR = os.path.join(VOTING_APP, "result")


def require_prerequisites():
    """Missing build outputs fail with the command that builds them; missing system tools fail under CI."""
    if not os.path.isfile(WORKER_JAR):
        pytest.fail("worker jar missing; build it: mvn -q -B -pl voting-app/worker -am package -DskipTests")
    if not os.path.isdir(os.path.join(RESULT_DIR, "node_modules")):
        pytest.fail("result's node_modules missing; install them: (cd voting-app/result && npm ci)")
    tools = {"redis-server": "redis-server", "java": "a JDK 17", "node": "Node 20", "setsid": "util-linux"}
    missing = [f"{tool} ({what})" for tool, what in tools.items() if not shutil.which(tool)]
    if not any(os.path.isfile(f"/usr/lib/postgresql/{v}/bin/postgres") for v in range(12, 20)) \
            and not shutil.which("postgres"):
        missing.append("postgres (apt-get install postgresql)")
    if missing:
        message = "missing tools: " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def new_state_dir():
    """A state dir outside pytest's 0700 tmp tree: postgres runs as the `postgres` user and must reach it."""
    path = tempfile.mkdtemp(prefix="vote-e2e-")
    os.chmod(path, 0o755)
    return path


def run(command, state_dir, timeout, **env):
    environment = dict(os.environ, RUN_LOCAL_STATE=state_dir, **env)
    return subprocess.run([RUN_LOCAL, command], env=environment, capture_output=True, text=True,
                          timeout=timeout)


def processes_of(state_dir):
    """Live (non-zombie) processes that inherited RUN_LOCAL_STATE=state_dir, i.e. what `up` started (except
    redis-server, whose title overwrites its environment: see recorded_pids and ports_of)."""
    return processes_with_env("RUN_LOCAL_STATE", state_dir)


def recorded_pids(state_dir):
    """The service pids `up` recorded in STATE/pids/."""
    pids_dir = os.path.join(state_dir, "pids")
    pids = []
    for name in sorted(os.listdir(pids_dir)) if os.path.isdir(pids_dir) else []:
        with open(os.path.join(pids_dir, name)) as f:
            pids.append(int(f.read().split()[0]))
    return pids


def ports_of(state_dir):
    """The loopback ports `up` picked (STATE/ports.env, written before anything starts)."""
    with open(os.path.join(state_dir, "ports.env")) as f:
        return {k: int(v) for k, v in (line.strip().split("=", 1) for line in f if "=" in line)}


def pid_running(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def processes_with_env(name, value):
    """Live (non-zombie) processes whose environment holds name=value, as "pid cmdline" strings."""
    marker = f"{name}={value}".encode()
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                if marker not in f.read().split(b"\0"):
                    continue
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if state != "Z" and int(pid) != os.getpid():
            found.append(f"{pid} {cmdline}")
    return found

"""Runs `run-local.sh service NAME` in the foreground, as the sandbox test bed does, and cleans up after."""
import os
import signal
import socket
import subprocess
import time
import uuid

import pytest

from stack import RUN_LOCAL, processes_with_env

MARKER = "RUN_LOCAL_TEST_MARKER"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need(tool, found):
    """A missing tool fails the test under CI=true, else skips it."""
    if found:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} is missing")
    pytest.skip(f"{tool} is missing")


def wait_until(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class Services:
    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.marker = uuid.uuid4().hex
        self.procs = []

    def start(self, name, **env):
        environment = dict(os.environ, **{MARKER: self.marker}, **{k: str(v) for k, v in env.items()})
        log = open(os.path.join(self.log_dir, f"{name}.log"), "ab")
        proc = subprocess.Popen([RUN_LOCAL, "service", name], env=environment, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.procs.append(proc)
        return proc

    def log(self, name):
        with open(os.path.join(self.log_dir, f"{name}.log"), errors="replace") as f:
            return f.read()

    def alive(self):
        """Processes still running: those carrying the marker (the debugpy adapter and children too) and the
        started ones themselves (redis-server rewrites its title over its environment, hiding the marker)."""
        found = processes_with_env(MARKER, self.marker)
        pids = {entry.split()[0] for entry in found}
        return found + [f"{p.pid} {p.args}" for p in self.procs if p.poll() is None and str(p.pid) not in pids]

    def stop_all(self):
        """TERM, then KILL, every process group started here and every process carrying the marker."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for proc in self.procs:
                if proc.poll() is None:
                    try:
                        os.killpg(proc.pid, sig)
                    except ProcessLookupError:
                        pass
            for entry in self.alive():
                try:
                    os.kill(int(entry.split()[0]), sig)
                except ProcessLookupError:
                    pass
            try:
                wait_until(lambda: not self.alive(), 15, "the services to stop")
                return
            except AssertionError:
                continue

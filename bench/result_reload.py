"""result (Node) reload bench: `run-local.sh service result` with RELOAD=1 (nodemon, as the dev image runs it), an edit of src/routes.js → the new /livez answer, p50/p95 over N edits; and the floor: a cold
`node server.js` until /livez answers (what every restart pays). /livez needs no database.
Usage: python3 bench/result_reload.py [edits=10]"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
RESULT = os.path.join(HERE, "..", "voting-app", "result")
RUN_LOCAL = os.path.join(HERE, "..", "voting-app", "run-local.sh")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def livez(port):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/livez" % port, timeout=5) as r:
            return r.read().decode()
    except OSError:
        return ""


def start(app, port, reload):
    env = dict(os.environ, PORT=str(port), APP_DIR=app, RELOAD=reload,
               DATABASE_URL="postgres://postgres:postgres@127.0.0.1:%d/votes" % free_port())
    return subprocess.Popen([RUN_LOCAL, "service", "result"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def wait(check, timeout=60):
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        time.sleep(0.01)


def pct(values, p):
    s = sorted(values)
    return s[max(0, -(-p * len(s) // 100) - 1)]


def main():
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    tmp = tempfile.mkdtemp(prefix="result-reload-")
    app = os.path.join(tmp, "result")
    shutil.copytree(RESULT, app, symlinks=True, ignore=shutil.ignore_patterns("test"))
    routes = os.path.join(app, "src", "routes.js")
    with open(routes) as f:
        base = f.read()
    port = free_port()
    cold = []
    for _ in range(3):
        t0 = time.monotonic()
        proc = start(app, port, "0")
        wait(lambda: '"ok"' in livez(port))
        cold.append(int((time.monotonic() - t0) * 1000))
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    proc = start(app, port, "1")
    served = []
    try:
        wait(lambda: '"ok"' in livez(port))
        time.sleep(1)
        for i in range(edits):
            t0 = time.monotonic()
            with open(routes, "w") as f:
                f.write(base.replace("res.json({ status: 'ok' })", "res.json({ status: 'ok', v: %d })" % i))
            wait(lambda: '"v":%d}' % i in livez(port))
            served.append(int((time.monotonic() - t0) * 1000))
            time.sleep(1)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    print("result (Node): cold `node server.js` → /livez answers (3 starts, the floor of any restart): p50 %d ms, max %d"
          % (pct(cold, 50), max(cold)))
    print("result (Node, nodemon as in the dev image): save → new code served (%d edits): p50 %d ms, "
          "p95 %d ms, min %d, max %d" % (edits, pct(served, 50), pct(served, 95), min(served), max(served)))


if __name__ == "__main__":
    main()

"""`run-local.sh service NAME`: each service in the foreground, configured by the environment (contract 1)."""
import json
import os
import shutil
import signal
import socket
import threading
import urllib.request

import pytest

from dap_client import DapClient, port_listening
from services import Services, free_port, need, wait_until
from stack import VOTING_APP, new_state_dir


@pytest.fixture
def services(tmp_path):
    need("redis-server", shutil.which("redis-server"))
    running = Services(str(tmp_path))
    yield running
    running.stop_all()
    assert running.alive() == []


def redis_ping(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()
    except OSError:
        return None, None


def start_redis(services):
    port = free_port()
    proc = services.start("redis", PORT=port)
    wait_until(lambda: redis_ping(port), 30, "redis")
    return port, proc


def test_redis_runs_in_the_foreground_and_stops_on_sigterm(services):
    port, proc = start_redis(services)
    assert proc.poll() is None
    proc.send_signal(signal.SIGTERM)  # exec: the signal reaches redis-server itself
    assert proc.wait(timeout=15) == 0
    assert not redis_ping(port)


def test_db_initialises_its_data_dir_with_password_and_database_and_keeps_it(services):
    psycopg2 = pytest.importorskip("psycopg2") if os.environ.get("CI") != "true" else __import__("psycopg2")
    need("postgres", any(os.path.isdir(f"/usr/lib/postgresql/{v}/bin") for v in range(12, 20)))
    data_dir = os.path.join(new_state_dir(), "pgdata")
    port = free_port()
    env = dict(PORT=port, DATA_DIR=data_dir, POSTGRES_USER="voter", POSTGRES_PASSWORD="s3cret",
               POSTGRES_DB="ballots")

    def connect(password="s3cret"):
        return psycopg2.connect(host="127.0.0.1", port=port, user="voter", password=password,
                                dbname="ballots", connect_timeout=3)

    def accepting():
        try:
            connect().close()
            return True
        except psycopg2.OperationalError:
            return False

    try:
        proc = services.start("db", **env)
        wait_until(accepting, 90, "postgres")
        with connect() as conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)")
        with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
            connect(password="wrong")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        services.start("db", **env)  # same DATA_DIR: no initdb, the data is still there
        wait_until(accepting, 60, "postgres after a restart")
        with connect() as conn, conn.cursor() as cur:
            cur.execute("SELECT x FROM kept")
            assert cur.fetchall() == [(42,)]
    finally:
        services.stop_all()
        shutil.rmtree(os.path.dirname(data_dir), ignore_errors=True)


def line_of(path, text):
    with open(path) as f:
        return next(n for n, line in enumerate(f, 1) if text in line)


def attach_child(port, attach_body, app_py, line=None):
    """Attaches to the reloader child announced by debugpyAttach, with a breakpoint at app.py:line if given."""
    child = DapClient(port)
    child.response(child.send("initialize", adapterID="debugpy", clientID="tests", pathFormat="path",
                              linesStartAt1=True, columnsStartAt1=True))
    attach = child.send("attach", **attach_body)
    child.event("initialized")
    if line is not None:
        bps = child.response(child.send("setBreakpoints", source={"path": app_py}, breakpoints=[{"line": line}]))
        assert bps["body"]["breakpoints"][0]["verified"], bps
    child.response(child.send("configurationDone"))
    assert child.response(attach)["success"]
    return child


def test_vote_runs_under_debugpy_and_reloads_edits_in_place(services, tmp_path):
    pytest.importorskip("debugpy") if os.environ.get("CI") != "true" else __import__("debugpy")
    app_dir = tmp_path / "vote"
    shutil.copytree(os.path.join(VOTING_APP, "vote"), app_dir, ignore=shutil.ignore_patterns("__pycache__"))
    app_py = str(app_dir / "app.py")
    redis_port, _ = start_redis(services)
    port, debug_port = free_port(), free_port()
    services.start("vote", PORT=port, APP_DIR=app_dir, REDIS_HOST="127.0.0.1", REDIS_PORT=redis_port,
                   DEBUGPY_PORT=debug_port, OPTION_A="Tea", OPTION_B="Coffee", HOSTNAME="vote-test")
    wait_until(lambda: port_listening(debug_port), 60, "debugpy to listen")
    wait_until(lambda: get(f"http://127.0.0.1:{port}/healthz")[0] == 200, 90, "vote /healthz")
    assert "Tea vs Coffee!" in get(f"http://127.0.0.1:{port}/")[1]

    parent = DapClient(debug_port)
    parent.response(parent.send("initialize", adapterID="debugpy", clientID="tests", pathFormat="path",
                                linesStartAt1=True, columnsStartAt1=True))
    attach = parent.send("attach", justMyCode=True, subProcess=True)
    parent.event("initialized")
    parent.response(parent.send("configurationDone"))
    assert parent.response(attach)["success"]
    announced = parent.event("debugpyAttach", timeout=60)["body"]  # devserver.py's worker
    child = attach_child(debug_port, announced, app_py, line_of(app_py, "store.ping()"))

    answer = {}
    request = threading.Thread(target=lambda: answer.update(r=get(f"http://127.0.0.1:{port}/healthz", 60)))
    request.start()
    stopped = child.event("stopped", timeout=60)["body"]
    assert stopped["reason"] == "breakpoint"
    assert "r" not in answer  # the request is held at the breakpoint
    child.response(child.send("continue", threadId=stopped["threadId"]))
    request.join(60)
    assert answer["r"][0] == 200
    child.response(child.send("disconnect"))
    child.close()

    # An edited template shows on the next request, without a restart.
    template = app_dir / "templates" / "index.html"
    template.write_text(template.read_text().replace("Processed by container ID", "Served by pod"))
    wait_until(lambda: "Served by pod vote-test" in (get(f"http://127.0.0.1:{port}/")[1] or ""), 30,
               "the edited template")

    # Hot reload: devserver.py reloads the edited app.py in place, in the same worker process: no new
    # subprocess for the debugger (test_dev_reload.py covers breakpoints, errors and bursts across reloads).
    with open(app_py) as f:
        source = f.read()
    with open(app_py, "w") as f:
        f.write(source.replace('jsonify(status="ok", redis="ok")', 'jsonify(status="ok", redis="ok", edited=1)'))
    wait_until(lambda: json.loads(get(f"http://127.0.0.1:{port}/healthz")[1] or "{}").get("edited") == 1,
               30, "the reloaded app")
    with pytest.raises(TimeoutError):
        parent.event("debugpyAttach", timeout=0.5)
    parent.close()


def test_vote_with_debugpy_wait_serves_nothing_until_a_debugger_attaches(services):
    pytest.importorskip("debugpy") if os.environ.get("CI") != "true" else __import__("debugpy")
    redis_port, _ = start_redis(services)
    port, debug_port = free_port(), free_port()
    services.start("vote", PORT=port, REDIS_HOST="127.0.0.1", REDIS_PORT=redis_port,
                   DEBUGPY_PORT=debug_port, DEBUGPY_WAIT=1)
    wait_until(lambda: port_listening(debug_port), 60, "debugpy to listen")
    with pytest.raises(AssertionError):
        wait_until(lambda: port_listening(port), 5, "Flask (it should wait for the debugger)")

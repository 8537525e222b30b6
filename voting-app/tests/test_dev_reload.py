"""vote's dev server (devserver.py) under real debugpy, started as the sandbox and the dev image start it
(`run-local.sh service vote`), with one debugger session attached for the whole module: saves are served in place,
the session's breakpoints keep stopping, errors show and recover, a burst ends on the last version."""
import os
import shutil
import threading
import time
import urllib.request

import pytest

from dap_client import DapClient, port_listening
from services import Services, free_port, need, wait_until
from stack import VOTING_APP

ROUTE = '''

@app.route("/probe")
def probe():
    version = "{version}"
    return version + LABEL
'''


def fetch(url, timeout=10):
    """(status, body, X-Dev-Reload header) or (None, error, None)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode(), resp.headers.get("X-Dev-Reload")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), err.headers.get("X-Dev-Reload")
    except OSError as err:
        return None, str(err), None


def generation(header):
    return int(header.split(";")[0].split("=")[1]) if header else -1


class Vote:
    """The running service, its app.py copy and the IDE's two DAP connections (root and app process)."""

    def __init__(self, services, app_dir):
        self.app_py = str(app_dir / "app.py")
        with open(self.app_py) as f:
            self.base = f.read()
        self.services = services
        self.port, self.debug_port = free_port(), free_port()
        redis_port = free_port()
        services.start("redis", PORT=redis_port)
        services.start("vote", PORT=self.port, APP_DIR=app_dir, REDIS_HOST="127.0.0.1", REDIS_PORT=redis_port,
                       DEBUGPY_PORT=self.debug_port)
        wait_until(lambda: port_listening(self.debug_port), 60, "debugpy to listen")
        wait_until(lambda: fetch(self.url("/healthz"))[0] == 200, 90, "vote /healthz")
        self.root = DapClient(self.debug_port)
        self.root.response(self.root.send("initialize", adapterID="debugpy", clientID="tests", pathFormat="path",
                                          linesStartAt1=True, columnsStartAt1=True))
        attach = self.root.send("attach", justMyCode=True, subProcess=True)
        self.root.event("initialized")
        self.root.response(self.root.send("configurationDone"))
        assert self.root.response(attach)["success"]
        self.app = self.attach_app(self.root.event("debugpyAttach", timeout=60)["body"])

    def attach_app(self, body):
        app = DapClient(self.debug_port)
        app.response(app.send("initialize", adapterID="debugpy", clientID="tests", pathFormat="path",
                              linesStartAt1=True, columnsStartAt1=True))
        attach = app.send("attach", redirectOutput=True, **body)
        app.event("initialized")
        app.response(app.send("configurationDone"))
        assert app.response(attach)["success"]
        return app

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def generation(self):
        return generation(fetch(self.url("/healthz"))[2])

    def save(self, source):
        with open(self.app_py, "w") as f:
            f.write(source)

    def save_and_wait(self, source, path, expected, timeout=30):
        """Saves, then polls path until it answers expected; returns the seconds it took."""
        t0 = time.monotonic()
        self.save(source)
        wait_until(lambda: fetch(self.url(path))[:2] == expected, timeout, f"{path} to answer {expected}")
        return time.monotonic() - t0

    def no_new_process(self):
        """No debugpyAttach since the first: the app process (and the debugger's session with it) is the same."""
        with pytest.raises(TimeoutError):
            self.root.event("debugpyAttach", timeout=0.2)

    def close(self):
        for c in (self.app, self.root):
            c.close()


@pytest.fixture(scope="module")
def vote(tmp_path_factory):
    need("redis-server", shutil.which("redis-server"))
    __import__("debugpy") if os.environ.get("CI") == "true" else pytest.importorskip("debugpy")
    tmp = tmp_path_factory.mktemp("devserver")
    app_dir = tmp / "vote"
    shutil.copytree(os.path.join(VOTING_APP, "vote"), app_dir, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    services = Services(str(tmp))
    running = None
    try:
        running = Vote(services, app_dir)
        yield running
    finally:
        if running:
            running.close()
        services.stop_all()
    assert services.alive() == []


def test_a_breakpoint_set_before_the_save_stops_in_the_new_code(vote):
    vote.save(vote.base + "LABEL = ''\n" + ROUTE.format(version="v1"))
    wait_until(lambda: fetch(vote.url("/probe"))[1] == "v1", 30, "v1")
    line = vote.base.count("\n") + 2 + ROUTE.format(version="v1").split("\n").index("    return version + LABEL")
    bps = vote.app.response(vote.app.send("setBreakpoints", source={"path": vote.app_py}, breakpoints=[{"line": line}]))
    assert bps["body"]["breakpoints"][0]["verified"], bps

    before = vote.generation()
    vote.save(vote.base + "LABEL = ''\n" + ROUTE.format(version="v2"))
    wait_until(lambda: vote.generation() > before, 30, "the reload")  # /healthz: no breakpoint there
    answer = {}
    request = threading.Thread(target=lambda: answer.update(r=fetch(vote.url("/probe"), 60)))
    request.start()
    stopped = vote.app.event("stopped", timeout=30)["body"]
    assert stopped["reason"] == "breakpoint"
    frame = vote.app.response(vote.app.send("stackTrace", threadId=stopped["threadId"]))["body"]["stackFrames"][0]
    assert (frame["name"], frame["line"]) == ("probe", line)
    value = vote.app.response(vote.app.send("evaluate", expression="version", frameId=frame["id"], context="repl"))
    assert value.get("body", {}).get("result") == "'v2'", value
    vote.app.response(vote.app.send("continue", threadId=stopped["threadId"]))
    request.join(30)
    assert answer["r"][:2] == (200, "v2")
    vote.app.response(vote.app.send("setBreakpoints", source={"path": vote.app_py}, breakpoints=[]))
    vote.no_new_process()


def test_a_syntax_error_is_shown_in_the_page_the_log_and_the_debug_console_and_the_next_good_save_recovers(vote):
    vote.save(vote.base + "\n\ndef broken(:\n    pass\n")
    wait_until(lambda: fetch(vote.url("/"))[0] == 500, 30, "the error page")
    status, body, _ = fetch(vote.url("/healthz"))
    assert status == 500 and "SyntaxError" in body and "app.py" in body
    wait_until(lambda: "SyntaxError" in vote.services.log("vote"), 10, "the traceback in the log")
    console = vote.app.wait_for(lambda m: m.get("event") == "output" and "SyntaxError" in m["body"]["output"], 10)
    assert console["body"]["category"] == "stderr"
    vote.save_and_wait(vote.base, "/healthz", (200, '{"redis":"ok","status":"ok"}\n'))
    vote.no_new_process()


def test_a_module_level_change_a_new_route_and_a_changed_constant_is_served_and_old_routes_are_gone(vote):
    vote.save_and_wait(vote.base + "LABEL = '-a'\n" + ROUTE.format(version="m1"), "/probe", (200, "m1-a"))
    renamed = vote.base + "LABEL = '-b'\n" + ROUTE.format(version="m2").replace("/probe", "/probe2")
    vote.save_and_wait(renamed, "/probe2", (200, "m2-b"))
    assert fetch(vote.url("/probe"))[0] == 404, "the removed route is gone"
    vote.no_new_process()


def test_ten_saves_in_two_seconds_end_with_the_last_version_served_and_one_session(vote):
    for i in range(10):
        vote.save(vote.base + "LABEL = ''\n" + ROUTE.format(version=f"burst{i}"))
        time.sleep(0.2)
    wait_until(lambda: fetch(vote.url("/probe"))[:2] == (200, "burst9"), 30, "the last version")
    time.sleep(0.5)
    assert fetch(vote.url("/probe"))[:2] == (200, "burst9")
    vote.no_new_process()


def test_a_requirements_change_restarts_the_process_and_the_session_follows_it(vote):
    with open(os.path.join(os.path.dirname(vote.app_py), "requirements.txt"), "a") as f:
        f.write("\n")
    renewed = vote.root.event("debugpyAttach", timeout=60)["body"]
    vote.app.close()
    vote.app = vote.attach_app(renewed)
    wait_until(lambda: fetch(vote.url("/healthz"))[0] == 200, 60, "the restarted app")
    assert vote.generation() == 0

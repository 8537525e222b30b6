"""End to end: run-local.sh up → votes through vote's HTTP → worker → Postgres → result's tally → down."""
import json
import re
import shutil
import time
import urllib.parse
import urllib.request

import pytest

from dap_client import port_listening
from engineio_client import PollingSocketIO
from stack import (new_state_dir, pid_running, ports_of, processes_of, recorded_pids,
                   require_prerequisites, run)

UP_TIMEOUT = 240
TALLY_TIMEOUT = 60


@pytest.fixture
def state_dir():
    require_prerequisites()
    path = new_state_dir()
    yield path
    if processes_of(path):
        run("down", path, timeout=60)
    shutil.rmtree(path, ignore_errors=True)


def http(url, data=None, cookie=None, timeout=30):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method="POST" if body else "GET")
    if cookie:
        req.add_header("Cookie", f"voter_id={cookie}")
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        cookies = re.findall(r"voter_id=([0-9a-f]+)", " ".join(resp.headers.get_all("Set-Cookie") or []))
        return resp.status, resp.read().decode(), (cookies[0] if cookies else None)


def wait_for(read, expected, timeout):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = read()
        if last == expected:
            return last
        time.sleep(0.5)
    return last


def scores_from_socketio(result_url, expected, timeout):
    client = PollingSocketIO(result_url).connect()
    deadline = time.monotonic() + timeout
    seen = None
    try:
        for name, args in client.events():
            if name == "scores":
                seen = json.loads(args[0])  # the payload is a JSON *string*, as in the original app
                if seen == expected or time.monotonic() > deadline:
                    break
    finally:
        client.close()
    return seen


def test_votes_flow_from_vote_to_result_and_down_leaves_nothing(state_dir):
    up = run("up", state_dir, timeout=UP_TIMEOUT, OPTION_A="Tabs", OPTION_B="Spaces")
    assert up.returncode == 0, f"up failed:\n{up.stdout}\n{up.stderr}"
    last_two = up.stdout.strip().splitlines()[-2:]
    assert re.fullmatch(r"vote=http://127\.0\.0\.1:\d+", last_two[0]), up.stdout
    assert re.fullmatch(r"result=http://127\.0\.0\.1:\d+", last_two[1]), up.stdout
    vote_url, result_url = (line.split("=", 1)[1] for line in last_two)
    printed = dict(line.split("=", 1) for line in up.stdout.strip().splitlines() if "=" in line)
    for debugger in ("debugpy", "jdwp"):  # vote under debugpy, worker with JDWP: both listen on loopback
        assert port_listening(int(printed[debugger].rsplit(":", 1)[1])), debugger

    status, page, _ = http(vote_url + "/")
    assert status == 200 and "Tabs vs Spaces!" in page
    status, page, _ = http(result_url + "/")
    assert status == 200 and "Tabs" in page and "Spaces" in page

    voters = {}
    for name in ("ann", "bob", "cid", "dee"):
        voters[name] = http(vote_url + "/")[2]  # each browser gets its own voter_id cookie
    assert len(set(voters.values())) == 4
    for name, choice in (("ann", "a"), ("bob", "b"), ("cid", "a"), ("dee", "b")):
        status, page, cookie = http(vote_url + "/", {"vote": choice}, cookie=voters[name])
        assert status == 200 and cookie == voters[name] and f'class="{choice} chosen"' in page
    _, _, eve = http(vote_url + "/", {"vote": "b"})  # no cookie yet: a fresh voter id
    assert eve not in voters.values()
    http(vote_url + "/", {"vote": "b"}, cookie=voters["cid"])  # cid changes their mind: a → b

    expected = {"a": 1, "b": 4}
    tally = wait_for(lambda: json.loads(http(result_url + "/api/scores")[1]), expected, TALLY_TIMEOUT)
    assert tally == expected
    assert scores_from_socketio(result_url, expected, TALLY_TIMEOUT) == expected

    started = recorded_pids(state_dir)
    assert len(started) == 5 and all(pid_running(p) for p in started)
    assert processes_of(state_dir), "up left nothing running?"
    down = run("down", state_dir, timeout=90)
    assert down.returncode == 0, down.stderr
    assert processes_of(state_dir) == []
    assert [p for p in started if pid_running(p)] == []
    assert [name for name, port in ports_of(state_dir).items() if port_listening(port)] == []
    again = run("down", state_dir, timeout=30)
    assert again.returncode == 0, again.stderr


def test_up_that_fails_shows_the_log_and_stops_what_it_started(state_dir, tmp_path):
    broken = tmp_path / "vote"
    broken.mkdir()
    (broken / "app.py").write_text("raise RuntimeError('vote exploded on import')\n")
    up = run("up", state_dir, timeout=UP_TIMEOUT, VOTE_APP_DIR=str(broken))
    assert up.returncode != 0
    assert "vote did not come up" in up.stderr
    assert "vote exploded on import" in up.stderr
    assert processes_of(state_dir) == []
    assert [name for name, port in ports_of(state_dir).items() if port_listening(port)] == []
    assert "vote=" not in up.stdout
